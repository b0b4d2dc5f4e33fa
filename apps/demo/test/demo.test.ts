/**
 * The demo as a visitor meets it: the built site and its RSVP service served over HTTP and opened in
 * Debian's Chromium.
 * Each widget renders seed content inside its shadow root, the no-JavaScript fallback is in the HTML,
 * and nothing is logged as an error.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@mentorkit/server';
import { startDemo } from '../serve.mjs';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const dist = new URL('../dist/', import.meta.url);
let browser: Browser;
let base: string;
let demo: Awaited<ReturnType<typeof startDemo>>;
const dataDir = mkdtempSync(join(tmpdir(), 'mk-demo-pages-'));

beforeAll(async () => {
  if (!existsSync(new URL('index.html', dist))) throw new Error('apps/demo/dist is missing: run the build first (pnpm build)');
  // The pages' RSVP forms ask the demo's RSVP service for live seats: serve it too.
  demo = await startDemo({ port: 0, dataDir, logger: silentLogger });
  base = demo.url;
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(path: string) {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(`${base}/${path}`);
  return { page, problems };
}

/** Text of a widget's shadow root once it has finished loading. */
async function shadowText(page: import('playwright').Page, selector: string, expected: string): Promise<string> {
  const handle = page.locator(selector);
  // Text of the element's shadow tree, descending into nested widgets' shadow roots (cards inside a list).
  const read = () =>
    handle.evaluate((host) => {
      const walk = (node: Node): string =>
        node instanceof Element && node.shadowRoot
          ? walk(node.shadowRoot)
          : node.nodeType === Node.TEXT_NODE
            ? (node.textContent ?? '')
            : [...node.childNodes].map(walk).join(' ');
      return walk(host).replace(/\s+/g, ' ');
    });
  await expect.poll(read, { timeout: 15_000 }).toContain(expected);
  return read();
}

describe('demo site', () => {
  it('Advancing Mentorship: past workshops, on-request offerings, curriculum and resources from the seed page', async () => {
    const { page, problems } = await open('index.html');
    const past = await shadowText(page, 'mk-workshop-list[view="past"]', 'Entering Mentoring: Fostering Independence');
    expect(past).toContain('Preparing for a New Semester of Mentoring');
    const upcoming = await shadowText(page, 'mk-workshop-list[view="upcoming"]', 'Consultations');
    expect(upcoming).toContain('Workshops To Go');
    const curriculum = await shadowText(page, 'mk-curriculum', 'Fostering Independence');
    expect(curriculum).toContain('Aligning Expectations');
    const resources = await shadowText(page, 'mk-resource-list', 'Building Effective Mentoring Relationships');
    expect(resources).toContain('Voices on Mentoring');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Advancing Mentorship: the page’s h1 is the program’s only title, in the widget and in its fallback', async () => {
    const title = 'Advancing Mentorship Practices';
    const html = await readFile(new URL('index.html', dist), 'utf8');
    const tag = html.slice(html.indexOf('<mk-program'), html.indexOf('</mk-program>'));
    expect(tag).toContain('hide-title');
    expect(tag).toContain(`<section class="mk-fallback mk-fallback-program" lang="en" aria-label="${title}">`);
    expect(tag).not.toMatch(/<h[1-6]/);

    const { page, problems } = await open('index.html');
    await shadowText(page, 'main mk-program', 'Supporting Mentors of Graduate Students and Postdocs at Columbia.');
    // The main column's headings in order, widgets' shadow roots included (not the fallbacks they replaced).
    const outline = await page.locator('main').evaluate((main) => {
      const found: string[] = [];
      const walk = (node: Node) => {
        for (const el of node.childNodes) {
          if (!(el instanceof Element)) continue;
          if (/^h[1-6]$/.test(el.localName)) found.push(`${el.localName} ${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`);
          walk(el.shadowRoot ?? el);
        }
      };
      walk(main);
      return found;
    });
    expect(outline.slice(0, 2)).toEqual([`h1 ${title}`, 'h2 Workshops']);
    expect(outline.filter((h) => h.includes(title))).toEqual([`h1 ${title}`]);
    // The widget's region is still named by the program's title.
    await expect.poll(() => page.getByRole('region', { name: title, exact: true }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Mentoring Up: sessions, the RSVP form of the first session, and the curriculum', async () => {
    const { page, problems } = await open('mentoring-up.html');
    await shadowText(page, 'mk-workshop-list', 'Aligning Expectations');
    const form = await shadowText(page, 'mk-rsvp-form', 'Aligning Expectations');
    // The 2022–23 sessions are long past: nothing is open, however the page worded it then, and the
    // form asks for nothing.
    expect(form).toContain('There are no sessions open for RSVP');
    expect(form).not.toContain('Full name');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a page as it read on another day, and RSVP links point the form at their session', async () => {
    const { page, problems } = await open('mentoring-up.html');
    await page.getByRole('link', { name: 'on 5 October 2022' }).click();
    await expect.poll(() => page.locator('.clock-banner').textContent()).toContain('Wednesday, October 5, 2022');
    const form = await shadowText(page, 'mk-rsvp-form', 'RSVP is open until October 19, 2022');
    expect(form).toContain('You must be a graduate student or postdoc');
    expect(form).toContain('Send RSVP');
    // The list counts the autumn session as upcoming, and its RSVP links keep the day.
    await shadowText(page, 'mk-workshop-list', 'RSVP opens January 4, 2023');
    const february = page.locator('mk-workshop-list').locator('a[part="rsvp-button"]').nth(1);
    expect(new URL((await february.getAttribute('href'))!).search).toBe(
      '?on=2022-10-05&workshop=mu-effective-communication&occurrence=mu-effective-communication-2023-02-01%402023-02-01T16%3A00',
    );
    expect(await page.locator('.nav a', { hasText: 'Mentoring Resources' }).getAttribute('href')).toMatch(/resources\.html\?on=2022-10-05$/);
    await february.click();
    const februaryForm = await shadowText(page, 'mk-rsvp-form', 'Maintaining Effective Communication');
    expect(februaryForm).toContain('RSVP opens on January 4, 2023');
    // Once the widgets have rendered, the form is in view.
    await expect.poll(() => page.locator('#rsvp').evaluate((h) => h.getBoundingClientRect().top), { timeout: 10_000 }).toBeLessThan(200);
    await page.getByRole('link', { name: 'Back to today' }).click();
    expect(await shadowText(page, 'mk-rsvp-form', 'There are no sessions open for RSVP')).not.toContain('Send RSVP');
    expect(await page.locator('.clock-banner').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when the day in the address is not a date, and shows today', async () => {
    const { page, problems } = await open('mentoring-up.html?on=yesterday');
    expect(await page.locator('.clock-banner.error').textContent()).toContain('“on=yesterday” in the address is not a date: write it as YYYY-MM-DD');
    await shadowText(page, 'mk-rsvp-form', 'There are no sessions open for RSVP');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Mentoring Resources: every resource of the page, with providers', async () => {
    const { page, problems } = await open('resources.html');
    const text = await shadowText(page, 'mk-resource-list', 'National Research Mentoring Network');
    expect(text).toContain('Compact Between Postdoctoral Appointees');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ships the no-JavaScript fallback inside the widget tags, and the calendars', async () => {
    const html = await readFile(new URL('index.html', dist), 'utf8');
    expect(html).not.toContain('<!-- fallback:');
    expect(html).toMatch(/<mk-workshop-list[^>]*view="upcoming"[^>]*>\s*<[a-z]/);
    const ics = await readFile(new URL('feeds/advancing-mentorship/calendar.ics', dist), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Entering Mentoring: Fostering Independence');
  });
});
