/**
 * `GET /console` and `/console/*`: the organizer console's static files, built from console/ into
 * dist/console/ (docs/console.md). The page holds no data, so it is public; everything it shows comes from the
 * guarded API. A strict Content-Security-Policy allows only the console's own script and styles. When the
 * console was not built, a 503 page says so. Not part of the OpenAPI document: these are pages, not API.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import type { App, Env, RouteEntry } from '../http/context.js';

export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Where the built console is: beside the bundled server (dist/index.js → dist/console/), or, when the server
 * runs from its sources (tests), the package's dist/console/.
 */
function consoleDir(): string | undefined {
  const candidates = [new URL('./console/', import.meta.url), new URL('../../dist/console/', import.meta.url)];
  return candidates.map((u) => fileURLToPath(u)).find((dir) => existsSync(join(dir, 'index.html')));
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Console not built</title></head>
<body><main><h1>The console is not available</h1><p>This server was started without the console's files (dist/console/). Build the server package (<code>pnpm --filter @mentorkit/server build</code>) and start it again. The API itself works.</p></main></body></html>`;

async function serveFile(c: Context<Env>, name: string, from: string | undefined): Promise<Response> {
  c.header('Content-Security-Policy', CONSOLE_CSP);
  c.header('X-Frame-Options', 'DENY');
  const dir = from === undefined ? consoleDir() : existsSync(join(from, 'index.html')) ? from : undefined;
  if (dir === undefined) {
    c.header('Cache-Control', 'no-store');
    return c.html(NOT_BUILT, 503);
  }
  // Only plain file names from the console's own folder: no paths, no dot files.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || TYPES[extname(name)] === undefined) return notFound(c, name);
  let body: Buffer;
  try {
    body = await readFile(join(dir, name));
  } catch {
    return notFound(c, name);
  }
  // Plain (unhashed) names: the browser asks again each time and gets the current build.
  c.header('Cache-Control', 'no-cache');
  c.header('Content-Type', TYPES[extname(name)]);
  return c.body(new Uint8Array(body), 200);
}

function notFound(c: Context<Env>, name: string): Response {
  return c.json({ error: { code: 'not-found', message: `The console has no file ${JSON.stringify(name)}.` } }, 404);
}

/** `dir`: the built console's folder (default: found beside the server's own files). */
export function registerConsolePage(app: App, table: RouteEntry[], dir?: string): void {
  table.push({ method: 'GET', path: '/console', access: 'public' }, { method: 'GET', path: '/console/{file}', access: 'public' });
  // A relative redirect keeps a path prefix the server is mounted under; the page's relative links need the slash.
  app.get('/console', (c) => c.redirect('console/', 308));
  app.get('/console/', (c) => serveFile(c, 'index.html', dir));
  app.get('/console/:file{.+}', (c) => {
    const name = c.req.param('file');
    // Console addresses other than its files (a bookmarked path) get the page; its hash router takes over.
    return serveFile(c, /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) ? 'index.html' : name, dir);
  });
}
