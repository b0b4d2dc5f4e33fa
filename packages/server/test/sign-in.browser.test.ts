/**
 * Staff sign-in in Chromium against the in-process OpenID Connect provider: sign in through the provider's
 * form, see /auth/me, sign out with the CSRF token; a tampered state and an expired session are refused with
 * a clear error and grant nothing.
 */
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { startSignInRig, type SignInRig } from './oidc-provider.js';

const TTL = 30 * 60_000;
let rig: SignInRig;
let browser: Browser;
beforeAll(async () => {
  [rig, browser] = await Promise.all([startSignInRig({ sessionTtlMs: TTL }), chromium.launch(chromiumLaunchOptions)]);
});
afterAll(async () => {
  await browser?.close();
  await rig?.close();
});

/** Fills the provider's sign-in form as `account` and waits to be back on the RSVP server. */
async function submitForm(page: Page, account: string) {
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('any password');
  await Promise.all([page.waitForURL((url) => url.origin === rig.origin), page.locator('button[type="submit"]').click()]);
}

const bodyJson = async (page: Page) => JSON.parse((await page.locator('body').innerText()) || '{}') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked field by field

describe('staff sign-in in Chromium', () => {
  it('signs in, shows who is signed in, and signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rig.origin}/auth/login?return=/auth/me`);
    expect(new URL(page.url()).origin).toBe(rig.issuer);
    await submitForm(page, 'olu');
    expect(page.url()).toBe(`${rig.origin}/auth/me`);
    const me = await bodyJson(page);
    expect(me).toMatchObject({ via: 'session', email: 'olu.organizer@example.edu', roles: { admin: false, programs: ['mentoring'] } });
    const cookies = await context.cookies(rig.origin);
    const session = cookies.find((c) => c.name === 'mk_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // Scripts cannot read the session cookie.
    expect(await page.evaluate(() => document.cookie)).not.toContain('mk_session');

    const statuses = await page.evaluate(async (csrf: string) => {
      const without = await fetch('/auth/logout', { method: 'POST' });
      const withToken = await fetch('/auth/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrf } });
      const after = await fetch('/auth/me');
      return [without.status, withToken.status, after.status];
    }, me.csrfToken as string);
    expect(statuses).toEqual([403, 200, 401]);
    expect((await context.cookies(rig.origin)).find((c) => c.name === 'mk_session')).toBeUndefined();
    await context.close();
  });

  it('refuses a tampered state with a clear error and no session', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rig.origin}/auth/login`);
    const authorization = new URL(page.url());
    // A new sign-in's authorization request, its state forged on the way to the provider.
    const tampered = new URL((await context.request.get(`${rig.origin}/auth/login`, { maxRedirects: 0 })).headers().location!);
    tampered.searchParams.set('state', 'forged-state-value-000000000000000000000');
    await page.goto(tampered.href);
    expect(new URL(page.url()).origin).toBe(authorization.origin);
    await submitForm(page, 'ada');
    const answer = await bodyJson(page);
    expect(answer.error).toMatchObject({ code: 'sign-in-failed' });
    expect(answer.error.message).toMatch(/state does not match/);
    expect((await context.cookies(rig.origin)).find((c) => c.name === 'mk_session')).toBeUndefined();
    const me = await page.goto(`${rig.origin}/auth/me`);
    expect(me?.status()).toBe(401);
    await context.close();
  });

  it('refuses an expired session with a clear error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rig.origin}/auth/login`);
    await submitForm(page, 'ada');
    expect((await bodyJson(page)).roles).toEqual({ admin: true, programs: [] });
    rig.clock.advance(TTL + 1);
    const res = await page.goto(`${rig.origin}/auth/me`);
    expect(res?.status()).toBe(401);
    expect((await bodyJson(page)).error.message).toMatch(/expired/);
    await context.close();
  });
});
