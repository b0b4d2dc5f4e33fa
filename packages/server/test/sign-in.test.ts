/**
 * Staff sign-in end to end over HTTP, against an OpenID Connect provider this test starts: authorization code
 * with PKCE, roles from the claim map, the session cookie, CSRF, sign-out — and refusals for a tampered state,
 * a tampered nonce, a replayed answer, an account with no staff role and an expired session, each of which
 * grants nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startSignInRig, type SignInRig } from './oidc-provider.js';

const TTL = 30 * 60_000;
let rig: SignInRig;
beforeAll(async () => {
  rig = await startSignInRig({ sessionTtlMs: TTL });
});
afterAll(() => rig?.close());

/** Starts a sign-in and answers the provider's authorization URL (without following it). */
async function begin(browser: Browser, returnTo = '/auth/me'): Promise<URL> {
  const res = await browser.fetch(`${rig.origin}/auth/login?return=${encodeURIComponent(returnTo)}`);
  expect(res.status).toBe(302);
  const url = new URL(res.headers.get('location')!);
  expect(url.origin).toBe(rig.issuer);
  return url;
}

/** Goes to an authorization URL, signs in as `account`, and answers where the browser ends. */
async function signInAt(browser: Browser, authorization: URL, account: string) {
  const form = await browser.follow(authorization.href);
  expect(form.res.status).toBe(200);
  return browser.submitLogin(form.url, await form.res.text(), account);
}

async function signIn(account: string, returnTo?: string) {
  const browser = new Browser();
  const done = await signInAt(browser, await begin(browser, returnTo), account);
  return { browser, ...done };
}

const sessionCookies = (browser: Browser) => [...browser.cookies(rig.origin).keys()].filter((k) => k.includes('mk_session'));

describe('staff sign-in', () => {
  it('signs an organizer in with code + PKCE, shows who they are, lets them act on their program only, and signs them out', async () => {
    const login = new Browser();
    const authorization = await begin(login, '/auth/me');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    const { browser, res, url } = { browser: login, ...(await signInAt(login, authorization, 'olu')) };
    expect(url).toBe(`${rig.origin}/auth/me`);
    expect(res.status).toBe(200);
    const me = (await res.json()) as { email: string; name: string; roles: { admin: boolean; programs: string[] }; csrfToken: string; actor: string };
    expect(me).toMatchObject({ email: 'olu.organizer@example.edu', name: 'Olu Organizer', roles: { admin: false, programs: ['mentoring'] }, actor: 'olu.organizer@example.edu' });

    const cookieLine = (await login.fetch(`${rig.origin}/auth/me`)).headers.get('set-cookie');
    expect(cookieLine).toBeNull(); // the session cookie is set once, at the callback

    expect((await browser.fetch(`${rig.origin}/admin/registrations?workshop=first`)).status).toBe(200);
    expect((await browser.fetch(`${rig.origin}/admin/registrations?workshop=series`)).status).toBe(403);
    expect((await browser.fetch(`${rig.origin}/admin/work`, { method: 'POST', headers: { 'X-CSRF-Token': me.csrfToken } })).status).toBe(403);

    expect((await browser.fetch(`${rig.origin}/auth/logout`, { method: 'POST' })).status).toBe(403);
    const out = await browser.fetch(`${rig.origin}/auth/logout`, { method: 'POST', headers: { 'X-CSRF-Token': me.csrfToken } });
    expect(out.status).toBe(200);
    expect(sessionCookies(browser)).toEqual([]);
    expect((await browser.fetch(`${rig.origin}/auth/me`)).status).toBe(401);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and gives an admin every route', async () => {
    const browser = new Browser();
    const authorization = await begin(browser);
    const form = await browser.follow(authorization.href);
    const html = await form.res.text();
    // Walk the provider's answer by hand to see the callback's Set-Cookie.
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
    let res = await browser.fetch(new URL(action, form.url).href, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ prompt: 'login', login: 'ada', password: 'x' }) });
    let at = new URL(action, form.url).href;
    while (!at.startsWith(`${rig.origin}/auth/callback`)) {
      at = new URL(res.headers.get('location')!, at).href;
      res = await browser.fetch(at);
    }
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mk_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=1800/);
    const me = (await (await browser.fetch(`${rig.origin}/auth/me`)).json()) as { roles: { admin: boolean } };
    expect(me.roles.admin).toBe(true);
    expect((await browser.fetch(`${rig.origin}/admin/registrations`)).status).toBe(200);
  });

  it('refuses an account the claim map gives no role: 403, no session', async () => {
    const { browser, res, url } = await signIn('sam');
    expect(url).toMatch(/\/auth\/callback\?/);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/no staff role/);
    expect(sessionCookies(browser)).toEqual([]);
    expect((await browser.fetch(`${rig.origin}/auth/me`)).status).toBe(401);
  });

  it('refuses a tampered state with a clear error, and grants nothing', async () => {
    const browser = new Browser();
    const authorization = await begin(browser);
    authorization.searchParams.set('state', `${authorization.searchParams.get('state')}x`);
    const { res, url } = await signInAt(browser, authorization, 'ada');
    expect(url).toMatch(/\/auth\/callback\?/);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('sign-in-failed');
    expect(body.error.message).toMatch(/state does not match/);
    expect(sessionCookies(browser)).toEqual([]);
    expect((await browser.fetch(`${rig.origin}/auth/me`)).status).toBe(401);
  });

  it('refuses a tampered nonce (the ID token names another sign-in), and grants nothing', async () => {
    const browser = new Browser();
    const authorization = await begin(browser);
    authorization.searchParams.set('nonce', 'a-nonce-of-the-attackers-choosing');
    const { res } = await signInAt(browser, authorization, 'ada');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('sign-in-failed');
    expect(body.error.message).toMatch(/unexpected ID Token "nonce" claim value/);
    expect(sessionCookies(browser)).toEqual([]);
  });

  it('refuses a replayed answer (same state, nonce and code, even with the sign-in cookie), and grants nothing', async () => {
    const browser = new Browser();
    const authorization = await begin(browser);
    const loginCookie = browser.cookies(rig.origin).get('mk_login')!;
    const { visited } = await signInAt(browser, authorization, 'ada');
    const callback = visited.find((u) => u.startsWith(`${rig.origin}/auth/callback`))!;
    expect(callback).toBeDefined();
    const attacker = new Browser();
    attacker.cookies(rig.origin).set('mk_login', loginCookie);
    const replay = await attacker.fetch(callback);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/expired or was already used/);
    expect(sessionCookies(attacker)).toEqual([]);
  });

  it('returns only to this server after sign-in', async () => {
    const { url } = await signIn('olu', 'https://evil.example/steal');
    expect(url).toBe(`${rig.origin}/auth/me`);
  });

  it('ends an expired session with a clear error', async () => {
    const { browser, res } = await signIn('olu');
    expect(res.status).toBe(200);
    rig.clock.advance(TTL + 1);
    const expired = await browser.fetch(`${rig.origin}/auth/me`);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
    expect((await browser.fetch(`${rig.origin}/admin/registrations?workshop=first`)).status).toBe(401);
  });
});
