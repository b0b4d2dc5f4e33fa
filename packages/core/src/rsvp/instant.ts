/**
 * Reading ISO 8601 instants that carry an offset (`2026-01-08T15:00:00.000-05:00`, `…Z`), the form the feed
 * and the service exchange. No imports (browser-safe). A bare local time is refused rather than read in the
 * host's zone, and the parse is done by hand because allocation reads thousands of these per call.
 */

/** Milliseconds since the epoch, or NaN when `text` is not `YYYY-MM-DDTHH:mm[:ss[.fff…]](Z|±HH:mm)`. */
export function parseInstant(text: string): number {
  if (typeof text !== 'string') return Number.NaN;
  const n = text.length;
  if (n < 17) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(10) !== T || text.charCodeAt(13) !== COLON) return Number.NaN;
  let i = 16;
  let second = 0;
  let millisecond = 0;
  if (text.charCodeAt(i) === COLON) {
    second = digits(text, i + 1, 2);
    i += 3;
    if (text.charCodeAt(i) === DOT) {
      const start = ++i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (i === start) return Number.NaN;
      // Milliseconds from the first three fraction digits; finer digits cannot change the millisecond.
      millisecond = digits((text.slice(start, Math.min(i, start + 3)) + '00').slice(0, 3), 0, 3);
    }
  }
  let offset: number;
  const sign = text.charCodeAt(i);
  if (sign === Z && i + 1 === n) offset = 0;
  else if ((sign === PLUS || sign === DASH) && i + 6 === n && text.charCodeAt(i + 3) === COLON) {
    const oh = digits(text, i + 1, 2);
    const om = digits(text, i + 4, 2);
    if (!(oh <= 23 && om <= 59)) return Number.NaN;
    offset = (sign === PLUS ? 1 : -1) * (oh * 60 + om);
  } else return Number.NaN;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  let utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100) utc = new Date(utc).setUTCFullYear(year);
  return utc - offset * 60_000;
}

/** Like {@link parseInstant} but throws a RangeError naming `what` (built only when needed). */
export function requireInstant(text: string, what: () => string): number {
  const ms = parseInstant(text);
  if (Number.isNaN(ms)) throw new RangeError(`${what()} must be an ISO instant with an offset, e.g. 2026-01-08T15:00:00-05:00; got ${JSON.stringify(text)}`);
  return ms;
}

const DASH = 45;
const PLUS = 43;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The number written by `count` digits at `from`, or NaN. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return Number.NaN;
    value = value * 10 + (c - 48);
  }
  return value;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
