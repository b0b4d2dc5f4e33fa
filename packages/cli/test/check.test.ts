import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, demoCatalogs, fixtures, plain } from './support/cli.js';

const NOW = '2026-03-01T12:00:00Z';
const f = (name: string): string => join(fixtures, name);

/** The excerpt under a `--> file:line:col` line: the source line, and the caret line under it. */
function excerptAt(out: string, where: string): { source: string; caret: string } {
  const lines = out.split('\n');
  const i = lines.findIndex((l) => l.includes(`--> ${where}`));
  expect(i, `no problem located at ${where} in:\n${out}`).toBeGreaterThan(-1);
  return { source: lines[i + 2]!, caret: lines[i + 3]! };
}

describe('mentorkit check on the seed catalogs', () => {
  const seeds = existsSync(demoCatalogs) ? readdirSync(demoCatalogs).filter((n) => /\.(ya?ml|json)$/.test(n)) : [];

  it('finds the seed catalogs', () => {
    expect(seeds.length).toBeGreaterThan(0);
  });

  it('reports no schema errors in any of them, and locates every lint finding on a line of its file', async () => {
    const files = seeds.map((s) => join(demoCatalogs, s));
    const r = await cli(['check', ...files, '--now', NOW, '--format', 'json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.errors).toEqual([]);
    expect(doc.files.map((x: { file: string }) => x.file)).toEqual(files);
    for (const finding of doc.findings) {
      const lines = readFileSync(finding.file, 'utf8').split('\n').length;
      expect(finding.line, finding.pathText).toBeGreaterThanOrEqual(1);
      expect(finding.line, finding.pathText).toBeLessThanOrEqual(lines);
      expect(finding.column, finding.pathText).toBeGreaterThanOrEqual(1);
    }
    expect(r.code).toBe(doc.findings.some((x: { severity: string }) => x.severity === 'error') ? 1 : 0);
  });
});

describe('mentorkit check on broken catalogs', () => {
  it('reports each schema error with file:line:column, the source line and a caret under the column', async () => {
    const r = await cli(['check', f('broken-schema.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toContain('error[missing_field]: required field "end" is missing from workshops[0].sessions[0]');
    expect(r.stdout).toContain('error[invalid_value]: expected one of "scheduled"');

    const status = excerptAt(r.stdout, `${f('broken-schema.yaml')}:17:17`);
    expect(status.source).toMatch(/^17 \| {9}status: schedueld$/);
    expect(status.caret.indexOf('^')).toBe(status.source.indexOf('schedueld'));
    expect(status.caret.trimEnd().endsWith('^'.repeat('schedueld'.length))).toBe(true);

    const missing = excerptAt(r.stdout, `${f('broken-schema.yaml')}:14:9`);
    expect(missing.source).toContain('- id: s1');
    expect(missing.caret.indexOf('^')).toBe(missing.source.indexOf('id: s1'));
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 errors, 0 warnings in 1 file');
  });

  it('groups problems by file and sums them up over several files', async () => {
    const r = await cli(['check', f('broken-schema.yaml'), f('syntax-error.yaml'), f('site.yaml'), '--now', NOW]);
    expect(r.code).toBe(1);
    const headers = r.stdout.split('\n').filter((l) => l.startsWith(fixtures) || l.startsWith('✓'));
    expect(headers.map((h) => h.replace(fixtures, '').replace(/ \(.*\)$/, ''))).toEqual([
      '/broken-schema.yaml',
      '/syntax-error.yaml',
      expect.stringMatching(/site\.yaml/),
    ]);
    expect(r.stdout).toContain(`--> ${f('syntax-error.yaml')}:3:8`);
    expect(r.stdout).toContain('error[syntax]: YAML syntax error');
    expect(r.stdout).toMatch(/^3 errors, \d+ warnings? in 3 files$/m);
  });

  it('reads JSON catalogs too', async () => {
    const r = await cli(['check', f('broken.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`--> ${f('broken.json')}:1:67 defaultTimeZone`);
    expect(r.stdout).toContain('unknown time zone "Mars/Olympus"');
  });

  it('exits 2 naming a file that does not exist, and checks nothing', async () => {
    const r = await cli(['check', f('site.yaml'), 'no-such-catalog.yaml', 'also-missing.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cannot read catalog "no-such-catalog.yaml": no such file');
    expect(r.stderr).toContain('cannot read catalog "also-missing.yaml": no such file');
  });

  it('exits 2 when given a folder', async () => {
    const r = await cli(['check', fixtures]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a directory');
  });
});

describe('mentorkit check --format json', () => {
  it('prints one JSON document with files, errors, findings and a summary', async () => {
    const r = await cli(['check', f('broken-schema.yaml'), f('site.yaml'), '--format', 'json', '--now', NOW]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['files', 'errors', 'findings', 'summary']);
    expect(doc.files[0]).toEqual({ file: f('broken-schema.yaml'), ok: false, errors: 2, warnings: 0, infos: 0 });
    expect(doc.errors).toContainEqual({
      file: f('broken-schema.yaml'),
      line: 17,
      column: 17,
      path: ['workshops', 0, 'sessions', 0, 'status'],
      pathText: 'workshops[0].sessions[0].status',
      code: 'invalid_value',
      message: expect.stringContaining('did you mean "scheduled"?'),
      value: 'schedueld',
    });
    expect(doc.summary).toMatchObject({ files: 2, errors: 2, strict: false, ok: false });
  });

  it('exits 0 for a catalog without errors', async () => {
    const r = await cli(['check', f('site.yaml'), '--format', 'json', '--now', NOW]);
    const doc = JSON.parse(r.stdout);
    expect(doc.errors).toEqual([]);
    expect(doc.summary.errors).toBe(0);
    expect(r.code).toBe(0);
  });
});

describe('colour', () => {
  it('is off when stdout is not a terminal, on with FORCE_COLOR, and NO_COLOR wins over both', async () => {
    const args = ['check', f('broken-schema.yaml')];
    const piped = await cli(args);
    const forced = await cli(args, { env: { FORCE_COLOR: '1' } });
    const forcedOff = await cli(args, { env: { FORCE_COLOR: '0' } });
    const none = await cli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(piped.stdout).not.toMatch(/\u001b\[/);
    expect(forced.stdout).toMatch(/\u001b\[31m/);
    expect(forcedOff.stdout).toBe(piped.stdout);
    expect(none.stdout).toBe(piped.stdout);
    expect(plain(forced.stdout)).toBe(piped.stdout);
    expect([piped.code, forced.code, none.code]).toEqual([1, 1, 1]);
  });
});

describe('lint findings', () => {
  it('are reported with their severity, located in the source, and warnings alone exit 0', async () => {
    const r = await cli(['check', f('warnings.yaml'), '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning[workshop-without-objectives]');
    expect(r.stdout).toContain('info[request-only-without-objectives]');
    const url = excerptAt(r.stdout, `${f('warnings.yaml')}:17:16 workshops[0].sessions[0].recording.url`);
    expect(url.source).toContain('url: http://video.warnings-university.edu/s1');
    expect(url.caret.indexOf('^')).toBe(url.source.indexOf('http://'));
    expect(url.caret.slice(url.caret.indexOf('^'))).toBe('^'.repeat('http://video.warnings-university.edu/s1'.length));
    // A finding about a field that is absent points at the entity it belongs to.
    expect(r.stdout).toContain(`--> ${f('warnings.yaml')}:7:5 workshops[0].objectives`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 3 warnings, 1 info in 1 file');
  });

  it('fail the run under --strict', async () => {
    const r = await cli(['check', f('warnings.yaml'), '--now', NOW, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('0 errors, 3 warnings, 1 info in 1 file (--strict: warnings fail)');
    const json = await cli(['check', f('warnings.yaml'), '--now', NOW, '--strict', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ errors: 0, warnings: 3, infos: 1, strict: true, ok: false });
  });

  it('depend on --now: a recording is suspicious only before its session', async () => {
    const before = JSON.parse((await cli(['check', f('warnings.yaml'), '--now', '2026-03-01', '--format', 'json'])).stdout);
    const after = JSON.parse((await cli(['check', f('warnings.yaml'), '--now', '2026-05-01', '--format', 'json'])).stdout);
    const codes = (doc: { findings: { code: string }[] }): string[] => doc.findings.map((x) => x.code).sort();
    expect(codes(before)).toContain('recording-before-session');
    expect(codes(after)).not.toContain('recording-before-session');
    expect(codes(after)).toEqual(codes(before).filter((c) => c !== 'recording-before-session'));
  });

  it('of severity error fail the run, and come under findings in JSON', async () => {
    const r = await cli(['check', f('lint-errors.yaml'), '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.errors).toEqual([]);
    expect(doc.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'placeholder-text', line: 10, column: 18, pathText: 'resources[0].description', value: 'Lorem ipsum' }),
    ]);
  });
});
