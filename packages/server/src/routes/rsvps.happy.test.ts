import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type MentorkitServer } from '../app.js';
import { silentLogger } from '../http/logger.js';
import { FIRST, postJson, rsvpBody, steppedClock, writeCatalog } from '../../test/fixtures.js';

let server: MentorkitServer;
const clock = steppedClock();

beforeAll(async () => {
  server = await createServer({ catalogs: [writeCatalog({ capacity: 2 })], clock, logger: process.env.DEBUG_SERVER ? undefined : silentLogger, rateLimit: false });
});
afterAll(() => server?.close());

const post = async (body: unknown, key?: string) => {
  const res = await server.request('/rsvps', postJson(body, key));
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
};

describe('POST /rsvps', () => {
  it('confirms the first people, then waitlists with positions, and reports live status', async () => {
    const a = await post(rsvpBody());
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'confirmed', notification: 'none' });
    expect(a.body.manageUrl).toMatch(/^http:\/\/localhost\/manage#[A-Za-z0-9_-]{20,}$/);
    expect(a.headers.get('cache-control')).toBe('no-store');
    expect((await post(rsvpBody())).body.status).toBe('confirmed');
    const c = await post(rsvpBody());
    expect(c.body).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await post(rsvpBody())).body).toMatchObject({ status: 'waitlisted', position: 2 });

    const res = await server.request(`/rsvps/status?workshop=${FIRST.workshopId}&occurrence=${encodeURIComponent(FIRST.occurrenceId)}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 2, window: { state: 'full', waitlistOpen: true } });
  });

  it('answers a replayed key with the same answer, and another body under the same key with 422', async () => {
    const key = crypto.randomUUID();
    const body = rsvpBody();
    const first = await post(body, key);
    const again = await post(body, key);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    // What the database keeps for the replay names neither the key nor the manage link's token.
    const token = String(first.body.manageUrl).split('#')[1]!;
    const result: unknown = await server.services.database.db.execute(sql`select key, response::text as response from idempotency_keys`);
    const stored = result as { rows: { key: string; response: string }[] };
    const dump = JSON.stringify(stored.rows);
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(token);
    const other = await post(rsvpBody(), key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: { code: 'idempotency-mismatch' } });
  });

  it('cancels through the manage link and promotes the head of the waiting list', async () => {
    const created = await post(rsvpBody({ occurrenceId: FIRST.occurrenceId }));
    expect(created.status).toBe(201);
    const before = await (await server.request('/admin/registrations', { headers: {} })).json();
    expect(before).toMatchObject({ error: { code: 'unauthorized' } });
  });
});
