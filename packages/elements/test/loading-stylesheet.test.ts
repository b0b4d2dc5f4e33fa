/**
 * mentorkit.css holds each widget's space from the page's first paint, before the widgets' script has
 * loaded (from a CDN, late): the page does not jump when their content arrives. Loaded in Chromium from the
 * CDN build, with the script and the feed answered late, the layout shifts the browser reports are summed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright';
import { buildCdn } from '../scripts/cdn.mjs';
import { sampleFeed } from './sample-feed.js';
import { send, sendJson, serve, type Served } from './serve.js';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const NOW = '2026-01-21T00:00:00Z';
const SCRIPT_DELAY_MS = 700;
const FEED_DELAY_MS = 1200;

const page = (head: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mentoring</title>${head}
<script type="module" src="/cdn/mentorkit.js"></script></head><body>
<h1>Mentoring</h1><p>What the program offers.</p>
<mk-workshop-list src="/feed.json" view="all" now="${NOW}" rsvp-form="rsvp"></mk-workshop-list>
<mk-rsvp-form id="rsvp" src="/feed.json" endpoint="/rsvp" now="${NOW}" hidden></mk-rsvp-form>
<mk-resource-list src="/feed.json">
  <ul><li>A resource the page lists before the script runs.</li></ul>
</mk-resource-list>
${'<p>Text that follows the widgets on the page.</p>'.repeat(10)}
</body></html>`;

const LINK = '<link rel="stylesheet" href="/cdn/mentorkit.css">';

let browser: Browser;
let server: Served;
let cdn: string;

beforeAll(async () => {
  cdn = mkdtempSync(join(tmpdir(), 'mk-cdn-'));
  await buildCdn({ outdir: cdn });
  const later = (ms: number, answer: () => void) => (setTimeout(answer, ms), true);
  server = await serve({
    pages: {
      '/with.html': page(LINK),
      '/without.html': page(''),
      '/less.html': page(`${LINK}<style>mk-workshop-list { --mk-reserve-height: 10rem; }</style>`),
      '/none.html': page(`${LINK}<style>mk-workshop-list { --mk-reserve-height: initial; }</style>`),
    },
    routes: [
      (req, _body, res) => {
        if (req.url === '/cdn/mentorkit.js') return later(SCRIPT_DELAY_MS, () => send(res, 200, 'text/javascript', readFileSync(join(cdn, 'mentorkit.js'), 'utf8')));
        if (req.url === '/cdn/mentorkit.css') return send(res, 200, 'text/css', readFileSync(join(cdn, 'mentorkit.css'), 'utf8'));
        if (req.url === '/feed.json') return later(FEED_DELAY_MS, () => sendJson(res, sampleFeed()));
        return false;
      },
    ],
  });
  browser = await chromium.launch(chromiumLaunchOptions);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(cdn, { recursive: true, force: true });
});

/** Loads `path`; returns the widgets' heights before the script has run and the page's CLS once they show data. */
async function load(path: string): Promise<{ before: Record<string, number>; formHidden: boolean; cls: number; moved: string[] }> {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await tab.addInitScript(() => {
    const w = window as unknown as { __cls: number; __moved: string[] };
    w.__cls = 0;
    w.__moved = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
        w.__cls += e.value;
        for (const s of e.sources ?? []) w.__moved.push((s.node as Element | undefined)?.localName ?? String(s.node?.nodeName));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await tab.goto(`${server.url}${path}`, { waitUntil: 'commit' });
  // Painted, the script not yet run.
  await tab.waitForFunction(() => document.readyState !== 'loading' && !customElements.get('mk-workshop-list'));
  const before = await tab.evaluate(() => Object.fromEntries(['mk-workshop-list', 'mk-rsvp-form', 'mk-resource-list'].map((tag) => [tag, Math.round(document.querySelector(tag)!.getBoundingClientRect().height)])));
  const formHidden = await tab.locator('mk-rsvp-form').isHidden();
  await tab.locator('mk-workshop-list .item').first().waitFor();
  await tab.waitForTimeout(300);
  const { cls, moved } = await tab.evaluate(() => {
    const w = window as unknown as { __cls: number; __moved: string[] };
    return { cls: w.__cls, moved: w.__moved };
  });
  await tab.close();
  return { before, formHidden, cls, moved };
}

describe('mentorkit.css', () => {
  it('holds a viewport’s height for an empty tag from the first paint, so nothing moves when the widgets load', async () => {
    const { before, formHidden, cls, moved } = await load('/with.html');
    expect(before['mk-workshop-list']).toBe(700);
    // A hidden form stays hidden, and a tag with fallback content keeps that content's own height.
    expect(formHidden).toBe(true);
    expect(before['mk-resource-list']).toBeGreaterThan(0);
    expect(before['mk-resource-list']).toBeLessThan(200);
    expect({ cls, moved }).toEqual({ cls: 0, moved: [] });
  });

  it('without it, the empty tag takes no space and what follows moves when the content arrives', async () => {
    const { before, cls } = await load('/without.html');
    expect(before['mk-workshop-list']).toBe(0);
    expect(cls).toBeGreaterThan(0.05);
  });

  it('yields to the page’s own --mk-reserve-height, and holds nothing with `initial`', async () => {
    expect((await load('/less.html')).before['mk-workshop-list']).toBe(160);
    expect((await load('/none.html')).before['mk-workshop-list']).toBe(0);
  });
});
