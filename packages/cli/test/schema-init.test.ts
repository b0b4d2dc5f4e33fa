import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ROLES, evaluateEligibility, parseCatalog } from '@mentorkit/core';
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
    expect(r.stdout).toContain('wrote starter.yaml and catalog.schema.json');
    const text = await readFile(join(dir, 'starter.yaml'), 'utf8');
    // The schema is a file beside the catalog: it resolves with no network.
    expect(text).toMatch(/^\$schema: \.\/catalog\.schema\.json$/m);
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/catalog\.schema\.json$/m);
    const schema = JSON.parse(await readFile(join(dir, 'catalog.schema.json'), 'utf8'));
    expect(JSON.parse((await cli(['schema'])).stdout)).toEqual(schema);
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

  it('points $schema where --schema says, and then writes no schema file', async () => {
    const sub = join(dir, 'elsewhere');
    await mkdir(sub);
    const r = await cli(['init', 'elsewhere/catalog.yaml', '--schema', 'https://www.example.edu/catalog.schema.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(await readFile(join(sub, 'catalog.yaml'), 'utf8')).toMatch(/^\$schema: https:\/\/www\.example\.edu\/catalog\.schema\.json$/m);
    expect(existsSync(join(sub, 'catalog.schema.json'))).toBe(false);
  });

  it('explains its eligibility rule in tidy sentences', async () => {
    const path = join(dir, 'explained.yaml');
    expect((await cli(['init', 'explained.yaml'], { cwd: dir })).code).toBe(0);
    const parsed = parseCatalog(await readFile(path, 'utf8'));
    if (!parsed.ok) throw new Error('starter does not parse');
    const roles = parsed.catalog.vocabularies.roles.length > 0 ? parsed.catalog.vocabularies.roles : DEFAULT_ROLES.map((r) => ({ id: r.id, label: r.label.toLowerCase() }));
    const policy = parsed.catalog.policies[0]!;
    const no = evaluateEligibility(policy.eligibility, { role: 'undergraduate' }, { vocabularies: { roles } });
    expect(no.reasons.map((r) => r.message)).toEqual(['This is for people whose role is one of: faculty, postdoctoral scholar; you told us your role is undergraduate student.']);
    const yes = evaluateEligibility(policy.eligibility, { role: 'postdoc' }, { vocabularies: { roles } });
    for (const m of [...no.reasons, ...yes.reasons].map((r) => r.message)) expect(m).toMatch(/^[A-Z][^]*[^.;:,]\.$/);
    const request = parsed.catalog.workshops.find((w) => w.kind === 'request-only');
    const chair = evaluateEligibility(request?.kind === 'request-only' ? request.request.eligibility : undefined, { role: 'faculty' }, { vocabularies: { roles } });
    expect(chair.reasons[0]!.message).toBe('This is for people whose role is one of: department chair, program director; you told us your role is faculty.');
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
