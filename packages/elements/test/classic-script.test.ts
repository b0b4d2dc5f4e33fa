/**
 * The one-file bundle pasted as a classic `<script>` (no `type="module"`), as web teams often paste
 * script tags: the widgets render, in Spanish too (the translation is still a module, loaded with
 * `import()`), no error reaches the console, and the bundle's own names stay out of the page's globals.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCdn } from '../scripts/cdn.mjs';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { sampleFeed } from './sample-feed.js';
import { sendJson, serve, type Served } from './serve.js';

describe('mentorkit.js as a classic script', () => {
  let cdn: string;
  let server: Served;
  let browser: Browser;

  beforeAll(async () => {
    cdn = mkdtempSync(join(tmpdir(), 'mk-classic-'));
    await buildCdn({ outdir: cdn });
    const body = `
      <mk-workshop-list src="/feed.json" now="2026-01-21T00:00:00Z"></mk-workshop-list>
      <mk-rsvp-form src="/feed.json" workshop-id="mentoring-up-expectations" endpoint="/rsvp" now="2026-01-21T00:00:00Z"></mk-rsvp-form>`;
    // The page's own globals, with the one-letter names a minifier likes: a bundle declaring its names at
    // the top level of a classic script would fail on them ("Identifier 'a' has already been declared").
    const globals = `<script>let a = 'page a'; var e = 'page e'; const t = 'page t';</script>`;
    const page = (lang: string, where: 'head' | 'body') => {
      const script = '<script src="/cdn/mentorkit.js"></script>';
      return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>classic</title>${globals}${where === 'head' ? script : ''}</head><body>${body}${where === 'body' ? script : ''}</body></html>`;
    };
    server = await serve({
      pages: { '/en-head.html': page('en', 'head'), '/es-body.html': page('es', 'body') },
      dirs: { '/cdn/': cdn },
      routes: [
        (req, _body, res) => {
          if (req.url === '/feed.json') return sendJson(res, sampleFeed());
          if (req.url?.startsWith('/rsvp/status')) return sendJson(res, { capacity: 25, confirmed: 3 });
          return false;
        },
      ],
    });
    browser = await chromium.launch(chromiumLaunchOptions);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (cdn) rmSync(cdn, { recursive: true, force: true });
  });

  for (const [path, search] of [
    ['/en-head.html', 'Search workshops'],
    ['/es-body.html', 'Buscar talleres'],
  ] as const) {
    it(`renders the widgets from a classic script (${path})`, async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      try {
        await page.goto(`${server.url}${path}`);
        await page.waitForFunction(() => customElements.get('mk-workshop-list') !== undefined && customElements.get('mk-rsvp-form') !== undefined);
        await expect.poll(() => page.locator('mk-workshop-list').getByLabel(search).count(), { timeout: 10_000 }).toBe(1);
        await expect.poll(() => page.locator('mk-rsvp-form').locator('form').count(), { timeout: 10_000 }).toBe(1);
        const globals = await page.evaluate(() => [
          (0, eval)('a') as unknown,
          (0, eval)('e') as unknown,
          (0, eval)('t') as unknown,
          Object.keys(window).filter((k) => /^[a-zA-Z_$][\w$]?$/.test(k)),
        ]);
        expect(globals).toEqual(['page a', 'page e', 'page t', ['e']]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
