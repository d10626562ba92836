/**
 * The recurring part of an agenda event as Appointment extensions: exdates,
 * occurrence overrides and reminders (R5's recurrenceTemplate is the model).
 */
import type { Extension } from '@medplum/fhirtypes';
import type { OccurrenceOverride, Reminder } from '../agenda.js';
import type { ExtensionReader } from './extensions.js';
import { booleanExtension, integerExtension, stringExtension } from './extensions.js';
import { fail, isLocalDateTime, nonEmpty, optionalString, requireInteger, withoutUndefined } from './read.js';
import { EXDATE_EXTENSION_URL, OCCURRENCE_OVERRIDE_EXTENSION_URL, REMINDER_EXTENSION_URL } from './urls.js';

/** Reads the wall-clock exdates. */
export function readExdates(extensions: ExtensionReader): string[] {
  return extensions.localDateTimes(EXDATE_EXTENSION_URL);
}

/** Reads the occurrence overrides (complex extension, sub-extensions by name). */
export function readOverrides(extensions: ExtensionReader): OccurrenceOverride[] {
  return extensions.complex(OCCURRENCE_OVERRIDE_EXTENSION_URL).map(({ path, reader }) => {
    const originalStart = reader.localDateTime('originalStart');
    if (originalStart === undefined) fail(`${path}.extension[originalStart]`, 'is missing');
    return withoutUndefined<OccurrenceOverride>({
      originalStart,
      start: reader.localDateTime('start'),
      end: reader.localDateTime('end'),
      cancelled: reader.boolean('cancelled'),
      note: reader.string('note'),
    });
  });
}

/** Reads the reminders (complex extension with `minutesBefore`). */
export function readReminders(extensions: ExtensionReader): Reminder[] {
  return extensions.complex(REMINDER_EXTENSION_URL).map(({ path, reader }) => {
    const minutesBefore = reader.integer('minutesBefore');
    if (minutesBefore === undefined) fail(`${path}.extension[minutesBefore]`, 'is missing');
    return { minutesBefore };
  });
}

/** Writes exdates, overrides and reminders, checking the wall-clock values. */
export function seriesExtensions(
  exdates: readonly string[],
  overrides: readonly OccurrenceOverride[],
  reminders: readonly Reminder[],
): Extension[] {
  const checkLocal = (path: string, value: string | undefined): string | undefined => {
    if (value !== undefined && !isLocalDateTime(value)) fail(path, 'is not a wall-clock date-time YYYY-MM-DDTHH:mm:ss');
    return value;
  };
  const exdateExtensions = exdates.map((exdate, i) => ({
    url: EXDATE_EXTENSION_URL,
    valueString: checkLocal(`AgendaEvent.exdates[${i}]`, exdate) as string,
  }));
  const overrideExtensions = overrides.map((o, i): Extension => {
    const path = `AgendaEvent.overrides[${i}]`;
    if (o.originalStart === undefined) fail(`${path}.originalStart`, 'is missing');
    return {
      url: OCCURRENCE_OVERRIDE_EXTENSION_URL,
      extension: nonEmpty([
        stringExtension('originalStart', checkLocal(`${path}.originalStart`, o.originalStart)),
        stringExtension('start', checkLocal(`${path}.start`, o.start)),
        stringExtension('end', checkLocal(`${path}.end`, o.end)),
        booleanExtension('cancelled', o.cancelled),
        stringExtension('note', o.note === undefined ? undefined : optionalString(`${path}.note`, o.note)),
      ]),
    };
  });
  const reminderExtensions = reminders.map((reminder, i): Extension => ({
    url: REMINDER_EXTENSION_URL,
    extension: [
      integerExtension(
        'minutesBefore',
        requireInteger(`AgendaEvent.reminders[${i}].minutesBefore`, reminder.minutesBefore),
      ) as Extension,
    ],
  }));
  return [...exdateExtensions, ...overrideExtensions, ...reminderExtensions];
}
