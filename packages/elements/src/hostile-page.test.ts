/**
 * The widgets keep their look on a CMS page with aggressive global CSS: shadow DOM blocks selectors,
 * and the host resets what would otherwise be inherited (fonts, spacing, transforms, alignment).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import './define/all.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { $, $$, expectAccessible, mount } from '../test/helpers.js';

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

describe('on a page with hostile global CSS', () => {
  it('<mk-workshop-list> keeps its own styles', async () => {
    const el = await mount(() => {
      const e = document.createElement('mk-workshop-list');
      e.now = SAMPLE_NOW;
      e.catalog = sampleFeed();
      return e;
    });
    const host = getComputedStyle(el);
    expect(host.letterSpacing).toBe('normal');
    expect(host.textTransform).toBe('none');
    expect(host.textAlign).toBe('start');
    expect(host.fontStyle).toBe('normal');
    expect(host.textIndent).toBe('0px');
    expect(host.color).toBe('rgb(27, 31, 36)');
    expect(host.fontFamily).not.toContain('Comic');
    // `medium`, not the page's 62.5% rem.
    expect(host.fontSize).toBe('16px');

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
});
