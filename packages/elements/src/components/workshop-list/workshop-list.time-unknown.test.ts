import { afterEach, describe, expect, it } from 'vitest';
import type { Feed } from '@mentorkit/core/browser';
import './workshop-list.js';
import '../rsvp-form/rsvp-form.js';
import { SAMPLE_NOW, sampleFeed } from '../../../test/sample-feed.js';
import { $, $$, expectAccessible, mount, text, waitFor } from '../../../test/helpers.js';

/**
 * The sample feed with its first workshop's session dated but not timed: the catalog's placeholder times
 * (00:00–01:00 in New York, which is 05:00–06:00 UTC and the evening before in Los Angeles) must never show.
 */
function tbaFeed(): Feed {
  const feed = sampleFeed();
  const w = feed.workshops.find((x) => x.id === 'new-semester')!;
  if (w.kind !== 'scheduled') throw new Error('fixture');
  w.occurrences = [
    {
      ...w.occurrences[0]!,
      start: '2026-01-08T00:00:00.000-05:00',
      end: '2026-01-08T01:00:00.000-05:00',
      localStart: '2026-01-08T00:00',
      localEnd: '2026-01-08T01:00',
      timeUnknown: true,
    },
  ];
  return feed;
}

const CLOCK = /\d{1,2}:\d{2}|\b(AM|PM|a\. ?m\.|p\. ?m\.)\b|GMT|EST/i;

function list(now = SAMPLE_NOW, viewerZone = 'America/Los_Angeles') {
  return mount(() => {
    const el = document.createElement('mk-workshop-list');
    el.now = now;
    el.viewerTimeZone = viewerZone;
    el.catalog = tbaFeed();
    return el;
  });
}

const session = (el: Element) => $(el, '.item[data-workshop="new-semester"] [part="session"]');

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});

describe('a session whose time is unknown', () => {
  it('is listed with its date in its own zone and "time to be announced", in English and Spanish', async () => {
    const el = await list();
    const time = text(session(el).querySelector('[part="time"]'));
    expect(time).toBe('January 8, 2026 · time to be announced');
    expect(time).not.toMatch(CLOCK);
    // No "your time" line: there is no time to convert, and the viewer's zone would show January 7.
    expect(session(el).querySelector('[part="local-time"]:not([hidden])')).toBeNull();
    expect(text(session(el))).not.toMatch(/\d{1,2}:\d{2}|\b(AM|PM)\b/);
    expect(text($(el, '.item[data-workshop="new-semester"] [part="date"]'))).toBe('Jan8Thu');
    await expectAccessible(el);
    el.lang = 'es';
    await waitFor(() => text(session(el).querySelector('[part="time"]')) === '8 de enero de 2026 · hora por confirmar');
    expect(text(session(el))).not.toMatch(/\d{1,2}:\d{2}/);
  });

  it('is added to calendars as an all-day event on its date', async () => {
    const el = await list();
    const details = session(el).querySelector<HTMLDetailsElement>('details[part="calendar"]')!;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await waitFor(() => session(el).querySelector('details[part="calendar"] a'));
    const [google, outlook] = [...session(el).querySelectorAll<HTMLAnchorElement>('details[part="calendar"] a')].map((a) => new URL(a.href));
    expect(google!.searchParams.get('dates')).toBe('20260108/20260109');
    expect(google!.searchParams.has('ctz')).toBe(false);
    expect(outlook!.searchParams.get('startdt')).toBe('2026-01-08');
    expect(outlook!.searchParams.get('enddt')).toBe('2026-01-09');
    expect(outlook!.searchParams.get('allday')).toBe('true');
  });

  it('stays upcoming until its date has passed in its zone, whatever the placeholder end', async () => {
    // 15:00 in New York on the day: after the placeholder end (01:00), but the day is not over.
    const sameDay = await list(new Date('2026-01-08T20:00:00Z'));
    expect(sameDay.shadowRoot!.querySelector('.item[data-workshop="new-semester"]:not([hidden])')).not.toBeNull();
    expect(session(sameDay).querySelector('details[part="calendar"]')).not.toBeNull();
    document.body.replaceChildren();
    // 00:30 on January 9 in New York (still January 8 in Los Angeles, the viewer's zone): over.
    const nextDay = await list(new Date('2026-01-09T05:30:00Z'));
    const item = nextDay.shadowRoot!.querySelector('.item[data-workshop="new-semester"]');
    expect(item === null || item.hasAttribute('hidden') || session(nextDay).querySelector('details[part="calendar"]') === null).toBe(true);
  });

  it('is offered and confirmed in the RSVP form by date only, in English and Spanish', async () => {
    const rsvpForm = (lang: string) =>
      mount(() => {
        const f = document.createElement('mk-rsvp-form');
        f.setAttribute('lang', lang);
        f.catalog = tbaFeed();
        f.workshopId = 'new-semester';
        f.now = SAMPLE_NOW;
        f.viewerTimeZone = 'Asia/Kolkata';
        return f;
      });
    const header = (el: Element) => text(el.shadowRoot!.querySelector('[part="header"] [part="time"]'));
    const el = await rsvpForm('en');
    await waitFor(() => header(el) !== '');
    expect(header(el)).toBe('January 8, 2026 · time to be announced');
    expect(el.shadowRoot!.querySelector('[part="header"] [part="local-time"]')).toBeNull();
    for (const label of $$<HTMLOptionElement>(el, '#f-occurrence option').map(text)) expect(label).not.toMatch(CLOCK);
    await expectAccessible(el);
    document.body.replaceChildren();
    const es = await rsvpForm('es');
    await waitFor(() => header(es).startsWith('8 de'), { timeout: 3000 }).catch(() => {});
    expect(header(es)).toBe('8 de enero de 2026 · hora por confirmar');
  });
});
