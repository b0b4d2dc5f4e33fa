import type { Feed, FeedOccurrence, FeedWorkshop } from '@mentorkit/core';
import { describe, expect, it } from 'vitest';
import { renderFallbacks } from './fallback.js';

// A session dated January 8 whose time is unknown: its placeholder 00:00–01:00 in New York is never shown.
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
} as FeedOccurrence;

const workshop = {
  id: 'w',
  kind: 'scheduled',
  title: 'Dated, not timed',
  programs: [],
  audiences: [],
  objectives: [],
  themes: [],
  presenters: [],
  hosts: [],
  formats: [],
  notes: [],
  occurrences: [occurrence],
} as unknown as FeedWorkshop;

const feed = { catalog: { id: 'c', title: 'C', language: 'en' }, workshops: [workshop], programs: [], curricula: [], resources: [] } as unknown as Feed;

const list = (now: string) => renderFallbacks(feed, new Date(now)).find((f) => f.path === 'fallback/workshop-list.html')!.content.replace(/\s+/g, ' ');

describe('the workshop fallback, for a session whose time is unknown', () => {
  it('shows the date in the session’s zone and "time to be announced", never a clock time', () => {
    const page = list('2026-01-05T12:00:00Z');
    expect(page).toContain('<time datetime="2026-01-08">Thursday, January 8, 2026</time>, time to be announced');
    expect(page).not.toMatch(/\d{1,2}:\d{2}|\b(AM|PM)\b/);
  });

  it('lists it as upcoming until its date has passed in its zone', () => {
    const upcoming = (now: string) => {
      const page = list(now);
      const at = page.indexOf('Dated, not timed');
      const past = page.indexOf('Past workshops');
      return past === -1 || at < past;
    };
    // After the placeholder end, but still January 8 in New York.
    expect(upcoming('2026-01-08T20:00:00Z')).toBe(true);
    expect(upcoming('2026-01-09T04:59:00Z')).toBe(true);
    expect(upcoming('2026-01-09T05:00:00Z')).toBe(false);
  });
});
