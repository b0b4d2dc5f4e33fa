import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './support/cli.js';

const dir = await tempDir();

describe('mentorkit schema', () => {
  it('prints the catalog JSON Schema as one JSON document', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\/.*catalog\.schema\.json$/);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['version', 'workshops', 'resources', 'programs', 'policies']));
  });
});

describe('mentorkit init', () => {
  it('writes a commented starter catalog with $schema that checks with no errors and no warnings', async () => {
    const r = await cli(['init', 'starter.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote starter.yaml');
    const text = await readFile(join(dir, 'starter.yaml'), 'utf8');
    expect(text).toMatch(/^\$schema: https:\/\/\S+catalog\.schema\.json$/m);
    expect(text).toMatch(/^# /m);
    for (const key of ['organizations:', 'audiences:', 'programs:', 'policies:', 'workshops:', 'resources:', 'eligibility:', 'window:', 'objectives:', 'kind: request-only']) {
      expect(text).toContain(key);
    }
    const check = await cli(['check', 'starter.yaml', '--strict'], { cwd: dir });
    expect(check.stdout).toMatch(/no problems/);
    expect(check.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 0 warnings in 1 file');
    expect(check.code).toBe(0);
  });

  it('stays clean whatever the date it is written on, in any zone', async () => {
    for (const [now, zone] of [
      ['2026-12-24T23:00:00Z', 'Pacific/Chatham'],
      ['2027-03-10T08:00:00Z', 'Europe/Berlin'],
      ['2026-06-30T12:00:00Z', 'Asia/Kolkata'],
    ] as const) {
      const file = `starter-${zone.replace('/', '-')}.yaml`;
      expect((await cli(['init', file, '--now', now, '--time-zone', zone], { cwd: dir })).code).toBe(0);
      const check = await cli(['check', file, '--now', now, '--format', 'json'], { cwd: dir });
      const doc = JSON.parse(check.stdout);
      expect([...doc.errors, ...doc.findings], `${now} ${zone}`).toEqual([]);
    }
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const path = join(dir, 'mine.yaml');
    await writeFile(path, 'my own work\n');
    const refused = await cli(['init', 'mine.yaml'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"mine.yaml" already exists; use --force to overwrite it');
    expect(await readFile(path, 'utf8')).toBe('my own work\n');
    const forced = await cli(['init', 'mine.yaml', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(await readFile(path, 'utf8')).toContain('version: 1');
  });

  it('writes catalog.yaml by default and rejects a zone that does not exist', async () => {
    expect((await cli(['init'], { cwd: dir })).code).toBe(0);
    expect(await readFile(join(dir, 'catalog.yaml'), 'utf8')).toContain('defaultTimeZone: America/New_York');
    const bad = await cli(['init', 'x.yaml', '--time-zone', 'EST'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown time zone "EST"');
  });
});
