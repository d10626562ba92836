import { msg, str } from '@lit/localize';
import type { AccessLevel, GrantedParts, RecordPart } from '@carnet/catalog-sdk';
import { RECORD_PARTS } from '@carnet/catalog-sdk';

/** A part of the record in the patient's words. Called at render time (locale). */
export function partLabel(part: RecordPart): string {
  switch (part) {
    case 'documents':
      return msg('Documents');
    case 'agenda':
      return msg('Agenda');
    case 'organiser':
      return msg('Pilulier');
    case 'messages':
      return msg('Messages');
  }
}

/** A part as the patient's own, in a sentence: « votre agenda ». Called at render time (locale). */
export function yourPart(part: RecordPart): string {
  switch (part) {
    case 'documents':
      return msg('vos documents');
    case 'agenda':
      return msg('votre agenda');
    case 'organiser':
      return msg('votre pilulier');
    case 'messages':
      return msg('vos messages');
  }
}

/** « votre agenda et votre pilulier »: the parts a grant opens, as the patient's own. */
export function yourParts(parts: GrantedParts, locale: string): string {
  const items = RECORD_PARTS.filter((part) => parts[part]).map(yourPart);
  if (items.length === 0) return msg('votre carnet');
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** A level in words. */
export function levelLabel(level: AccessLevel): string {
  return level === 'write' ? msg('lecture et modification') : msg('lecture seule');
}

/** « Agenda (lecture seule), Documents (lecture et modification) ». */
export function partsSummary(parts: GrantedParts, locale: string): string {
  const items = RECORD_PARTS.flatMap((part) => {
    const level = parts[part];
    return level ? [msg(str`${partLabel(part)} (${levelLabel(level)})`)] : [];
  });
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** « jusqu’au 3 mars 2027 » or « jusqu’à ce que vous retiriez l’accès ». */
export function untilLabel(until: string | undefined, locale: string): string {
  if (until === undefined) return msg('jusqu’à ce que vous retiriez l’accès');
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(until));
  return msg(str`jusqu’au ${date} inclus`);
}

/** The end of a day chosen in a date field (`YYYY-MM-DD`), as an instant in the reader's zone; undefined when empty. */
export function endOfDay(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return end.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
