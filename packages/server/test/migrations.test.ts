/**
 * Upgrades keep what is stored: a database of the previous version (migrations up to 0005) with registrations
 * and an answer kept for an Idempotency-Key is migrated to the current schema; the RSVP is still replayed from
 * it, and the seats already taken are counted.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/app.js';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from '../src/db/database.js';
import { PgliteThread } from '../src/db/pglite-thread.js';
import { silentLogger } from '../src/http/logger.js';
import { FIRST, postJson, rsvpBody, steppedClock, writeCatalog } from './fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'mk-migrations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The migrations folder as it was up to `last` (the journal cut there). */
function migrationsUpTo(last: number): string {
  const folder = join(work, `drizzle-${last}`);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('upgrading from the version before sealed replays and kept seat counts (0005)', () => {
  it('re-keys the kept answers by their hash, drops the token from their links, replays them, and counts the seats already taken', async () => {
    const dataDir = join(work, 'data');
    const thread = await PgliteThread.start(dataDir);
    const old = drizzle(thread as never);
    await migrate(old, { migrationsFolder: migrationsUpTo(5) });
    const key = 'old-client-key-0001';
    const body = rsvpBody({ occurrenceId: FIRST.occurrenceId });
    const { sha256Hex } = await import('../src/hash.js');
    const { canonicalJson } = await import('../src/rsvp/service.js');
    const answer = { status: 'confirmed', registrationId: 'sub-1', manageUrl: 'http://localhost/manage#OLDTOKENOLDTOKENOLDTOKEN', message: 'Your place is confirmed.', notification: 'none' };
    await old.execute(sql`insert into idempotency_keys (key, request_hash, status, response, created_at) values (${key}, ${sha256Hex(canonicalJson(body))}, 201, ${JSON.stringify(answer)}::jsonb, now())`);
    // Two people on the first session (one confirmed, one waiting) and one who cancelled.
    for (const [i, status] of [[1, 'confirmed'], [2, 'waitlisted'], [3, 'cancelled']] as const) {
      await old.execute(sql`insert into submissions (id, workshop_id, person_key, manage_token_hash, locale, created_at) values (${`s${i}`}, ${FIRST.workshopId}, ${`p${i}`}, ${`h${i}`}, 'en', now())`);
      await old.execute(
        sql`insert into registrations (id, submission_id, workshop_id, occurrence_id, person_key, status, code, tier_index, requested_at, queue_order, updated_at) values (${`r${i}`}, ${`s${i}`}, ${FIRST.workshopId}, ${FIRST.occurrenceId}, ${`p${i}`}, ${status}, ${status}, 0, ${`2026-02-0${i}T12:00:00Z`}, ${i}, now())`,
      );
    }
    await thread.close();

    const clock = steppedClock();
    const server = await createServer({ catalogs: [writeCatalog({ capacity: 1 })], database: { dataDir }, clock, logger: silentLogger, rateLimit: false });
    try {
      const result: unknown = await server.services.database.db.execute(sql`select key, response::text as response from idempotency_keys`);
      const stored = JSON.stringify((result as { rows: unknown[] }).rows);
      expect(stored).not.toContain(key);
      expect(stored).not.toContain('OLDTOKEN');
      // The seats kept by session (migration 0007) start from the registrations already there.
      const seats: unknown = await server.services.database.db.execute(sql`select status, n from seat_counts where occurrence_id = ${FIRST.occurrenceId} and n > 0 order by status`);
      expect((seats as { rows: unknown[] }).rows).toEqual([
        { status: 'confirmed', n: 1 },
        { status: 'waitlisted', n: 1 },
      ]);
      const replay = await server.request('/rsvps', postJson(body, key));
      expect(replay.status).toBe(201);
      expect(await replay.json()).toEqual({ ...answer, manageUrl: 'http://localhost/manage' });
    } finally {
      await server.close();
    }
  });
});
