/**
 * Every widget fits the narrow column of a phone layout. CMS themes often lay their content out in a
 * `1fr` grid column, which grows to its content's min-content width: one control that cannot shrink
 * (a select as wide as its longest option) pushes the whole page sideways. Each widget is put in such
 * a column 250px wide (a 320px phone less the page's margins), with long labels where the data has
 * them, and must keep within it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LitElement } from 'lit';
import './define/all.js';
import { course, resources } from './components/resource-card/resource-card.fixtures.js';
import { CURRICULUM_NOW, curriculumFeed } from './components/curriculum/curriculum.fixtures.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { mount } from '../test/helpers.js';

const COLUMN = 250;
const LONG = 'Diversity, equity, inclusion and belonging in research mentoring relationships';

afterEach(() => document.body.replaceChildren());

let lang = 'en';

/** Mounts `make()` as the only item of a one-column `1fr` grid `COLUMN` pixels wide, in the language under test. */
async function inColumn<T extends LitElement>(make: () => T): Promise<T> {
  const grid = document.createElement('div');
  grid.lang = lang;
  grid.style.cssText = `display: grid; grid-template-columns: 1fr; width: ${COLUMN}px; margin: 0; padding: 0`;
  document.body.append(grid);
  const el = await mount(make, grid);
  // A Spanish widget renders once its messages are in.
  await el.updateComplete;
  return el;
}

/** The widget's box and everything inside it stay within the column. */
function expectWithinColumn(el: Element): void {
  const column = el.parentElement!.getBoundingClientRect();
  expect(el.getBoundingClientRect().width, `<${el.localName}> is wider than its column`).toBeLessThanOrEqual(COLUMN);
  const outside: string[] = [];
  const walk = (root: ShadowRoot) => {
    for (const child of root.querySelectorAll('*')) {
      const box = child.getBoundingClientRect();
      const hidden = box.width === 0 && box.height === 0;
      if (!hidden && !child.matches('.visually-hidden, .hp, .hp *') && box.right > column.right + 0.5) outside.push(`${child.localName}.${child.getAttribute("class")}[part=${child.getAttribute("part")}] ${Math.round(box.right - column.right)}px`);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(el.shadowRoot!);
  expect(outside, `parts of <${el.localName}> reach past its column`).toEqual([]);
}

// Spanish labels run longer than English ones: both must fit.
describe.each(['en', 'es'])(`in a ${COLUMN}px page column, lang %s`, (language) => {
  beforeEach(() => {
    lang = language;
  });

  it('<mk-workshop-list> fits, filters included', async () => {
    const feed = sampleFeed();
    feed.workshops[0]!.themes = [{ id: 'long', title: LONG, curriculum: 'c' }];
    const el = await inColumn(() => {
      const e = document.createElement('mk-workshop-list');
      e.now = SAMPLE_NOW;
      e.catalog = feed;
      return e;
    });
    expectWithinColumn(el);
  });

  it('<mk-rsvp-form> fits, with its priority explanation and long choices', async () => {
    const feed = sampleFeed();
    feed.vocabularies.fields.push({ id: 'long', label: LONG });
    const el = await inColumn(() => {
      const e = document.createElement('mk-rsvp-form');
      e.now = SAMPLE_NOW;
      e.catalog = feed;
      e.workshopId = 'mentoring-up-expectations';
      return e;
    });
    expect(el.shadowRoot!.querySelector('details summary')).not.toBeNull();
    expectWithinColumn(el);
  });

  it('<mk-resource-card> fits', async () => {
    const el = await inColumn(() => {
      const e = document.createElement('mk-resource-card');
      e.resource = structuredClone(course);
      return e;
    });
    expectWithinColumn(el);
  });

  it('<mk-resource-list> fits, with a topic longer than the column', async () => {
    const list = resources();
    list[0]!.themes = [{ id: 'long', title: LONG }];
    const el = await inColumn(() => {
      const e = document.createElement('mk-resource-list');
      e.resources = list;
      return e;
    });
    expect(el.shadowRoot!.querySelector('[part="topic-select"]')?.textContent).toContain(LONG);
    expectWithinColumn(el);
  });

  it('<mk-curriculum> fits', async () => {
    const el = await inColumn(() => {
      const e = document.createElement('mk-curriculum');
      e.now = CURRICULUM_NOW;
      e.catalog = curriculumFeed();
      e.curriculumId = 'entering-mentoring';
      return e;
    });
    expectWithinColumn(el);
  });
});
