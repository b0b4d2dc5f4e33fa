// Wall-clock ("floating") times as numbers: the milliseconds a UTC clock would show for the same reading.
// Arithmetic on them is calendar arithmetic with no zone in it, so it means the same on every host.
// Only getUTC*/Date.UTC are used here: local-time Date methods would leak the host's zone.
import { DAY_MS, floatingFromParts, MINUTE_MS } from '../time/millis.js';
import { splitLocalDateTime, type LocalDateTime } from '../time/time.schema.js';

export { DAY_MS, floatingFromParts, HOUR_MS, MINUTE_MS } from '../time/millis.js';

export function floatingFromLocal(value: LocalDateTime): number {
  const p = splitLocalDateTime(value);
  return floatingFromParts(p.year, p.month, p.day, p.hour, p.minute, p.second);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const pad2 = (n: number): string => TWO_DIGITS[n] ?? String(n);
const pad4 = (n: number): string => String(n).padStart(4, '0');
/** `HH:mm` for each minute of the day. */
const CLOCK = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);

// Expanding a catalog formats the same few hundred dates over and over: remember them.
const dayText = new Map<number, string>();
function dateOf(day: number): string {
  let text = dayText.get(day);
  if (text === undefined) {
    const d = new Date(day * DAY_MS);
    text = `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
    if (dayText.size > 50_000) dayText.clear();
    dayText.set(day, text);
  }
  return text;
}

/** `YYYY-MM-DDTHH:mm`, with `:ss` only when the seconds are not zero (the catalog's own spelling). */
export function localFromFloating(ms: number): LocalDateTime {
  const day = Math.floor(ms / DAY_MS);
  const inDay = ms - day * DAY_MS;
  const second = Math.floor(inDay / 1000) % 60;
  const base = `${dateOf(day)}T${CLOCK[Math.floor(inDay / MINUTE_MS)]}`;
  return second === 0 ? base : `${base}:${pad2(second)}`;
}

const offsetText = new Map<number, string>();
function offsetOf(minutes: number): string {
  let text = offsetText.get(minutes);
  if (text === undefined) {
    const abs = Math.abs(minutes);
    text = `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    offsetText.set(minutes, text);
  }
  return text;
}

/** ISO 8601 instant written in its zone's offset: `2026-01-08T15:00:00.000-05:00`. */
export function isoWithOffset(instantMs: number, offsetMinutes: number): string {
  const local = instantMs + offsetMinutes * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  const inDay = local - day * DAY_MS;
  const ms = inDay % 1000;
  const seconds = Math.floor(inDay / 1000) % 60;
  return `${dateOf(day)}T${CLOCK[Math.floor(inDay / MINUTE_MS)]}:${pad2(seconds)}.${ms < 10 ? `00${ms}` : ms < 100 ? `0${ms}` : ms}${offsetOf(offsetMinutes)}`;
}

// An instant must say its offset: without one, Date.parse would read the string in the host's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Milliseconds of an instant given as an ISO string with an offset (or Z) or a Date; NaN when it cannot be read. */
export function instantMs(value: string | Date): number {
  if (value instanceof Date) return value.getTime();
  return typeof value === 'string' && ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
}
