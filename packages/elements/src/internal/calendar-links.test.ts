import { describe, expect, it } from 'vitest';
import { googleCalendarUrl, outlookCalendarUrl } from '@mentorkit/core/browser';
import { allDayDates, allDayGoogleUrl, allDayOutlookUrl, icsFileName, icsForEvent } from './calendar-links.js';

const event = {
  uid: 'new-semester/2026-01-08@mentorkit',
  title: 'Mentoring; a workshop, with commas\\backslashes',
  start: '2026-01-08T15:00:00.000-05:00',
  end: '2026-01-08T16:00:00.000-05:00',
  description: 'Line one\nLine two',
  location: 'Butler Library, Room 203',
  url: 'https://ctl.example.edu/w',
};

describe('icsForEvent', () => {
  const ics = icsForEvent(event, new Date('2026-01-05T12:00:00Z'));
  const lines = ics.split('\r\n');

  it('writes one VEVENT with UTC times and CRLF line ends', () => {
    expect(lines.slice(0, 6)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//mentorkit//elements//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'BEGIN:VEVENT']);
    expect(lines).toContain('DTSTART:20260108T200000Z');
    expect(lines).toContain('DTEND:20260108T210000Z');
    expect(lines).toContain('DTSTAMP:20260105T120000Z');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
  });

  it('names an occurrence of a repeating session by its original start in UTC (RECURRENCE-ID), beside the session UID', () => {
    const moved = icsForEvent({ ...event, recurrenceId: '2026-01-08T14:00:00.000-05:00' }, new Date(0)).split('\r\n');
    expect(moved).toContain('UID:new-semester/2026-01-08@mentorkit');
    expect(moved).toContain('RECURRENCE-ID:20260108T190000Z');
    expect(moved).toContain('DTSTART:20260108T200000Z');
    expect(lines.some((l) => l.startsWith('RECURRENCE-ID'))).toBe(false);
  });

  it('escapes TEXT values', () => {
    expect(lines).toContain('SUMMARY:Mentoring\\; a workshop\\, with commas\\\\backslashes');
    expect(lines).toContain('DESCRIPTION:Line one\\nLine two');
  });

  it('folds lines over 75 octets without splitting a UTF-8 character', () => {
    const long = icsForEvent({ ...event, title: 'É'.repeat(100) }, new Date(0)).split('\r\n');
    const start = long.findIndex((l) => l.startsWith('SUMMARY:'));
    const encoder = new TextEncoder();
    for (let i = start; long[i]!.startsWith('SUMMARY:') || long[i]!.startsWith(' '); i++) expect(encoder.encode(long[i]).length).toBeLessThanOrEqual(75);
    const unfolded = long.join('\r\n').replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:${'É'.repeat(100)}`);
  });

  it('marks cancelled events and leaves out non-http URLs', () => {
    const text = icsForEvent({ ...event, cancelled: true, url: 'javascript:alert(1)' }, new Date(0));
    expect(text).toContain('STATUS:CANCELLED');
    expect(text).not.toContain('URL:');
  });
});

it('icsFileName makes a safe slug with the date', () => {
  expect(icsFileName('Entering Mentoring: Equity & Inclusión!', '2026-02-03T15:00:00Z')).toBe('entering-mentoring-equity-inclusion-2026-02-03.ics');
  expect(icsFileName('<script>', '2026-02-03T15:00:00Z')).toBe('script-2026-02-03.ics');
});

describe('a session whose time is unknown', () => {
  // Placeholder times: 23:30–23:45 on January 8 in Kolkata is still January 8 there, but 18:00 UTC.
  const tba = { ...event, start: '2026-01-08T23:30:00.000+05:30', end: '2026-01-08T23:45:00.000+05:30', timeUnknown: true, timeZone: 'Asia/Kolkata' };

  it('is an all-day .ics event on its date in its zone (DATE values, DTEND the next day), like core’s export', () => {
    const lines = icsForEvent(tba, new Date(0)).split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260108');
    expect(lines).toContain('DTEND;VALUE=DATE:20260109');
    expect(lines.some((l) => /^DT(START|END):/.test(l))).toBe(false);
    expect(lines).toContain(`UID:${icsTextOf(tba.uid)}`);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/^DESCRIPTION:Only the date has been published/);
    const moved = icsForEvent({ ...tba, recurrenceId: '2026-01-08T23:30:00.000+05:30' }, new Date(0)).split('\r\n');
    expect(moved).toContain('RECURRENCE-ID;VALUE=DATE:20260108');
  });

  it('spans every date from start to end, end exclusive', () => {
    expect(allDayDates({ start: '2026-01-08T00:00:00.000-05:00', end: '2026-01-09T00:00:00.000-05:00', timeZone: 'America/New_York' })).toEqual({ start: '2026-01-08', end: '2026-01-10' });
    expect(allDayDates({ start: '2026-12-31T00:00:00.000-05:00', end: '2026-12-31T01:00:00.000-05:00', timeZone: 'America/New_York' })).toEqual({ start: '2026-12-31', end: '2027-01-01' });
  });

  it('needs its zone', () => {
    expect(() => icsForEvent({ ...tba, timeZone: undefined }, new Date(0))).toThrow(RangeError);
  });

  it('turns Google and Outlook links into all-day ones, keeping the other fields', () => {
    const days = allDayDates(tba);
    const when = { start: tba.start, end: tba.end, timeZone: tba.timeZone };
    const details = { title: 'A & B', description: 'x', location: 'Room 1' };
    const google = new URL(allDayGoogleUrl(googleCalendarUrl(when, details), days));
    expect(google.searchParams.get('dates')).toBe('20260108/20260109');
    expect(google.searchParams.get('text')).toBe('A & B');
    expect(google.searchParams.get('location')).toBe('Room 1');
    expect(google.searchParams.has('ctz')).toBe(false);
    const outlook = new URL(allDayOutlookUrl(outlookCalendarUrl(when, details), days));
    expect([outlook.searchParams.get('startdt'), outlook.searchParams.get('enddt'), outlook.searchParams.get('allday')]).toEqual(['2026-01-08', '2026-01-09', 'true']);
    expect(outlook.searchParams.get('subject')).toBe('A & B');
  });
});

const icsTextOf = (v: string) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');
