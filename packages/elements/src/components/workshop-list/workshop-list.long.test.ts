import { afterEach, describe, expect, it } from 'vitest';
import './workshop-list.js';
import type { MkWorkshopList } from './workshop-list.component.js';
import type { Feed } from '@mentorkit/core/browser';
import { largeFeed } from '../../../bench/large-feed.mjs';
import { $, $$, captureWarnings, text, waitFor } from '../../../test/helpers.js';

const NOW = new Date('2026-01-05T12:00:00Z');
const feed: Feed = largeFeed(1000, NOW);

/** Adds a list of the 1,000-workshop feed; returns it before the first render. */
function add(setup: (el: MkWorkshopList) => void = () => {}): MkWorkshopList {
  const el = document.createElement('mk-workshop-list');
  el.now = NOW;
  el.viewerTimeZone = 'Europe/Berlin';
  el.catalog = feed;
  setup(el);
  document.body.append(el);
  return el;
}

/**
 * Resolves at the first render that shows cards (a mutation observer runs right after it, before the
 * slices that follow, which `scheduler.yield()` runs ahead of any timer), with what it showed.
 */
function firstScreen(el: MkWorkshopList): Promise<{ cards: number; count: string; busy: string | null; filled: boolean }> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const cards = ids(el).length;
      if (cards === 0) return;
      observer.disconnect();
      // Filled: the cards reach below the bottom of the window.
      const last = $$(el, '.item').at(-1)!;
      resolve({ cards, count: count(el), busy: $(el, '[part="list"]').getAttribute('aria-busy'), filled: last.getBoundingClientRect().bottom >= innerHeight });
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  });
}

const ids = (el: Element, selector = '.item') => $$(el, selector).map((li) => li.getAttribute('data-workshop') ?? '');
const shownIds = (el: Element) => ids(el, '.item:not([hidden])');
const count = (el: Element) => text($(el, '[part="count"]'));
const byId = new Map(feed.workshops.map((w) => [w.id, w]));

afterEach(() => document.body.replaceChildren());

describe('<mk-workshop-list> with 1,000 workshops', () => {
  it('renders the first screen, then the rest in slices, every card exactly once', async () => {
    // From adding the widget: checking the feed, indexing it and rendering it all yield to the page (how
    // long its tasks are is measured by the benchmark, `pnpm bench elements`, not here: machines are noisy).
    const el = add((e) => (e.view = 'all'));
    // The first screen: the count is final, the first cards are there, the rest are still to come.
    const first = await firstScreen(el);
    expect(first.filled).toBe(true);
    expect(first.cards).toBeLessThan(1000);
    expect(first.count).toBe('1,000 workshops');
    expect(first.busy).toBe('true');
    await el.updateComplete;
    const all = ids(el);
    expect(all.length).toBe(1000);
    expect(new Set(all).size).toBe(1000);
    expect(count(el)).toBe('1,000 workshops');
    expect($$(el, '[part="list"][aria-busy]')).toEqual([]);
  });

  it('shows the error with its path for an invalid workshop deep in the feed', async () => {
    const broken = structuredClone(feed) as unknown as { workshops: Record<string, unknown>[] };
    broken.workshops[912]!.title = 42;
    const warnings = captureWarnings();
    const el = document.createElement('mk-workshop-list');
    el.now = NOW;
    el.catalog = broken as unknown as Feed;
    document.body.append(el);
    await el.updateComplete;
    await waitFor(() => el.shadowRoot?.querySelector('[part="error"]'));
    expect(warnings.join('\n')).toContain('workshops[912].title: expected a string, got number');
    expect(ids(el)).toEqual([]);
  });

  it('shows exactly the filtered set after a filter change in the middle of slicing', async () => {
    const el = add();
    await el.updateComplete;
    const upcoming = ids(el);
    expect(upcoming.length).toBeGreaterThan(100);
    el.remove();

    const again = add();
    expect((await firstScreen(again)).cards).toBeLessThan(upcoming.length);
    again.modality = 'hybrid';
    await again.updateComplete;
    const expected = upcoming.filter((id) => byId.get(id)?.modality === 'hybrid');
    expect(expected.length).toBeGreaterThan(10);
    expect(shownIds(again)).toEqual(expected);
    expect(count(again)).toBe(`${expected.length} workshops`);
    expect(ids(again)).toEqual(upcoming);
  });

  it('starts over, with no stale or duplicate cards, when the view changes while slicing', async () => {
    const el = add();
    await firstScreen(el);
    el.view = 'past';
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    el.view = 'all';
    await el.updateComplete;
    const all = ids(el);
    expect(all.length).toBe(1000);
    expect(new Set(all).size).toBe(1000);
    expect(shownIds(el).length).toBe(1000);
  });

  it('finds a workshop far down the list by search, and every card is in the DOM for in-page find', async () => {
    const el = add((e) => (e.view = 'all'));
    const last = feed.workshops[feed.workshops.length - 1]!;
    el.search = last.title;
    await el.updateComplete;
    expect(shownIds(el)).toEqual([last.id]);
    expect(count(el)).toBe('1 workshop');
    // Every title is text in the shadow DOM, hidden only by filters, never left out.
    el.search = '';
    await el.updateComplete;
    const titles = $$(el, '.item .title').map(text);
    expect(titles).toContain(last.title);
    expect(titles.length).toBe(1000);
  });

  it('keeps focus on a card while the rest of the list renders', async () => {
    const el = add();
    await firstScreen(el);
    const link = $(el, '.item [part="calendar"] summary');
    link.focus();
    expect(el.shadowRoot!.activeElement).toBe(link);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).toBe(link);
  });
});
