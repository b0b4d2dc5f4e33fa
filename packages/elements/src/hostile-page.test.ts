/**
 * The widgets keep their look on a CMS page with aggressive global CSS: shadow DOM blocks selectors,
 * and the host resets what would otherwise be inherited (fonts, spacing, transforms, alignment).
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { LitElement } from 'lit';
import './define/all.js';
import { course, resources } from './components/resource-card/resource-card.fixtures.js';
import { CURRICULUM_NOW, curriculumFeed } from './components/curriculum/curriculum.fixtures.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { $, $$, expectAccessible, mount, stubFetch } from '../test/helpers.js';

const HOSTILE_CSS = `
  html { font-size: 62.5%; }
  body { font-family: "Comic Sans MS", cursive; letter-spacing: 3px; word-spacing: 8px; text-transform: uppercase;
         line-height: 3; color: rgb(255, 0, 0); text-align: center; font-style: italic; text-indent: 40px; }
  * { box-sizing: content-box !important; margin: 10px; }
  button { background: hotpink !important; border: 5px dotted lime !important; }
  h2, h3 { font-size: 4em !important; text-decoration: underline wavy; }
  li { list-style: square !important; }
  ul, ol { padding-left: 80px !important; }
  a { color: hotpink !important; }
  input, select, textarea { background: yellow !important; }
  p { font-size: 30px !important; }
  details summary { display: none !important; }
  [hidden] { display: block !important; }
`;

let style: HTMLStyleElement;
beforeAll(() => {
  style = document.createElement('style');
  style.textContent = HOSTILE_CSS;
  document.head.append(style);
});
afterAll(() => style.remove());

/** The host resets what the page's body would pass down, and sizes from `medium`, not the page's 62.5% rem. */
function expectHostReset(el: Element): void {
  const host = getComputedStyle(el);
  expect(host.letterSpacing).toBe('normal');
  expect(host.textTransform).toBe('none');
  expect(host.textAlign).toBe('start');
  expect(host.fontStyle).toBe('normal');
  expect(host.textIndent).toBe('0px');
  expect(host.color).toBe('rgb(27, 31, 36)');
  expect(host.fontFamily).not.toContain('Comic');
  expect(host.fontSize).toBe('16px');
}

/** Mounts an element inside a box of the given width (so grids lay out at a known size), removed after the test. */
async function mountIn<T extends LitElement>(width: number, make: () => T): Promise<T> {
  const box = document.createElement('div');
  box.style.cssText = `width: ${width}px; margin: 0; padding: 0`;
  document.body.append(box);
  onTestFinished(() => box.remove());
  return mount(make, box);
}

/** One of the curriculum fixtures' curricula, 500px wide (480px inside the page's margin). */
function mountCurriculum(curriculumId: string): Promise<LitElement> {
  return mountIn(500, () => {
    const e = document.createElement('mk-curriculum');
    e.now = CURRICULUM_NOW;
    e.catalog = curriculumFeed();
    e.curriculumId = curriculumId;
    return e;
  });
}

/** A feed widget whose feed never arrives, so it stays in its loading state. */
function mountLoading(tag: 'mk-resource-list' | 'mk-curriculum', width: number): Promise<LitElement> {
  const fetchStub = stubFetch(() => new Promise<Response>(() => {}));
  onTestFinished(() => {
    fetchStub.restore();
  });
  return mountIn(width, () => {
    const e = document.createElement(tag);
    e.src = '/feeds/never.json';
    return e;
  });
}

/** The loading skeleton: three blocks of `height`, laid out in `columns`. */
async function expectSkeleton(el: Element, height: string, columns: string[]): Promise<void> {
  const blocks = $$(el, '[part="loading"] .skeleton > div');
  expect(blocks).toHaveLength(3);
  expect(getComputedStyle(blocks[0]!).height).toBe(height);
  expect(tracks($(el, '.skeleton'))).toEqual(columns);
  await expectAccessible(el);
}

/** The track sizes of a computed `grid-template-columns`. */
const tracks = (grid: Element) => getComputedStyle(grid).gridTemplateColumns.split(' ');

/** A computed length, in px, to within 0.01px (sizes in em are rounded to a few digits). */
function expectPx(value: string, expected: number): void {
  expect(value).toMatch(/px$/);
  expect(parseFloat(value)).toBeCloseTo(expected, 2);
}

describe('on a page with hostile global CSS', () => {
  it('<mk-workshop-list> keeps its own styles', async () => {
    const el = await mount(() => {
      const e = document.createElement('mk-workshop-list');
      e.now = SAMPLE_NOW;
      e.catalog = sampleFeed();
      return e;
    });
    expectHostReset(el);

    const button = getComputedStyle($(el, '[part="rsvp-button"]'));
    expect(button.backgroundColor).toBe('rgb(29, 79, 145)');
    expect(button.borderTopStyle).toBe('solid');
    const title = getComputedStyle($(el, '.title'));
    expect(title.fontSize).toBe('19px');
    expect(title.textDecorationStyle).not.toBe('wavy');
    const item = $(el, '.item');
    expect(getComputedStyle(item).listStyleType).toBe('none');
    expect(getComputedStyle(item).boxSizing).toBe('border-box');
    expect(getComputedStyle(item).marginTop).toBe('0px');
    expect(getComputedStyle($(el, '.list')).paddingLeft).toBe('0px');
    expect(getComputedStyle($(el, '.title a')).color).not.toBe('rgb(255, 105, 180)');
    expect(getComputedStyle($(el, '#filter-search')).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle($(el, '.summary')).fontSize).toBe('16px');
    expect(getComputedStyle($(el, 'details.objectives > summary')).display).not.toBe('none');
    // Hidden things stay hidden.
    for (const hidden of $$(el, '[hidden]')) expect(getComputedStyle(hidden).display).toBe('none');
    await expectAccessible(el);
  });

  it('<mk-rsvp-form> keeps its own styles', async () => {
    const el = await mount(() => {
      const e = document.createElement('mk-rsvp-form');
      e.now = SAMPLE_NOW;
      e.catalog = sampleFeed();
      e.workshopId = 'new-semester';
      return e;
    });
    const submit = getComputedStyle($(el, '[part="submit"]'));
    expect(submit.backgroundColor).toBe('rgb(29, 79, 145)');
    const input = getComputedStyle($(el, '#f-name'));
    expect(input.backgroundColor).toBe('rgb(255, 255, 255)');
    expect(input.boxSizing).toBe('border-box');
    expect(getComputedStyle($(el, '.title')).fontSize).toBe('24px');
    expect(getComputedStyle($(el, '.hp')).left).toBe('-10000px');
    await expectAccessible(el);
  });

  // Sizes below are those of a page with a 16px root: the widgets size from `medium`, never from `rem`.
  it('<mk-resource-card> keeps its own styles and sizes', async () => {
    const el = await mountIn(380, () => {
      const e = document.createElement('mk-resource-card');
      e.resource = structuredClone(course);
      return e;
    });
    expectHostReset(el);
    expect(getComputedStyle($(el, '.title')).fontSize).toBe('19px');
    expect(getComputedStyle($(el, '[part="kind"]')).fontSize).toBe('13px');
    const icon = getComputedStyle($(el, '[part="kind"] .icon'));
    for (const [size, expected] of [[icon.width, 32], [icon.height, 32], [icon.paddingTop, 6], [icon.paddingLeft, 6]] as const) expectPx(size, expected);
    // Labels are 13px wherever they sit, the facts' 14px text included.
    for (const label of [...$$(el, '.label'), ...$$(el, '.fact dt'), ...$$(el, '.topic')]) expect(getComputedStyle(label).fontSize).toBe('13px');
    expect($$(el, '.label')).toHaveLength(2);
    expect($$(el, '.fact dt')).toHaveLength(4);
    const step = $(el, '[part="module"]');
    expect(tracks(step)[0]).toBe('28px');
    expect(getComputedStyle(step).paddingTop).toBe('4.8px');
    expect(getComputedStyle(step).listStyleType).toBe('none');
    expect(getComputedStyle(step).marginTop).toBe('0px');
    const number = getComputedStyle(step, '::before');
    expect([number.width, number.height, number.fontSize]).toEqual(['24px', '24px', '12px']);
    expectPx(number.marginTop, 0.8);
    expect(getComputedStyle($(el, '[part="link"]')).color).not.toBe('rgb(255, 105, 180)');
    // Text for screen readers only stays out of sight.
    const hidden = $(el, '[part="access"] .visually-hidden');
    expect(hidden.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(getComputedStyle(hidden).position).toBe('absolute');
    await expectAccessible(el);
  });

  it('<mk-resource-list> keeps its own styles and sizes', async () => {
    const el = await mountIn(700, () => {
      const e = document.createElement('mk-resource-list');
      e.resources = resources();
      e.topic = 'feedback';
      return e;
    });
    expectHostReset(el);
    for (const control of [...$$(el, '[part="kind-button"]'), $(el, '[part="topic-select"]'), $(el, '[part="clear-button"]')]) {
      expectPx(getComputedStyle(control).minHeight, 36);
      expect(getComputedStyle(control).fontSize).toBe('14px');
    }
    expect(getComputedStyle($(el, '[part="topic-select"]')).backgroundColor).toBe('rgb(255, 255, 255)');
    expect(getComputedStyle($(el, '[part="kind-filter"]')).flexBasis).toBe('448px');
    const field = getComputedStyle($(el, '.field'));
    expect([field.flexBasis, field.minWidth]).toEqual(['256px', '192px']);
    // The page's `* { margin: 10px }` reaches the host: 680px hold two columns of at least 304px (19em) and a 24px gap, not three.
    expect(el.getBoundingClientRect().width).toBe(680);
    expect(tracks($(el, '[part="list"]'))).toEqual(['328px', '328px']);
    expect(getComputedStyle($(el, '[part="list"]')).paddingLeft).toBe('0px');
    const card = $(el, 'mk-resource-card');
    expectHostReset(card);
    expect(getComputedStyle($(card, '[part="kind"] .icon')).width).toBe('32px');
    expect(getComputedStyle($(card, '.fact dt')).fontSize).toBe('13px');
    await expectAccessible(el);
  });

  it('<mk-resource-list> keeps the size of its loading skeleton', async () => {
    await expectSkeleton(await mountLoading('mk-resource-list', 700), '224px', ['328px', '328px']);
  });

  it('<mk-curriculum> keeps its own styles and sizes', async () => {
    const el = await mountCurriculum('entering-mentoring');
    expectHostReset(el);
    expect(getComputedStyle($(el, '.title')).fontSize).toBe('24px');
    expect(getComputedStyle($(el, '.header')).maxWidth).toBe('832px');
    const labels = [$(el, '.eyebrow'), $(el, '.variants-label'), ...$$(el, '.fact dt'), ...$$(el, '.label')];
    expect(labels.length).toBeGreaterThan(4);
    for (const label of labels) expect(getComputedStyle(label).fontSize).toBe('13px');
    for (const segment of $$(el, '[part="variant-option"]')) expectPx(getComputedStyle(segment).minHeight, 36);
    // 480px (500px less the page's margin on the host) is one column of themes (at least 288px, 18em),
    // of versions (256px, in their 14px text) and of delivery options (256px), not two.
    expect(el.getBoundingClientRect().width).toBe(480);
    expect(tracks($(el, '[part="themes"]'))).toEqual(['480px']);
    expect(tracks($(el, '.legend'))).toHaveLength(1);
    expect(tracks($(el, '.delivery ul'))).toEqual(['480px']);
    expect(getComputedStyle($(el, '[part="theme"]')).listStyleType).toBe('none');
    // Closed objectives stay closed, whatever the page does to `summary`.
    const objectives = $(el, '[part="objectives"]');
    expect(getComputedStyle($(el, '[part="objectives-summary"]')).display).not.toBe('none');
    expect(objectives.querySelector('ul')!.checkVisibility()).toBe(false);
    await expectAccessible(el);
  });

  it('<mk-curriculum> keeps the size of its theme numbers and loading skeleton', async () => {
    const sequence = await mountCurriculum('mentor-training-core');
    const number = $(sequence, '[part="theme-number"]');
    expect(getComputedStyle(number).fontSize).toBe('15px');
    expect(number.getBoundingClientRect().width).toBeCloseTo(30.4, 1);
    expect(number.getBoundingClientRect().height).toBeCloseTo(30.4, 1);
    await expectAccessible(sequence);

    await expectSkeleton(await mountLoading('mk-curriculum', 500), '160px', ['480px']);
  });
});
