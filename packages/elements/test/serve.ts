/** A tiny static server for Chromium tests: fixed routes, optional headers (e.g. a CSP) on HTML pages. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.map': 'application/json' };

export interface Served {
  url: string;
  requests: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}

export type Route = (req: IncomingMessage, body: string, res: ServerResponse) => boolean;

/** Answers with `body`; `true`, so a route can `return send(…)`. */
export function send(res: ServerResponse, status: number, type: string, body: string): true {
  res.writeHead(status, { 'Content-Type': type }).end(body);
  return true;
}

/** Answers with `data` as JSON. */
export const sendJson = (res: ServerResponse, data: unknown, status = 200): true => send(res, status, 'application/json', JSON.stringify(data));

/** Serves `pages` (path → HTML) with `headers`, files under `dirs` (URL prefix → directory), and `routes`. */
export async function serve(options: { pages: Record<string, string>; headers?: Record<string, string>; dirs?: Record<string, string>; routes?: Route[] }): Promise<Served> {
  const requests: Served['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', body });
      for (const route of options.routes ?? []) if (route(req, body, res)) return;
      // Every page Chromium opens asks for one; without it each test page would log a 404.
      if (path === '/favicon.ico') return void send(res, 204, 'image/x-icon', '');
      const page = options.pages[path];
      if (page !== undefined) {
        res.writeHead(200, { 'Content-Type': TYPES['.html']!, ...options.headers });
        res.end(page);
        return;
      }
      for (const [prefix, dir] of Object.entries(options.dirs ?? {})) {
        if (!path.startsWith(prefix)) continue;
        const file = normalize(join(dir, path.slice(prefix.length)));
        if (!file.startsWith(normalize(dir))) break;
        try {
          const data = readFileSync(file);
          res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
          res.end(data);
          return;
        } catch {
          break;
        }
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
