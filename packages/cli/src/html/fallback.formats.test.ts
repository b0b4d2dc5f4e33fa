import type { Feed, FeedWorkshop } from '@mentorkit/core';
import { describe, expect, it } from 'vitest';
import { renderFallbacks } from './fallback.js';

const workshop = (id: string, formats: FeedWorkshop['formats']): FeedWorkshop => ({
  id,
  kind: 'request-only',
  title: `Workshop ${id}`,
  programs: [],
  audiences: [],
  objectives: [],
  themes: [],
  presenters: [],
  hosts: [],
  formats,
  notes: [],
  occurrences: [],
  request: { method: 'contact' },
});

const list = (workshops: FeedWorkshop[], language = 'en') => {
  const feed = { catalog: { id: 'c', title: 'C', language }, workshops, programs: [], curricula: [], resources: [] } as unknown as Feed;
  return renderFallbacks(feed, new Date('2026-01-05T12:00:00Z')).find((f) => f.path === 'fallback/workshop-list.html')!.content;
};

const meta = (page: string, id: string) => {
  const item = page.slice(page.indexOf(`Workshop ${id}`));
  return /<p class="mk-meta">([^<]*)<\/p>/.exec(item)?.[1];
};

describe('the workshop fallback, for formats stated as durations', () => {
  it('shows the author’s labels as written and days as days, never minutes', () => {
    const page = list([
      workshop('days', [
        { duration: { unit: 'half-days', amount: 1, label: 'Half day' } },
        { duration: { unit: 'days', amount: 1 }, label: 'Full day' },
        { duration: { unit: 'days', min: 2, max: 3 } },
      ]),
    ]);
    expect(meta(page, 'days')).toBe('Half day or Full day or 2–3 days');
    expect(page).not.toMatch(/minutes|\bmin\b|\d+\s*h(ou)?r/);
  });

  it('words half days without a label in the catalog’s language', () => {
    expect(meta(list([workshop('half', [{ duration: { unit: 'half-days', amount: 1 } }])], 'es'), 'half')).toBe('Media jornada');
  });

  it('still shows minutes formats as before', () => {
    const page = list([workshop('minutes', [{ durationMinutes: 60 }, { durationMinutes: 90, label: '90-minute workshop' }])]);
    expect(meta(page, 'minutes')).toBe('60 minutes or 90-minute workshop');
  });
});
