/**
 * "Add to calendar" links for one occurrence. Browser-safe: no luxon, type-only imports, only `Date`
 * and `encodeURIComponent`, so the widgets can build them from feed data.
 */
import type { Occurrence } from '../recurrence/occurrence.js';
import { locationText } from './location-text.js';

/**
 * The stable UID of a session's events: session ids are unique in a catalog, catalog ids per institution.
 * Every calendar entry mentorkit makes for a session uses it (the feed's `.ics`, the widgets' "Add to
 * calendar" file, the RSVP service's invitations); an occurrence of a repeating session is named within
 * it by RECURRENCE-ID (the feed occurrence's `recurrenceId`), so a person who adds it twice has it once.
 */
export function sessionUid(catalogId: string, sessionId: string): string {
  return `${sessionId}@${catalogId}.mentorkit`;
}

/** The occurrence fields a link needs (an {@link Occurrence} or a feed occurrence both fit). */
export type LinkOccurrence = Pick<Occurrence, 'start' | 'end' | 'timeZone'> & Partial<Pick<Occurrence, 'location'>>;

export interface CalendarLinkDetails {
  title: string;
  description?: string;
  /** Shown as the place; default: the occurrence's location as one line ("Online (Zoom)"). */
  location?: string;
  /** A page about the event, appended to the description. */
  url?: string;
}

/**
 * Longest description put in a link. Google and Outlook accept URLs of a few thousand characters, and
 * percent-encoding can triple a character's size, so longer text is cut at a word and ends in "…".
 */
export const MAX_LINK_DESCRIPTION = 1500;

function instant(value: string, what: string): Date {
  const date = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${what} must be an ISO 8601 instant with an offset, but got ${JSON.stringify(value)}`);
  return date;
}

function times(occurrence: LinkOccurrence): { start: Date; end: Date } {
  const start = instant(occurrence.start, 'occurrence.start');
  const end = instant(occurrence.end, 'occurrence.end');
  if (end.getTime() < start.getTime()) throw new RangeError(`occurrence.end (${occurrence.end}) is before occurrence.start (${occurrence.start})`);
  return { start, end };
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atSpace = cut.lastIndexOf(' ');
  return `${(atSpace > max * 0.6 ? cut.slice(0, atSpace) : cut).trimEnd()}…`;
}

function body(details: CalendarLinkDetails): string | undefined {
  const text = details.description !== undefined ? shorten(details.description, MAX_LINK_DESCRIPTION) : undefined;
  const parts = [text, details.url].filter((x): x is string => x !== undefined && x !== '');
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function place(occurrence: LinkOccurrence, details: CalendarLinkDetails): string | undefined {
  return details.location ?? (occurrence.location ? locationText(occurrence.location) : undefined);
}

function query(params: ReadonlyArray<readonly [string, string | undefined]>): string {
  return params
    .filter((p): p is readonly [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

/** `20260108T200000Z` */
const compactUtc = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
/** `2026-01-08T20:00:00Z` */
const isoUtc = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Google Calendar's event template: times in UTC (`dates=start/end`), `ctz` so the event is shown in its
 * own zone.
 */
export function googleCalendarUrl(occurrence: LinkOccurrence, details: CalendarLinkDetails): string {
  const { start, end } = times(occurrence);
  return `https://calendar.google.com/calendar/render?${query([
    ['action', 'TEMPLATE'],
    ['text', details.title],
    ['dates', `${compactUtc(start)}/${compactUtc(end)}`],
    ['details', body(details)],
    ['location', place(occurrence, details)],
    ['ctz', occurrence.timeZone],
  ])}`;
}

/** Outlook on the web's compose deep link, times in UTC. */
export function outlookCalendarUrl(occurrence: LinkOccurrence, details: CalendarLinkDetails): string {
  const { start, end } = times(occurrence);
  return `https://outlook.office.com/calendar/0/deeplink/compose?${query([
    ['path', '/calendar/action/compose'],
    ['rru', 'addevent'],
    ['subject', details.title],
    ['startdt', isoUtc(start)],
    ['enddt', isoUtc(end)],
    ['body', body(details)],
    ['location', place(occurrence, details)],
  ])}`;
}
