/**
 * Seats under contention, over real HTTP: 200 people RSVP at once for 50 seats, 100 rounds (one occurrence
 * each), on PGlite, on PostgreSQL, and against two server processes sharing one PostgreSQL. Each round must
 * confirm exactly 50 and waitlist the rest in order, answer every request (a "busy" answer is retried with
 * the same Idempotency-Key and counted once), and store every acknowledged RSVP once: none lost, none twice.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../src/db/database.js';
import { writeCatalog } from './fixtures.js';
import { createAdminTokenWithBin, httpClient, manyOccurrence, registrations, rsvpRound, startBin, type Client, type Row, type Sent, type ServerProcess, type StoreOptions } from './load.js';
import { usePostgres } from './postgres.js';

// LOAD_ROUNDS shortens a local run while working on this file; CI runs all 100.
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 100);
const PEOPLE = 200;
const SEATS = 50;
const OVERLAP = 4;
const catalog = writeCatalog({ many: ROUNDS, manyCapacity: SEATS });
const postgres = usePostgres();

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * The built server in its own process on loopback (the load's client in this one, so the two share the two
 * cores as a real deployment and its visitors would not share one), with an admin token to read the result.
 */
async function spawned(store: StoreOptions): Promise<{ client: Client; token: string }> {
  // The embedded store's folder is free only while no server runs: make the token first there.
  const early = store.dataDir !== undefined ? createAdminTokenWithBin(store) : undefined;
  const server = await startBin(catalog, store);
  cleanups.push(() => server.stop());
  const client = httpClient(server.url);
  cleanups.push(() => client.close());
  return { client, token: early ?? createAdminTokenWithBin(store) };
}

/**
 * Runs the rounds, OVERLAP at a time (each on its own occurrence, so each still has its 200 people contending
 * for its 50 seats while the store serves other occurrences too), and returns what each request was answered.
 */
async function runRounds(clients: readonly Client[], tag: string): Promise<Sent[][]> {
  const rounds: Sent[][] = [];
  for (let first = 0; first < ROUNDS; first += OVERLAP) {
    const wave = Array.from({ length: Math.min(OVERLAP, ROUNDS - first) }, (_, i) => first + i);
    rounds.push(...(await Promise.all(wave.map((r) => rsvpRound(clients, manyOccurrence(r), PEOPLE, `${tag}-${r}`)))));
  }
  return rounds;
}

/** Everything wrong with the rounds, as readable lines (empty when all is well). */
function problems(rounds: readonly Sent[][], stored: readonly Row[]): string[] {
  const found: string[] = [];
  const byOccurrence = new Map<string, Row[]>();
  for (const row of stored) byOccurrence.set(row.occurrenceId, [...(byOccurrence.get(row.occurrenceId) ?? []), row]);
  rounds.forEach((sent, r) => {
    const occurrenceId = manyOccurrence(r);
    const unanswered = sent.filter((s) => s.status !== 201);
    if (unanswered.length > 0) found.push(`${occurrenceId}: ${unanswered.length} not answered 201, e.g. ${unanswered[0]!.status} ${JSON.stringify(unanswered[0]!.body).slice(0, 200)}`);
    const confirmed = sent.filter((s) => s.body?.status === 'confirmed').length;
    const positions = sent.filter((s) => s.body?.status === 'waitlisted').map((s) => s.body.position as number).sort((a, b) => a - b);
    if (confirmed !== SEATS) found.push(`${occurrenceId}: ${confirmed} answered confirmed`);
    if (positions.length !== PEOPLE - SEATS || positions.some((p, i) => p !== i + 1)) found.push(`${occurrenceId}: waiting-list positions answered are not 1..${PEOPLE - SEATS}`);

    const rows = byOccurrence.get(occurrenceId) ?? [];
    const acknowledged = new Set(sent.filter((s) => s.status === 201).map((s) => s.body.registrationId as string));
    const storedIds = new Set(rows.map((row) => row.submissionId));
    const lost = [...acknowledged].filter((id) => !storedIds.has(id)).length;
    const unexpected = [...storedIds].filter((id) => !acknowledged.has(id)).length;
    const duplicates = rows.length - new Set(rows.map((row) => row.email)).size;
    const storedConfirmed = rows.filter((row) => row.status === 'confirmed').length;
    const storedWaiting = rows.filter((row) => row.status === 'waitlisted').length;
    if (acknowledged.size !== PEOPLE) found.push(`${occurrenceId}: ${acknowledged.size} distinct registrations acknowledged`);
    if (lost > 0) found.push(`${occurrenceId}: ${lost} acknowledged RSVPs lost`);
    if (unexpected > 0) found.push(`${occurrenceId}: ${unexpected} stored RSVPs nobody was told of`);
    if (duplicates > 0 || rows.length !== storedIds.size) found.push(`${occurrenceId}: ${duplicates} duplicate people stored`);
    if (storedConfirmed !== SEATS || storedWaiting !== PEOPLE - SEATS) found.push(`${occurrenceId}: stored ${storedConfirmed} confirmed, ${storedWaiting} waitlisted`);
  });
  const roundIds = new Set(rounds.map((_, r) => manyOccurrence(r)));
  const strays = stored.filter((row) => !roundIds.has(row.occurrenceId)).length;
  if (strays > 0) found.push(`${strays} registrations on occurrences no round used`);
  return found;
}

function summary(rounds: readonly Sent[][]) {
  const all = rounds.flat();
  return { requests: all.length, busyRetries: all.reduce((n, s) => n + s.busy, 0) };
}

const LONG = { timeout: 600_000 };

describe(`${PEOPLE} people at once for ${SEATS} seats, ${ROUNDS} rounds`, () => {
  it('on PGlite (a data folder), one server process', LONG, async () => {
    const { client, token } = await spawned({ dataDir: mkdtempSync(join(tmpdir(), 'mk-concurrency-')) });
    const rounds = await runRounds([client], 'pglite');
    expect(problems(rounds, await registrations(client, token))).toEqual([]);
    expect(summary(rounds).requests).toBe(ROUNDS * PEOPLE);
  });

  it('on PostgreSQL, one server process', LONG, async () => {
    const { client, token } = await spawned({ databaseUrl: await postgres().createDatabase() });
    const rounds = await runRounds([client], 'postgres');
    expect(problems(rounds, await registrations(client, token))).toEqual([]);
    expect(summary(rounds).requests).toBe(ROUNDS * PEOPLE);
  });

  it('against two server processes sharing one PostgreSQL', LONG, async () => {
    const url = await postgres().createDatabase();
    const servers = await Promise.all([startBin(catalog, { databaseUrl: url }), startBin(catalog, { databaseUrl: url })]);
    cleanups.push(...servers.map((s) => () => s.stop()));
    const clients = servers.map((s) => httpClient(s.url));
    cleanups.push(() => clients.forEach((c) => c.close()));
    const token = createAdminTokenWithBin({ databaseUrl: url });
    // Requests alternate between the two processes, so every round's seats are contended across them.
    const rounds = await runRounds(clients, 'two');
    expect(problems(rounds, await registrations(clients[0]!, token))).toEqual([]);
    expect(summary(rounds).requests).toBe(ROUNDS * PEOPLE);
    for (const s of servers) expect(s.child.exitCode).toBeNull();
  });
});

describe('starting', () => {
  it('two servers starting at once on one fresh PostgreSQL both migrate, once', async () => {
    const url = await postgres().createDatabase();
    const servers: ServerProcess[] = await Promise.all([startBin(catalog, { databaseUrl: url }), startBin(catalog, { databaseUrl: url })]);
    cleanups.push(...servers.map((s) => () => s.stop()));
    for (const s of servers) {
      const client = httpClient(s.url);
      expect((await client.get('/health')).status).toBe(200);
      client.close();
    }
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const applied = await db.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(applied.rows[0]!.n).toBe(journal.entries.length);
    } finally {
      await db.end();
    }
    await Promise.all(servers.map((s) => s.stop()));
    for (const s of servers) expect(s.log()).not.toMatch(/"level":"error"/);
  });

  it('a second server on the same PGlite data folder refuses to start, saying why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mk-folder-'));
    const first = await startBin(catalog, { dataDir });
    cleanups.push(() => first.stop());
    const second = startBin(catalog, { dataDir });
    await expect(second).rejects.toThrow(/exited \(1\)[\s\S]*data folder .* is in use by another mentorkit-server \(process \d+\)/);
    // The first one still serves.
    const client = httpClient(first.url);
    expect((await client.get('/health')).status).toBe(200);
    client.close();
    await first.stop();
  });
});
