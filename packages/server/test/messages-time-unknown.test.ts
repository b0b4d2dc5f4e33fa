import { describe, expect, it } from 'vitest';
import type { FeedOccurrence } from '@mentorkit/core';
import { render, type MessageInput } from '../src/mail/messages.js';

// Placeholder times 00:00–01:00 in New York: 05:00 UTC, and the evening before in Los Angeles.
const occurrence = {
  id: 'w-2026-01-08',
  sessionId: 's1',
  start: '2026-01-08T00:00:00.000-05:00',
  end: '2026-01-08T01:00:00.000-05:00',
  timeZone: 'America/New_York',
  localStart: '2026-01-08T00:00',
  localEnd: '2026-01-08T01:00',
  status: 'scheduled',
  timeUnknown: true,
  recurrenceId: '2026-01-08T00:00:00.000-05:00',
} as FeedOccurrence;

const base: MessageInput = {
  kind: 'confirmed',
  locale: 'en',
  name: 'Ana',
  email: 'ana@example.edu',
  programTitle: 'Mentoring',
  contactEmail: undefined,
  workshopTitle: 'A workshop',
  catalogId: 'ctl',
  occurrence,
  sequence: 0,
  manageUrl: 'https://rsvp.example.edu/manage',
  manageHasToken: true,
  from: 'rsvp@example.edu',
  now: new Date('2026-01-02T12:00:00Z'),
};

describe('messages for a session whose time is unknown', () => {
  it('give the date and "time to be announced", never a clock time, in English and Spanish', () => {
    const en = render(base);
    expect(en.text).toContain('Thursday, January 8, 2026 (time to be announced)');
    const es = render({ ...base, locale: 'es' });
    expect(es.text).toContain('jueves, 8 de enero de 2026 (hora por confirmar)');
    for (const m of [en, es]) {
      const when = m.text.split('\n').find((l) => l.includes('2026'))!;
      expect(when).not.toMatch(/\d{1,2}:\d{2}/);
    }
  });

  it('attach an all-day invitation on the date in the session zone, like core’s export', () => {
    const ics = render(base).ics!.content.split('\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260108');
    expect(ics).toContain('DTEND;VALUE=DATE:20260109');
    expect(ics).toContain('RECURRENCE-ID;VALUE=DATE:20260108');
    expect(ics.some((l) => /^(DTSTART|DTEND|RECURRENCE-ID):/.test(l))).toBe(false);
  });
});
