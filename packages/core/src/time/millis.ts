// Wall-clock readings as the milliseconds a UTC clock would show for them. Only getUTC*/Date.UTC are
// used: local-time Date methods would leak the host's zone.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Milliseconds of a calendar reading. Years below 100 are kept as written (Date.UTC maps them to 19xx). */
export function floatingFromParts(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}
