/**
 * The organizer console in Chromium against a real server (PGlite) and the in-process OpenID Connect provider:
 * sign in as an organizer, the occurrences, one occurrence's roster and actions, the draw of a lottery, check-in
 * on a 375 px phone through a dropped connection and a reload, completion and credentials, the audit log, sign
 * out. Every view is checked with axe-core in light and dark, and every change the console makes is checked
 * through the API, not only on screen. Screenshots go to $CONSOLE_SCREENSHOTS (default: a temporary folder).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { CONSOLE_CSP } from '../src/routes/console-page.js';
import { createToken } from '../src/tokens.js';
import { startSignInRig, type SignInRig } from './oidc-provider.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.CONSOLE_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'mk-console-shots-'));
mkdirSync(SHOTS, { recursive: true });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Whole minutes, so the catalog's wall-clock times (in UTC) are exactly these instants. */
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** A program with completion, a first-come workshop held now and next week, and a lottery in a day. */
function catalogFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mk-console-catalog-'));
  const file = join(dir, 'catalog.yaml');
  writeFileSync(
    file,
    `version: 1
id: console-test
title: Console test
defaultTimeZone: UTC
language: en
organizations:
  - id: grad-school
    name: The Graduate School
    url: https://grad.example.edu/
programs:
  - id: mentoring
    title: Mentoring Up
    hosts: [grad-school]
    completion: { attendance: 0.5 }
policies:
  - id: open
    fields: [name, email]
    capacity: 2
    waitlist: { enabled: true }
  - id: drawn
    fields: [name, email]
    capacity: 2
    waitlist: { enabled: true }
    window:
      closes: { kind: session, edge: start, before: P2D }
    allocation: { mode: at-close, order: lottery }
workshops:
  - id: circle
    kind: scheduled
    title: Evening mentoring circle
    programs: [mentoring]
    rsvpPolicy: open
    sessions:
      - id: today
        start: ${local(NOW - HOUR / 2)}
        end: ${local(NOW + HOUR)}
        timeZone: UTC
      - id: next
        start: ${local(NOW + 7 * DAY)}
        end: ${local(NOW + 7 * DAY + HOUR)}
        timeZone: UTC
  - id: lottery
    kind: scheduled
    title: Writing retreat (by lottery)
    programs: [mentoring]
    rsvpPolicy: drawn
    sessions:
      - id: retreat
        start: ${local(NOW + DAY)}
        end: ${local(NOW + DAY + 2 * HOUR)}
        timeZone: UTC
`,
  );
  return file;
}

let rig: SignInRig;
let browser: Browser;
let adminToken: string;
const occurrence = { today: '', next: '', retreat: '' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
async function apiGet(path: string): Promise<any> {
  const res = await rig.server.request(path, { headers: { Authorization: `Bearer ${adminToken}` } });
  expect(res.status, path).toBe(200);
  return res.json();
}

async function registrations(workshop: string, occurrenceId: string): Promise<Record<string, { registrationId: string; status: string; code: string; checkedInAt: string | null; position: number | null; occurrenceId: string }>> {
  const { registrations } = await apiGet(`/admin/registrations?workshop=${workshop}`);
  return Object.fromEntries(registrations.filter((r: { occurrenceId: string; status: string }) => r.occurrenceId === occurrenceId && !['cancelled'].includes(r.status)).map((r: { name: string }) => [r.name, r]));
}

async function rsvp(workshopId: string, occurrenceId: string, name: string) {
  const body = { workshopId, occurrenceId, person: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.edu` }, answers: {}, website: '', elapsedMs: 30_000, locale: 'en' };
  const res = await rig.server.request('/rsvps', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

beforeAll(async () => {
  [rig, browser] = await Promise.all([startSignInRig({ catalog: catalogFile() }), chromium.launch(chromiumLaunchOptions)]);
  adminToken = (await createToken(rig.server.services.database.db, 'admin', 'console test')).token;
  // Three days ago, every window was open: registrations then, the lottery drawn at its close.
  rig.clock.set(new Date(NOW - 3 * DAY));
  const { occurrences } = await apiGet('/admin/occurrences?when=all');
  const id = (workshop: string, prefix: string) => occurrences.find((o: { workshopId: string; occurrenceId: string }) => o.workshopId === workshop && o.occurrenceId.startsWith(prefix)).occurrenceId as string;
  Object.assign(occurrence, { today: id('circle', 'today@'), next: id('circle', 'next@'), retreat: id('lottery', 'retreat@') });
  for (const name of ['Zoe Zimmer', 'Ana Alvarez', 'Cleo Chen', 'Dan Diaz']) await rsvp('circle', occurrence.today, name);
  for (const name of ['Lee Lam', 'Mia Moss', 'Noor Naji', 'Oto Ono']) await rsvp('lottery', occurrence.retreat, name);
  rig.clock.set(new Date(NOW));
  await rig.server.runDueWork();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

/** axe-core on the page as it is (it sees into open shadow roots): no violations at all. */
async function expectAccessible(page: Page, where: string) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  expect(violations, where).toEqual([]);
}

/** Light and dark: the same page, the scheme switched by the system preference. */
async function expectAccessibleBothSchemes(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`), fullPage: true });
    await expectAccessible(page, `${name} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A context whose pages can take axe's script despite the console's CSP (the CSP itself is tested apart). */
const newContext = (options: Parameters<Browser['newContext']>[0] = {}) => browser.newContext({ bypassCSP: true, ...options });

async function signIn(context: BrowserContext, account: string, hash = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${rig.origin}/console${hash}`);
  await page.screenshot({ path: join(SHOTS, `sign-in-${account}.png`) });
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('any password');
  await Promise.all([page.waitForURL((url) => url.origin === rig.origin && url.pathname === '/console/'), page.locator('button[type="submit"]').click()]);
  await expect.poll(() => page.getByText('Signed in as').count()).toBe(1);
  return page;
}

describe('the organizer console in Chromium', () => {
  let context: BrowserContext;
  let page: Page;

  it('serves the page with a strict Content-Security-Policy under which it runs without a violation', async () => {
    const redirect = await rig.server.request('/console');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('console/');
    const res = await rig.server.request('/console/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect((await rig.server.request('/console/..%2Fpackage.json')).status).toBe(404);
    expect((await rig.server.request('/console/.env')).status).toBe(404);

    // No bypass here: the console must work under its own policy.
    const strict = await browser.newContext();
    const p = await strict.newPage();
    await p.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await p.goto(`${rig.origin}/console`);
    await expect.poll(() => p.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect(await p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    await strict.close();
  });

  it('shows a sign-in gate, signs the organizer in and back to the console', async () => {
    context = await newContext({ viewport: { width: 1280, height: 900 } });
    const gate = await context.newPage();
    await gate.goto(`${rig.origin}/console/`);
    const link = gate.getByRole('link', { name: 'Sign in' });
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe(`${rig.origin}/auth/login?return=%2Fconsole%2F`);
    await expectAccessibleBothSchemes(gate, 'gate');
    await gate.close();

    page = await signIn(context, 'olu');
    expect(await page.getByText('Signed in as').innerText()).toMatch(/Olu Organizer.*organizer: mentoring/);
  });

  it('lists the upcoming occurrences with seats in text, the waiting list and the window', async () => {
    const cards = page.locator('li.occurrence');
    await expect.poll(() => cards.count()).toBe(3);
    const today = page.locator(`li[data-occurrence="${occurrence.today}"]`);
    const text = (await today.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Evening mentoring circle');
    expect(text).toContain('2 of 2 seats taken (full)');
    expect(text).toContain('2 waiting');
    const retreat = (await page.locator(`li[data-occurrence="${occurrence.retreat}"]`).innerText()).replace(/\s+/g, ' ');
    expect(retreat).toContain('2 of 2 seats taken');
    expect(retreat).toContain('by lottery');
    expect(await page.locator(`li[data-occurrence="${occurrence.retreat}"]`).getByRole('link', { name: /The draw/ }).count()).toBe(1);
    await expectAccessibleBothSchemes(page, 'occurrences');
  });

  it('opens an occurrence by keyboard, searches and sorts the roster', async () => {
    // Keyboard only: Tab to the first card's roster link and follow it with Enter.
    await page.locator('body').focus();
    const target = page.locator(`li[data-occurrence="${occurrence.today}"] a.button`).first();
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el.matches(':focus'))); i++) await page.keyboard.press('Tab');
    expect(await target.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/o\/circle\//);
    const rows = page.locator('table.roster tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    // The view's heading takes the focus, so a screen reader hears where it is.
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.tagName)).toBe('H1');

    const names = () => rows.locator('th').allInnerTexts();
    expect(await names()).toEqual(['Zoe Zimmer', 'Ana Alvarez', 'Cleo Chen', 'Dan Diaz']); // by status, then waiting-list order
    await page.getByRole('button', { name: 'Name' }).click();
    expect(await names()).toEqual(['Ana Alvarez', 'Cleo Chen', 'Dan Diaz', 'Zoe Zimmer']);
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('Name');
    await page.getByRole('button', { name: 'Name' }).click();
    expect(await names()).toEqual(['Zoe Zimmer', 'Dan Diaz', 'Cleo Chen', 'Ana Alvarez']);
    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill('cle');
    expect(await names()).toEqual(['Cleo Chen']);
    await page.getByRole('searchbox', { name: 'Search by name or e-mail' }).fill('');
    expect(await page.locator('ol.waitlist li').allInnerTexts()).toEqual(['Cleo Chen — number 1', 'Dan Diaz — number 2']);
    await expectAccessibleBothSchemes(page, 'occurrence');
  });

  it('adds a walk-in with the keyboard alone', async () => {
    await page.getByRole('textbox', { name: 'Name' }).focus();
    await page.keyboard.type('Wren Walker');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wren@example.edu');
    await page.keyboard.press('Tab'); // the "checked in now" box, left ticked
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Wren Walker was added as a walk-in.');
    const wren = (await registrations('circle', occurrence.today))['Wren Walker']!;
    expect(wren).toMatchObject({ status: 'confirmed', code: 'walk-in' });
    expect(wren.checkedInAt).not.toBeNull();
    expect(await page.locator('table.roster tbody tr th').allInnerTexts()).toContain('Wren Walker');

    // A refusal shows the server's message, and the form keeps what was typed.
    await page.getByRole('textbox', { name: 'Name' }).fill('Cleo again');
    await page.getByRole('textbox', { name: 'E-mail (optional)' }).fill('cleo.chen@example.edu');
    await page.getByRole('button', { name: 'Add walk-in' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(await page.getByRole('alert').innerText()).toMatch(/already has a registration for this session/);
    expect(await page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Cleo again');
    await page.getByRole('textbox', { name: 'Name' }).fill('');
    await page.getByRole('textbox', { name: 'E-mail (optional)' }).fill('');
  });

  it('cancels, moves to next week and promotes over capacity', async () => {
    // The session is under way: a freed seat is not offered to the waiting list any more, staff decide.
    await page.getByRole('button', { name: 'Cancel Zoe Zimmer' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Zoe Zimmer was cancelled.');
    let now = await registrations('circle', occurrence.today);
    expect(now['Zoe Zimmer']).toBeUndefined();
    expect(now['Cleo Chen']).toMatchObject({ status: 'waitlisted', position: 1 });

    await page.getByRole('button', { name: 'Move Ana Alvarez' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/^Ana Alvarez was moved to /);
    expect((await registrations('circle', occurrence.next))['Ana Alvarez']).toMatchObject({ status: 'confirmed' });
    expect((await registrations('circle', occurrence.today))['Ana Alvarez']).toBeUndefined();
    expect(await page.locator('table.roster tbody tr th').allInnerTexts()).not.toContain('Ana Alvarez');

    for (const name of ['Cleo Chen', 'Dan Diaz']) {
      await page.getByRole('button', { name: `Promote ${name}` }).click();
      await expect.poll(() => page.getByRole('status').first().innerText()).toBe(`${name} now has a seat.`);
    }
    now = await registrations('circle', occurrence.today);
    expect([now['Cleo Chen']!.status, now['Dan Diaz']!.status]).toEqual(['confirmed', 'confirmed']);
    expect(await page.locator('ol.waitlist').count()).toBe(0);
    expect((await page.locator('.summary').innerText()).replace(/\s+/g, ' ')).toContain('3 of 2 seats taken (1 over)');
  });

  it('messages the confirmed people and links the roster as CSV', async () => {
    await page.getByRole('textbox', { name: 'Subject' }).fill('Room change');
    await page.getByRole('textbox', { name: 'Message' }).fill('We meet in room 204 tonight.');
    await page.getByRole('button', { name: 'Send message' }).click();
    // Cleo, Dan and Wren are confirmed now.
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('3 messages queued for sending.');

    const href = await page.getByRole('link', { name: 'Export roster (CSV)' }).getAttribute('href');
    expect(href).toBe(`${rig.origin}/admin/registrations?workshop=circle&occurrence=${encodeURIComponent(occurrence.today)}&format=csv`);
    const csv = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { type: res.headers.get('content-type'), text: await res.text() };
    }, href!);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text).toContain('Wren Walker');
    await page.screenshot({ path: join(SHOTS, 'occurrence-after-actions.png'), fullPage: true });
  });

  it('shows the lottery’s draw as a chart and a table, with its seed and its reproduction', async () => {
    const draw = await apiGet(`/admin/occurrences/lottery/${encodeURIComponent(occurrence.retreat)}/draw`);
    await page.goto(`${rig.origin}/console/#/o/lottery/${encodeURIComponent(occurrence.retreat)}/draw`);
    const seed = page.locator('[data-seed]');
    await expect.poll(() => seed.count()).toBe(1);
    expect(await seed.innerText()).toBe(draw.seed);
    expect(await page.locator('[data-reproduced]').getAttribute('data-reproduced')).toBe(String(draw.reproduced));
    expect(draw.reproduced).toBe(true);
    const rows = page.locator('table.draw tbody tr');
    expect(await rows.count()).toBe(4);
    const seated = draw.entries.filter((e: { outcome: string }) => e.outcome === 'confirmed').sort((a: { seat: number }, b: { seat: number }) => a.seat - b.seat);
    expect(seated).toHaveLength(2);
    // The chart's seats name the people the API seated, in seat order.
    expect((await page.locator('.lane').first().locator('li').allInnerTexts()).map((t) => t.split('\n')[1])).toEqual(seated.map((e: { name: string }) => e.name));
    await expectAccessibleBothSchemes(page, 'draw');
  });

  it('checks people in on a 375 px phone through a dropped connection and a reload', async () => {
    // The server's clock to the wall clock: the phone stamps each check-in with its own time.
    rig.clock.set(new Date());
    const phone = await newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const p = await signIn(phone, 'olu', `#/o/circle/${encodeURIComponent(occurrence.today)}/check-in`);
    await p.waitForURL(/check-in$/);
    const people = p.locator('li.person');
    await expect.poll(() => people.count()).toBe(3); // Cleo, Dan, Wren
    const layout = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
    expect(layout.scroll).toBeLessThanOrEqual(layout.width);
    for (const box of await p.locator('li.person button, input[type=search]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height })))) {
      expect(box.h).toBeGreaterThanOrEqual(44);
      expect(box.w).toBeGreaterThanOrEqual(44);
    }
    await expectAccessibleBothSchemes(p, 'check-in-375');

    // Search as you type.
    await p.getByRole('searchbox', { name: 'Find a person' }).fill('da');
    expect(await people.locator('.name').allInnerTexts()).toEqual(['Dan Diaz']);
    await p.getByRole('searchbox', { name: 'Find a person' }).fill('');

    await phone.setOffline(true);
    await p.getByRole('button', { name: 'Check in Cleo Chen' }).tap();
    await p.getByRole('button', { name: 'Check in Dan Diaz' }).tap();
    await p.getByRole('button', { name: 'Undo Wren Walker' }).tap();
    const pending = p.locator('[data-pending]');
    await expect.poll(() => pending.innerText()).toBe('3 check-ins waiting to be sent');
    await p.screenshot({ path: join(SHOTS, 'check-in-375-offline.png'), fullPage: true });
    let now = await registrations('circle', occurrence.today);
    expect([now['Cleo Chen']!.checkedInAt, now['Dan Diaz']!.checkedInAt]).toEqual([null, null]);
    expect(now['Wren Walker']!.checkedInAt).not.toBeNull();

    // Back online, but the server still out of reach; a reload keeps the queue.
    await p.route('**/check-in', (route) => route.abort('connectionrefused'));
    await phone.setOffline(false);
    await p.reload();
    await expect.poll(() => pending.innerText()).toBe('3 check-ins waiting to be sent');
    await expect.poll(() => p.getByRole('button', { name: 'Undo Cleo Chen' }).count()).toBe(1);
    now = await registrations('circle', occurrence.today);
    expect(now['Cleo Chen']!.checkedInAt).toBeNull();

    // The server reachable again: the queue goes out in order by itself.
    await p.unroute('**/check-in');
    await expect.poll(() => pending.innerText(), { timeout: 15_000 }).toBe('All check-ins sent.');
    now = await registrations('circle', occurrence.today);
    expect(now['Cleo Chen']!.checkedInAt).not.toBeNull();
    expect(now['Dan Diaz']!.checkedInAt).not.toBeNull();
    expect(now['Wren Walker']!.checkedInAt).toBeNull();
    expect(await p.evaluate(() => localStorage.getItem('mentorkit.console.check-ins'))).toBe('[]');
    await p.screenshot({ path: join(SHOTS, 'check-in-375-sent.png'), fullPage: true });

    // A check-in the server refuses for good (the person was cancelled meanwhile) leaves the queue with its reason.
    await phone.setOffline(true);
    await p.getByRole('button', { name: 'Check in Wren Walker' }).tap();
    await expect.poll(() => pending.innerText()).toBe('1 check-in waiting to be sent');
    const wren = (await registrations('circle', occurrence.today))['Wren Walker']!;
    const cancelled = await rig.server.request(`/admin/registrations/${wren.registrationId}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}` } });
    expect(cancelled.status).toBe(200);
    await phone.setOffline(false);
    await expect.poll(() => pending.innerText(), { timeout: 15_000 }).toBe('All check-ins sent.');
    expect(await p.getByRole('alert').innerText()).toMatch(/^Wren Walker: Only a confirmed person can be checked in/);
    await phone.close();
  });

  it('shows attendance and completion with the CSV and a credential for each person who completed', async () => {
    // From the list of programs to one: the view loads the program picked.
    await page.goto(`${rig.origin}/console/#/completion`);
    await page.getByRole('link', { name: 'Mentoring Up', exact: true }).click();
    const rows = page.locator('table.completion tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Attendance and completion: Mentoring Up');
    const report = await apiGet('/admin/programs/mentoring/completion');
    expect(await rows.count()).toBe(report.people.length);
    const completed = report.people.filter((p: { completed: boolean }) => p.completed).map((p: { name: string }) => p.name).sort();
    expect(completed).toEqual(['Cleo Chen', 'Dan Diaz']);
    const links = page.getByRole('link', { name: /Download credential/ });
    expect(await links.count()).toBe(2);
    const credential = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as { type: string[] } };
    }, (await links.first().getAttribute('href'))!);
    expect(credential.status, JSON.stringify(credential.body)).toBe(200);
    expect(credential.type).toMatch(/^application\/ld\+json/);
    expect(credential.body.type).toContain('OpenBadgeCredential');
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), (await page.getByRole('link', { name: 'Export completion (CSV)' }).getAttribute('href'))!);
    expect(csv).toContain('Cleo Chen');
    await expectAccessibleBothSchemes(page, 'completion');
  });

  it('shows the audit log with a CSV export', async () => {
    await page.goto(`${rig.origin}/console/#/audit`);
    const rows = page.locator('table.audit tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const actions = await rows.locator('td:nth-child(3)').allInnerTexts();
    expect(actions.some((a) => /check-?in/.test(a))).toBe(true);
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), (await page.getByRole('link', { name: /Export the latest/ }).getAttribute('href'))!);
    expect(csv.split('\r\n')[0]).toBe('id,at,actor,action,subject,detail');
    await expectAccessibleBothSchemes(page, 'audit');
  });

  it('switches to dark with the toggle, remembers it, and signs out', async () => {
    await page.goto(`${rig.origin}/console/#/`);
    await expect.poll(() => page.locator('li.occurrence').count()).toBe(3);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('mk-console').getAttribute('theme')).toBe('dark');
    await page.reload();
    await expect.poll(() => page.locator('mk-console').getAttribute('theme')).toBe('dark');
    await expect.poll(() => page.locator('li.occurrence').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'occurrences-dark-toggle.png'), fullPage: true });
    await expectAccessible(page, 'occurrences, dark by the toggle');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect(await page.evaluate(async () => (await fetch('/auth/me')).status)).toBe(401);
    await context.close();
  });
});
