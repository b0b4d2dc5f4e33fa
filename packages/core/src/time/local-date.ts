/**
 * Calendar dates of instants in a zone, with `Intl` alone (no luxon), so that the browser entry can use
 * them too: an occurrence whose time of day is unknown is judged by its date in its own zone.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function isoDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // en-US with 2-digit parts gives ASCII digits whatever the runtime's default locale.
    format = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    formats.set(timeZone, format);
  }
  return format;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDateOf(instant: string | number | Date, timeZone: string): string {
  const parts = isoDateFormat(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Whether an occurrence is over at `now`. One whose time is not known (`timeUnknown`) is still to come
 * through the end of its last date in its own zone: its start and end times are placeholders.
 */
export function occurrenceEnded(o: { end: string | Date; timeZone: string; timeUnknown?: boolean | undefined }, now: Date): boolean {
  if (o.timeUnknown === true) return localDateOf(now, o.timeZone) > localDateOf(o.end, o.timeZone);
  return new Date(o.end).getTime() <= now.getTime();
}

/** The calendar date after a `YYYY-MM-DD` date (an all-day event's exclusive end). */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
