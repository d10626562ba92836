/**
 * The iCalendar implementation, loaded lazily by `icalendar.ts` (it pulls in
 * `ical.js`). Not part of the public API.
 */
export { toICalendar } from './icalendar-export.js';
export { fromICalendar } from './icalendar-import.js';
