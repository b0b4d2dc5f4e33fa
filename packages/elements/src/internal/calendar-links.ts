/**
 * An .ics file for one occurrence, generated in the browser: a minimal iCalendar writer (one VEVENT,
 * UTC times, so no VTIMEZONE and no time-zone database are needed). Google and Outlook links come from
 * core (`googleCalendarUrl`, `outlookCalendarUrl` in `@mentorkit/core/browser`); core's full iCalendar
 * export needs luxon and belongs to feed building.
 *
 * A session whose time the catalog marks unknown (`timeUnknown`) becomes an all-day event on its dates
 * in its own zone, as core's iCalendar export writes it: DATE values, DTEND the day after the last date.
 */
import { localDate } from './format.js';

export interface CalendarEvent {
  /**
   * Stable across feed rebuilds and the same as the feed's `.ics` and the RSVP service's invitation
   * (core's `sessionUid`), so adding the event twice updates it rather than duplicating it.
   */
  uid: string;
  /** The occurrence's original start, naming it within a repeating session's UID (RECURRENCE-ID). */
  recurrenceId?: string | Date | undefined;
  title: string;
  start: string | Date;
  end: string | Date;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  cancelled?: boolean | undefined;
  /** Only the date is known: an all-day event on the dates of `start`…`end` in `timeZone`. */
  timeUnknown?: boolean | undefined;
  /** The session's IANA zone; needed for the dates of a `timeUnknown` event. */
  timeZone?: string | undefined;
}

/** Core's iCalendar export says the same in an all-day event's description. */
const DATE_ONLY_NOTE = 'Only the date has been published; the time of day is to be confirmed.';

/** The first date and the day after the last date (all-day events end exclusively), as `YYYY-MM-DD`. */
export function allDayDates(o: { start: string | Date; end: string | Date; timeZone: string }): { start: string; end: string } {
  const first = localDate(o.start, o.timeZone);
  const last = localDate(o.end, o.timeZone);
  return { start: first, end: nextDay(last > first ? last : first) };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const compactDate = (date: string) => date.replaceAll('-', '');

/**
 * Turns core's timed Google Calendar link into an all-day one (`dates=YYYYMMDD/YYYYMMDD`, end exclusive),
 * keeping its other parameters (title, description, place) as core wrote them.
 */
export function allDayGoogleUrl(url: string, dates: { start: string; end: string }): string {
  return url.replace(/([?&])dates=[^&]*/, `$1dates=${encodeURIComponent(`${compactDate(dates.start)}/${compactDate(dates.end)}`)}`).replace(/&ctz=[^&]*/, '');
}

/** Turns core's timed Outlook link into an all-day one (`allday=true`, dates without times). */
export function allDayOutlookUrl(url: string, dates: { start: string; end: string }): string {
  return `${url.replace(/([?&])startdt=[^&]*/, `$1startdt=${dates.start}`).replace(/([?&])enddt=[^&]*/, `$1enddt=${dates.end}`)}&allday=true`;
}

const toDate = (v: string | Date) => (typeof v === 'string' ? new Date(v) : v);

/** 20260108T200000Z */
function icsUtc(value: string | Date): string {
  return toDate(value).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A VCALENDAR with one VEVENT. `now` is the DTSTAMP (the caller's clock). */
export function icsForEvent(event: CalendarEvent, now: Date): string {
  const zone = event.timeUnknown === true ? event.timeZone : undefined;
  if (event.timeUnknown === true && zone === undefined) throw new RangeError('an event whose time is unknown needs its timeZone');
  const days = zone !== undefined ? allDayDates({ start: event.start, end: event.end, timeZone: zone }) : undefined;
  const times = days
    ? [
        ...(event.recurrenceId !== undefined ? [`RECURRENCE-ID;VALUE=DATE:${compactDate(localDate(event.recurrenceId, zone!))}`] : []),
        `DTSTART;VALUE=DATE:${compactDate(days.start)}`,
        `DTEND;VALUE=DATE:${compactDate(days.end)}`,
      ]
    : [
        ...(event.recurrenceId !== undefined ? [`RECURRENCE-ID:${icsUtc(event.recurrenceId)}`] : []),
        `DTSTART:${icsUtc(event.start)}`,
        `DTEND:${icsUtc(event.end)}`,
      ];
  const description = [days ? DATE_ONLY_NOTE : undefined, event.description].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//mentorkit//elements//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsText(event.uid)}`,
    `DTSTAMP:${icsUtc(now)}`,
    ...times,
    `SUMMARY:${icsText(event.title)}`,
  ];
  if (description) lines.push(`DESCRIPTION:${icsText(description)}`);
  if (event.location) lines.push(`LOCATION:${icsText(event.location)}`);
  if (event.url && /^https?:\/\//i.test(event.url)) lines.push(`URL:${event.url}`);
  lines.push(`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT', 'END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** A file name from a title: "Entering Mentoring: Equity" → "entering-mentoring-equity.ics". */
export function icsFileName(title: string, date: string | Date): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'event'}-${toDate(date).toISOString().slice(0, 10)}.ics`;
}

/** Starts a download of `text` as a file (a Blob URL, revoked after the click). */
export function downloadText(text: string, fileName: string, type = 'text/calendar;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
