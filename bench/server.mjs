// The RSVP server under load, on PGlite and on PostgreSQL, against two baselines served by the same server
// process (mounted here only, with `createServer({ extend })`): a no-op JSON route (the HTTP ceiling) and a
// route doing one bare single-row INSERT, its own transaction (the floor cost of a durable write on that
// store). autocannon runs in its own process against the server's process on loopback.
//
// `pnpm bench server` runs this alone. The same file is three programs: imported by bench/run.mjs it
// conducts; `node bench/server.mjs serve <json>` is the server; `node bench/server.mjs load <json>` the load.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { row } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverPackage = join(root, 'packages', 'server');
const self = fileURLToPath(import.meta.url);
const CONNECTIONS = 200;
const DURATION = Number(process.env.BENCH_SERVER_SECONDS ?? 10);
const OCCURRENCES = 100;
const CLOCK_START = '2026-03-01T12:00:00Z';

// Two workshops with RSVP open at the clock's start, 50 seats and a waiting list: `many` has 100 daily
// sessions (requests spread over them), `one` a single session (every request takes the same lock).
const CATALOG = `version: 1
id: bench
title: Benchmark
defaultTimeZone: America/New_York
language: en
policies:
  - id: open-rsvp
    fields: [name, email]
    waitlist: { enabled: true }
workshops:
  - id: many
    kind: scheduled
    title: Many sessions
    rsvpPolicy: open-rsvp
    capacity: 50
    sessions:
      - id: many-s
        start: 2026-03-10T10:00
        end: 2026-03-10T11:00
        timeZone: America/New_York
        recurrence: { rrule: "FREQ=DAILY;COUNT=${OCCURRENCES}" }
  - id: one
    kind: scheduled
    title: One session
    rsvpPolicy: open-rsvp
    capacity: 50
    sessions:
      - id: one-s
        start: 2026-03-20T10:00
        end: 2026-03-20T11:00
        timeZone: America/New_York
`;

// ---------------------------------------------------------------------------------------------------------
// The server process.

async function serveMain({ catalog, database }) {
  const requireFromServer = createRequire(join(serverPackage, 'package.json'));
  const { createServer, clockFrom, silentLogger } = await import(pathToFileURL(join(serverPackage, 'dist', 'index.js')).href);
  const { serve } = await import(pathToFileURL(requireFromServer.resolve('@hono/node-server')).href);
  const { randomUUID } = await import('node:crypto');
  const server = await createServer({
    catalogs: [catalog],
    database,
    clock: clockFrom(new Date(CLOCK_START)),
    rateLimit: false,
    logger: silentLogger,
    extend(app, services) {
      // The driver's own client (pg's pool, or PGlite): a statement sent alone is its own transaction.
      const client = services.database.db.$client;
      app.get('/bench/noop', (c) => c.json({ ok: true }));
      app.post('/bench/insert', async (c) => {
        await client.query('insert into bench_insert (id, payload, at) values ($1, $2, now())', [randomUUID(), 'x'.repeat(64)]);
        return c.json({ ok: true }, 201);
      });
    },
  });
  await server.services.database.db.$client.query('create table if not exists bench_insert (id uuid primary key, payload text not null, at timestamptz not null)');
  const http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(JSON.stringify({ port: info.port })));
  http.keepAliveTimeout = 60_000;
  process.on('SIGTERM', () => {
    http.close();
    void server.close().finally(() => process.exit(0));
  });
}

// ---------------------------------------------------------------------------------------------------------
// The load process: one autocannon run, its summary on stdout.

async function loadMain({ url, scenario, connections, duration }) {
  const { default: autocannon } = await import('autocannon');
  const { randomUUID } = await import('node:crypto');
  let n = 0;
  const rsvp = (occurrence) => ({
    method: 'POST',
    path: '/rsvps',
    setupRequest(req) {
      const i = n++;
      const [workshopId, occurrenceId] = occurrence(i);
      const body = { workshopId, occurrenceId, person: { name: `Person ${i}`, email: `p${i}-${process.pid}-${scenario}@example.edu` }, answers: {}, website: '', elapsedMs: 30_000, locale: 'en' };
      return { ...req, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(body) };
    },
  });
  const day = (i) => new Date(Date.UTC(2026, 2, 10 + (i % OCCURRENCES))).toISOString().slice(0, 10);
  const requests = {
    noop: [{ method: 'GET', path: '/bench/noop' }],
    insert: [{ method: 'POST', path: '/bench/insert' }],
    'rsvp-spread': [rsvp((i) => ['many', `many-s@${day(i)}T10:00`])],
    'rsvp-one': [rsvp(() => ['one', 'one-s@2026-03-20T10:00'])],
  }[scenario];
  const result = await autocannon({ url, connections, duration, requests, timeout: 30 });
  const ok = result['2xx'];
  console.log(JSON.stringify({ ok, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, seconds: result.duration, rps: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99 }));
}

// ---------------------------------------------------------------------------------------------------------
// The conductor.

function run(args, { onLine } = {}) {
  const child = spawn(process.execPath, [self, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    onLine?.(line);
  });
  const exited = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal, lines }));
  });
  return { child, exited };
}

async function startServer(catalog, database) {
  let port;
  const server = run(['serve', JSON.stringify({ catalog, database })], { onLine: (line) => (port ??= JSON.parse(line).port) });
  while (port === undefined) {
    const done = await Promise.race([server.exited, new Promise((r) => setTimeout(r, 50))]);
    if (done) throw new Error(`the benchmark server exited (${done.code ?? done.signal}) before listening`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      server.child.kill('SIGTERM');
      await server.exited;
    },
  };
}

/** Resolves once three no-op requests in a row are answered within 50 ms each. */
async function idle(url, deadline = Date.now() + 120_000) {
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const started = performance.now();
    await fetch(new URL('/bench/noop', url)).then((r) => r.arrayBuffer()).catch(() => {});
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function load(url, scenario, duration = DURATION) {
  // Requests still queued from the previous run (autocannon stops sending, the server goes on) must not count
  // against this one: wait until the server answers its no-op route quickly again (at most two minutes).
  await idle(url);
  const { code, lines } = await run(['load', JSON.stringify({ url, scenario, connections: CONNECTIONS, duration })]).exited;
  if (code !== 0) throw new Error(`autocannon (${scenario}) exited ${code}`);
  const result = JSON.parse(lines.at(-1));
  if (process.env.BENCH_VERBOSE) console.log(`  ${scenario} ${duration} s: ${JSON.stringify(result)}`);
  if (result.non2xx > 0 || result.errors > 0) console.log(`  (${scenario}: ${result.non2xx} answers not 2xx, ${result.errors} errors, ${result.timeouts} timeouts; only 2xx counted)`);
  return result;
}

async function measureStore(label, catalog, database) {
  const server = await startServer(catalog, database);
  try {
    // Warm-up: JIT, pools and the first registration's snapshot rows, on occurrences and people the runs do not use.
    for (const scenario of ['noop', 'insert', 'rsvp-spread']) await load(server.url, scenario, 2);
    const noop = await load(server.url, 'noop');
    const insert = await load(server.url, 'insert');
    const spread = await load(server.url, 'rsvp-spread');
    const one = await load(server.url, 'rsvp-one');
    const per = (r) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`;
    console.log(`  ${label}: no-op ${per(noop)}; insert ${per(insert)}; RSVP spread ${per(spread)}; RSVP one occurrence ${per(one)}`);
    const name = (what) => `server on ${label}: ${what}`;
    return [
      row(name(`no-op JSON route, ${CONNECTIONS} connections (HTTP ceiling)`), noop.rps, 'req/s'),
      row(name(`bare one-row INSERT route, ${CONNECTIONS} connections (vs no-op)`), insert.rps, 'req/s', noop.rps),
      row(name(`RSVP POST spread over ${OCCURRENCES} occurrences, ${CONNECTIONS} connections (vs bare INSERT)`), spread.rps, 'req/s', insert.rps, '≥ 0.5× bare INSERT'),
      row(name(`RSVP POST all on one occurrence, ${CONNECTIONS} connections (vs bare INSERT)`), one.rps, 'req/s', insert.rps, '≥ 0.25× bare INSERT'),
      row(name(`RSVP POST p99 latency spread, ${CONNECTIONS} connections (vs bare INSERT p99)`), spread.p99, 'ms', insert.p99, '≤ 2× bare INSERT p99'),
      row(name(`RSVP POST p99 latency one occurrence, ${CONNECTIONS} connections (vs bare INSERT p99)`), one.p99, 'ms', insert.p99),
    ];
  } finally {
    await server.stop();
  }
}

export default async function benchServer() {
  const { startPostgres } = await import(pathToFileURL(join(serverPackage, 'test', 'postgres-cluster.mjs')).href);
  const work = mkdtempSync(join(tmpdir(), 'mk-bench-server-'));
  const catalog = join(work, 'catalog.yaml');
  writeFileSync(catalog, CATALOG);
  const rows = [];
  const stores = (process.env.BENCH_SERVER_STORES ?? 'pglite,postgres').split(',');
  try {
    if (stores.includes('pglite')) rows.push(...(await measureStore('PGlite', catalog, { dataDir: join(work, 'pglite') })));
    // PostgreSQL with its durable defaults (fsync, synchronous commit), on loopback.
    if (!stores.includes('postgres')) return rows;
    const postgres = await startPostgres({ durable: true });
    try {
      rows.push(...(await measureStore('PostgreSQL', catalog, { url: await postgres.createDatabase('bench') })));
    } finally {
      await postgres.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] === self) {
  const [mode, json] = process.argv.slice(2);
  if (mode === 'serve') await serveMain(JSON.parse(json));
  else if (mode === 'load') await loadMain(JSON.parse(json));
  else {
    for (const r of await benchServer()) console.log(JSON.stringify(r));
  }
}
