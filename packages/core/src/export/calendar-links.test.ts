import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINK_DESCRIPTION, googleCalendarUrl, outlookCalendarUrl, type LinkOccurrence } from './calendar-links.js';

const occurrence: LinkOccurrence = {
  start: '2026-01-08T15:00:00.000-05:00',
  end: '2026-01-08T16:00:00.000-05:00',
  timeZone: 'America/New_York',
  location: { kind: 'online', platform: 'Zoom' },
};

describe('googleCalendarUrl', () => {
  it('carries title, UTC dates, details, location and zone', () => {
    const url = new URL(googleCalendarUrl(occurrence, { title: 'Preparing for a New Semester', description: 'Bring a plan.', url: 'https://example.edu/w' }));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'Preparing for a New Semester',
      dates: '20260108T200000Z/20260108T210000Z',
      details: 'Bring a plan.\n\nhttps://example.edu/w',
      location: 'Online (Zoom)',
      ctz: 'America/New_York',
    });
  });

  it('converts a half-hour offset to UTC', () => {
    const url = new URL(googleCalendarUrl({ start: '2026-10-04T09:00:00+11:00', end: '2026-10-04T10:30:00+11:00', timeZone: 'Australia/Lord_Howe' }, { title: 't' }));
    expect(url.searchParams.get('dates')).toBe('20261003T220000Z/20261003T233000Z');
    expect(url.searchParams.has('location')).toBe(false);
    expect(url.searchParams.has('details')).toBe(false);
  });
});

describe('outlookCalendarUrl', () => {
  it('carries subject, UTC start and end, body and location', () => {
    const url = new URL(outlookCalendarUrl(occurrence, { title: 'A & B; C', description: 'Line 1\nLine 2', location: 'Butler Library, Room 203' }));
    expect(url.origin + url.pathname).toBe('https://outlook.office.com/calendar/0/deeplink/compose');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: 'A & B; C',
      startdt: '2026-01-08T20:00:00Z',
      enddt: '2026-01-08T21:00:00Z',
      body: 'Line 1\nLine 2',
      location: 'Butler Library, Room 203',
    });
  });
});

describe('both links', () => {
  it('round-trip any title and description through the URL (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 300 }), (title, description) => {
        for (const make of [googleCalendarUrl, outlookCalendarUrl]) {
          const url = new URL(make(occurrence, { title, description }));
          expect(url.searchParams.get(make === googleCalendarUrl ? 'text' : 'subject')).toBe(title);
          const body = url.searchParams.get(make === googleCalendarUrl ? 'details' : 'body');
          expect(body ?? '').toBe(description);
          // Spaces are %20, never '+', which some clients show literally.
          expect(url.search).not.toContain('+');
        }
      }),
    );
  });

  it('shorten a long description at a word and mark it', () => {
    const long = 'word '.repeat(1000);
    const body = new URL(googleCalendarUrl(occurrence, { title: 't', description: long })).searchParams.get('details')!;
    expect(body.length).toBeLessThanOrEqual(MAX_LINK_DESCRIPTION);
    expect(body).toMatch(/word…$/);
  });

  it('reject times without an offset, naming the field', () => {
    expect(() => googleCalendarUrl({ ...occurrence, start: '2026-01-08T15:00' }, { title: 't' })).toThrow(/occurrence\.start/);
    expect(() => outlookCalendarUrl({ ...occurrence, end: '2026-01-08T14:00:00-05:00' }, { title: 't' })).toThrow(/before occurrence\.start/);
  });
});

describe('browser safety', () => {
  // The widgets bundle these two files: their only runtime import may be each other (no luxon, no zod).
  it.each(['calendar-links.ts', 'location-text.ts'])('%s has type-only imports', (file) => {
    const source = readFileSync(new URL(file, import.meta.url), 'utf8');
    const runtime = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtime.filter((from) => from !== './location-text.js')).toEqual([]);
  });
});
