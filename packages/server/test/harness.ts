/** An in-process server over a real PGlite database, with a clock the test moves, and helpers to call it. */
import { createServer, type MentorkitServer, type ServerOptions } from '../src/app.js';
import { silentLogger } from '../src/http/logger.js';
import { createToken } from '../src/tokens.js';
import { postJson, steppedClock, writeCatalog, type FixtureOptions } from './fixtures.js';

export interface Harness {
  server: MentorkitServer;
  clock: ReturnType<typeof steppedClock>;
  catalogFile: string;
  adminToken: string;
  post(path: string, body: unknown, key?: string, headers?: Record<string, string>): Promise<Answer>;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  admin(path: string, init?: RequestInit): Promise<Answer>;
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are checked field by field
  headers: Headers;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (CSV, HTML): the text.
  }
  return { status: res.status, body, headers: res.headers };
}

export async function startHarness(fixture: FixtureOptions = {}, options: Partial<ServerOptions> = {}): Promise<Harness> {
  const clock = steppedClock();
  const catalogFile = writeCatalog(fixture);
  const server = await createServer({ catalogs: [catalogFile], clock, logger: process.env.DEBUG_SERVER ? undefined : silentLogger, rateLimit: false, ...options });
  const { token } = await createToken(server.services.database.db, 'admin', 'tests');
  return {
    server,
    clock,
    catalogFile,
    adminToken: token,
    post: async (path, body, key, headers) => answer(await server.request(path, postJson(body, key, headers))),
    get: async (path, headers = {}) => answer(await server.request(path, { headers })),
    admin: async (path, init = {}) => answer(await server.request(path, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) } })),
  };
}
