/**
 * Durability: `kill -9` the server while RSVPs pour in, start it again on the same data, and find every RSVP
 * that was acknowledged with 201, once. Then send every request again with its Idempotency-Key, as a client
 * that never heard back would: acknowledged ones get the same answer, the rest are stored once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCatalog } from './fixtures.js';
import { createAdminTokenWithBin, httpClient, manyBody, manyOccurrence, registrations, sendRsvp, startBin, type Reply, type Row, type ServerProcess, type StoreOptions } from './load.js';
import { usePostgres } from './postgres.js';

const OCCURRENCES = 10;
const catalog = writeCatalog({ many: OCCURRENCES, manyCapacity: 50 });
const postgres = usePostgres();
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.stop();
});

interface Job {
  key: string;
  email: string;
  occurrenceId: string;
}

/** Keeps `workers` RSVPs in flight until `stop()`; returns what was sent and what was acknowledged. */
function load(url: string, workers: number) {
  const client = httpClient(url);
  const sent: Job[] = [];
  const acknowledged: { job: Job; reply: Reply }[] = [];
  let stopped = false;
  let next = 0;
  const worker = async () => {
    while (!stopped) {
      const n = next++;
      const job = { key: crypto.randomUUID(), email: `d${n}-${process.pid}@example.edu`, occurrenceId: manyOccurrence(n % OCCURRENCES) };
      sent.push(job);
      try {
        const reply = await client.post('/rsvps', manyBody(job.occurrenceId, job.email), { 'idempotency-key': job.key });
        if (reply.status === 201) acknowledged.push({ job, reply });
        else if (!stopped) throw new Error(`RSVP answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      } catch (error) {
        // The server was killed under this request: it was never acknowledged.
        if (!stopped) throw error;
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    sent,
    acknowledged,
    /** No new requests from now on; those in flight go on. */
    halt() {
      stopped = true;
    },
    async stop() {
      stopped = true;
      await done;
      client.close();
    },
    done,
  };
}

async function crashAndRecover(store: StoreOptions) {
  const first = await startBin(catalog, store);
  running.push(first);
  const traffic = load(first.url, 32);
  // Kill once a few hundred RSVPs are acknowledged, with 32 more in flight.
  while (traffic.acknowledged.length < 300) {
    await Promise.race([traffic.done, new Promise((r) => setTimeout(r, 10))]);
  }
  traffic.halt();
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  await traffic.stop();
  const { sent, acknowledged } = traffic;
  // Made between the two runs (the embedded store's folder is free then), so only one start builds a new store.
  const token = createAdminTokenWithBin(store);

  const second = await startBin(catalog, store);
  running.push(second);
  const client = httpClient(second.url);
  const stored = await registrations(client, token);
  const byId = new Map(stored.map((row) => [row.submissionId, row]));
  const missing = acknowledged.filter(({ job, reply }) => {
    const row = byId.get(reply.body.registrationId as string);
    return row === undefined || row.email !== job.email || row.occurrenceId !== job.occurrenceId;
  });
  expect(missing.map((a) => a.job.email)).toEqual([]);
  expect(duplicates(stored)).toEqual([]);
  expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
  expect(stored.length).toBeLessThanOrEqual(sent.length);

  // Every request again with its key: the acknowledged keep their answer; the rest are stored exactly once.
  const again = await Promise.all(sent.map((job) => sendRsvp(client, job.occurrenceId, job.email, job.key)));
  expect(again.filter((a) => a.status !== 201).map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
  const answered = new Map(again.map((a) => [a.key, a.body.registrationId as string]));
  const changed = acknowledged.filter(({ job, reply }) => answered.get(job.key) !== reply.body.registrationId);
  expect(changed.length).toBe(0);
  const after = await registrations(client, token);
  expect(duplicates(after)).toEqual([]);
  expect(after.length).toBe(sent.length);
  client.close();
  await second.stop();
  return { sent: sent.length, acknowledged: acknowledged.length, storedAfterCrash: stored.length };
}

/** People stored twice on one occurrence, or one registration listed twice. */
function duplicates(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const row of rows) {
    for (const key of [`person ${row.occurrenceId} ${row.email}`, `registration ${row.registrationId}`]) {
      if (seen.has(key)) twice.push(key);
      seen.add(key);
    }
  }
  return twice;
}

describe('kill -9 under load, then restart on the same data', () => {
  it('PGlite data folder: every acknowledged RSVP is there, once', { timeout: 300_000 }, async () => {
    const counts = await crashAndRecover({ dataDir: mkdtempSync(join(tmpdir(), 'mk-durability-')) });
    expect(counts.acknowledged).toBeGreaterThanOrEqual(300);
  });

  it('PostgreSQL: every acknowledged RSVP is there, once', { timeout: 300_000 }, async () => {
    const counts = await crashAndRecover({ databaseUrl: await postgres().createDatabase() });
    expect(counts.acknowledged).toBeGreaterThanOrEqual(300);
  });
});
