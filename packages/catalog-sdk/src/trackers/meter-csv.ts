/**
 * Reads the CSV export of a glucose meter or sensor: LibreView (FreeStyle Libre,
 * in English or French), Dexcom Clarity, or any file with a date-time column and
 * a glucose column naming its unit. Pure: text in, values out; nothing is stored.
 */
import { ValidationError } from '../errors/errors.js';
import type { GlucoseUnit, NewGlucoseReading } from '../model/tracker.js';
import { DEFAULT_TIME_ZONE } from '../model/common.js';
import { zonedToInstant } from '../time/zone.js';
import { GLUCOSE_LIMITS_MG_PER_DL, toMgPerDl } from './glucose.js';

/** Which export a file was recognised as. */
export type MeterExportFormat = 'libreview' | 'dexcom' | 'generic';

/** A line of the file that held a glucose column but could not be read. */
export interface MeterCsvProblem {
  /** Line number in the file (1 for the first). */
  line: number;
  /** `date`: no readable moment; `value`: not a number a meter shows (e.g. « Low », « HI »). */
  reason: 'date' | 'value';
}

/** What a meter export holds. */
export interface MeterCsvContent {
  format: MeterExportFormat;
  /** The glucose values, oldest first, marked `imported`. */
  readings: NewGlucoseReading[];
  /** Lines with no glucose value (insulin, food, notes, device events). */
  otherRows: number;
  problems: MeterCsvProblem[];
}

/** Options of {@link parseMeterCsv}. */
export interface MeterCsvOptions {
  /** Zone the meter's clock was set in (default `Europe/Paris`). */
  timeZone?: string;
  /**
   * Order of `03/04/2026`-like dates when nothing in the file tells (a day over 12
   * does): `day-first` (default, as French exports) or `month-first` (US exports).
   */
  dateOrder?: 'day-first' | 'month-first';
}

/** Removes accents and case, for matching column names in any language. */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** Splits one CSV line (quotes, doubled quotes) on the delimiter. */
function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((value) => value.trim());
}

const TIME_COLUMNS = [
  'device timestamp',
  "horodatage de l'appareil",
  'horodatage de l appareil',
  'horodatage',
  'timestamp',
  'date/time',
  'date time',
  'datetime',
  'date et heure',
  'date heure',
];

/** A glucose column: its index and the unit its header names. */
interface GlucoseColumn {
  index: number;
  unit: GlucoseUnit;
}

interface Header {
  line: number;
  delimiter: string;
  time: number;
  glucose: GlucoseColumn[];
  format: MeterExportFormat;
  eventType?: number;
}

function unitOf(header: string): GlucoseUnit | undefined {
  if (/mg\s*\/\s*dl/.test(header)) return 'mg/dL';
  if (/mmol\s*\/\s*l/.test(header)) return 'mmol/L';
  return undefined;
}

function findHeader(lines: readonly string[]): Header | undefined {
  for (const [index, line] of lines.slice(0, 20).entries()) {
    const delimiter = [',', ';', '\t'].reduce((best, candidate) =>
      line.split(candidate).length > line.split(best).length ? candidate : best,
    );
    const names = splitLine(line, delimiter).map(normalise);
    const time = names.findIndex((name) =>
      TIME_COLUMNS.some((column) => name === column || name.startsWith(`${column} (`)),
    );
    if (time < 0) continue;
    const glucose = names.flatMap((name, column) => {
      const unit = unitOf(name);
      return unit && /glucose|glycemie/.test(name) && !/rate|vitesse|tendance|change/.test(name)
        ? [{ index: column, unit }]
        : [];
    });
    if (glucose.length === 0) continue;
    const eventType = names.indexOf('event type');
    const format: MeterExportFormat = names.some((name) => name === 'record type' || name === "type d'enregistrement")
      ? 'libreview'
      : eventType >= 0
        ? 'dexcom'
        : 'generic';
    return { line: index, delimiter, time, glucose, format, ...(eventType >= 0 ? { eventType } : {}) };
  }
  return undefined;
}

const pad = (value: string): string => value.padStart(2, '0');

/** The wall-clock `YYYY-MM-DDTHH:mm:ss` of a cell, or undefined. */
function wallClockOf(cell: string, order: 'day-first' | 'month-first'): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(cell);
  if (iso) {
    const [, year = '', month = '', day = '', hour = '', minute = '', second = '00'] = iso;
    return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}:${pad(second)}`;
  }
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[ T](\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(
    cell,
  );
  if (!local) return undefined;
  const [, first = '', second = '', year = '', hourText = '', minute = '', seconds = '00', meridiem] = local;
  const dayFirst = Number(first) > 12 ? true : Number(second) > 12 ? false : order === 'day-first';
  const [day, month] = dayFirst ? [first, second] : [second, first];
  let hour = Number(hourText);
  if (meridiem) hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  return `${year}-${pad(month)}-${pad(day)}T${pad(String(hour))}:${minute}:${pad(seconds)}`;
}

/**
 * Reads a meter's CSV export. Rows without a glucose value (insulin, food,
 * notes) are counted in `otherRows`; unreadable ones are listed in `problems`
 * with their line. Rejects with `ValidationError` (field `file`) when the file
 * has no date-time and glucose columns.
 */
export function parseMeterCsv(text: string, options: MeterCsvOptions = {}): MeterCsvContent {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = findHeader(lines);
  if (!header) throw new ValidationError('file', 'has no date-time and glucose columns of a known meter export');
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const order = options.dateOrder ?? 'day-first';
  const readings: NewGlucoseReading[] = [];
  const problems: MeterCsvProblem[] = [];
  let otherRows = 0;
  for (let index = header.line + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    const cells = splitLine(line, header.delimiter);
    const glucose = header.glucose.find((column) => (cells[column.index] ?? '') !== '');
    const eventType = header.eventType === undefined ? undefined : normalise(cells[header.eventType] ?? '');
    if (
      !glucose ||
      (eventType !== undefined && eventType !== '' && eventType !== 'egv' && eventType !== 'calibration')
    ) {
      otherRows += 1;
      continue;
    }
    const lineNumber = index + 1;
    const typed = (cells[glucose.index] ?? '').replace(',', '.');
    const value = /^\d+(\.\d+)?$/.test(typed) ? Number(typed) : Number.NaN;
    const mgPerDl = toMgPerDl(value, glucose.unit);
    if (!(mgPerDl >= GLUCOSE_LIMITS_MG_PER_DL.min && mgPerDl <= GLUCOSE_LIMITS_MG_PER_DL.max)) {
      problems.push({ line: lineNumber, reason: 'value' });
      continue;
    }
    const wall = wallClockOf(cells[header.time] ?? '', order);
    let at: string | undefined;
    try {
      at = wall === undefined ? undefined : zonedToInstant(wall, timeZone).toISOString();
    } catch {
      at = undefined;
    }
    if (at === undefined) {
      problems.push({ line: lineNumber, reason: 'date' });
      continue;
    }
    readings.push({ at, value, unit: glucose.unit, origin: 'imported' });
  }
  readings.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { format: header.format, readings, otherRows, problems };
}
