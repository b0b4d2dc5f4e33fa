/**
 * The bin as an operator runs it: it reloads the catalog when the file changes and on SIGHUP, keeps the
 * last good catalog when a change breaks it (and says so in /health), and `token create` prints a token
 * the admin API accepts, stored only as a hash.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogYaml, writeCatalog } from './fixtures.js';
import { createAdminTokenWithBin, httpClient, startBin, type Client, type ServerProcess } from './load.js';

let server: ServerProcess;
let client: Client;
let catalog: string;
let token: string;
const dataDir = join(mkdtempSync(join(tmpdir(), 'mk-bin-')), 'data');

beforeAll(async () => {
  catalog = writeCatalog({ capacity: 2 });
  token = createAdminTokenWithBin({ dataDir });
  server = await startBin(catalog, { dataDir });
  client = httpClient(server.url);
});
afterAll(async () => {
  client?.close();
  await server?.stop();
});

const health = async () => (await client.get('/health')).body as { status: string; lastReloadAt: string; errors: { file: string; line?: number; message: string }[] };

describe('mentorkit-server', () => {
  it('prints an admin token on its last line that the admin API accepts', async () => {
    expect(token).toMatch(/^mk_[A-Za-z0-9_-]{30,}$/);
    expect((await client.get('/admin/registrations', { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await client.get('/admin/registrations', { authorization: `Bearer ${token}x` })).status).toBe(401);
  });

  it('reloads when the catalog file changes, keeping the last good one through a broken edit', async () => {
    expect((await health()).status).toBe('ok');
    writeFileSync(catalog, 'version: 1\nid: test-catalog\ntitle: [unclosed\n');
    await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe('degraded');
    const broken = await health();
    expect(broken.errors[0]).toMatchObject({ file: catalog, line: expect.any(Number) });
    expect((await client.get('/feed.json')).body.catalog.title).toBe('Test mentoring');
    writeFileSync(catalog, catalogYaml({ capacity: 2 }).replace('title: Test mentoring', 'title: Renamed mentoring'));
    await expect.poll(async () => (await client.get('/feed.json')).body.catalog?.title, { timeout: 10_000 }).toBe('Renamed mentoring');
    expect((await health()).status).toBe('ok');
  });

  it('reloads on SIGHUP', async () => {
    const before = (await health()).lastReloadAt;
    server.child.kill('SIGHUP');
    await expect.poll(async () => (await health()).lastReloadAt, { timeout: 10_000 }).not.toBe(before);
  });

  it('holds its data folder: a second server on it refuses to start and says why', async () => {
    await expect(startBin(catalog, { dataDir })).rejects.toThrow(/in use by another mentorkit-server/);
    expect(readdirSync(dataDir)).toContain('mentorkit-server.lock');
  });

  it('refuses to start on a catalog with errors, naming the file and line', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'mk-bad-')), 'catalog.yaml');
    writeFileSync(bad, 'version: 1\nid: x\ntitle: X\nworkshops:\n  - id: 5\n');
    await expect(startBin(bad, { dataDir: join(mkdtempSync(join(tmpdir(), 'mk-bad-data-')), 'data') })).rejects.toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`));
  });
});
