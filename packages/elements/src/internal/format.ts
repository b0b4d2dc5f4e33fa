/**
 * Dates for people, with plain `Intl` (the feed carries instants and IANA zones, so the browser needs no
 * time-zone database of its own). Formatters are cached: a list of 1,000 workshops formats thousands of
 * dates and constructing `Intl.DateTimeFormat` is the expensive part.
 */
import { localDateOf as localDate, occurrenceEnded, SESSION_RANGE_FORMAT } from '@mentorkit/core/browser';
import { msg } from './localize.js';
import { once } from './memo.js';

type Instant = string | Date;

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return once(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

const zonedFormatters = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/**
 * The formatter for a constant `preset` in `timeZone`. Looked up by the preset's identity and a short
 * key, without serialising options: a first render of 1,000 workshops asks for formatters some ten
 * thousand times.
 */
function zoned(locale: string, timeZone: string, preset: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byKey = zonedFormatters.get(preset);
  if (!byKey) zonedFormatters.set(preset, (byKey = new Map<string, Intl.DateTimeFormat>()));
  const key = `${locale}|${timeZone}`;
  let f = byKey.get(key);
  if (!f) byKey.set(key, (f = new Intl.DateTimeFormat(locale, { ...preset, timeZone })));
  return f;
}

const toDate = (value: Instant): Date => (typeof value === 'string' ? new Date(value) : value);

const RANGE: Intl.DateTimeFormatOptions = SESSION_RANGE_FORMAT;
const RANGE_WITH_ZONE: Intl.DateTimeFormatOptions = { ...RANGE, timeZoneName: 'short' };
const OFFSET: Intl.DateTimeFormatOptions = { timeZoneName: 'longOffset' };
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
const MONTH: Intl.DateTimeFormatOptions = { month: 'short' };
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric' };
const WEEKDAY: Intl.DateTimeFormatOptions = { weekday: 'short' };

/**
 * A start–end range in one zone, e.g. "Thursday, January 8, 2026, 3:00 – 4:00 PM EST".
 * `Intl` collapses what the two ends share (the date when both fall on the same day). `formatRange` is
 * some twenty times slower than `format`, so results are remembered: re-rendering a filtered list of
 * a thousand sessions must not format them all again.
 */
export function formatRange(start: Instant, end: Instant, locale: string, timeZone: string, options: { zoneName?: boolean } = {}): string {
  const withZone = options.zoneName !== false;
  const key = `${locale}|${timeZone}|${withZone ? 1 : 0}|${String(start)}|${String(end)}`;
  let text = ranges.get(key);
  if (text === undefined) {
    text = zoned(locale, timeZone, withZone ? RANGE_WITH_ZONE : RANGE).formatRange(toDate(start), toDate(end));
    if (ranges.size >= MAX_REMEMBERED) ranges.clear();
    ranges.set(key, text);
  }
  return text;
}

const ranges = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

/** The UTC offset of `timeZone` at an instant, as `Intl` names it ("GMT-05:00"). */
function offsetAt(date: Date, timeZone: string): string {
  const parts = zoned('en-US', timeZone, OFFSET).formatToParts(date);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

const dates = new Map<string, string>();

/** A date alone ("13 January 2026"), in `timeZone`. */
export function formatDate(value: Instant, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}|${String(value)}`;
  let text = dates.get(key);
  if (text === undefined) {
    text = zoned(locale, timeZone, DATE).format(toDate(value));
    if (dates.size >= MAX_REMEMBERED) dates.clear();
    dates.set(key, text);
  }
  return text;
}

/** A date and time ("13 January 2026, 09:00"), in `timeZone`, with the zone name. */
export function formatDateTime(value: Instant, locale: string, timeZone: string): string {
  return zoned(locale, timeZone, DATE_TIME).format(toDate(value));
}

const leaves = new Map<string, { month: string; day: string; weekday: string }>();

/** The short month/day parts for a calendar-leaf badge ("JAN", "8"). */
export function formatDateParts(value: Instant, locale: string, timeZone: string): { month: string; day: string; weekday: string } {
  const key = `${locale}|${timeZone}|${String(value)}`;
  let parts = leaves.get(key);
  if (!parts) {
    const date = toDate(value);
    parts = {
      month: zoned(locale, timeZone, MONTH).format(date),
      day: zoned(locale, timeZone, DAY).format(date),
      weekday: zoned(locale, timeZone, WEEKDAY).format(date),
    };
    if (leaves.size >= MAX_REMEMBERED) leaves.clear();
    leaves.set(key, parts);
  }
  return parts;
}

/** The visitor's IANA zone, read from the environment once by the caller (e.g. when a widget connects). */
export function viewerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The calendar date of an instant in `timeZone` (`YYYY-MM-DD`), and whether an occurrence is over at
 * `now` (one whose time is unknown lasts through its date in its own zone): core's helpers, so the
 * widgets, the fallbacks, the server's mail and the queries judge dates alike.
 */
export { localDate, occurrenceEnded };

/** "time to be announced", for a session whose date is published but not its time of day. */
export function timeToBeAnnounced(): string {
  return msg('time to be announced', { id: 'time-tba' });
}

export interface OccurrenceTimes {
  /** The range in the event's own zone, with the zone name. */
  event: string;
  /** The range in the viewer's zone, only when it reads differently from the event's. */
  viewer: string | undefined;
}

/**
 * An occurrence's times in the event's zone and, when the wall clock differs there, in the viewer's.
 * Zones are compared by their offsets at both ends (New York and Toronto show the same clock), not by
 * name. When the catalog marks the time unknown (`timeUnknown`), only the date is shown, in the event's
 * zone, with "time to be announced": the start and end are placeholders and no clock time is printed.
 */
export function formatOccurrenceTimes(
  o: { start: Instant; end: Instant; timeZone: string; timeUnknown?: boolean | undefined },
  locale: string,
  viewerZone: string,
): OccurrenceTimes {
  if (o.timeUnknown === true) return { event: formatDateOnly(o, locale), viewer: undefined };
  const key = `${locale}|${viewerZone}|${o.timeZone}|${String(o.start)}|${String(o.end)}`;
  let times = occurrenceTimes.get(key);
  if (!times) {
    const event = formatRange(o.start, o.end, locale, o.timeZone);
    const start = toDate(o.start);
    const end = toDate(o.end);
    const sameClock =
      viewerZone === o.timeZone || (offsetAt(start, o.timeZone) === offsetAt(start, viewerZone) && offsetAt(end, o.timeZone) === offsetAt(end, viewerZone));
    times = { event, viewer: sameClock ? undefined : formatRange(o.start, o.end, locale, viewerZone) };
    if (occurrenceTimes.size >= MAX_REMEMBERED) occurrenceTimes.clear();
    occurrenceTimes.set(key, times);
  }
  return times;
}

const occurrenceTimes = new Map<string, OccurrenceTimes>();

/** "January 8, 2026 · time to be announced" (or "January 8 – 9, 2026 · …" over several days). */
function formatDateOnly(o: { start: Instant; end: Instant; timeZone: string }, locale: string): string {
  const first = localDate(o.start, o.timeZone);
  const last = localDate(o.end, o.timeZone);
  const dates = last > first ? zoned(locale, o.timeZone, DATE).formatRange(toDate(o.start), toDate(o.end)) : formatDate(o.start, locale, o.timeZone);
  return `${dates} · ${timeToBeAnnounced()}`;
}


/** ICU output uses narrow and regular no-break spaces; tests compare with plain spaces. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0\u2009]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * "2020", "May 2020" or "May 4, 2020" from a catalog's year, year-month or date (`2020`, `2020-05`,
 * `2020-05-04`), in `locale`. Anything else, or a date that does not exist, is returned as written.
 */
export function formatPartialDate(value: string, locale: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [, y, mo = '01', d = '01'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return value;
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric', ...(m[2] ? { month: 'long' } : {}), ...(m[3] ? { day: 'numeric' } : {}) };
  return dateTimeFormat(locale, options).format(date);
}
