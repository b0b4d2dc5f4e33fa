import { afterEach, describe, expect, it } from 'vitest';
import type { Feed } from '@mentorkit/core/browser';
import './workshop-list.js';
import { SAMPLE_NOW, sampleFeed } from '../../../test/sample-feed.js';
import { $, $$, expectAccessible, mount, text, waitFor } from '../../../test/helpers.js';

/**
 * The sample feed with the offering on request stated in days, as its page gives it ("Half day", "Full
 * day", "2–3 days"), and one dated workshop stated in hours.
 */
function statedFeed(): Feed {
  const feed = sampleFeed();
  const lab = feed.workshops.find((w) => w.id === 'lab-workshop')!;
  lab.formats = [
    { duration: { unit: 'half-days', amount: 1 } },
    { duration: { unit: 'days', amount: 1, label: 'Full day' } },
    { duration: { unit: 'days', min: 2, max: 3 } },
  ];
  feed.workshops.find((w) => w.id === 'new-semester')!.formats = [{ duration: { unit: 'hours', amount: 2 } }];
  return feed;
}

function list() {
  return mount(() => {
    const el = document.createElement('mk-workshop-list');
    el.now = SAMPLE_NOW;
    el.viewerTimeZone = 'America/New_York';
    el.catalog = statedFeed();
    return el;
  });
}

const meta = (el: Element, id: string) => text($(el, `.item[data-workshop="${id}"] [part="meta"]`));
const MINUTES = /\d+\s*(min|hr|h\b|hour|minute)/i;

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});

describe('<mk-workshop-list> formats stated in days', () => {
  it('shows "Half day", "Full day" and "2–3 days" as stated, never as minutes', async () => {
    const el = await list();
    expect(meta(el, 'lab-workshop')).toBe('Advancing Mentorship Practices · Half day · Full day · 2–3 days · In person');
    expect(meta(el, 'lab-workshop')).not.toMatch(MINUTES);
    expect(meta(el, 'new-semester')).toMatch(/^Advancing Mentorship Practices · 2 hr/);
    await expectAccessible(el);
  });

  it('keeps the author’s label and words half days in the page’s language', async () => {
    const el = await list();
    el.lang = 'es';
    await waitFor(() => meta(el, 'lab-workshop').includes('Media jornada'));
    expect(meta(el, 'lab-workshop')).toContain('Full day');
    expect(meta(el, 'lab-workshop')).not.toMatch(MINUTES);
  });

  it('offers lengths to filter by only where minutes were given', async () => {
    const el = await list();
    el.view = 'all';
    await el.updateComplete;
    const lengths = $$<HTMLOptionElement>(el, '#filter-format option').map((o) => o.value);
    // 60 and 90 from the other workshops, 120 from two hours; nothing invented for the day-long offering.
    expect(lengths).toEqual(['', '60', '90', '120']);
    el.format = '120';
    await el.updateComplete;
    expect($$(el, '.item:not([hidden]) .title').map(text)).toEqual(['Preparing for a New Semester of Mentoring']);
  });
});
