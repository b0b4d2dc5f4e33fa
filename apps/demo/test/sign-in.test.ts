/**
 * Staff sign-in in the demo, in Chromium: from the demo site's "Organizer console" link through the demo's
 * own OpenID Connect provider (its page lists the demo accounts) back to the RSVP service under /api, as
 * the organizer; a student gets no staff session; and stopping the demo leaves nothing listening.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@mentorkit/server';
import { DEMO_ACCOUNTS, DEMO_PROGRAMS } from '../idp.mjs';
import { startDemo } from '../serve.mjs';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

let browser: Browser;
let demo: Awaited<ReturnType<typeof startDemo>>;
const dataDir = mkdtempSync(join(tmpdir(), 'mk-demo-sign-in-'));

beforeAll(async () => {
  if (!existsSync(new URL('../dist/index.html', import.meta.url))) throw new Error('apps/demo/dist is missing: run the build first (pnpm build)');
  [demo, browser] = await Promise.all([startDemo({ port: 0, dataDir, logger: silentLogger }), chromium.launch(chromiumLaunchOptions)]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const bodyJson = async (page: Page) => JSON.parse(await page.locator('body').innerText()) as Record<string, unknown>;

/** On the provider's sign-in page: picks the demo account named `name` and waits to be back on the demo. */
async function pick(page: Page, name: string) {
  await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/api/')), page.getByRole('button', { name: new RegExp(name) }).click()]);
}

describe('demo sign-in', () => {
  it('the organizer signs in from the site’s “Organizer console” link and reaches the service as organizer of every demo program', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${demo.url}/try-rsvp.html`);
    // The page names the demo accounts.
    const accounts = await page.locator('#organizers').innerText();
    for (const a of Object.values(DEMO_ACCOUNTS)) expect(accounts).toContain(a.claims.name);
    await page.getByRole('link', { name: 'Organizer console' }).first().click();
    // The console, under /api, asks a visitor to sign in.
    await page.waitForURL((url) => url.pathname === '/api/console/');
    await page.getByRole('link', { name: 'Sign in' }).click();
    // The demo's provider, on the demo's origin under /oidc, lists every demo account.
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
    expect(new URL(page.url()).origin).toBe(demo.url);
    for (const a of Object.values(DEMO_ACCOUNTS)) await expect.poll(() => page.getByRole('button', { name: new RegExp(a.claims.name) }).count()).toBe(1);
    await pick(page, 'Olu Organizer');

    expect(new URL(page.url()).pathname).toBe('/api/console/');
    // Who the service says is signed in, through the /api prefix with the session cookie the sign-in set.
    await page.goto(`${demo.url}/api/auth/me`);
    expect(await bodyJson(page)).toMatchObject({ via: 'session', email: DEMO_ACCOUNTS.olu.claims.email, name: 'Olu Organizer', roles: { admin: false, programs: [...DEMO_PROGRAMS].sort() } });
    const res = await page.goto(`${demo.url}/api/console/`);
    expect(res?.status()).toBe(200);
    // Signed in, the console offers to sign out rather than to sign in.
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const session = (await context.cookies(demo.url)).find((c) => c.name === 'mk_session');
    expect(session).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the organizer takes attendance at a held session and downloads the credential of the person who completed the program', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${demo.url}/organizer`);
    await page.waitForURL((url) => url.pathname === '/api/console/');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
    await pick(page, 'Olu Organizer');

    // The practice program's session held the day before the demo's clock started.
    await page.getByLabel('Show').selectOption('past');
    await page.getByRole('link', { name: /^Roster\W+Held practice session/ }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Wren Walker');
    await page.getByRole('textbox', { name: 'E-mail (optional)' }).fill('wren.walker@example.edu');
    // Added without checking her in: she is checked in at the door, on the check-in screen.
    await page.getByRole('checkbox', { name: 'Checked in now' }).uncheck();
    await page.getByRole('button', { name: 'Add walk-in' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Wren Walker was added as a walk-in.');
    await page.getByRole('link', { name: 'Check-in', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Find a person' }).fill('wren');
    await page.getByRole('button', { name: 'Check in Wren Walker' }).click();
    await page.getByRole('button', { name: 'Undo Wren Walker' }).waitFor();
    await page.getByText('All check-ins sent.').waitFor();

    // She attended every held session of the program, so she completed it and has a credential.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Completion' }).click();
    await page.getByRole('link', { name: 'Practice RSVP', exact: true }).click();
    const row = page.locator('table.completion tbody tr').filter({ hasText: 'Wren Walker' });
    await row.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Download credential/ }).click()]);
    const credential = JSON.parse(readFileSync(await download.path(), 'utf8')) as { type: string[]; credentialSubject: { achievement: { name: string } }; issuer: { name: string }; proof: { cryptosuite: string } };
    expect(credential.type).toContain('OpenBadgeCredential');
    expect(credential.credentialSubject.achievement.name).toMatch(/Practice RSVP/);
    expect(credential.issuer.name).toBe('Demo Mentoring Center');
    expect(credential.proof.cryptosuite).toBe('eddsa-jcs-2022');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a sign-in started at /api/auth/login without a return address comes back to /api/auth/me, under the prefix', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.url}/api/auth/login`);
    await pick(page, 'Ada Admin');
    expect(page.url()).toBe(`${demo.url}/api/auth/me`);
    expect(await bodyJson(page)).toMatchObject({ email: DEMO_ACCOUNTS.ada.claims.email, roles: { admin: true } });
    await context.close();
  });

  it('a postdoc has no staff role: refused with a clear message, and no session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.url}/api/auth/login?return=/api/auth/me`);
    await pick(page, 'Pat Postdoc');
    const answer = await bodyJson(page);
    expect(answer).toMatchObject({ error: { code: 'forbidden' } });
    expect(JSON.stringify(answer)).toContain('no staff role');
    expect((await context.cookies(demo.url)).find((c) => c.name === 'mk_session')).toBeUndefined();
    expect((await page.goto(`${demo.url}/api/auth/me`))?.status()).toBe(401);
    await context.close();
  });

  it('RSVP with sign-in: the form opens the sign-in in a popup, says who signed in, and the service decides on the sign-in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${demo.url}/try-sign-in.html`);
    const form = page.locator('mk-rsvp-form');
    await form.getByText('Sign in with your university account to RSVP.').waitFor();
    // Nothing to send before signing in.
    expect(await form.getByRole('button', { name: 'Send RSVP' }).count()).toBe(0);
    const [popup] = await Promise.all([page.waitForEvent('popup'), form.getByRole('button', { name: 'Sign in' }).click()]);
    await popup.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: /Pat Postdoc/ }).click()]);
    await form.getByText('Signed in as Pat Postdoc · Postdoctoral scholar · Biology').waitFor();
    // Name, e-mail, role and department come from the sign-in; the field of study is the person's to give.
    expect(await form.getByLabel(/Full name/).count()).toBe(0);
    await form.getByLabel(/^Field or discipline/).selectOption({ index: 1 });
    await page.waitForTimeout(2_100);
    await form.getByRole('button', { name: 'Send RSVP' }).click();
    const result = form.locator('.result, .error-summary').first();
    await result.waitFor();
    expect(await result.innerText()).toMatch(/You are registered/);
    // The popup's sign-in opened no staff session.
    expect((await page.goto(`${demo.url}/api/auth/me`))?.status()).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('RSVP with sign-in: an undergraduate is refused on what the sign-in says', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.url}/try-sign-in.html`);
    const form = page.locator('mk-rsvp-form');
    const [popup] = await Promise.all([page.waitForEvent('popup'), form.getByRole('button', { name: 'Sign in' }).click()]);
    await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: /Uma Undergrad/ }).click()]);
    await form.getByText(/Signed in as Uma Undergrad · .+ · History/).waitFor();
    // The form already says so, from the same facts the service will use.
    await form.getByText('This practice session is for graduate students and postdocs.').first().waitFor();
    // The service refuses even an RSVP sent around the form, with her token and a body saying otherwise.
    const status = await page.evaluate(async () => {
      const el = document.querySelector('mk-rsvp-form') as unknown as { attendee?: { token: string } };
      const res = await fetch('api/rsvps', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Authorization: `Bearer ${el.attendee!.token}` },
        body: JSON.stringify({ workshopId: 'practice-signed-in', occurrenceId: 'practice-signed-in-1@2022-10-27T12:00', person: { name: 'U', email: 'u@example.edu', role: 'postdoc', department: 'Biology' }, answers: {}, elapsedMs: 30_000 }),
      });
      return [res.status, ((await res.json()) as { error?: { code: string } }).error?.code];
    });
    expect(status).toEqual([422, 'ineligible']);
    await context.close();
  });

  it('stops with the demo: nothing is left listening', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'mk-demo-stop-'));
    const other = await startDemo({ port: 0, dataDir: otherDir, logger: silentLogger });
    const page = await browser.newPage();
    // Leave a sign-in half done, with the browser's connections open.
    await page.goto(`${other.url}/api/auth/login`);
    await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
    await other.close();
    await expect(fetch(`${other.url}/oidc/.well-known/openid-configuration`)).rejects.toThrow();
    const smtp = new URL(other.mail.url);
    const refused = await new Promise<boolean>((done) => connect(Number(smtp.port), smtp.hostname).once('connect', () => done(false)).once('error', () => done(true)));
    expect(refused).toBe(true);
    await page.close();
    rmSync(otherDir, { recursive: true, force: true });
  });
});
