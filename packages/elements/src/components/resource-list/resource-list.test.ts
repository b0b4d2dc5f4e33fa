import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Feed, FeedResource } from '@mentorkit/core/browser';
import './resource-list.js';
import type { MkResourceList, ResourceFilters } from './resource-list.component.js';
import { course, everyKind, resources } from '../resource-card/resource-card.fixtures.js';
import { installXssProbe, MARKUP_PAYLOADS, URL_PAYLOADS } from '../resource-card/xss.fixtures.js';
import { sampleFeed } from '../../../test/sample-feed.js';
import { $, $$, captureWarnings, expectAccessible, json, mount, stubFetch, text, waitFor } from '../../../test/helpers.js';

function list(setup: (el: MkResourceList) => void = (e) => (e.resources = resources())) {
  return mount(() => {
    const el = document.createElement('mk-resource-list');
    setup(el);
    return el;
  });
}

const cardTitles = (el: MkResourceList) => $$(el, 'mk-resource-card').map((c) => text(c.shadowRoot!.querySelector('[part="title"]')));
const count = (el: MkResourceList) => text($(el, '[part="count"]'));
const kindButton = (el: MkResourceList, label: string) => $$(el, '[part="kind-button"]').find((b) => text(b.querySelector('span')) === label)!;

/** Presses Tab until `match` has focus inside the element's shadow root. */
async function tabTo(el: HTMLElement, match: (active: Element) => boolean): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await userEvent.keyboard('{Tab}');
    const active = el.shadowRoot!.activeElement;
    if (active && match(active)) return;
  }
  throw new Error('focus never reached the control');
}

let fetchStub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  fetchStub?.restore();
  fetchStub = undefined;
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

describe('<mk-resource-list>', () => {
  it('renders a card per resource with a count, and no violations', async () => {
    const el = await list();
    await waitFor(() => $$(el, 'mk-resource-card').length === 15);
    expect(cardTitles(el)).toEqual(everyKind.map((r) => r.title));
    expect(count(el)).toBe('15 resources');
    expect($(el, '[part="count"]').getAttribute('role')).toBe('status');
    await expectAccessible(el);
  });

  it('offers one toggle per kind present, with "All" pressed, and a topic select', async () => {
    const el = await list();
    const buttons = $$(el, '[part="kind-button"]');
    expect(buttons.map((b) => text(b.querySelector('span')))).toEqual([
      'All',
      'Course',
      'Video',
      'Video series',
      'Recording',
      'Article',
      'Report',
      'Book',
      'Guide',
      'Document',
      'Slides',
      'Handout',
      'Worksheet',
      'Template',
      'Checklist',
      'Website',
    ]);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', ...Array(15).fill('false')]);
    expect(text($(el, 'fieldset legend'))).toBe('Type of resource');
    const select = $<HTMLSelectElement>(el, 'select');
    expect(text(el.shadowRoot!.querySelector(`label[for="${select.id}"]`))).toBe('Topic');
    expect([...select.options].map((o) => o.value)).toContain('aligning-expectations');
  });

  it('filters by the kind and topic attributes, ignoring unknown kinds', async () => {
    const el = await list((e) => {
      e.resources = resources();
      e.setAttribute('kind', 'course guide podcast');
    });
    expect(cardTitles(el)).toEqual([course.title, 'Fostering Belonging in the Research Lab: Strategies for Mentors']);
    expect(count(el)).toBe('Showing 2 of 15 resources');
    expect(kindButton(el, 'Course').getAttribute('aria-pressed')).toBe('true');
    el.setAttribute('topic', 'aligning-expectations');
    await el.updateComplete;
    expect(cardTitles(el)).toEqual([course.title]);
    expect($<HTMLSelectElement>(el, 'select').value).toBe('aligning-expectations');
  });

  it('filters with the keyboard only, announcing counts and firing mk-filter-change', async () => {
    const el = await list();
    const events: ResourceFilters[] = [];
    el.addEventListener('mk-filter-change', (e: Event) => events.push((e as CustomEvent<ResourceFilters>).detail));

    await tabTo(el, (a) => a.textContent?.includes('Guide') ?? false);
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(cardTitles(el)).toEqual(['Fostering Belonging in the Research Lab: Strategies for Mentors']);
    expect(count(el)).toBe('Showing 1 of 15 resources');
    expect(el.getAttribute('kind')).toBe('guide');
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-pressed')).toBe('true');

    await tabTo(el, (a) => a.textContent?.includes('Course') ?? false);
    await userEvent.keyboard(' ');
    await el.updateComplete;
    expect($$(el, 'mk-resource-card')).toHaveLength(2);
    expect(count(el)).toBe('Showing 2 of 15 resources');

    await tabTo(el, (a) => a.localName === 'select');
    const select = el.shadowRoot!.activeElement as HTMLSelectElement;
    const target = [...select.options].findIndex((o) => o.value === 'aligning-expectations');
    for (let i = 0; i < target; i++) await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(el.topic).toBe('aligning-expectations');
    expect(cardTitles(el)).toEqual([course.title]);

    await tabTo(el, (a) => a.getAttribute('part') === 'clear-button');
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect($$(el, 'mk-resource-card')).toHaveLength(15);
    expect(el.hasAttribute('kind')).toBe(false);

    expect(events[0]).toEqual({ kinds: ['guide'], topic: '' });
    expect(events[1]).toEqual({ kinds: ['course', 'guide'], topic: '' });
    expect(events.at(-2)).toEqual({ kinds: ['course', 'guide'], topic: 'aligning-expectations' });
    expect(events.at(-1)).toEqual({ kinds: [], topic: '' });
  });

  it('returns to every kind with "All", and toggles a kind off again', async () => {
    const el = await list((e) => {
      e.resources = resources();
      e.kinds = ['video'];
    });
    kindButton(el, 'Video').click();
    await el.updateComplete;
    expect(el.kinds).toEqual([]);
    kindButton(el, 'Book').click();
    await el.updateComplete;
    expect($$(el, 'mk-resource-card')).toHaveLength(1);
    kindButton(el, 'All').click();
    await el.updateComplete;
    expect($$(el, 'mk-resource-card')).toHaveLength(15);
  });

  it('does not fire mk-filter-change when the page sets the filters', async () => {
    const el = await list();
    let fired = 0;
    el.addEventListener('mk-filter-change', () => fired++);
    el.setAttribute('kind', 'video');
    el.topic = 'building trust';
    await el.updateComplete;
    expect($$(el, 'mk-resource-card')).toHaveLength(1);
    expect(fired).toBe(0);
  });

  it('says so when nothing matches, with a way back', async () => {
    const el = await list((e) => {
      e.resources = resources();
      e.setAttribute('kind', 'book');
      e.setAttribute('topic', 'grantsmanship');
    });
    expect(text($(el, '[part="no-results"] p'))).toBe('No resources match these filters.');
    expect(count(el)).toBe('Showing 0 of 15 resources');
    await expectAccessible(el);
    $(el, '[part="no-results"] button').click();
    await el.updateComplete;
    expect($$(el, 'mk-resource-card')).toHaveLength(15);
  });

  it('keeps a button for a kind asked for but absent, so it can be undone', async () => {
    const el = await list((e) => {
      e.resources = [course];
      e.setAttribute('kind', 'video');
    });
    expect(kindButton(el, 'Video').getAttribute('aria-pressed')).toBe('true');
    expect(count(el)).toBe('Showing 0 of 1 resource');
  });

  it('hides the controls with hide-filters but still applies the attributes', async () => {
    const el = await list((e) => {
      e.resources = resources();
      e.setAttribute('hide-filters', '');
      e.setAttribute('kind', 'course');
    });
    expect($$(el, '[part="filters"]')).toHaveLength(0);
    expect(cardTitles(el)).toEqual([course.title]);
  });

  it('passes heading level, theme and language to its cards', async () => {
    const el = await list((e) => {
      e.resources = [course];
      e.setAttribute('heading-level', '4');
      e.setAttribute('theme', 'dark');
      e.setAttribute('lang', 'es');
    });
    const card = $(el, 'mk-resource-card');
    await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(card.shadowRoot!.querySelector('h4')).not.toBeNull();
    expect(card.getAttribute('theme')).toBe('dark');
    expect(card.getAttribute('lang')).toBe('es');
  });

  it('exports the parts of its cards as card-<part>', async () => {
    const style = document.createElement('style');
    style.textContent = 'mk-resource-list::part(card-title) { color: rgb(1, 2, 3); } mk-resource-list::part(card) { outline: 3px solid rgb(4, 5, 6); }';
    document.head.append(style);
    onTestFinished(() => style.remove());
    const el = await list((e) => (e.resources = [course]));
    const card = $(el, 'mk-resource-card');
    await waitFor(() => card.shadowRoot?.querySelector('[part="title"]'));
    expect(getComputedStyle(card.shadowRoot!.querySelector('[part="title"]')!).color).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(card).outlineColor).toBe('rgb(4, 5, 6)');
  });

  it('shows a loading state while the feed is fetched, then the resources', async () => {
    let release: (r: Response) => void = () => {};
    fetchStub = stubFetch(() => new Promise<Response>((r) => (release = r)));
    const el = await list((e) => (e.src = '/feeds/resources.json'));
    expect(text($(el, '[part="loading"] [role="status"]'))).toBe('Loading resources…');
    expect($(el, '[part="loading"]').getAttribute('aria-busy')).toBe('true');
    await expectAccessible(el);
    const feed: Feed = { ...sampleFeed(), resources: resources() };
    release(json(feed));
    await waitFor(() => $$(el, 'mk-resource-card').length === 15);
    expect(fetchStub.calls[0]!.url).toBe('/feeds/resources.json');
  });

  it('shows an error with a retry when the feed cannot be fetched', async () => {
    const warnings = captureWarnings();
    let fail = true;
    fetchStub = stubFetch(() => (fail ? new Response('nope', { status: 500, statusText: 'Server Error' }) : json({ ...sampleFeed(), resources: [course] })));
    const el = await list((e) => (e.src = '/feeds/broken.json'));
    await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'));
    const error = $(el, '[part="error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toBe('Resources could not be shown The information for this part of the page could not be read. Please try again later. Try again');
    expect(warnings).toEqual(['mentorkit: the feed /feeds/broken.json answered HTTP 500 Server Error']);
    await expectAccessible(el);
    fail = false;
    error.querySelector('button')!.click();
    await waitFor(() => $$(el, 'mk-resource-card').length === 1);
  });

  it('names the first problem of an invalid feed, without a retry', async () => {
    const warnings = captureWarnings();
    const el = await list((e) => (e.resources = [{ ...course, kind: 'podcast' } as unknown as FeedResource]));
    const error = $(el, '[part="error"]');
    expect(warnings[0]).toContain('resources[0].kind');
    expect(error.querySelector('button')).toBeNull();
    await expectAccessible(el);
  });

  it('shows an empty state for a feed without resources', async () => {
    const el = await list((e) => (e.catalog = sampleFeed()));
    expect(text($(el, '[part="empty"]'))).toBe('No resources yet This catalog has not published any resources.');
    await expectAccessible(el);
  });

  it('reads the seed catalogs’ resources from their built feeds', async () => {
    const el = await list((e) => (e.src = '/test/fixtures/advancing-mentorship.feed.json'));
    await waitFor(() => $$(el, 'mk-resource-card').length > 0);
    expect(cardTitles(el)).toContain('Building Effective Mentoring Relationships');
    kindButton(el, 'Book').click();
    await el.updateComplete;
    expect(cardTitles(el)).toEqual([
      'Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage',
      'The Mentor’s Guide: Facilitating Effective Learning Relationships',
    ]);
    await expectAccessible(el);
  });

  it('has no violations in the dark theme, with filters applied', async () => {
    // A dark widget belongs on a dark page: the count and states sit on the page's background.
    document.body.style.background = '#101418';
    onTestFinished(() => {
      document.body.style.removeProperty('background');
    });
    const el = await list((e) => {
      e.resources = resources();
      e.setAttribute('theme', 'dark');
      e.setAttribute('kind', 'course recording');
    });
    await expectAccessible(el);
  });

  it('speaks Spanish under lang="es"', async () => {
    document.documentElement.lang = 'es';
    const el = await list((e) => {
      e.resources = resources();
      e.setAttribute('kind', 'course');
    });
    expect(count(el)).toBe('Mostrando 1 de 15 recursos');
    expect(text($(el, 'fieldset legend'))).toBe('Tipo de recurso');
    expect(kindButton(el, 'Todos')).toBeDefined();
    expect(text(el.shadowRoot!.querySelector('label[for="topic"]'))).toBe('Tema');
    await expectAccessible(el);
  });

  describe('script injection', () => {
    it(`shows ${MARKUP_PAYLOADS.length} payloads in topics and titles as text, running nothing`, async () => {
      const runs = installXssProbe();
      const el = await list((e) => (e.resources = MARKUP_PAYLOADS.map((p, i) => ({ ...course, id: `r${i}`, title: p, topics: [p], themes: [{ id: p, title: p }] }))));
      await waitFor(() => $$(el, 'mk-resource-card').length === MARKUP_PAYLOADS.length);
      // Topics differing only in case are one option.
      const options = new Set([...$<HTMLSelectElement>(el, 'select').options].map((o) => o.textContent.toLowerCase()));
      for (const p of MARKUP_PAYLOADS) expect(options).toContain(p.trim().toLowerCase());
      expect($$(el, 'script, img, iframe, svg[onload]')).toHaveLength(0);
      el.setAttribute('topic', MARKUP_PAYLOADS[3]!);
      await el.updateComplete;
      expect($$(el, 'mk-resource-card')).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 100));
      expect(runs()).toBe(0);
    });

    it('rejects a feed whose resource URLs are not http(s), linking nothing', async () => {
      for (const url of URL_PAYLOADS) {
        const el = await list((e) => (e.resources = [{ ...course, url }]));
        expect($$(el, '[part="error"]')).toHaveLength(1);
        expect($$(el, 'a[href]')).toHaveLength(0);
        el.remove();
      }
    });
  });
});
