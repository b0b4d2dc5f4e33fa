/**
 * Widgets without fallback content reserve their space while they load, and widgets replacing fallback
 * content keep its height while in view, so a page's content below them does not move when their data
 * arrives: the layout shifts the browser reports (the CLS of the page) are measured, not assumed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import './define/all.js';
import type { LitElement } from 'lit';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { largeFeed } from '../bench/large-feed.mjs';
import { json, stubFetch, waitFor } from '../test/helpers.js';

afterEach(() => document.body.replaceChildren());

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** Layout shifts (with what moved) reported while `during` runs, after the page so far is painted. */
async function shiftsDuring(during: () => Promise<void>): Promise<{ value: number; moved: string[] }[]> {
  await frame();
  await frame();
  const shifts: { value: number; moved: string[] }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
      // What moved, from where to where: the message to read when this fails.
      shifts.push({ value: e.value, moved: (e.sources ?? []).map((s) => `${(s.node as Element | undefined)?.localName} y ${s.previousRect.y} → ${s.currentRect.y}`) });
    }
  });
  observer.observe({ type: 'layout-shift' });
  await during();
  await frame();
  await frame();
  observer.disconnect();
  return shifts;
}

/**
 * A page: a heading, the widget (its feed answered when `answer` is called) and paragraphs below it,
 * all in view. Returns the widget and the answer.
 */
function page(tag: 'mk-workshop-list' | 'mk-resource-list' | 'mk-program', attributes: string, body: () => unknown, fallback = '') {
  let answer: () => void = () => {};
  const gate = new Promise<void>((resolve) => (answer = resolve));
  const stub = stubFetch(async () => {
    await gate;
    return json(body());
  });
  document.body.innerHTML = `<h1>Mentoring</h1><${tag} src="/feeds/feed.json" ${attributes}>${fallback}</${tag}>${'<p>Text that follows the widget on the page.</p>'.repeat(8)}`;
  const widget = document.body.querySelector(tag) as LitElement;
  return { widget, answer, restore: () => stub.restore() };
}

const now = SAMPLE_NOW.toISOString();

describe('a widget without fallback content', () => {
  it('moves nothing below it when a long list arrives', async () => {
    const { widget, answer, restore } = page('mk-workshop-list', `now="2026-01-05T12:00:00Z" view="all" style="--mk-reserve-height: 100vh"`, () => largeFeed(60, new Date('2026-01-05T12:00:00Z')));
    try {
      await waitFor(() => widget.shadowRoot?.querySelector('[part="loading"]'));
      const shifts = await shiftsDuring(async () => {
        answer();
        await waitFor(() => widget.shadowRoot?.querySelector('.item'));
        await widget.updateComplete;
      });
      expect(shifts).toEqual([]);
      // The content is there and taller than the viewport: the paragraphs are below it.
      expect(widget.getBoundingClientRect().height).toBeGreaterThan(innerHeight);
    } finally {
      restore();
    }
  });

  it('moves nothing below it when its content is shorter than the space it reserved, until it is out of view', async () => {
    const { widget, answer, restore } = page('mk-workshop-list', `now="${now}" view="upcoming" style="--mk-reserve-height: 100vh"`, () => ({ ...sampleFeed(), workshops: sampleFeed().workshops.slice(0, 1) }));
    try {
      await waitFor(() => widget.shadowRoot?.querySelector('[part="loading"]'));
      const reservedHeight = widget.getBoundingClientRect().height;
      expect(reservedHeight).toBeGreaterThanOrEqual(innerHeight - 1);
      const paragraph = document.body.querySelector('p')!;
      const below = paragraph.getBoundingClientRect().top;
      const shifts = await shiftsDuring(async () => {
        answer();
        await waitFor(() => widget.shadowRoot?.querySelector('[part="count"], [part="empty"]'));
        await widget.updateComplete;
      });
      expect(shifts).toEqual([]);
      expect(paragraph.getBoundingClientRect().top).toBe(below);
      // Once the widget is scrolled out of view, and giving the space back moves nothing in view (here,
      // what follows it is out of view too), the space it held is given back.
      document.body.style.paddingBlockEnd = '300vh';
      scrollTo(0, document.body.lastElementChild!.getBoundingClientRect().bottom + scrollY);
      await waitFor(() => widget.getBoundingClientRect().height < reservedHeight - 50);
      document.body.style.paddingBlockEnd = '';
      scrollTo(0, 0);
    } finally {
      restore();
    }
  });

  it('beside another column, keeps the space while giving it back would move that column, and gives it back once it moves nothing in view', async () => {
    let answer: () => void = () => {};
    const gate = new Promise<void>((resolve) => (answer = resolve));
    const stub = stubFetch(async () => {
      await gate;
      return json({ ...sampleFeed(), workshops: [] });
    });
    // The sidebar's content does not depend on the main column's height, so the browser keeping the reader's
    // place in the main column (scroll anchoring) would move it.
    document.body.innerHTML = `<div style="display: grid; grid-template-columns: 1fr 200px; gap: 16px">
      <main><mk-workshop-list src="/feeds/feed.json" now="${now}" view="upcoming" style="--mk-reserve-height: 100vh"></mk-workshop-list>${'<p style="height: 400px">The main column.</p>'.repeat(12)}</main>
      <aside><div style="height: 2500px; background: #ddd">The sidebar.</div></aside>
    </div>`;
    document.body.style.paddingBlockEnd = '300vh';
    const widget = document.body.querySelector('mk-workshop-list') as LitElement;
    try {
      await waitFor(() => widget.shadowRoot?.querySelector('[part="loading"]'));
      answer();
      await waitFor(() => widget.shadowRoot?.querySelector('[part="count"], [part="empty"]'));
      await widget.updateComplete;
      await frame();
      const held = widget.getBoundingClientRect().height;
      expect(held).toBeGreaterThanOrEqual(innerHeight - 1);
      const shifts = await shiftsDuring(async () => {
        // Out of view above while the sidebar still fills the view: the space stays.
        for (let y = 0; y <= 2000; y += 100) {
          scrollTo(0, y);
          await frame();
        }
        expect(widget.getBoundingClientRect().height).toBe(held);
        // The sidebar scrolled out of view too: giving the space back moves nothing the reader sees.
        for (let y = 2100; y <= 2500 + 2 * innerHeight; y += 100) {
          scrollTo(0, y);
          await frame();
        }
        await waitFor(() => widget.getBoundingClientRect().height < held - 50);
      });
      expect(shifts).toEqual([]);
    } finally {
      stub.restore();
      document.body.style.paddingBlockEnd = '';
      scrollTo(0, 0);
    }
  });

  it('holds no space the page did not ask for, so a short list leaves no gap below it', async () => {
    const { widget, answer, restore } = page('mk-workshop-list', `now="${now}" view="upcoming"`, () => ({ ...sampleFeed(), workshops: sampleFeed().workshops.slice(0, 1) }));
    try {
      await waitFor(() => widget.shadowRoot?.querySelector('[part="loading"]'));
      expect(getComputedStyle(widget).minHeight).toMatch(/^(auto|0px)$/);
      answer();
      await waitFor(() => widget.shadowRoot?.querySelector('[part="count"], [part="empty"]'));
      await widget.updateComplete;
      expect(getComputedStyle(widget).minHeight).toMatch(/^(auto|0px)$/);
    } finally {
      restore();
    }
  });

  it('reserves the height a page asks for with --mk-reserve-height', async () => {
    const { widget, answer, restore } = page('mk-resource-list', `style="--mk-reserve-height: 12rem"`, () => sampleFeed());
    try {
      await waitFor(() => widget.shadowRoot?.querySelector('[part="loading"]'));
      expect(widget.getBoundingClientRect().height).toBe(12 * 16);
      answer();
      await waitFor(() => !widget.shadowRoot?.querySelector('[part="loading"]'));
    } finally {
      restore();
    }
  });
});

describe('a widget replacing the page’s fallback content', () => {
  /** Server-rendered content taller than what the widget will show. */
  const tallFallback = `<section><h2>Advancing Mentorship</h2>${'<p>What the page said about the program before the widget loaded.</p>'.repeat(6)}</section>`;

  it('keeps the fallback’s height while in view, so nothing below moves up, and gives it back out of view', async () => {
    const { widget, answer, restore } = page('mk-program', 'program-id="mentoring-up"', () => sampleFeed(), tallFallback);
    try {
      await waitFor(() => widget.shadowRoot?.querySelector('[part="fallback"]'));
      const fallbackHeight = widget.getBoundingClientRect().height;
      const paragraph = document.body.querySelector(':scope > p')!;
      const below = paragraph.getBoundingClientRect().top;
      const shifts = await shiftsDuring(async () => {
        answer();
        await waitFor(() => widget.shadowRoot?.querySelector('[part="base"]'));
        await widget.updateComplete;
      });
      expect(shifts).toEqual([]);
      expect(paragraph.getBoundingClientRect().top).toBe(below);
      // The widget's own content is shorter: only the held height keeps the paragraph in place.
      const content = widget.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect().height;
      expect(content).toBeLessThan(fallbackHeight - 20);
      document.body.style.paddingBlockEnd = '300vh';
      scrollTo(0, paragraph.getBoundingClientRect().bottom + scrollY);
      await waitFor(() => widget.getBoundingClientRect().height < fallbackHeight - 20);
      document.body.style.paddingBlockEnd = '';
      scrollTo(0, 0);
    } finally {
      restore();
    }
  });

  it('holds nothing when its content is taller than the fallback', async () => {
    const { widget, answer, restore } = page('mk-program', 'program-id="mentoring-up"', () => sampleFeed(), 'Loading…');
    try {
      await waitFor(() => widget.shadowRoot?.querySelector('[part="fallback"]'));
      answer();
      await waitFor(() => widget.shadowRoot?.querySelector('[part="base"]'));
      await widget.updateComplete;
      const content = widget.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect().height;
      expect(Math.abs(widget.getBoundingClientRect().height - content)).toBeLessThan(1);
    } finally {
      restore();
    }
  });
});
