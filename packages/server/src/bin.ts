/**
 * mentorkit-server --catalog <file>… [--port N] [--data-dir DIR]
 * mentorkit-server token create --role admin [--label TEXT]
 *
 * Environment: PORT (default 8787), DATA_DIR (default ./mentorkit-data), DATABASE_URL (PostgreSQL instead
 * of the embedded database), PUBLIC_URL, CORS_ORIGINS (comma-separated), RETENTION_DAYS, TRUST_PROXY=1,
 * RATE_LIMIT_MAX / RATE_LIMIT_WINDOW_MS / RATE_LIMIT=off, LOCK_TIMEOUT_MS, DATABASE_POOL_SIZE, SMTP_URL and MAIL_FROM
 * (notifications; without SMTP_URL messages are kept queued in the outbox), OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET, OIDC_CLAIM_MAP, OIDC_REDIRECT_URL, OIDC_SCOPE, SESSION_TTL_HOURS, COOKIE_SECURE=0 (staff sign-in).
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { authOptionsFromEnv, CatalogLoadError, clockFrom, createServer, createToken, DataDirInUseError, listTokens, openDatabase, revokeToken, TOKEN_ROLES, type TokenRole } from './index.js';

const USAGE = `Usage:
  mentorkit-server --catalog <file>… [--port N] [--data-dir DIR] [--database-url URL]
                   [--public-url URL] [--cors-origin ORIGIN…] [--clock-start ISO-INSTANT]
  mentorkit-server token create --role admin [--label TEXT]
  mentorkit-server token list
  mentorkit-server token revoke <id>

Environment: PORT (8787), DATA_DIR (./mentorkit-data), DATABASE_URL, PUBLIC_URL, CORS_ORIGINS,
RETENTION_DAYS (180), TRUST_PROXY=1, RATE_LIMIT_MAX (20 writes per address) and RATE_LIMIT_WINDOW_MS
(60000) or RATE_LIMIT=off, LOCK_TIMEOUT_MS (5000), DATABASE_POOL_SIZE (10), SMTP_URL (smtp://user:pass@host:587; unset keeps
messages queued) and MAIL_FROM. Staff sign-in (docs/sign-in.md): OIDC_ISSUER, OIDC_CLIENT_ID,
OIDC_CLIENT_SECRET, OIDC_CLAIM_MAP (a JSON file or the JSON), OIDC_REDIRECT_URL (default
PUBLIC_URL/auth/callback), OIDC_SCOPE, SESSION_TTL_HOURS (8), COOKIE_SECURE=0 (http://localhost only). Send SIGHUP to reload the catalogs.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      catalog: { type: 'string', multiple: true },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'public-url': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'clock-start': { type: 'string' },
      role: { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const database = {
    url: values['database-url'] ?? process.env.DATABASE_URL,
    dataDir: values['data-dir'] ?? process.env.DATA_DIR ?? 'mentorkit-data',
    poolSize: positiveEnv('DATABASE_POOL_SIZE'),
  };

  if (positionals[0] === 'token') return tokenCommand(positionals.slice(1), values, database);
  if (positionals.length > 0) {
    console.error(`unknown command ${JSON.stringify(positionals[0])}\n\n${USAGE}`);
    return 2;
  }
  const catalogs = [...(values.catalog ?? []), ...(process.env.CATALOG ? process.env.CATALOG.split(',') : [])];
  if (catalogs.length === 0) {
    console.error(`give at least one catalog file with --catalog\n\n${USAGE}`);
    return 2;
  }
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a port number, got ${JSON.stringify(values.port ?? process.env.PORT)}`);
    return 2;
  }
  const clockStart = values['clock-start'] ?? process.env.CLOCK_START;
  const corsOrigins = [...(values['cors-origin'] ?? []), ...(process.env.CORS_ORIGINS ? process.env.CORS_ORIGINS.split(',').map((s) => s.trim()) : [])];
  const server = await createServer({
    catalogs,
    database,
    ...(clockStart ? { clock: clockFrom(new Date(clockStart)) } : {}),
    publicUrl: values['public-url'] ?? process.env.PUBLIC_URL,
    corsOrigins,
    trustProxy: process.env.TRUST_PROXY === '1',
    retentionDays: process.env.RETENTION_DAYS ? Number(process.env.RETENTION_DAYS) : undefined,
    lockTimeoutMs: positiveEnv('LOCK_TIMEOUT_MS'),
    rateLimit: process.env.RATE_LIMIT === 'off' ? false : { max: positiveEnv('RATE_LIMIT_MAX'), windowMs: positiveEnv('RATE_LIMIT_WINDOW_MS') },
    watch: true,
    workIntervalMs: Number(process.env.WORK_INTERVAL_MS ?? 15_000),
    auth: authOptionsFromEnv(),
    mail: { smtpUrl: process.env.SMTP_URL || undefined, from: process.env.MAIL_FROM || undefined },
  });
  const { logger, database: db } = server.services;
  const http = serve({ fetch: server.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
    logger.info('listening', { url: `http://${info.address}:${info.port}/`, database: db.describe, catalogs: catalogs.length, mail: server.mail.enabled ? 'smtp' : 'queued (no SMTP_URL)', ...(clockStart ? { clockStart } : {}) });
  });
  process.on('SIGHUP', () => void server.reload());
  const stop = () => {
    http.close();
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

/** A positive number from the environment, or undefined (the default) when unset; anything else stops the start. */
function positiveEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(text)}`);
  return value;
}

async function tokenCommand(args: string[], values: { role?: string | undefined; label?: string | undefined }, database: { url?: string | undefined; dataDir: string }): Promise<number> {
  const [verb, id] = args;
  if (verb !== 'create' && verb !== 'list' && verb !== 'revoke') {
    console.error(`token: use create, list or revoke\n\n${USAGE}`);
    return 2;
  }
  if (verb === 'create' && !TOKEN_ROLES.includes(values.role as TokenRole)) {
    console.error(`token create needs --role ${TOKEN_ROLES.join(' | ')}`);
    return 2;
  }
  const db = await openDatabase(database);
  try {
    if (verb === 'create') {
      const made = await createToken(db.db, values.role as TokenRole, values.label);
      console.error(`Created ${values.role} token ${made.id} in ${db.describe}. It is shown once; store it now:`);
      console.log(made.token);
    } else if (verb === 'list') {
      for (const t of await listTokens(db.db)) console.log(`${t.id}\t${t.role}\t${t.revokedAt ? 'revoked' : 'active'}\t${t.createdAt.toISOString()}\t${t.label ?? ''}`);
    } else {
      if (id === undefined) {
        console.error('token revoke needs the token id (see token list)');
        return 2;
      }
      if (!(await revokeToken(db.db, id))) {
        console.error(`no token ${id}`);
        return 1;
      }
      console.error(`revoked ${id}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CatalogLoadError) console.error(`mentorkit-server: the catalog has errors:\n${error.message}`);
    else if (error instanceof DataDirInUseError) console.error(`mentorkit-server: ${error.message}`);
    else console.error(`mentorkit-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
