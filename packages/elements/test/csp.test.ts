/**
 * The CDN bundle on a page with a strict Content Security Policy and Trusted Types: no inline script or
 * style, `require-trusted-types-for 'script'`, only Lit's policy allowed. Drives Debian's Chromium with
 * Playwright (vitest's browser mode cannot set response headers per page).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright';
import { buildCdn } from '../scripts/cdn.mjs';
import { sampleFeed } from './sample-feed.js';
import { send, sendJson, serve, type Served } from './serve.js';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const NOW = '2026-01-21T00:00:00Z';

/** The README's embed snippet, with the example CDN and RSVP service pointed at this test's server. */
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const SNIPPET = /\*\*Web teams\*\*[\s\S]*?```html\n([\s\S]*?)```/.exec(README)![1]!;
const snippetPage = () => {
  const html = SNIPPET.replaceAll('https://cdn.example.edu/mentorkit/', '/cdn/').replace(/endpoint="https:\/\/[^"]+"/g, 'endpoint="/rsvp"').replaceAll('/mentoring/feed.json', '/upcoming.json');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README</title><script type="module" src="/page.js"></script></head><body>${html}</body></html>`;
};

/** The sample feed moved by whole weeks so that its sessions lie ahead of the real clock (the snippet sets no \`now\`). */
function upcomingFeed(): unknown {
  const week = 7 * 24 * 3600 * 1000;
  const shift = Math.ceil((Date.now() - Date.parse(NOW)) / week) * week + week;
  const text = JSON.stringify(sampleFeed()).replace(/"(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))"/g, (_m, iso: string) => `"${new Date(Date.parse(iso) + shift).toISOString()}"`);
  return JSON.parse(text);
}

const page = (script: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP</title><script type="module" src="/page.js"></script><script type="module" src="${script}"></script></head><body>${body}</body></html>`;

// Listeners are registered by an external script: inline script is exactly what the policy forbids.
const PAGE_JS = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

// What the widgets must never do: a string assigned to innerHTML, which Trusted Types refuses.
const CONTROL_JS = `
try { document.body.innerHTML = '<b>injected</b>'; } catch (e) { console.error('blocked: ' + e.name); }
`;

let browser: Browser;
let server: Served;
let cdn: string;

beforeAll(async () => {
  cdn = mkdtempSync(join(tmpdir(), 'mk-cdn-'));
  await buildCdn({ outdir: cdn });
  writeFileSync(join(cdn, 'page.js'), PAGE_JS);
  const body = `
    <mk-workshop-list src="/feed.json" now="${NOW}" viewer-time-zone="Europe/Berlin"></mk-workshop-list>
    <mk-rsvp-form src="/feed.json" workshop-id="mentoring-up-expectations" endpoint="/rsvp" now="${NOW}"></mk-rsvp-form>`;
  server = await serve({
    pages: {
      '/bundle.html': page('/cdn/mentorkit.js', body),
      '/autoload.html': page('/cdn/autoloader.js', body),
      '/control.html': page('/control.js', '<p>control</p>'),
      '/readme.html': snippetPage(),
    },
    headers: { 'Content-Security-Policy': CSP },
    dirs: { '/cdn/': cdn },
    routes: [
      (req, _body, res) => {
        if (req.url === '/control.js') return send(res, 200, 'text/javascript', CONTROL_JS);
        if (req.url === '/page.js') return send(res, 200, 'text/javascript', PAGE_JS);
        if (req.url === '/feed.json') return sendJson(res, sampleFeed());
        if (req.url === '/upcoming.json') return sendJson(res, upcomingFeed());
        if (req.url?.startsWith('/rsvp/status')) return sendJson(res, { capacity: 25, confirmed: 3 });
        if (req.url === '/rsvp' && req.method === 'POST') return sendJson(res, { status: 'confirmed' }, 201);
        return false;
      },
    ],
  });
  browser = await chromium.launch(chromiumLaunchOptions);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

describe.each(['/bundle.html', '/autoload.html'])('strict CSP + Trusted Types: %s', (path) => {
  it('renders both widgets, submits an RSVP, and violates nothing', async () => {
    const { page, errors } = await open(path);
    const list = page.locator('mk-workshop-list');
    await list.locator('.item .title').first().waitFor();
    expect(await list.locator('.item .title').allTextContents()).toContain('Mentoring Up: Aligning Expectations');

    const form = page.locator('mk-rsvp-form');
    await form.locator('#f-name').fill('Ada Lovelace');
    await form.locator('#f-email').fill('ada@example.edu');
    await form.locator('#f-role').selectOption('postdoc');
    await form.locator('#f-field').selectOption('biosciences');
    await form.locator('#f-q_program-year').selectOption('2nd');
    await form.locator('#f-q_consent').check();
    expect(await form.locator('[part="eligibility"]').textContent()).toContain('You are in tier 1');
    await form.locator('[part="submit"]').click();
    await form.locator('[part="result"]').waitFor();
    expect(await form.locator('[part="result"] .notice-title').textContent()).toBe('You are registered.');

    // The calendar menu builds links on demand; opening it must not need anything the policy blocks.
    await list.locator('details.calendar summary').first().click();
    await list.locator('details.calendar a').first().waitFor();

    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    const post = server.requests.find((r) => r.method === 'POST' && r.url === '/rsvp');
    expect(JSON.parse(post!.body).person.email).toBe('ada@example.edu');
    expect(server.requests.filter((r) => r.method === 'GET').every((r) => !/ada|lovelace/i.test(r.url))).toBe(true);
    await page.close();
  });
});

describe('the README embed snippet, as pasted, under the strict CSP', () => {
  it('RSVP in the list opens the linked form with no script of the page', async () => {
    expect(SNIPPET).toContain('rsvp-form=');
    const { page, errors } = await open('/readme.html');
    const list = page.locator('mk-workshop-list');
    const form = page.locator('mk-rsvp-form');
    await list.locator('[part="rsvp-button"]').first().waitFor();
    expect(await form.isHidden()).toBe(true);
    await list.locator('[part="rsvp-button"]').first().click();
    await form.locator('[part="title"]').waitFor();
    expect(await form.isVisible()).toBe(true);
    // The button's hidden text names the workshop: ": <title>, <when>".
    const named = (await list.locator('[part="rsvp-button"] .visually-hidden').first().textContent())!;
    expect(named).toContain(`: ${await form.locator('[part="title"]').textContent()}, `);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    // One request for the feed the list and the form share.
    expect(server.requests.filter((r) => r.url === '/upcoming.json')).toHaveLength(1);
    await page.close();
  });
});

describe('the policy is enforced', () => {
  it('a plain innerHTML assignment is refused and reported (the check above can fail)', async () => {
    const { page, errors } = await open('/control.html');
    await page.waitForFunction(() => (window as unknown as { __violations?: string[] }).__violations?.length);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(['require-trusted-types-for trusted-types-sink']);
    expect(errors.some((e) => e.includes('blocked: TypeError'))).toBe(true);
    expect(await page.locator('b').count()).toBe(0);
    await page.close();
  });
});
