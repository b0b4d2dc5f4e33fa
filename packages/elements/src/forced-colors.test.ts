/**
 * In a forced-colours (high-contrast) mode the browser replaces author colours with the user's system
 * colours: a fill or a text colour can no longer tell a chosen option from the others. Every control
 * that shows a choice must still show it there, through the system's selection colours, the native
 * control, or an icon.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import './define/all.js';
import { resources } from './components/resource-card/resource-card.fixtures.js';
import { CURRICULUM_NOW, curriculumFeed } from './components/curriculum/curriculum.fixtures.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { $, $$, mostCommon, mount, near, paintedColor, paintedPixels, text } from '../test/helpers.js';

// Emulated on this test file's browser page only; the next file on the page gets the defaults back.
beforeAll(async () => {
  await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
  expect(matchMedia('(forced-colors: active)').matches).toBe(true);
});
afterAll(async () => {
  await cdp().send('Emulation.setEmulatedMedia', { features: [] });
  expect(matchMedia('(forced-colors: active)').matches).toBe(false);
});
afterEach(() => document.body.replaceChildren());

describe('in a forced-colours mode', () => {
  it('<mk-workshop-list> marks the chosen view in colours of its own, its name readable on them', async () => {
    const el = await mount(() => {
      const e = document.createElement('mk-workshop-list');
      e.now = SAMPLE_NOW;
      e.catalog = sampleFeed();
      return e;
    });
    const options = $$(el, '.segmented label');
    expect(options.map(text)).toEqual(['Upcoming', 'Past', 'All']);

    /** The option's fill (what is painted beside its name) and the pixels painted over its name. */
    const painted = async (option: HTMLElement) => {
      const name = [...option.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
      const range = document.createRange();
      range.selectNodeContents(name);
      const box = option.getBoundingClientRect();
      const letters = range.getBoundingClientRect();
      const beside = await paintedPixels(new DOMRect(box.x + 2, letters.y, letters.x - box.x - 4, letters.height));
      return { fill: mostCommon(beside), letters: await paintedPixels(letters) };
    };
    const expectChosen = async (chosen: HTMLElement) => {
      const { fill, letters } = await painted(chosen);
      for (const other of options.filter((o) => o !== chosen)) {
        expect(near((await painted(other)).fill, fill), `${text(other)} is filled like the chosen ${text(chosen)}`).toBe(false);
      }
      // Between the letters, the option's own fill: not a backplate in the page's colour behind the name.
      const share = letters.filter((p) => near(p, fill)).length / letters.length;
      expect(share, `${text(chosen)}: fill behind the name`).toBeGreaterThan(0.4);
      expect(share, `${text(chosen)}: letters on the fill`).toBeLessThan(0.95);
    };

    await expectChosen(options[0]!);
    await userEvent.click(options[2]!);
    await el.updateComplete;
    await expectChosen(options[2]!);

    // From the keyboard, the chosen option also shows its focus ring in the system's text colour.
    await userEvent.keyboard('{ArrowLeft}');
    await el.updateComplete;
    await expectChosen(options[1]!);
    const box = options[1]!.getBoundingClientRect();
    const ring = await paintedPixels(new DOMRect(box.x, box.y - 4, box.width, 2)); // outline: 2px, 2px off
    expect(near(mostCommon(ring), await paintedColor('CanvasText')), 'focus ring in CanvasText').toBe(true);
  });

  it('<mk-curriculum> shows the chosen version with the native radio buttons', async () => {
    const el = await mount(() => {
      const e = document.createElement('mk-curriculum');
      e.now = CURRICULUM_NOW;
      e.catalog = curriculumFeed();
      return e;
    });
    const radios = $$<HTMLInputElement>(el, '.segment input[type="radio"]');
    expect(radios.length).toBeGreaterThan(1);
    for (const radio of radios) {
      const style = getComputedStyle(radio);
      expect([style.opacity, style.visibility, style.appearance]).toEqual(['1', 'visible', 'auto']);
      expect(radio.getBoundingClientRect().width).toBeGreaterThan(0);
    }
    expect(radios.filter((r) => r.checked)).toHaveLength(1);
  });

  it('<mk-resource-list> shows the pressed kinds with a check mark', async () => {
    const el = await mount(() => {
      const e = document.createElement('mk-resource-list');
      e.resources = resources();
      return e;
    });
    const chips = () => $$(el, '.chip');
    // The check icon's one stroke (icons.ts); a kind's icon draws others.
    const checked = () => chips().filter((c) => c.querySelector('svg.icon path')?.getAttribute('d') === 'm4.5 12.5 4.5 4.5 10.5-10.5').map(text);
    expect(checked()).toEqual(['All']);
    chips()[1]!.click();
    await el.updateComplete;
    expect(chips().filter((c) => c.getAttribute('aria-pressed') === 'true')).toHaveLength(1);
    expect(checked()).toEqual([text(chips()[1])]);
    expect($(el, '.chip[aria-pressed="true"]')).toBe(chips()[1]);
  });
});
