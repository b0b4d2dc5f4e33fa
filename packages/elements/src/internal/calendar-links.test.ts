import { describe, expect, it } from 'vitest';
import { icsFileName, icsForEvent } from './calendar-links.js';

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
