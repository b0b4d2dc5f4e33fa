/**
 * JSON-LD is written into pages inside <script type="application/ld+json"> (the fallbacks `mentorkit build`
 * writes, a workshop's .jsonld pasted into its page, a server's pages). Here an XSS corpus goes through
 * every text field of a seed catalog into those script elements, and Chromium opens the pages: no payload
 * runs, no element is injected, and the JSON-LD still reads back with the payload as plain text.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@mentorkit/cli';
import { jsonLdScriptElement, parseCatalog, toJsonLdGraph, toWorkshopJsonLdAll, type CatalogInput } from '@mentorkit/core';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const NOW = '2026-01-05T12:00:00Z';

/** Payloads that end a script element, open a comment or a new element, or break out of JSON or JavaScript. */
const CORPUS = [
  '</script><script>window.__xss("end-tag")</script>',
  '</SCRIPT ><script>window.__xss("upper-end-tag")</script>',
  '</script\t><img src=x onerror=window.__xss("tab-end-tag")>',
  '<!--<script>window.__xss("comment-open")</script>-->',
  '<script>window.__xss("nested")</script>',
  '<img src=x onerror="window.__xss(\'img\')">',
  '<svg onload=window.__xss("svg")>',
  '<iframe srcdoc="<script>parent.__xss(\'srcdoc\')</script>"></iframe>',
  '"};window.__xss("json-break");//',
  '\u2028window.__xss("line-separator")\u2029',
  '&lt;/script&gt;&#x3C;/script&#x3E;\\u003c/script\\u003e',
  ']]></script><script>window.__xss("cdata")</script>',
  '<a href="javascript:window.__xss(\'href\')">x</a>',
  '<style>*{background:url("javascript:window.__xss(\'css\')")}</style>',
  '"><body onload=window.__xss("attr-break")>',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every string leaf of the value with `f` applied, except at the paths in `keep` (JSON paths joined with "."). */
function mapStrings(value: Json, f: (s: string, path: string) => string, path = ''): Json {
  if (typeof value === 'string') return f(value, path);
  if (Array.isArray(value)) return value.map((v, i) => mapStrings(v, f, path === '' ? String(i) : `${path}.${i}`));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f, path === '' ? k : `${path}.${k}`)]));
  return value;
}

/**
 * The seed catalog with `payload(i)` appended to every string the schema accepts as free text: each string
 * gets it, and the ones the schema refuses so (ids, references, zones, URLs, dates) are put back.
 */
async function poisoned(file: string, payload: (i: number) => string): Promise<CatalogInput> {
  const text = await readFile(new URL(`../catalog/${file}`, import.meta.url), 'utf8');
  const parsed = parseCatalog(text);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  const original = JSON.parse(JSON.stringify(parsed.catalog)) as Json;
  const keep = new Set<string>(['$schema', 'version', 'id', 'defaultTimeZone', 'language']);
  for (let round = 0; round < 20; round++) {
    let n = 0;
    const candidate = mapStrings(original, (s, path) => (keep.has(path) || /(^|\.)(id|kind|timeZone|start|end|url|email|rrule|status)$/.test(path) ? s : `${s}${payload(n++)}`));
    const result = parseCatalog(candidate);
    if (result.ok) return candidate as CatalogInput;
    for (const e of result.errors) keep.add(e.path.join('.'));
  }
  throw new Error('could not poison the catalog');
}

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
  dir = await mkdtemp(join(tmpdir(), 'mk-xss-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Opens the HTML in Chromium; resolves to what ran (payloads call window.__xss or alert) and what the page holds. */
async function open(body: string) {
  const page = await browser.newPage();
  const ran: string[] = [];
  await page.exposeFunction('__xss', (name: string) => void ran.push(name));
  page.on('dialog', (d) => {
    ran.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => ran.push(`pageerror: ${e.message}`));
  await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>${body}</body></html>`, { waitUntil: 'load' });
  await page.waitForTimeout(50);
  const found = await page.evaluate(() => ({
    scripts: [...document.scripts].map((s) => ({ type: s.type, json: s.text })),
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName}[${a.name}]`)),
    injected: document.querySelectorAll('img, svg, iframe, style, a[href^="javascript"]').length,
  }));
  await page.close();
  return { ran, ...found };
}

describe('JSON-LD in script elements, with an XSS corpus in every text field', () => {
  it.each(CORPUS.map((p, i) => [i, p] as const))('payload %i: %s — core’s jsonLdScriptElement of every workshop and of the catalog', async (_, payload) => {
    const catalog = await poisoned('advancing-mentorship.yaml', () => payload);
    const catalogTitleBefore = (await poisoned('advancing-mentorship.yaml', () => '')).workshops![0]!.title;
    const parsed = parseCatalog(catalog);
    if (!parsed.ok) throw new Error('poisoned catalog does not parse');
    const graph = toJsonLdGraph(parsed.catalog, { now: NOW });
    const perWorkshop = [...toWorkshopJsonLdAll(parsed.catalog, { now: NOW }).values()];
    const graphs = [graph, ...perWorkshop];
    const result = await open(graphs.map((g) => jsonLdScriptElement(g)).join('\n'));
    expect(result.ran).toEqual([]);
    expect(result.handlers).toEqual([]);
    expect(result.injected).toBe(0);
    expect(result.scripts.map((s) => s.type)).toEqual(graphs.map(() => 'application/ld+json'));
    // The payload is data: it reads back, as written, from the element the browser parsed.
    expect(result.scripts.map((s) => JSON.parse(s.json) as unknown)).toEqual(JSON.parse(JSON.stringify(graphs)));
    // (The catalog's text fields normalise white space: U+2028 and U+2029 arrive as spaces.)
    const title = parsed.catalog.workshops[0]!.title;
    expect(title.length).toBeGreaterThan(catalogTitleBefore.length);
    expect(JSON.stringify(JSON.parse(result.scripts[0]!.json))).toContain(JSON.stringify(title).slice(1, -1));
  });

  it('mentorkit build: the fallbacks with their JSON-LD, and each workshop’s .jsonld pasted into a page, run nothing', async () => {
    for (const file of ['advancing-mentorship.yaml', 'mentoring-up.yaml', 'mentoring-resources.yaml']) {
      // Each field a different payload, so that every payload lands in many kinds of field.
      const catalog = await poisoned(file, (i) => CORPUS[i % CORPUS.length]!);
      const source = join(dir, file.replace(/\.yaml$/, '.json'));
      const out = join(dir, file.replace(/\.yaml$/, ''));
      await writeFile(source, JSON.stringify(catalog));
      let stderr = '';
      const code = await run(['build', source, '--out', out, '--now', NOW, '--from', '2020-01-01', '--to', '2028-01-01', '--accept', 'placeholder-text'], {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (stderr += s) },
        env: { NO_COLOR: '1' },
      });
      expect(code, stderr).toBe(0);
      const pages = [
        await readFile(join(out, 'fallback/workshop-list.html'), 'utf8'),
        await readFile(join(out, 'fallback/resource-list.html'), 'utf8'),
        ...(await Promise.all((await readdir(join(out, 'workshops'))).map(async (f) => `<script type="application/ld+json">${await readFile(join(out, 'workshops', f), 'utf8')}</script>`))),
      ];
      const result = await open(pages.join('\n'));
      expect(result.ran, file).toEqual([]);
      expect(result.handlers, file).toEqual([]);
      expect(result.injected, file).toBe(0);
      for (const s of result.scripts) {
        expect(s.type).toBe('application/ld+json');
        expect(() => JSON.parse(s.json) as unknown).not.toThrow();
      }
      // The payloads did reach the JSON-LD.
      expect(result.scripts.map((s) => s.json).join('')).toContain('\\u003c/script\\u003e\\u003cscript\\u003ewindow.__xss(\\"end-tag\\")');
    }
  });
});
