import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCatalogYaml } from './support/generate-catalog.mjs';
import { cli, tempDir } from './support/cli.js';

// The built library entry, typed by its source.
const { run } = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index.js');

const dir = await tempDir();
const catalog = join(dir, 'large.yaml');
await writeFile(catalog, generateCatalogYaml({ workshops: 5000 }));
// Over the progress threshold (200 workshops) with few calendars: enough to draw the line, quick to build twice.
const medium = join(dir, 'medium.yaml');
await writeFile(medium, generateCatalogYaml({ workshops: 250, programs: 3, resources: 20 }));

/** Collects what `run` writes, posing as a terminal. */
function terminal(): { write(chunk: string): boolean; isTTY: true; columns: number; text: string } {
  return { text: '', isTTY: true, columns: 100, write(chunk: string) { this.text += chunk; return true; } };
}

describe('large catalogs', () => {
  it('5,000 workshops build with the binary: one JSON-LD file per workshop, every workshop in the feed', async () => {
    const out = join(dir, 'out');
    const r = await cli(['build', catalog, '--out', out, '--now', '2026-06-01T00:00:00Z']);
    expect(r.stderr).not.toContain('error[');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}workshops\/\*\.jsonld\s+\d+(\.\d)? (kB|MB) in 5000 files$/m);
    expect((await readdir(join(out, 'workshops'))).length).toBe(5000);
    expect((await readdir(join(out, 'programs'))).length).toBe(25);
    const feed = JSON.parse(await readFile(join(out, 'feed.json'), 'utf8'));
    expect(feed.workshops).toHaveLength(5000);
  }, 300_000);

  it('shows one updating progress line on a terminal (over 200 workshops), and none elsewhere', async () => {
    const stdout = terminal();
    const stderr = terminal();
    const code = await run(['build', medium, '--out', join(dir, 'in-process'), '--now', '2026-06-01T00:00:00Z'], { stdout, stderr, env: {} });
    expect(code).toBe(0);
    const progress = stderr.text.split('\r\u001b[2K').filter((s) => s.startsWith('building'));
    expect(progress.length).toBeGreaterThan(1);
    expect(stderr.text).not.toMatch(/building[^\r]*\n/); // never a new line per update
    expect(stderr.text.endsWith('\r\u001b[2K') || !stderr.text.includes('\r')).toBe(true);
    expect(stdout.text).toMatch(/^wrote \d+ files/);

    const piped = { text: '', write(chunk: string) { this.text += chunk; return true; } };
    expect(await run(['build', medium, '--out', join(dir, 'piped'), '--now', '2026-06-01T00:00:00Z'], { stdout: terminal(), stderr: piped, env: {} })).toBe(0);
    expect(piped.text).not.toContain('\r');
  }, 180_000);
});
