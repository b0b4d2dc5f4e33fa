/**
 * Load over real HTTP for the concurrency and durability suites: a keep-alive client, the built server
 * started as a process (`mentorkit-server`), its admin token, and rounds of concurrent RSVPs on the `many`
 * workshop of the fixtures, retrying "busy" answers with the same Idempotency-Key as a real client does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { T0 } from './fixtures.js';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are checked field by field
}

export interface Client {
  base: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  close(): void;
}

/** A client that keeps its connections open between requests, up to `sockets` at once. */
export function httpClient(base: string, sockets = 256): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const url = new URL(base);
  const send = (method: string, path: string, body: string | undefined, headers: Record<string, string>) =>
    new Promise<Reply>((resolve, reject) => {
      const req = request({ agent, host: url.hostname, port: url.port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: keep the text.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    base,
    post: (path, body, headers = {}) => send('POST', path, JSON.stringify(body), headers),
    get: (path, headers = {}) => send('GET', path, undefined, headers),
    close: () => agent.destroy(),
  };
}

/** The id of the `many` workshop's occurrence on day `index` (0 = 10 March 2026). */
export function manyOccurrence(index: number): string {
  const day = new Date(Date.UTC(2026, 2, 10 + index));
  return `many-s@${day.toISOString().slice(0, 10)}T10:00`;
}

export function manyBody(occurrenceId: string, email: string) {
  return { workshopId: 'many', occurrenceId, person: { name: `Person ${email}`, email }, answers: {}, website: '', elapsedMs: 30_000, locale: 'en' };
}

export interface Sent {
  key: string;
  email: string;
  occurrenceId: string;
  /** The final answer (after any "busy" retries); 0 when the connection failed. */
  status: number;
  body: Reply['body'];
  /** "busy" answers retried before the final one. */
  busy: number;
}

/**
 * Sends one RSVP, repeating it with the same key while the answer is 503 (busy) or the connection dropped
 * before an answer (a kept-alive socket the server closed as the request left): the client's side of the
 * contract, which the Idempotency-Key makes safe. Gives up after 50 tries, returning the last answer
 * (status 0 for a connection that never answered).
 */
export async function sendRsvp(client: Client, occurrenceId: string, email: string, key: string = crypto.randomUUID()): Promise<Sent> {
  let busy = 0;
  let last: Reply = { status: 0, body: undefined };
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      last = await client.post('/rsvps', manyBody(occurrenceId, email), { 'idempotency-key': key });
    } catch (error) {
      last = { status: 0, body: String(error) };
    }
    if (last.status !== 503 && last.status !== 0) break;
    if (last.status === 503) busy++;
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
  }
  return { key, email, occurrenceId, status: last.status, body: last.body, busy };
}

/** `count` RSVPs from distinct people at once on one occurrence, spread over the clients in turn. */
export async function rsvpRound(clients: readonly Client[], occurrenceId: string, count: number, tag: string): Promise<Sent[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => sendRsvp(clients[i % clients.length]!, occurrenceId, `p${i}-${tag}@example.edu`)));
}

export interface Row {
  registrationId: string;
  submissionId: string;
  occurrenceId: string;
  status: string;
  email: string | null;
  position: number | null;
}

export async function registrations(client: Client, token: string, occurrenceId?: string): Promise<Row[]> {
  const query = `workshop=many${occurrenceId ? `&occurrence=${encodeURIComponent(occurrenceId)}` : ''}`;
  const reply = await client.get(`/admin/registrations?${query}`, { authorization: `Bearer ${token}` });
  if (reply.status !== 200) throw new Error(`admin list answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return (reply.body as { registrations: Row[] }).registrations;
}

export interface StoreOptions {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
}

function storeArgs(store: StoreOptions): string[] {
  return store.databaseUrl ? ['--database-url', store.databaseUrl] : ['--data-dir', store.dataDir!];
}

/** `mentorkit-server token create --role admin` on that store; the token is the last line printed. */
export function createAdminTokenWithBin(store: StoreOptions): string {
  const done = spawnSync(process.execPath, [BIN, 'token', 'create', '--role', 'admin', ...storeArgs(store)], { encoding: 'utf8', timeout: 60_000 });
  if (done.status !== 0) throw new Error(`token create failed (${done.status}): ${done.stderr}`);
  return done.stdout.trim().split('\n').at(-1)!;
}

export interface ServerProcess {
  child: ChildProcess;
  /** The base URL once listening. */
  url: string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** What the process wrote to stderr, last 200 lines (its JSON log). */
  log(): string;
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the built bin on a free port with the tests' clock (1 March 2026, 12:00 UTC, running on), no
 * per-address rate limit (one client sends everything) and timed work left alone, and resolves once it listens;
 * rejects with its error output if it exits first.
 */
export function startBin(catalog: string, store: StoreOptions, env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the server first (pnpm run build)`);
  const child = spawn(process.execPath, [BIN, '--catalog', catalog, '--port', '0', '--clock-start', T0.toISOString(), ...storeArgs(store)], {
    env: { ...process.env, RATE_LIMIT: 'off', WORK_INTERVAL_MS: '3600000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    let buffered = '';
    let listening = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        // Every request is one log line; keep only the last ones, for a failure's message.
        lines.push(line);
        if (lines.length > 200) lines.shift();
        if (listening || !line.includes('"listening"')) continue;
        listening = true;
        const url = (JSON.parse(line) as { url: string }).url.replace(/\/$/, '');
        resolve({
          child,
          url,
          exited,
          log: () => lines.join('\n'),
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    void exited.then((code) => {
      if (!listening) reject(new Error(`mentorkit-server exited (${code}) before listening:\n${lines.join('\n')}${buffered}`));
    });
  });
}
