/**
 * Every widget is legible on light and dark host pages, whatever its `theme` (unset, light, dark, auto
 * under a light or a dark system setting), and in a forced-colours mode: axe finds no violation.
 * `theme` unset follows the host page; a theme that differs from the page paints its own surface.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import type { LitElement } from 'lit';
import './define/all.js';
import { resources } from './components/resource-card/resource-card.fixtures.js';
import { CURRICULUM_NOW, curriculumFeed } from './components/curriculum/curriculum.fixtures.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { $, expectAccessible, mostCommon, paintedPixels } from '../test/helpers.js';

const HOSTS = {
  light: { background: '#ffffff', color: '#1b1f24' },
  dark: { background: '#101418', color: '#e8eaed' },
} as const;

type Case = { theme: string | null; system: 'light' | 'dark' };
const THEMES: Case[] = [
  { theme: null, system: 'light' },
  { theme: null, system: 'dark' },
  { theme: 'light', system: 'light' },
  { theme: 'dark', system: 'light' },
  { theme: 'auto', system: 'light' },
  { theme: 'auto', system: 'dark' },
];

const WIDGETS: Record<string, () => LitElement> = {
  'mk-workshop-list': () => {
    const e = document.createElement('mk-workshop-list');
    e.now = SAMPLE_NOW;
    e.catalog = sampleFeed();
    return e;
  },
  'mk-rsvp-form': () => {
    const e = document.createElement('mk-rsvp-form');
    e.now = new Date('2026-01-21T00:00:00Z');
    e.catalog = sampleFeed();
    e.workshopId = 'mentoring-up-expectations';
    return e;
  },
  'mk-resource-list': () => {
    const e = document.createElement('mk-resource-list');
    e.resources = resources();
    return e;
  },
  'mk-resource-card': () => {
    const e = document.createElement('mk-resource-card');
    e.resource = resources()[0];
    return e;
  },
  'mk-curriculum': () => {
    const e = document.createElement('mk-curriculum');
    e.now = CURRICULUM_NOW;
    e.catalog = curriculumFeed();
    return e;
  },
};

async function emulate(features: { name: string; value: string }[]) {
  await cdp().send('Emulation.setEmulatedMedia', { features });
}

/** A host page section with its own colours, holding one widget. */
async function onHost(host: keyof typeof HOSTS, make: () => LitElement, theme: string | null) {
  const page = document.createElement('main');
  page.style.cssText = `background: ${HOSTS[host].background}; color: ${HOSTS[host].color}; padding: 16px`;
  document.body.append(page);
  const el = make();
  if (theme !== null) el.setAttribute('theme', theme);
  page.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => document.body.replaceChildren());
afterAll(() => emulate([]));

describe('on light and dark host pages', () => {
  for (const host of ['light', 'dark'] as const) {
    for (const { theme, system } of THEMES) {
      it(`${host} host, theme ${theme ?? 'unset'}, ${system} system: every widget passes axe`, async () => {
        await emulate([{ name: 'prefers-color-scheme', value: system }]);
        for (const [tag, make] of Object.entries(WIDGETS)) {
          const el = await onHost(host, make, theme);
          if (tag === 'mk-rsvp-form') {
            // An eligibility explanation in its warning tone, too.
            const role = $<HTMLSelectElement>(el, '#f-role');
            role.value = 'faculty';
            role.dispatchEvent(new Event('change'));
            await el.updateComplete;
          }
          await expectAccessible(el);
          el.parentElement!.remove();
        }
      });
    }
  }

  it('theme unset follows the host page: dark text tokens on a light page, light ones on a dark page', async () => {
    await emulate([]);
    const light = await onHost('light', WIDGETS['mk-resource-card']!, null);
    const dark = await onHost('dark', WIDGETS['mk-resource-card']!, null);
    const textOf = (el: Element) => getComputedStyle(el).color;
    expect(textOf(light)).toBe('rgb(27, 31, 36)');
    expect(textOf(dark)).toBe('rgb(233, 236, 240)');
  });

  it('a theme that differs from the page paints its own surface', async () => {
    await emulate([]);
    const el = await onHost('dark', WIDGETS['mk-workshop-list']!, 'light');
    const box = el.getBoundingClientRect();
    const painted = mostCommon(await paintedPixels(new DOMRect(box.x, box.y, Math.min(box.width, 200), 40)));
    // The light scheme's surfaces (white, and the filter bar's light grey), not the dark page.
    expect(painted.every((v) => v > 230)).toBe(true);
  });
});

describe('in a forced-colours mode, on light and dark host pages', () => {
  for (const host of ['light', 'dark'] as const) {
    for (const theme of [null, 'light', 'dark']) {
      it(`${host} host, theme ${theme ?? 'unset'}: every widget passes axe`, async () => {
        await emulate([{ name: 'forced-colors', value: 'active' }]);
        for (const make of Object.values(WIDGETS)) {
          const el = await onHost(host, make, theme);
          await expectAccessible(el);
          el.parentElement!.remove();
        }
      });
    }
  }
});
