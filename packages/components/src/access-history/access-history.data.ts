import type { AccessEntry } from '@carnet/catalog-sdk';

/** Filters of the access history. */
export interface AccessFilter {
  /** `kind:id` of one person, or empty for everyone. */
  person: string;
  /** First day shown (`YYYY-MM-DD`), inclusive; empty for no bound. */
  from: string;
  /** Last day shown (`YYYY-MM-DD`), inclusive; empty for no bound. */
  to: string;
}

/** The key of a person in the filter. */
export const personKey = (entry: AccessEntry): string => `${entry.actor.kind}:${entry.actor.id}`;

/** Entries kept by the filter (days in the reader's time zone). */
export function filterEntries(entries: readonly AccessEntry[], filter: AccessFilter): AccessEntry[] {
  const day = (instant: string): string => {
    const date = new Date(instant);
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  };
  return entries.filter(
    (entry) =>
      (!filter.person || personKey(entry) === filter.person) &&
      (!filter.from || day(entry.at) >= filter.from) &&
      (!filter.to || day(entry.at) <= filter.to),
  );
}

/** One CSV cell: quoted, quotes doubled, and formula starts neutralised for spreadsheets. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The history as CSV (RFC 4180, CRLF), with the columns as the reader sees them. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
