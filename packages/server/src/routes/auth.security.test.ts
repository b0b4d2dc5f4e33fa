/**
 * Authorization over the whole route table, with signed-in staff: anonymous callers get 401, an organizer of
 * one program 403 on another program's data and on admin-only routes, an admin neither, and a change made
 * with the session cookie but without its CSRF token 403 — for every route, including ones added later.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClaimMap, rolesFromClaims } from '../auth/config.js';
import { safeReturn } from '../auth/staff.js';
import { auditLog } from '../db/schema.js';
import type { Access, Env, RouteEntry } from '../http/context.js';
import { FIRST, rsvpBody } from '../../test/fixtures.js';
import { startHarness, type Harness } from '../../test/harness.js';
import { register } from './register.js';

let h: Harness;
let registrationId: string;
const TTL = 60 * 60_000;

beforeAll(async () => {
  h = await startHarness({ capacity: 5 }, { auth: { issuer: 'http://127.0.0.1:9/never-contacted', clientId: 'mentorkit', claimMap: { roles: [] }, secureCookies: false, sessionTtlMs: TTL } });
  const created = await h.post('/rsvps', rsvpBody());
  expect(created.status).toBe(201);
  registrationId = (await h.admin('/admin/registrations?workshop=first')).body.registrations[0].registrationId as string;
});
afterAll(() => h?.server.close());

interface Session {
  cookie: string;
  csrf: string;
}

/** A fresh session (as the callback opens one) for a person with these roles. */
async function session(email: string, roles: { admin: boolean; programs: string[] }): Promise<Session> {
  const id = await h.server.services.auth!.open({ subject: `sub-${email}`, issuer: 'http://127.0.0.1:9/never-contacted', email, name: null, roles });
  const me = await h.get('/auth/me', { Cookie: `mk_session=${id}` });
  expect(me.status).toBe(200);
  return { cookie: `mk_session=${id}`, csrf: me.body.csrfToken as string };
}

const isMutation = (route: RouteEntry) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
const guarded = () => h.server.routeTable.filter((r) => r.access !== 'public' && r.access !== 'manage-token');
const kind = (access: Access) => (typeof access === 'string' ? access : `${access.role}:${access.scope}`);

/**
 * A request for a route of the table: a path's workshop, session and program are `first`'s (program `mentoring`),
 * other path ids the test's registration; the query names workshop `first`.
 */
function call(route: RouteEntry, headers: Record<string, string>) {
  const named: Record<string, string> = { workshopId: FIRST.workshopId, occurrenceId: encodeURIComponent(FIRST.occurrenceId), programId: 'mentoring' };
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => named[name] ?? registrationId) + (route.method === 'GET' ? '?workshop=first' : '');
  const init: RequestInit = route.method === 'GET' ? { headers } : { method: route.method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email: 'nobody-at-all@example.edu' }) };
  return h.server.request(path, init);
}

describe('every staff route, from the route table', () => {
  it('declares an access rule of a known kind, and staff routes are most of the table', () => {
    const kinds = new Set(h.server.routeTable.map((r) => kind(r.access)));
    for (const k of kinds) expect(['public', 'manage-token', 'staff', 'admin', 'organizer:program']).toContain(k);
    expect(guarded().length).toBeGreaterThanOrEqual(8);
    expect(h.server.routeTable.filter((r) => kind(r.access) === 'organizer:program').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses an anonymous caller (401), and a made-up session cookie (401)', async () => {
    for (const route of guarded()) {
      for (const headers of [{}, { Cookie: 'mk_session=made-up-session-id-000000000000000000' }] as Record<string, string>[]) {
        const res = await call(route, headers);
        expect([route.method, route.path, res.status]).toEqual([route.method, route.path, 401]);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      }
    }
  });

  it('refuses a change made with the session cookie but without (or with a wrong) CSRF token (403), and changes nothing', async () => {
    const mutations = guarded().filter(isMutation);
    expect(mutations.length).toBeGreaterThanOrEqual(5);
    for (const route of mutations) {
      const admin = await session('admin@example.edu', { admin: true, programs: [] });
      for (const headers of [{ Cookie: admin.cookie }, { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf.slice(0, -3) + 'abc' }, { Cookie: admin.cookie, 'X-CSRF-Token': '' }] as Record<string, string>[]) {
        const res = await call(route, headers);
        expect([route.path, res.status]).toEqual([route.path, 403]);
        expect(((await res.json()) as { error: { message: string } }).error.message).toContain('X-CSRF-Token');
      }
      // Still signed in: the refused logout did not sign out.
      expect((await h.get('/auth/me', { Cookie: admin.cookie })).status).toBe(200);
    }
    const rows = (await h.admin('/admin/registrations?workshop=first')).body.registrations as { status: string }[];
    expect(rows.map((r) => r.status)).toEqual(['confirmed']);
  });

  it('refuses an organizer of another program (403) on every route but the staff ones, and changes nothing', async () => {
    for (const route of guarded()) {
      const other = await session('other@example.edu', { admin: false, programs: ['another-program'] });
      const res = await call(route, { Cookie: other.cookie, 'X-CSRF-Token': other.csrf });
      if (route.access === 'staff') expect([route.path, res.status]).toEqual([route.path, 200]);
      else expect([route.path, res.status]).toEqual([route.path, 403]);
    }
    const rows = (await h.admin('/admin/registrations?workshop=first')).body.registrations as { status: string }[];
    expect(rows.map((r) => r.status)).toEqual(['confirmed']);
  });

  it('refuses an organizer admin-only routes (403), data of no program and other programs’ workshops, but lets them act on their own', async () => {
    for (const route of guarded()) {
      const organizer = await session('organizer@example.edu', { admin: false, programs: ['mentoring'] });
      const res = await call(route, { Cookie: organizer.cookie, 'X-CSRF-Token': organizer.csrf });
      if (route.access === 'admin') expect([route.path, res.status]).toEqual([route.path, 403]);
      else expect([route.path, res.status]).not.toContain(403);
      expect(res.status).not.toBe(401);
    }
    const organizer = await session('organizer@example.edu', { admin: false, programs: ['mentoring'] });
    // `series` belongs to no program; listing everything is for admins.
    expect((await h.get('/admin/registrations?workshop=series', { Cookie: organizer.cookie })).status).toBe(403);
    expect((await h.get('/admin/registrations', { Cookie: organizer.cookie })).status).toBe(403);
    expect((await h.get('/admin/registrations?workshop=first', { Cookie: organizer.cookie })).body.registrations).toHaveLength(1);
  });

  it('lets an admin session through every route (with the CSRF token), and an admin token without one', async () => {
    for (const route of guarded()) {
      const admin = await session('admin@example.edu', { admin: true, programs: [] });
      const res = await call(route, { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf });
      expect([route.path, res.status]).not.toContain(401);
      expect([route.path, res.status]).not.toContain(403);
      const token = await call(route, { Authorization: `Bearer ${h.adminToken}` });
      expect([route.path, token.status]).not.toContain(401);
      expect([route.path, token.status]).not.toContain(403);
    }
  });
});

describe('sessions', () => {
  it('name the signed-in person in the audit log', async () => {
    const created = await h.post('/rsvps', rsvpBody());
    expect(created.status).toBe(201);
    const rows = (await h.admin('/admin/registrations?workshop=first')).body.registrations as { registrationId: string; status: string }[];
    const target = rows.find((r) => r.status === 'confirmed')!;
    const organizer = await session('pat.organizer@example.edu', { admin: false, programs: ['mentoring'] });
    const res = await h.server.request(`/admin/registrations/${target.registrationId}/cancel`, { method: 'POST', headers: { Cookie: organizer.cookie, 'X-CSRF-Token': organizer.csrf } });
    expect(res.status).toBe(200);
    const audit = await h.server.services.database.db.select().from(auditLog);
    expect(audit.find((a) => a.action === 'registration.cancel' && a.subject === target.registrationId)?.actor).toBe('pat.organizer@example.edu');
  });

  it('expire: an expired session is refused with a clear error and removed', async () => {
    const admin = await session('late@example.edu', { admin: true, programs: [] });
    h.clock.advance(TTL + 1000);
    const res = await h.get('/auth/me', { Cookie: admin.cookie });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired/);
    const again = await h.get('/auth/me', { Cookie: admin.cookie });
    expect(again.status).toBe(401);
  });

  it('end at sign-out: the cookie is cleared and the session no longer works', async () => {
    const admin = await session('leaving@example.edu', { admin: true, programs: [] });
    const out = await h.server.request('/auth/logout', { method: 'POST', headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/mk_session=;.*Max-Age=0/);
    expect((await h.get('/auth/me', { Cookie: admin.cookie })).status).toBe(401);
  });

  it('are stored hashed: the cookie value is nowhere in the database', async () => {
    const admin = await session('hashed@example.edu', { admin: true, programs: [] });
    const stored = JSON.stringify(await h.server.services.database.db.execute('select * from staff_sessions'));
    expect(stored).toContain('hashed@example.edu');
    expect(stored).not.toContain(admin.cookie.split('=')[1]);
  });
});

describe('registration', () => {
  it('throws for a route registered without an access rule', () => {
    const app = new OpenAPIHono<Env>();
    const route = createRoute({ method: 'get', path: '/new', responses: { 200: { content: { 'application/json': { schema: z.object({}) } }, description: 'ok' } } });
    // @ts-expect-error -- the access rule is a required argument
    expect(() => register(app, [], route)).toThrow(/no valid access rule/);
    expect(() => register(app, [], route, 'organizer' as never, (c) => c.json({}, 200))).toThrow(/no valid access rule/);
    expect(() => register(app, [], route, { role: 'organizer', scope: 'program' } as never, (c) => c.json({}, 200))).toThrow(/no valid access rule/);
  });
});

describe('the claim map', () => {
  const map = parseClaimMap(
    JSON.stringify({
      roles: [
        { claim: 'groups', equals: 'mentoring-admins', role: 'admin' },
        { claim: 'groups', equals: 'mu-organizers', role: 'organizer', programs: ['mentoring-up'] },
        { claim: 'email', endsWith: '@grad.example.edu', role: 'organizer', programs: ['grad-pd', 'mentoring-up'] },
      ],
    }),
  );

  it('gives the union of matching rules', () => {
    expect(rolesFromClaims(map, { groups: ['staff', 'mu-organizers'] })).toEqual({ admin: false, programs: ['mentoring-up'] });
    expect(rolesFromClaims(map, { groups: 'mentoring-admins' })).toEqual({ admin: true, programs: [] });
    expect(rolesFromClaims(map, { email: 'Pat@GRAD.example.edu', groups: ['mu-organizers'] })).toEqual({ admin: false, programs: ['grad-pd', 'mentoring-up'] });
    expect(rolesFromClaims(map, { groups: ['mu-organizers-old'], email: 'x@example.edu' })).toEqual({ admin: false, programs: [] });
  });

  it('is refused with the place of each problem', () => {
    expect(() => parseClaimMap('{"roles":[{"claim":"groups","equals":"x","role":"organizer"}]}')).toThrow(/roles\.0\.programs/);
    expect(() => parseClaimMap('{"roles":[{"claim":"groups","role":"admin"}]}')).toThrow(/exactly one of equals or endsWith/);
    expect(() => parseClaimMap('{"roles":[{"claim":"groups","equals":"x","role":"owner"}]}')).toThrow(/roles\.0\.role/);
    expect(() => parseClaimMap('not json')).toThrow(/not valid JSON/);
  });
});

describe('the address to return to after sign-in', () => {
  it('stays on this server', () => {
    const origin = 'https://rsvp.example.edu';
    expect(safeReturn('/console?view=roster#x', origin)).toBe('/console?view=roster#x');
    expect(safeReturn('https://rsvp.example.edu/console', origin)).toBe('/console');
    for (const evil of ['https://evil.example/console', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'http://rsvp.example.edu/console', '/x\n/y', undefined]) expect(safeReturn(evil, origin)).toBe('/auth/me');
  });
});
