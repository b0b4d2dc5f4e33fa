/**
 * Attendee sign-in against a real OpenID Connect provider (oidc-provider, in-process) and a real PGlite
 * database: a policy with `signIn: required` refuses an anonymous RSVP, takes role and department from the
 * provider's claims whatever the body says, lets the person type only the facts it lists as self-reported,
 * and refuses a forged or expired attendee token. The popup page hands the token only to allowed origins.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type MentorkitServer } from '../src/app.js';
import { silentLogger } from '../src/http/logger.js';
import { catalogYaml, postJson, rsvpBody, steppedClock } from './fixtures.js';
import { Browser } from './oidc-provider.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PAGE = 'https://www.example.edu';
const PEOPLE: Record<string, Record<string, unknown>> = {
  pat: { email: 'pat.postdoc@example.edu', email_verified: true, name: 'Pat Postdoc', eduPersonAffiliation: ['member', 'employee'], employeeType: 'postdoc', department: 'Biology' },
  hal: { email: 'hal.historian@example.edu', email_verified: true, name: 'Hal Historian', eduPersonAffiliation: ['member', 'employee'], employeeType: 'postdoc', department: 'History' },
  uma: { email: 'uma.undergrad@example.edu', email_verified: true, name: 'Uma Undergrad', eduPersonAffiliation: ['member', 'student'], studentLevel: 'undergraduate', department: 'Biology' },
};

let web: Server;
let idp: Server;
let origin: string;
let server: MentorkitServer;
const clock = steppedClock(new Date('2026-03-01T12:00:00Z'));

const listen = (s: Server) => new Promise<number>((done) => s.listen(0, '127.0.0.1', () => done((s.address() as AddressInfo).port)));

beforeAll(async () => {
  const holder: { app?: MentorkitServer } = {};
  web = serve({ fetch: (req) => (holder.app === undefined ? new Response('starting', { status: 503 }) : holder.app.fetch(req)), port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((done) => (web.listening ? done() : web.once('listening', () => done())));
  origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  idp = createHttpServer();
  const issuer = `http://127.0.0.1:${await listen(idp)}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'mentorkit', client_secret: 'a-test-secret-of-enough-length', redirect_uris: [`${origin}/auth/callback`, `${origin}/auth/attendee/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], affiliation: ['eduPersonAffiliation', 'employeeType', 'studentLevel', 'department'] },
    scopes: ['openid', 'email', 'profile', 'affiliation'],
    cookies: { keys: ['a-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...(PEOPLE[id] ?? {}) }) }),
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile affiliation');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  idp.on('request', (req, res) => void handle(req, res));

  // The fixture's postdoc policy, now for signed-in people of Biology; `field` is theirs to type.
  const yaml = catalogYaml({ capacity: 10 })
    .replace('eligibility: { fact: role, operator: in, value: [graduate-student, postdoc] }', 'eligibility: { all: [{ fact: role, operator: in, value: [graduate-student, postdoc] }, { fact: department, operator: equals, value: Biology }] }')
    .replace('fields: [name, email, role, field]', 'fields: [name, email, role, field, department]\n    signIn: required\n    selfReported: [field]');
  const file = join(mkdtempSync(join(tmpdir(), 'mk-attendee-')), 'catalog.yaml');
  writeFileSync(file, yaml);
  server = await createServer({
    catalogs: [file],
    clock,
    logger: silentLogger,
    rateLimit: false,
    corsOrigins: [PAGE],
    auth: { issuer, clientId: 'mentorkit', clientSecret: 'a-test-secret-of-enough-length', scope: 'openid email profile affiliation', claimMap: { roles: [] }, secureCookies: false, allowInsecureProvider: true },
  });
  holder.app = server;
});

afterAll(async () => {
  web?.closeAllConnections();
  idp?.closeAllConnections();
  await Promise.all([new Promise((done) => web?.close(done)), new Promise((done) => idp?.close(done))]);
  await server?.close();
});

/** Signs in as `account` through the popup's flow; answers the popup page's message and the browser. */
async function signIn(account: string, from = PAGE) {
  const browser = new Browser();
  const form = await browser.follow(`${origin}/auth/attendee/login?origin=${encodeURIComponent(from)}`);
  const back = await browser.submitLogin(form.url, await form.res.text(), account);
  expect(back.url.startsWith(`${origin}/auth/attendee/callback`)).toBe(true);
  const html = await back.res.text();
  const data = JSON.parse(/const d = (\{.*?\}); if/.exec(html)![1]!) as { origin: string; message: { type: string; token: string; person: Record<string, string> } };
  return { browser, html, res: back.res, ...data };
}

const rsvp = (body: unknown, token?: string) => server.fetch(new Request(`${origin}/rsvps`, postJson(body, crypto.randomUUID(), token ? { Authorization: `Bearer ${token}` } : {})));

describe('attendee sign-in', () => {
  it('the live status tells the form that sign-in is required and which fields stay the person’s', async () => {
    const res = await server.fetch(new Request(`${origin}/rsvps/status?workshop=first&occurrence=${encodeURIComponent('first-s@2026-03-12T15:00')}`));
    expect(await res.json()).toMatchObject({ signIn: 'required', selfReported: ['field'] });
  });

  it('refuses an anonymous RSVP under a policy requiring sign-in, with a clear 401', async () => {
    const res = await rsvp(rsvpBody({}, { department: 'Biology' }));
    expect(res.status).toBe(401);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/Sign in with your university account/);
  });

  it('a signed-in postdoc is eligible from the claims even when the body says undergraduate; the popup posts only to its page', async () => {
    const pat = await signIn('pat');
    expect(pat.origin).toBe(PAGE);
    expect(pat.message).toMatchObject({ type: 'mentorkit:attendee-sign-in', person: { name: 'Pat Postdoc', email: 'pat.postdoc@example.edu', role: 'postdoc', department: 'Biology' } });
    expect(pat.res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
    // No staff session came with it.
    expect((await pat.browser.fetch(`${origin}/auth/me`)).status).toBe(401);
    const res = await rsvp(rsvpBody({}, { name: 'Someone Else', email: 'else@example.org', role: 'undergraduate', department: 'History', field: 'biosciences' }), pat.message.token);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { status: string }).status).toBe('confirmed');
    // Recorded under the e-mail from the sign-in, not the typed one.
    const again = await rsvp(rsvpBody({}, { email: 'another@example.org', role: 'postdoc', department: 'Biology' }), pat.message.token);
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('duplicate');
  });

  it('an undergraduate is refused from the claims even when the body says postdoc', async () => {
    const uma = await signIn('uma');
    const res = await rsvp(rsvpBody({}, { role: 'postdoc', department: 'Biology' }), uma.message.token);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'ineligible', message: 'You must be a graduate student or postdoc.' });
  });

  it('self-reported facts only as listed: a typed field is taken, a typed department is not', async () => {
    const hal = await signIn('hal');
    const res = await rsvp(rsvpBody({}, { department: 'Biology', field: 'history' }), hal.message.token);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ineligible');
  });

  it('a tampered state or nonce ends in the popup with the reason, and no token reaches the page', async () => {
    for (const [param, value, reason] of [['state', (v: string) => `${v}x`, /state does not match/], ['nonce', () => 'a-nonce-of-the-attackers-choosing', /nonce/]] as const) {
      const browser = new Browser();
      const start = await browser.fetch(`${origin}/auth/attendee/login?origin=${encodeURIComponent(PAGE)}`);
      expect(start.status).toBe(302);
      const authorization = new URL(start.headers.get('location')!);
      authorization.searchParams.set(param, value(authorization.searchParams.get(param)!));
      const form = await browser.follow(authorization.href);
      const back = await browser.submitLogin(form.url, await form.res.text(), 'pat');
      expect(back.url.startsWith(`${origin}/auth/attendee/callback`)).toBe(true);
      expect(back.res.status).toBe(400);
      expect(back.res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await back.res.text();
      expect(html).toContain('Sign-in did not complete');
      expect(html).toMatch(reason);
      expect(html).not.toContain('<script');
      expect(html).not.toContain('mka1.');
    }
  });

  it('refuses a forged or expired attendee token, and hands no token to a page of another origin', async () => {
    const pat = await signIn('pat');
    const [prefix, payload, mac] = pat.message.token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), subject: 'uma', email: 'uma@example.edu' })).toString('base64url');
    const forged = await rsvp(rsvpBody(), `${prefix}.${forgedPayload}.${mac}`);
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(/signature does not match/);

    clock.advance(31 * 60_000);
    const expired = await rsvp(rsvpBody(), pat.message.token);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/);

    const elsewhere = await server.fetch(new Request(`${origin}/auth/attendee/login?origin=${encodeURIComponent('https://evil.example')}`));
    expect(elsewhere.status).toBe(403);
    const preflight = await server.fetch(new Request(`${origin}/rsvps`, { method: 'OPTIONS', headers: { Origin: PAGE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key' } }));
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });
});
