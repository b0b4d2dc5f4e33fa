/** `checkFeed` gives what `parseFeed` gives, short feeds at once and long ones in slices. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseFeed } from '@mentorkit/core/browser';
import { largeFeed } from '../../bench/large-feed.mjs';
import { checkFeed } from './feed-controller.js';
import type { MkElement } from './mk-element.js';
import '../define/all.js';

const NOW = new Date('2026-01-05T12:00:00Z');

describe('checkFeed', () => {
  it('checks a short feed at once', () => {
    const feed = largeFeed(3, NOW);
    expect(checkFeed(feed)).toEqual({ ok: true, feed });
  });

  it('checks a 1,000-workshop feed (in slices when it takes longer than one) to the same result as parseFeed', async () => {
    const feed = largeFeed(1000, NOW);
    // Whether it needs slices depends on this machine's speed at the moment: the result must not.
    expect(await checkFeed(feed)).toEqual(parseFeed(feed));
  });

  it('reports an invalid item deep in a long feed with its path, as parseFeed does', async () => {
    const feed = structuredClone(largeFeed(1000, NOW)) as unknown as { catalog: Record<string, unknown>; workshops: Record<string, unknown>[] };
    feed.workshops[412]!.title = 42;
    delete (feed.workshops[977]!.occurrences as Record<string, unknown>[])[0]!.start;
    const result = await checkFeed(feed);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      { path: 'workshops[412].title', message: 'expected a string, got number' },
      { path: 'workshops[977].occurrences[0].start', message: 'required' },
    ]);
    expect(errors).toEqual((parseFeed(feed) as { errors: unknown }).errors);
  });

  it('reports problems outside the lists first, and stops at 20', async () => {
    const feed = structuredClone(largeFeed(1000, NOW)) as unknown as { version: unknown; workshops: Record<string, unknown>[] };
    feed.version = 2;
    for (const w of feed.workshops) w.id = 7;
    const result = await checkFeed(feed);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(20);
    expect(errors[0]!.path).toBe('version');
    expect(errors[1]!.path).toBe('workshops[0].id');
    expect(errors).toEqual((parseFeed(feed) as { errors: unknown }).errors);
  });

  it('reports a feed that is no object', () => {
    expect(checkFeed([])).toEqual(parseFeed([]));
    expect(checkFeed({ workshops: 'none' })).toEqual(parseFeed({ workshops: 'none' }));
  });
});

describe('a long feed passed as a property', () => {
  afterEach(() => document.body.replaceChildren());

  it.each(['mk-workshop-list', 'mk-program', 'mk-curriculum', 'mk-resource-list', 'mk-rsvp-form'])(
    '<%s>: updateComplete waits until the feed is checked and shown',
    async (tag) => {
      const feed = largeFeed(4000, NOW);
      // Far longer than one slice on any machine, so the check is sure to go on after the first render.
      const check = checkFeed(feed);
      expect(check).toBeInstanceOf(Promise);
      await check;
      const el = document.createElement(tag) as MkElement & { catalog: unknown; now: Date };
      el.now = NOW;
      el.catalog = feed;
      document.body.append(el);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).toBeNull();
    },
  );
});
