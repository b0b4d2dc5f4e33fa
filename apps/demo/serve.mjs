// Serves the built demo site on http://localhost:4173 (PORT to change it), with the RSVP service under
// /api: @mentorkit/server on its embedded database (apps/demo/.data, DEMO_DATA_DIR to move it), running
// the seed catalogs and the demo's practice catalog on a demo clock (see DEMO_CLOCK_START below).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { clockFrom, createServer as createRsvpServer } from '@mentorkit/server';
import { startMailCatcher } from './mail.mjs';
import { createDemoProvider } from './idp.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, 'dist');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.ics': 'text/calendar; charset=utf-8', '.jsonld': 'application/ld+json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * The seed sessions ran in 2022–23. The RSVP service's clock starts at noon (UTC) on 5 October 2022, the
 * day the pages' "as it read on" links show, and then runs at normal speed, so the autumn session's RSVP
 * window is open; the pages say so.
 */
export const DEMO_CLOCK_START = '2022-10-05T12:00:00Z';
export const DEMO_CATALOGS = ['catalog/advancing-mentorship.yaml', 'catalog/mentoring-up.yaml', 'catalog/mentoring-resources.yaml', 'practice/practice.yaml'].map((f) => join(here, f));

const under = (url, prefix) => url === prefix || url?.startsWith(`${prefix}/`) || url?.startsWith(`${prefix}?`);

/**
 * The static site; requests under /api/ go to `api`, /mail to the mail catcher's inbox, and /oidc to the
 * demo's sign-in provider, when given. /organizer leads to the organizer console (`console`: its address).
 */
export function createDemoServer({ api, mail, idp, console: consoleUrl } = {}) {
  return createServer(async (req, res) => {
    if (mail && under(req.url, '/mail')) return mail.handle(req, res);
    if (idp && under(req.url, '/oidc')) return idp().handle(req, res);
    if (consoleUrl && under(req.url, '/organizer')) {
      const to = consoleUrl();
      if (to === undefined) return res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' }).end('The RSVP service is starting: reload in a moment.');
      return res.writeHead(302, { Location: to, 'Cache-Control': 'no-store' }).end();
    }
    if (api && (req.url === '/api' || req.url?.startsWith('/api/'))) {
      req.url = req.url.slice(4) || '/';
      return api(req, res);
    }
    let path;
    try {
      path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request');
      return;
    }
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
}

/** The demo with its RSVP service: listens on `port` (0 for any) and resolves once both are ready. */
export async function startDemo({ port = 4173, host = '127.0.0.1', dataDir = process.env.DEMO_DATA_DIR ?? join(here, '.data'), logger } = {}) {
  let api;
  let idp;
  let consoleUrl;
  // Messages the RSVP service sends go to a catcher on this machine, shown at /mail.
  const mail = await startMailCatcher();
  const http = createDemoServer({
    mail,
    idp: () => idp ?? { handle: (_req, res) => res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' }).end('The demo sign-in is starting.') },
    console: () => consoleUrl,
    api: (req, res) => (api ? api(req, res) : res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' }).end('{"error":{"code":"busy","message":"The RSVP service is starting."}}')),
  });
  await new Promise((resolve) => http.listen(port, host, resolve));
  const url = `http://localhost:${http.address().port}`;
  // Staff sign in at the demo's own provider, under /oidc of this origin; the provider sends them back to
  // the RSVP service's callback under /api.
  idp = createDemoProvider({ issuer: `${url}/oidc`, redirectUri: `${url}/api/auth/callback` });
  let rsvp;
  try {
    rsvp = await createRsvpServer({
      catalogs: DEMO_CATALOGS,
      database: { dataDir },
      clock: clockFrom(new Date(DEMO_CLOCK_START)),
      // Links in answers (the manage link) point back through this server's /api.
      publicUrl: `${url}/api`,
      watch: true,
      workIntervalMs: 5_000,
      mail: { smtpUrl: mail.url, from: 'Mentoring demo <mentoring@demo.localhost>' },
      auth: idp.auth,
      ...(logger ? { logger } : {}),
    });
  } catch (error) {
    http.close();
    await mail.close();
    throw error;
  }
  api = getRequestListener(rsvp.fetch);
  // The organizer console, once the RSVP service serves one; until then /organizer shows the sign-in.
  consoleUrl = (await rsvp.fetch(new Request('http://localhost/console', { redirect: 'manual' }))).status !== 404 ? '/api/console' : '/api/auth/login?return=/api/auth/me';
  return {
    url,
    rsvp,
    mail,
    idp,
    async close() {
      // Browsers keep connections open (the provider's pages too): close them, or close() waits for them.
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await rsvp.close();
      await mail.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The service's log without a line per request: reloads, timed work, warnings and errors.
  const log = (level) => (event, fields = {}) => event !== 'request' && console[level](`[rsvp] ${event}`, JSON.stringify(fields));
  const demo = await startDemo({ port: Number(process.env.PORT ?? 4173), host: process.env.HOST ?? 'localhost', logger: { info: log('log'), warn: log('warn'), error: log('error') } });
  console.log(`mentorkit demo: ${demo.url}/  (Ctrl-C to stop)`);
  console.log(`  RSVP service: ${demo.url}/api/docs, on ${demo.rsvp.services.database.describe}, clock started at ${DEMO_CLOCK_START}`);
  console.log(`  Mail it sends: ${demo.url}/mail (caught locally, nothing leaves this machine)`);
  console.log(`  Organizer console: ${demo.url}/organizer (sign in as "Olu Organizer" at the demo's provider, ${demo.idp.issuer})`);
  const stop = () => void demo.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
