/** Printed, the widgets show no controls and every learning objective. */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import './define/all.js';
import { CURRICULUM_NOW, curriculumFeed } from './components/curriculum/curriculum.fixtures.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { $$, mount, text } from '../test/helpers.js';

beforeAll(async () => {
  await cdp().send('Emulation.setEmulatedMedia', { media: 'print' });
  expect(matchMedia('print').matches).toBe(true);
});
afterAll(() => cdp().send('Emulation.setEmulatedMedia', { media: '' }));
afterEach(() => document.body.replaceChildren());

const shown = (el: Element) => el.checkVisibility();
const CONTROLS = 'button, .button, input, select, textarea, .filters, details.calendar';

it('<mk-workshop-list>: no filters or buttons; objectives written out', async () => {
  const el = await mount(() => {
    const e = document.createElement('mk-workshop-list');
    e.now = SAMPLE_NOW;
    e.catalog = sampleFeed();
    return e;
  });
  expect($$(el, CONTROLS).filter(shown)).toEqual([]);
  const objectives = $$(el, 'details.objectives li');
  expect(objectives.length).toBeGreaterThan(0);
  expect(objectives.every(shown)).toBe(true);
  expect(objectives.map(text)).toContain('Co-construct an action plan for the upcoming semester.');
});

it('<mk-curriculum>: no version switch; every theme’s objectives written out', async () => {
  const el = await mount(() => {
    const e = document.createElement('mk-curriculum');
    e.now = CURRICULUM_NOW;
    e.catalog = curriculumFeed();
    return e;
  });
  expect($$(el, CONTROLS).filter(shown)).toEqual([]);
  const objectives = $$(el, 'details.objectives li');
  expect(objectives.length).toBeGreaterThan(0);
  expect(objectives.every(shown)).toBe(true);
});

it('<mk-rsvp-form>: the session and its window, no fields', async () => {
  const el = await mount(() => {
    const e = document.createElement('mk-rsvp-form');
    e.now = new Date('2026-01-21T00:00:00Z');
    e.catalog = sampleFeed();
    e.workshopId = 'mentoring-up-expectations';
    return e;
  });
  expect($$(el, `${CONTROLS}, label`).filter(shown)).toEqual([]);
  expect(shown($$(el, '[part="title"]')[0]!)).toBe(true);
  expect(shown($$(el, '[part="window"]')[0]!)).toBe(true);
});
