/**
 * TZID values found in the wild mapped to IANA zones: IANA names themselves,
 * Outlook's Windows zone names (CLDR's primary zone for each), prefixed names
 * (`/mozilla.org/20070129_1/Europe/Paris`) and Outlook display names.
 */
import { isKnownTimeZone } from '../time/zone.js';

/** Windows zone names (as Outlook writes them in TZID) → IANA, per CLDR windowsZones. */
export const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'Romance Standard Time': 'Europe/Paris',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'GTB Standard Time': 'Europe/Bucharest',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Atlantic Standard Time': 'America/Halifax',
  'SA Western Standard Time': 'America/La_Paz',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Mauritius Standard Time': 'Indian/Mauritius',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Calcutta',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
};

// Outlook sometimes writes the display name, e.g. "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris".
const DISPLAY_NAMES: readonly [RegExp, string][] = [
  [/\bParis\b/, 'Europe/Paris'],
  [/\bAmsterdam\b|\bBerlin\b/, 'Europe/Berlin'],
  [/\bLondon\b|\bDublin\b|\bLisbon\b/, 'Europe/London'],
  [/Eastern Time/, 'America/New_York'],
  [/Central Time/, 'America/Chicago'],
  [/Mountain Time/, 'America/Denver'],
  [/Pacific Time/, 'America/Los_Angeles'],
];

/** The IANA zone a TZID names, or undefined when we cannot tell. */
export function ianaZoneOf(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^"(.*)"$/, '$1');
  if (name === '') return undefined;
  const windows = WINDOWS_ZONES[name];
  if (windows) return windows;
  if ((name.includes('/') || /^(UTC|GMT|Etc\/UTC)$/i.test(name)) && isKnownTimeZone(name)) return name;
  // Prefixed names: try the last two, then three, path segments.
  const segments = name.split('/').filter((s) => s !== '');
  for (const length of [2, 3]) {
    const candidate = segments.slice(-length).join('/');
    if (segments.length >= length && /^[A-Z][A-Za-z_]+\//.test(candidate) && isKnownTimeZone(candidate))
      return candidate;
  }
  for (const [pattern, zone] of DISPLAY_NAMES) if (pattern.test(name)) return zone;
  return undefined;
}
