/**
 * `createServer(options)`: the RSVP service as a Hono app, ready to serve with @hono/node-server or to mount
 * in a university's own Hono app. Stateless: every instance reads the same catalog files and the same
 * database, so more instances on one PostgreSQL is all scaling takes.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { getConnInfo } from '@hono/node-server/conninfo';
import { CatalogStore } from './catalog/store.js';
import { systemClock, type Clock } from './clock.js';
import { openDatabase, type Database, type OpenDatabaseOptions } from './db/database.js';
import { ApiError, type ErrorIssue } from './errors.js';
import type { App, Env, RouteEntry, Services } from './http/context.js';
import { jsonLogger, type Logger } from './http/logger.js';
import { RateLimiter, type RateLimitOptions } from './http/rate-limit.js';
import { RsvpService } from './rsvp/service.js';
import type { AuthOptions } from './auth/config.js';
import { StaffAuth } from './auth/staff.js';
import { MailDelivery, Notifier, type MailOptions } from './mail/outbox.js';
import { queueTimedMessages } from './mail/reminders.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerConsoleRoutes } from './routes/console-api.js';
import { registerCompletionRoutes } from './routes/completion.js';
import { registerConsolePage } from './routes/console-page.js';
import { registerDocRoutes } from './routes/docs.js';
import { registerManageRoutes } from './routes/manage.js';
import { registerRsvpRoutes } from './routes/rsvps.js';
import { AttendeeAuth } from './auth/attendee.js';
import { registerAttendeeAuthRoutes } from './routes/attendee-auth.js';

export interface ServerOptions {
  /** Catalog files (YAML or JSON). */
  catalogs: readonly string[];
  /** An open database, or how to open one (PGlite data folder, or a PostgreSQL URL). Default: PGlite in memory. */
  database?: Database | OpenDatabaseOptions | undefined;
  clock?: Clock | undefined;
  /** Base URL for links in answers, e.g. https://rsvp.example.edu/mentoring; default: each request's origin. */
  publicUrl?: string | undefined;
  /** Origins allowed to call the API from a browser (the CMS pages that embed the form). `*` allows any. */
  corsOrigins?: readonly string[] | undefined;
  /** Per-address limit on writes; `false` turns it off (tests, benchmarks behind a trusted proxy). */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Read the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean | undefined;
  minFillMs?: number | undefined;
  lockTimeoutMs?: number | undefined;
  retentionDays?: number | undefined;
  /** Reload the catalogs when their files change (default false; the bin turns it on). */
  watch?: boolean | undefined;
  /** Run timed work (allocation at close, offer expiry, purge) every so many ms; `false` (default) leaves it to the caller. */
  workIntervalMs?: number | false | undefined;
  logger?: Logger | undefined;
  /** Largest request body in bytes (default 64 KiB). */
  maxBodyBytes?: number | undefined;
  /**
   * Notifications: every change that owes someone a message writes it to the outbox (always); the timed work
   * delivers due messages over SMTP when `smtpUrl` (or a `transport`) is given, and leaves them queued otherwise.
   * `false`: no messages at all (nothing is written to the outbox).
   */
  mail?: MailOptions | false | undefined;
  /**
   * Staff sign-in with the university's OpenID Connect provider and the claim map that gives roles
   * (docs/sign-in.md). Without it, only admin tokens reach the staff routes.
   */
  auth?: AuthOptions | undefined;
  /** Extra routes mounted before the not-found handler, with the same services (e.g. a benchmark's baselines). */
  extend?: ((app: App, services: Services) => void) | undefined;
}

export interface MentorkitServer extends App {
  services: Services;
  /** Every route with its access rule. */
  routeTable: readonly RouteEntry[];
  /** Reloads the catalogs now (as SIGHUP does); resolves false when the reload failed and the last good catalogs stay. */
  reload(): Promise<boolean>;
  /** Runs due timed work once. */
  runDueWork(): Promise<Awaited<ReturnType<RsvpService['runDueWork']>> & { reminded: number; mailed: number; mailRetried: number }>;
  /** The outbox's delivery worker (sends nothing when no SMTP is configured). */
  mail: MailDelivery;
  /** Stops watching and timed work, and closes the database if the server opened it. */
  close(): Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<MentorkitServer> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? jsonLogger();
  const ownsDatabase = !isDatabase(options.database);
  const catalogs = new CatalogStore({ files: options.catalogs.map((f) => resolve(f)), clock });
  // The catalogs first: a catalog with errors stops the start before any database is opened or created.
  await catalogs.reload();
  const database = isDatabase(options.database) ? options.database : await openDatabase(options.database ?? {});
  const mailOptions = options.mail === false ? {} : (options.mail ?? {});
  const mail = new MailDelivery({ ...mailOptions, db: database.db, clock });
  const notifier = options.mail === false ? undefined : new Notifier({ catalogs, from: mailOptions.from, publicUrl: options.publicUrl, delivers: mail.enabled });
  const rsvps = new RsvpService({ db: database.db, catalogs, clock, minFillMs: options.minFillMs, lockTimeoutMs: options.lockTimeoutMs, writeFlights: database.statementsInFlight, retentionDays: options.retentionDays, notifier });
  const auth = options.auth === undefined ? undefined : new StaffAuth(options.auth, { db: database.db, clock, logger, publicUrl: options.publicUrl });
  const services: Services = { database, catalogs, rsvps, clock, logger, publicUrl: options.publicUrl, auth };

  catalogs.onChange(async (next, previous) => {
    if (previous === undefined) return;
    const changes = await rsvps.reconcile(next);
    logger.info('catalog.reloaded', { catalogs: next.catalogs.length, ...changes });
  });
  try {
    await rsvps.reconcile();
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }

  const app = new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues: ErrorIssue[] = result.error.issues.map((i) => ({ path: [result.target === 'json' ? 'body' : result.target, ...i.path.map(String)].join('.'), message: i.message }));
        throw new ApiError('invalid', 'The request was not accepted: ' + issues.map((i) => `${i.path}: ${i.message}`).slice(0, 3).join('; '), { issues });
      }
      return undefined;
    },
  });
  const table: RouteEntry[] = [];
  const limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit ?? {});
  const origins = options.corsOrigins ?? [];

  app.use('*', async (c, next) => {
    c.set('services', services);
    const started = performance.now();
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    // Route paths only: a query string or body may carry personal data.
    logger.info('request', { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  app.use(
    '*',
    cors({
      origin: (origin) => (origins.includes('*') ? '*' : origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept', 'Idempotency-Key', 'Authorization'],
      maxAge: 600,
    }),
  );
  app.use('*', async (c, next) => {
    const path = c.req.path;
    const personal = /\/(rsvps|manage|admin|auth)(\/|$)/.test(path);
    if (c.req.method === 'POST') {
      const type = c.req.header('content-type') ?? '';
      const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding') !== undefined;
      if (hasBody && !/^application\/json(\s*;|$)/i.test(type)) throw new ApiError('unsupported-media-type', 'Send the body as application/json.');
      if (limiter !== undefined && personal) {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- Hono types a middleware's input as any
        const wait = limiter.hit(clientAddress(options.trustProxy === true ? c.req.header('x-forwarded-for') : undefined, () => getConnInfo(c).remote.address));
        if (wait !== undefined) {
          c.header('Retry-After', String(wait));
          throw new ApiError('rate-limited', `Too many requests from your address. Please wait ${wait} seconds and try again.`, { retryAfterSeconds: wait });
        }
      }
    }
    await next();
    if (personal) c.header('Cache-Control', 'no-store');
  });
  app.use('*', bodyLimit({ maxSize: options.maxBodyBytes ?? 65_536, onError: () => { throw new ApiError('payload-too-large', 'The request body is too large.'); } }));

  const attendees = options.auth === undefined ? undefined : new AttendeeAuth(options.auth, { db: database.db, clock, logger, publicUrl: options.publicUrl, corsOrigins: origins });
  registerRsvpRoutes(app, table, attendees);
  registerAttendeeAuthRoutes(app, table, attendees);
  registerCatalogRoutes(app, table);
  registerManageRoutes(app, table);
  registerAdminRoutes(app, table);
  registerConsoleRoutes(app, table);
  registerAuthRoutes(app, table);
  registerCompletionRoutes(app, table);
  registerDocRoutes(app, table);
  registerConsolePage(app, table);
  options.extend?.(app, services);

  app.notFound((c) => c.json(new ApiError('not-found', `There is no ${c.req.method} ${c.req.path} here. See /docs for the API.`).toBody(), 404));
  app.onError((error, c) => {
    const api = toApiError(error);
    if (api.code === 'internal') logger.error('request.failed', { method: c.req.method, route: c.req.routePath, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    if (api.extra.retryAfterSeconds !== undefined) c.header('Retry-After', String(api.extra.retryAfterSeconds));
    if (/\/(rsvps|manage|admin|auth)(\/|$)/.test(c.req.path)) c.header('Cache-Control', 'no-store');
    return c.json(api.toBody(), api.status);
  });

  // Catalog files: reload on change (editors often replace the file, so watch the folder) and on demand.
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    try {
      await catalogs.reload();
      return true;
    } catch (error) {
      logger.error('catalog.reload-failed', { problems: catalogs.problems.length, message: (error as Error).message.split('\n').slice(0, 20).join('\n') });
      return false;
    }
  };
  if (options.watch) {
    const files = new Set(options.catalogs.map((f) => resolve(f)));
    for (const dir of new Set([...files].map((f) => dirname(f)))) {
      const watcher = watch(dir, (_event, name) => {
        if (name !== null && !files.has(resolve(dir, name.toString()))) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), 150);
      });
      watcher.on('error', (error) => logger.warn('catalog.watch-failed', { message: error.message }));
      watchers.push(watcher);
    }
  }
  let work: NodeJS.Timeout | undefined;
  let working = false;
  const runDueWork = async () => {
    const work = await rsvps.runDueWork();
    const reminded = notifier === undefined ? 0 : await queueTimedMessages({ db: database.db, catalogs, clock, notifier, lockTimeoutMs: options.lockTimeoutMs });
    // Messages the work above just queued go out in the same round.
    const delivered = await mail.deliverDue();
    const done = { ...work, reminded, mailed: delivered.sent, mailRetried: delivered.retried + delivered.failed };
    if (done.allocated + done.released + done.expired + done.purged + done.reminded + done.mailed + done.mailRetried > 0) logger.info('work.done', done);
    return done;
  };
  if (options.workIntervalMs) {
    work = setInterval(() => {
      if (working) return;
      working = true;
      runDueWork()
        .catch((error: unknown) => logger.error('work.failed', { message: (error as Error).message }))
        .finally(() => (working = false));
    }, options.workIntervalMs);
    work.unref();
  }

  let closed = false;
  return Object.assign(app, {
    services,
    routeTable: table,
    reload,
    runDueWork,
    mail,
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      clearInterval(work);
      for (const w of watchers) w.close();
      mail.close();
      if (ownsDatabase) await database.close();
    },
  });
}

function isDatabase(value: ServerOptions['database']): value is Database {
  return value !== undefined && 'db' in value && 'kind' in value;
}

/** The client's address: X-Forwarded-For's first entry when trusted, else the socket's. */
function clientAddress(forwarded: string | undefined, socket: () => string | undefined): string {
  const first = forwarded?.split(',')[0]?.trim();
  if (first) return first;
  try {
    return socket() ?? 'unknown';
  } catch {
    // Not served by the Node adapter (e.g. app.request in tests): one shared bucket.
    return 'local';
  }
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400) return new ApiError('bad-request', /json/i.test(error.message) ? 'The body is not valid JSON.' : error.message);
    if (error.status === 415) return new ApiError('unsupported-media-type', 'Send the body as application/json.');
    if (error.status === 413) return new ApiError('payload-too-large', 'The request body is too large.');
    return new ApiError('bad-request', error.message);
  }
  if (error instanceof RangeError || error instanceof TypeError || error instanceof URIError) {
    // Malformed input that reached a parser (a bad percent-escape, an out-of-range date) is the caller's mistake.
    if (error instanceof URIError) return new ApiError('bad-request', 'The request address is malformed.');
  }
  return new ApiError('internal', 'The RSVP service had a problem and nothing was changed. Please try again.');
}
