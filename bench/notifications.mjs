// Notifications, on PGlite and on PostgreSQL: 10,000 messages delivered through the outbox (written as the
// RSVP service writes them, then sent by its delivery worker) against nodemailer sending the same 10,000
// messages straight to the same local SMTP server in the same run (the baseline), with messages lost and
// doubled counted from what the SMTP server received; and the cost an outbox write adds to an RSVP (the
// same RSVPs through `server.request` with notifications on, against `mail: false`).
//
// `pnpm bench notifications` runs this alone. BENCH_MAIL_MESSAGES (10000) and BENCH_MAIL_RSVPS (400) scale it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { row } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverPackage = join(root, 'packages', 'server');
const requireFromServer = createRequire(join(serverPackage, 'package.json'));
const load = async (name) => import(pathToFileURL(requireFromServer.resolve(name)).href);
const MESSAGES = Number(process.env.BENCH_MAIL_MESSAGES ?? 10_000);
const RSVPS = Number(process.env.BENCH_MAIL_RSVPS ?? 400);
const CLOCK = new Date('2026-03-01T12:00:00Z');

const CATALOG = `version: 1
id: bench-mail
title: Benchmark
defaultTimeZone: America/New_York
language: en
programs:
  - id: p
    title: Bench Program
    contacts: [{ email: mentoring@example.edu }]
policies:
  - id: open-rsvp
    fields: [name, email]
workshops:
  - id: many
    kind: scheduled
    title: Many sessions
    programs: [p]
    rsvpPolicy: open-rsvp
    sessions:
      - id: many-s
        start: 2026-03-10T10:00
        end: 2026-03-10T11:00
        timeZone: America/New_York
        location: { kind: online, platform: Zoom }
        recurrence: { rrule: "FREQ=DAILY;COUNT=100" }
`;

/** A local SMTP server that counts what it receives by Message-ID. */
async function smtpCounter() {
  const { SMTPServer } = await load('smtp-server');
  const seen = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (c) => {
        if (head.length < 4096) head += c.toString('utf8');
      });
      stream.on('end', () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '?';
        seen.set(id, (seen.get(id) ?? 0) + 1);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

function tally(seen, expected) {
  let lost = 0;
  let doubled = 0;
  for (const id of expected) {
    const n = seen.get(id) ?? 0;
    if (n === 0) lost++;
    if (n > 1) doubled += n - 1;
  }
  return { lost, doubled };
}

async function measureStore(label, databaseOptions, catalogFile) {
  const server = await import(pathToFileURL(join(serverPackage, 'dist', 'index.js')).href);
  const { sql } = await load('drizzle-orm');
  const nodemailer = (await load('nodemailer')).default;
  const rows = [];
  const smtp = await smtpCounter();
  const database = await server.openDatabase(databaseOptions);
  try {
    const clock = () => CLOCK;
    // A real message (confirmation with its invitation), rendered as the service renders it; 10,000 rows of it.
    const app = await server.createServer({ catalogs: [catalogFile], database, clock, rateLimit: false, minFillMs: 0, logger: server.silentLogger, mail: { from: 'mentoring@example.edu' } });
    const res = await app.request('/rsvps', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify({ workshopId: 'many', occurrenceId: 'many-s@2026-03-10T10:00', person: { name: 'Bench', email: 'bench@example.edu' }, answers: {}, locale: 'en' }) });
    if (res.status !== 201) throw new Error(`RSVP failed: ${res.status} ${await res.text()}`);
    const template = (await database.db.execute(sql`select * from outbox limit 1`)).rows[0];
    await database.db.execute(sql`delete from outbox`);

    // Baseline: nodemailer straight to the SMTP server, pooled like the worker's transport.
    const direct = nodemailer.createTransport({ host: '127.0.0.1', port: Number(new URL(smtp.url).port), secure: false, pool: true, maxConnections: 5 });
    const directIds = Array.from({ length: MESSAGES }, (_, i) => `<direct-${i}@bench.localhost>`);
    let started = performance.now();
    await Promise.all(
      directIds.map((messageId) =>
        direct.sendMail({ from: 'mentoring@example.edu', to: template.recipient, subject: template.subject, text: template.text, html: template.html, messageId, icalEvent: { method: template.ics_method, filename: 'invite.ics', content: template.ics } }),
      ),
    );
    const directSeconds = (performance.now() - started) / 1000;
    direct.close();
    const directRate = MESSAGES / directSeconds;
    const directTally = tally(smtp.seen, directIds);

    // The outbox: 10,000 queued rows, delivered by the service's worker.
    await database.db.execute(sql`
      insert into outbox (message_id, kind, recipient, subject, text, html, ics, ics_method, status, attempts, due_at, created_at)
      select '<outbox-' || g || '@bench.localhost>', 'confirmed', ${template.recipient}, ${template.subject}, ${template.text}, ${template.html}, ${template.ics}, ${template.ics_method}, 'queued', 0, ${CLOCK.toISOString()}::timestamptz, ${CLOCK.toISOString()}::timestamptz
      from generate_series(1, ${MESSAGES}) g`);
    const worker = new server.MailDelivery({ db: database.db, clock, smtpUrl: smtp.url, from: 'mentoring@example.edu', batchSize: 200 });
    started = performance.now();
    let sent = 0;
    for (let round = 0; round < 5 && sent < MESSAGES; round++) sent += (await worker.deliverDue()).sent;
    const outboxSeconds = (performance.now() - started) / 1000;
    worker.close();
    const outboxRate = MESSAGES / outboxSeconds;
    const outboxTally = tally(smtp.seen, Array.from({ length: MESSAGES }, (_, i) => `<outbox-${i + 1}@bench.localhost>`));
    rows.push(row(`${label}: ${MESSAGES} messages through the outbox`, outboxRate, 'msg/s', directRate, '≥ 0.8× nodemailer straight'));
    rows.push(row(`${label}: nodemailer straight (baseline)`, directRate, 'msg/s'));
    rows.push(row(`${label}: outbox lost / doubled`, outboxTally.lost + outboxTally.doubled, 'messages', null, '0'));
    rows.push(row(`${label}: straight lost / doubled`, directTally.lost + directTally.doubled, 'messages'));
    await app.close();

    // The cost of the outbox write on an RSVP: the same RSVPs, notifications on and off, alternating rounds.
    const quiet = await server.createServer({ catalogs: [catalogFile], database, clock, rateLimit: false, minFillMs: 0, logger: server.silentLogger, mail: false });
    const noisy = await server.createServer({ catalogs: [catalogFile], database, clock, rateLimit: false, minFillMs: 0, logger: server.silentLogger, mail: { from: 'mentoring@example.edu' } });
    const times = { on: 0, off: 0 };
    let n = 0;
    const post = async (target, which) => {
      const i = n++;
      const body = JSON.stringify({ workshopId: 'many', occurrenceId: `many-s@2026-03-${String(10 + (i % 20)).padStart(2, '0')}T10:00`, person: { name: `P ${i}`, email: `p${i}@example.edu` }, answers: {}, locale: 'en' });
      const t = performance.now();
      const r = await target.request('/rsvps', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body });
      times[which] += performance.now() - t;
      if (r.status !== 201) throw new Error(`RSVP failed: ${r.status} ${await r.text()}`);
    };
    for (let i = 0; i < RSVPS; i++) {
      await post(quiet, 'off');
      await post(noisy, 'on');
    }
    await quiet.close();
    await noisy.close();
    rows.push(row(`${label}: RSVP POST with its outbox write`, times.on / RSVPS, 'ms', times.off / RSVPS));
    rows.push(row(`${label}: RSVP POST without messages (baseline)`, times.off / RSVPS, 'ms'));
  } finally {
    await database.close();
    await smtp.close();
  }
  return rows;
}

export default async function benchNotifications() {
  const { startPostgres } = await import(pathToFileURL(join(serverPackage, 'test', 'postgres-cluster.mjs')).href);
  const work = mkdtempSync(join(tmpdir(), 'mk-bench-mail-'));
  const catalog = join(work, 'catalog.yaml');
  writeFileSync(catalog, CATALOG);
  const rows = [];
  const stores = (process.env.BENCH_SERVER_STORES ?? 'pglite,postgres').split(',');
  try {
    if (stores.includes('pglite')) rows.push(...(await measureStore('PGlite', { dataDir: join(work, 'pglite') }, catalog)));
    if (!stores.includes('postgres')) return rows;
    const postgres = await startPostgres({ durable: true });
    try {
      rows.push(...(await measureStore('PostgreSQL', { url: await postgres.createDatabase('bench') }, catalog)));
    } finally {
      await postgres.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchNotifications()) console.log(`${r.name.padEnd(56)} ${String(r.value).padStart(10)} ${r.unit}${r.ratio !== null ? `  ratio ${r.ratio}×` : ''}`);
}
