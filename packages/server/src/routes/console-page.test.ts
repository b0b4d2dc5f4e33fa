/** The console's files: served by plain name under a strict CSP, nothing outside its folder, a 503 page when not built. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { Env, RouteEntry } from '../http/context.js';
import { CONSOLE_CSP, registerConsolePage } from './console-page.js';

function appFor(dir: string) {
  const app = new OpenAPIHono<Env>();
  const table: RouteEntry[] = [];
  registerConsolePage(app, table, dir);
  return { app, table };
}

describe('the console page', () => {
  it('answers 503 with a page that says how to build it when the console was not built', async () => {
    const { app, table } = appFor(mkdtempSync(join(tmpdir(), 'mk-console-none-')));
    expect(table).toEqual([
      { method: 'GET', path: '/console', access: 'public' },
      { method: 'GET', path: '/console/{file}', access: 'public' },
    ]);
    const res = await app.request('/console/');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(await res.text()).toContain('pnpm --filter @mentorkit/server build');
  });

  it('serves its files by plain name with their types, the page for other console paths, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk-console-built-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'console.js'), 'export {};');
    writeFileSync(join(dir, '.secret.js'), 'no');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'x.js'), 'no');
    writeFileSync(join(dir, 'notes.txt'), 'no');
    const { app } = appFor(dir);

    const redirect = await app.request('/console');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([308, 'console/']);
    const page = await app.request('/console/');
    expect([page.status, page.headers.get('content-type'), page.headers.get('content-security-policy')]).toEqual([200, 'text/html; charset=utf-8', CONSOLE_CSP]);
    const script = await app.request('/console/console.js');
    expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([200, 'text/javascript; charset=utf-8', 'export {};']);
    expect(await (await app.request('/console/audit')).text()).toContain('<title>console</title>');
    for (const path of ['/console/.secret.js', '/console/sub/x.js', '/console/notes.txt', '/console/..%2Findex.html', '/console/missing.js']) {
      expect([path, (await app.request(path)).status]).toEqual([path, 404]);
    }
  });
});
