/**
 * The instant a person means by a day and a time typed in an entry form (`YYYY-MM-DD`,
 * `HH:MM`), on the device's clock: they type the time their watch shows.
 */
export function deviceInstant(day: string, time: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, date ?? 1, hours ?? 0, minutes ?? 0).toISOString();
}
