/**
 * The outbox on a real PostgreSQL: two server instances deliver it together and no message goes out twice;
 * a worker process killed with SIGKILL mid-batch loses nothing, and the only repeats are messages that were
 * in flight, with the same Message-ID.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type MentorkitServer } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { outbox } from '../src/db/schema.js';
import { silentLogger } from '../src/http/logger.js';
import { MailDelivery } from '../src/mail/outbox.js';
import { postJson, rsvpBody, steppedClock, writeCatalog } from './fixtures.js';
import { usePostgres } from './postgres.js';
import { startSmtp, type SmtpCatcher } from './smtp.js';

const postgres = usePostgres();
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const MANY = 'many-s@2026-03-10T10:00';
const body = () => rsvpBody({ workshopId: 'many', occurrenceId: MANY }, { role: undefined as never, field: undefined as never });

async function instances(n: number, smtp: SmtpCatcher | undefined) {
  const url = await postgres().createDatabase();
  const catalog = writeCatalog({ many: 2, manyCapacity: 200 });
  const clock = steppedClock();
  const servers: MentorkitServer[] = [];
  for (let i = 0; i < n; i++) {
    const database: Database = await openDatabase({ url, poolSize: 4 });
    const server = await createServer({ catalogs: [catalog], clock, database, logger: silentLogger, rateLimit: false, ...(smtp ? { mail: { smtpUrl: smtp.url, from: 'mentoring@example.edu', batchSize: 7 } } : {}) });
    cleanups.push(async () => {
      await server.close();
      await database.close();
    });
    servers.push(server);
  }
  return { url, servers, clock, db: servers[0]!.services.database.db };
}

describe('on PostgreSQL', () => {
  it('two instances deliver one outbox: every message once', async () => {
    const smtp = await startSmtp();
    cleanups.push(() => smtp.close());
    const { servers, db } = await instances(2, smtp);
    for (let i = 0; i < 60; i++) expect((await servers[i % 2]!.request('/rsvps', postJson(body()))).status).toBe(201);
    const done = await Promise.all(servers.flatMap((s) => [s.runDueWork(), s.runDueWork(), s.runDueWork()]));
    expect(done.reduce((n, d) => n + d.mailed, 0)).toBe(60);
    await smtp.waitFor(60);
    expect(smtp.messages).toHaveLength(60);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(60);
    expect((await db.select().from(outbox).where(eq(outbox.status, 'sent'))).length).toBe(60);
  });

  it('kill -9 of a worker process mid-batch: none lost; a repeat only for a message in flight, with the same Message-ID', async () => {
    const smtp = await startSmtp({ delayMs: 150 });
    cleanups.push(() => smtp.close());
    const { url, servers, db } = await instances(1, undefined);
    for (let i = 0; i < 40; i++) expect((await servers[0]!.request('/rsvps', postJson(body()))).status).toBe(201);
    const rows = await db.select().from(outbox);
    expect(rows).toHaveLength(40);

    const child = spawn(process.execPath, [fileURLToPath(new URL('./mail-worker.mjs', import.meta.url)), url, smtp.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await smtp.waitFor(8, 60_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const afterKill = await db.select().from(outbox);
    const inFlight = new Set(afterKill.filter((r) => r.status === 'sending').map((r) => r.messageId));
    const sentBefore = afterKill.filter((r) => r.status === 'sent').length;
    expect(sentBefore).toBeLessThan(40);
    expect(inFlight.size).toBeGreaterThan(0);

    // A new worker: the dead one's claims are due again once their lease lapses (here: a clock 10 minutes on).
    const restarted = new MailDelivery({ db, clock: () => new Date(Date.now() + 10 * 60_000), smtpUrl: smtp.url, from: 'mentoring@example.edu' });
    cleanups.push(() => restarted.close());
    await restarted.deliverDue();
    await new Promise((r) => setTimeout(r, 500));
    const final = await db.select().from(outbox);
    expect(final.every((r) => r.status === 'sent')).toBe(true);
    const ids = smtp.messages.map((m) => m.messageId);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.messageId)));
    const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    for (const id of repeated) expect(inFlight.has(id)).toBe(true);
    expect(ids.length - new Set(ids).size).toBeLessThanOrEqual(inFlight.size);
  });
});
