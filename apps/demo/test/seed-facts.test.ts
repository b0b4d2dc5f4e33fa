/**
 * Each seed page shows what its catalog says: every workshop and resource (with their presenters and the
 * works they relate to), program (introduction, outcomes, FAQ, contacts) and curriculum theme of the
 * catalog behind a demo page is in the text a visitor sees, rendered by the widgets (read through their
 * shadow roots), in Chromium.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '@mentorkit/core';
import { silentLogger } from '@mentorkit/server';
import { startDemo } from '../serve.mjs';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

let browser: Browser;
let demo: Awaited<ReturnType<typeof startDemo>>;
const dataDir = mkdtempSync(join(tmpdir(), 'mk-demo-facts-'));

beforeAll(async () => {
  if (!existsSync(new URL('../dist/index.html', import.meta.url))) throw new Error('apps/demo/dist is missing: run the build first (pnpm build)');
  [demo, browser] = await Promise.all([startDemo({ port: 0, dataDir, logger: silentLogger }), chromium.launch(chromiumLaunchOptions)]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The facts a page built from this feed must show, each labelled with where in the feed it comes from. */
function factsOf(feed: Feed, programIds: readonly string[]): [where: string, text: string][] {
  const facts: [string, string][] = [];
  for (const w of feed.workshops) {
    facts.push([`workshops[id=${w.id}].title`, w.title]);
    for (const [i, p] of w.presenters.entries()) facts.push([`workshops[id=${w.id}].presenters[${i}].name`, p.name]);
  }
  for (const r of feed.resources) {
    facts.push([`resources[id=${r.id}].title`, r.title]);
    for (const [i, p] of (r.presenters ?? []).entries()) facts.push([`resources[id=${r.id}].presenters[${i}].name`, p.name]);
    for (const [i, rel] of (r.related ?? []).entries()) facts.push([`resources[id=${r.id}].related[${i}].title`, rel.title]);
  }
  for (const c of feed.curricula) for (const t of c.themes) facts.push([`curricula[id=${c.id}].themes[id=${t.id}].title`, t.title]);
  for (const p of feed.programs.filter((p) => programIds.includes(p.id))) {
    const at = `programs[id=${p.id}]`;
    facts.push([`${at}.title`, p.title]);
    if (p.summary) facts.push([`${at}.summary`, p.summary]);
    for (const [i, para] of (p.description ?? '').split(/\n\s*\n/).filter((s) => s.trim()).entries()) facts.push([`${at}.description ¶${i + 1}`, para]);
    for (const [i, o] of (p.outcomes ?? []).entries()) facts.push([`${at}.outcomes[${i}]`, o]);
    for (const [i, f] of (p.faq ?? []).entries()) facts.push([`${at}.faq[${i}]`, f.question ?? f.answer]);
    for (const [i, c] of (p.contacts ?? []).entries()) if (c.email) facts.push([`${at}.contacts[${i}].email`, c.email]);
  }
  return facts.map(([where, text]) => [where, squash(text)]);
}

/** Everything the page shows as text, widgets' shadow roots included (closed <details> count: a click opens them). */
async function pageText(path: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`${demo.url}/${path}`);
  const tags = ['mk-workshop-list', 'mk-resource-list', 'mk-curriculum', 'mk-program', 'mk-rsvp-form'];
  await page.waitForFunction(
    (names) => [...document.querySelectorAll(names.join(','))].every((el) => el.shadowRoot !== null && el.shadowRoot.querySelector('[aria-busy="true"], .loading, [part="loading"]') === null && (el as { updateComplete?: unknown }).updateComplete !== undefined),
    tags,
  );
  await page.evaluate(async (names) => {
    await Promise.all([...document.querySelectorAll(names.join(','))].map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete));
  }, tags);
  const text = await page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element) {
        if (node.localName === 'script' || node.localName === 'style') return;
        if (node.shadowRoot) walk(node.shadowRoot);
        // A widget replaces its fallback: read what it renders, not the light DOM it keeps hidden.
        if (node.shadowRoot && node.localName.startsWith('mk-')) return;
      }
      for (const child of node.childNodes) walk(child);
      if (node instanceof HTMLElement && getComputedStyle(node).display !== 'inline') parts.push(' ');
    };
    walk(document.body);
    return parts.join('');
  });
  await page.close();
  return squash(text);
}

const feedOf = (catalog: string) => JSON.parse(readFileSync(new URL(`../dist/feeds/${catalog}/feed.json`, import.meta.url), 'utf8')) as Feed;

describe('every seed page shows what its catalog says', () => {
  for (const [path, catalog, programs] of [
    ['index.html', 'advancing-mentorship', ['advancing-mentorship-practices', 'ctl-mentorship-plan']],
    ['mentoring-up.html', 'mentoring-up', ['mentoring-up']],
    ['resources.html', 'mentoring-resources', []],
  ] as const) {
    it(`${path}: every workshop, resource, theme and program fact of ${catalog}`, async () => {
      const facts = factsOf(feedOf(catalog), programs);
      expect(facts.length).toBeGreaterThan(5);
      const shown = await pageText(path);
      const missing = facts.filter(([, text]) => !shown.includes(text)).map(([where, text]) => `${where}: ${text}`);
      expect(missing, `not on ${path}`).toEqual([]);
    });
  }
});
