import { copyFile, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countOf, fixtures, Spawned, tempDir } from './support/cli.js';

const NOW = '2026-03-01T12:00:00Z';
const dir = await tempDir();
const summaries = (s: string): number => countOf(s, /^\d+ errors?, \d+ warnings? in 1 file$/m);

describe('--watch', () => {
  it('checks again after each change, with a timestamp, including a save that replaces the file; Ctrl-C exits 0', async () => {
    const file = join(dir, 'watched.yaml');
    await copyFile(join(fixtures, 'site.yaml'), file);
    const watcher = new Spawned(['check', 'watched.yaml', '--watch', '--now', NOW], { cwd: dir });
    try {
      await watcher.until((out, err) => summaries(out) === 1 && err.includes('watching watched.yaml for changes'));
      expect(watcher.stdout).toMatch(/^\[\d{2}:\d{2}:\d{2}\] watched\.yaml$/m);
      expect(watcher.stdout).toMatch(/^0 errors, /m);

      // An edit in place that breaks the catalog.
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('kind: university', 'kind: universty'));
      await watcher.until((out) => summaries(out) === 2);
      expect(watcher.stdout).toMatch(/^\[\d{2}:\d{2}:\d{2}\] watched\.yaml changed$/m);
      expect(watcher.stdout).toMatch(/^1 error, \d+ warnings? in 1 file$/m);
      expect(watcher.stdout).toContain('did you mean "university"?');

      // A save the way many editors do it: write a new file, rename it over the old one.
      await writeFile(join(dir, '.watched.yaml.swp'), text);
      await rename(join(dir, '.watched.yaml.swp'), file);
      await watcher.until((out) => summaries(out) === 3);
      expect(watcher.stdout.slice(watcher.stdout.lastIndexOf('changed'))).toMatch(/^0 errors, /m);

      watcher.child.kill('SIGINT');
      expect(await watcher.exited).toEqual({ code: 0, signal: null });
    } finally {
      watcher.child.kill('SIGKILL');
    }
  });

  it('ignores changes to other files in the folder', async () => {
    const file = join(dir, 'quiet.yaml');
    await copyFile(join(fixtures, 'site.yaml'), file);
    const watcher = new Spawned(['check', 'quiet.yaml', '--watch', '--now', NOW], { cwd: dir });
    try {
      await watcher.until((out, err) => summaries(out) === 1 && err.includes('watching'));
      await writeFile(join(dir, 'unrelated.txt'), 'x');
      await new Promise((r) => setTimeout(r, 600));
      expect(summaries(watcher.stdout)).toBe(1);
      watcher.child.kill('SIGINT');
      expect((await watcher.exited).code).toBe(0);
    } finally {
      watcher.child.kill('SIGKILL');
    }
  });

  it('with --format json, prints one JSON document per line per run and keeps the timestamps on stderr', async () => {
    const file = join(dir, 'json.yaml');
    await copyFile(join(fixtures, 'site.yaml'), file);
    const watcher = new Spawned(['check', 'json.yaml', '--watch', '--format', 'json', '--now', NOW], { cwd: dir });
    try {
      await watcher.until((out) => out.split('\n').filter(Boolean).length === 1);
      await writeFile(file, (await readFile(file, 'utf8')).replace('kind: university', 'kind: universty'));
      await watcher.until((out) => out.split('\n').filter(Boolean).length === 2);
      const docs = watcher.stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(docs.map((d) => d.summary.errors)).toEqual([0, 1]);
      expect(watcher.stderr).toMatch(/^\[\d{2}:\d{2}:\d{2}\] json\.yaml changed$/m);
      watcher.child.kill('SIGINT');
      expect((await watcher.exited).code).toBe(0);
    } finally {
      watcher.child.kill('SIGKILL');
    }
  });

  it('builds again after each change', async () => {
    const file = join(dir, 'site.yaml');
    const out = join(dir, 'out');
    await copyFile(join(fixtures, 'site.yaml'), file);
    const watcher = new Spawned(['build', 'site.yaml', '--out', out, '--watch', '--now', NOW], { cwd: dir });
    try {
      await watcher.until((o) => countOf(o, /^wrote \d+ files/m) === 1);
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('title: Test University mentoring', 'title: Renamed catalog'));
      await watcher.until((o) => countOf(o, /^wrote \d+ files/m) === 2);
      expect(JSON.parse(await readFile(join(out, 'feed.json'), 'utf8')).catalog.title).toBe('Renamed catalog');
      watcher.child.kill('SIGINT');
      expect((await watcher.exited).code).toBe(0);
    } finally {
      watcher.child.kill('SIGKILL');
    }
  });
});
