import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../app.js';
import { jsonLogger, silentLogger } from '../http/logger.js';
import { revokeToken, createToken } from '../tokens.js';
import { postJson, rsvpBody, steppedClock, writeCatalog } from '../../test/fixtures.js';
import { startHarness, type Harness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ capacity: 5 }, { corsOrigins: ['https://www.example.edu'] });
});
afterAll(() => h?.server.close());

/** A request for a route of the table, with path parameters filled in. */
function requestFor(route: { method: string; path: string }, headers: Record<string, string> = {}): [string, RequestInit] {
  const path = route.path.replace(/\{[^}]+\}/g, 'x');
  return route.method === 'GET' ? [path, { headers }] : [path, { method: route.method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email: 'someone@example.edu' }) }];
}

describe('access, from the route table', () => {
  it('declares an access rule for every route the app serves', () => {
    const paths = h.server.routeTable.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(expect.arrayContaining(['POST /rsvps', 'GET /rsvps/status', 'GET /feed.json', 'GET /health', 'GET /openapi.json', 'GET /admin/registrations']));
    const documented = Object.entries((h.server.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } }).paths ?? {}) as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    for (const route of documented) expect(paths).toContain(route);
  });

  it('refuses every staff route to an anonymous caller (401), a wrong token (401) and a revoked one (401)', async () => {
    const admin = h.server.routeTable.filter((r) => r.access !== 'public' && r.access !== 'manage-token');
    expect(admin.length).toBeGreaterThanOrEqual(6);
    const revoked = await createToken(h.server.services.database.db, 'admin');
    await revokeToken(h.server.services.database.db, revoked.id);
    for (const route of admin) {
      for (const headers of [{} as Record<string, string>, { Authorization: 'Bearer mk_not-a-real-token-at-all-000000' }, { Authorization: `Bearer ${revoked.token}` }, { Authorization: 'Basic dXNlcjpwYXNz' }]) {
        const res = await h.server.request(...requestFor(route, headers));
        expect([route.path, res.status]).toEqual([route.path, 401]);
        expect((await res.json()).error.code).toBe('unauthorized');
      }
      const ok = await h.server.request(...requestFor(route, { Authorization: `Bearer ${h.adminToken}` }));
      expect([route.path, ok.status]).not.toEqual([route.path, 401]);
    }
  });

  it('keeps personal data out of caches', async () => {
    const created = await h.post('/rsvps', rsvpBody());
    expect(created.headers.get('cache-control')).toBe('no-store');
    const list = await h.admin('/admin/registrations');
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect(list.body.registrations[0].email).toMatch(/@example\.edu$/);
    expect((await h.get('/manage')).headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('exports registrations as CSV that a spreadsheet will not run', async () => {
    await h.post('/rsvps', rsvpBody({}, { name: '=HYPERLINK("http://evil.example")' }));
    const csv = await h.admin('/admin/registrations?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect((csv.body as string).split('\r\n')[0]).toBe('registrationId,workshopId,occurrenceId,status,code,tierId,position,requestedAt,decidedAt,name,email,role,field,department,institution,checkedInAt');
  });
});

describe('browsers on other sites', () => {
  it('allows the configured origins only', async () => {
    const preflight = (origin: string) =>
      h.server.request('/rsvps', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' } });
    const allowed = await preflight('https://www.example.edu');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.edu');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit, per address', async () => {
    const file = writeCatalog({ capacity: 50 });
    const server = await createServer({ catalogs: [file], clock: steppedClock(), logger: silentLogger, rateLimit: { max: 3, windowMs: 60_000 }, trustProxy: true });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await server.request('/rsvps', postJson(rsvpBody(), undefined, { 'X-Forwarded-For': '203.0.113.7' }))).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const limited = await server.request('/rsvps', postJson(rsvpBody(), undefined, { 'X-Forwarded-For': '203.0.113.7' }));
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ error: { code: 'rate-limited' } });
      expect((await server.request('/rsvps', postJson(rsvpBody(), undefined, { 'X-Forwarded-For': '198.51.100.9' }))).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});

describe('manage tokens', () => {
  it('are random, work only for their own RSVP, and are stored hashed', async () => {
    const created = await h.post('/rsvps', rsvpBody());
    const token = (created.body.manageUrl as string).split('#')[1]!;
    expect((await h.post('/manage/registration', { token })).status).toBe(200);
    expect((await h.post('/manage/registration', { token: token.slice(0, -2) + 'xx' })).status).toBe(401);
    const { db } = h.server.services.database;
    const stored = JSON.stringify(await db.execute('select * from submissions'));
    expect(stored).not.toContain(token);
  });
});

describe('the OpenAPI document', () => {
  it('is generated from the schemas and rendered as a readable page', async () => {
    const doc = await h.get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/rsvps'].post.requestBody.content['application/json'].schema).toBeDefined();
    expect(Object.keys(doc.body.components.schemas)).toEqual(expect.arrayContaining(['RsvpRequest', 'RsvpCreated', 'OccurrenceStatus', 'Error']));
    const page = await h.get('/docs');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.body).toContain('POST /rsvps');
  });
});

describe('logs', () => {
  it('never hold an e-mail, a name, a token or a query string', async () => {
    const lines: string[] = [];
    const server = await createServer({ catalogs: [writeCatalog({ capacity: 1 })], clock: steppedClock(), logger: jsonLogger((line) => lines.push(line)), rateLimit: false });
    try {
      const person = { name: 'Secret Name', email: 'secret.person@example.edu' };
      const created = (await (await server.request('/rsvps', postJson(rsvpBody({}, person)))).json()) as { manageUrl: string };
      const token = created.manageUrl.split('#')[1]!;
      await server.request('/manage/registration', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
      await server.request('/rsvps', postJson(rsvpBody({}, { ...person, role: 'undergraduate' })));
      await server.request(`/rsvps/status?workshop=first&occurrence=secret.person%40example.edu`);
      await server.request('/rsvps', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k-12345678' }, body: '{"person":{"email":"secret.person@example.edu"' });
      expect(lines.length).toBeGreaterThanOrEqual(5);
      const log = lines.join('\n');
      for (const secret of ['Secret Name', 'secret.person', token, 'occurrence=']) expect(log).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});
