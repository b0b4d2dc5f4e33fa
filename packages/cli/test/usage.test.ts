import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtures, packageRoot } from './support/cli.js';

const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };

describe('mentorkit --help, --version', () => {
  it('prints the version of the package', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await cli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('lists every command in the global help', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['check', 'build', 'schema', 'init', 'help']) expect(r.stdout).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
    expect(r.stdout).toContain('NO_COLOR');
  });

  it('shows a command’s usage, options and exit statuses with <command> --help and help <command>', async () => {
    const a = await cli(['build', '--help']);
    const b = await cli(['help', 'build']);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toContain('Usage: mentorkit build <catalog> --out <dir>');
    for (const flag of ['--out <dir>', '--from <time>', '--to <time>', '--now <time>', '--base-url <url>', '--watch', '--help']) expect(a.stdout).toContain(flag);
    expect(a.stdout).toMatch(/Exit status:\n {2}0 {2}built\n {2}1 /);
    const check = await cli(['check', '-h']);
    for (const flag of ['--format <text|json>', '--strict', '--watch']) expect(check.stdout).toContain(flag);
  });

  it('prints the help on stderr and exits 2 when no command is given', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: mentorkit <command>');
  });
});

describe('usage errors exit 2 with a helpful message', () => {
  it('suggests the command meant by a misspelt one', async () => {
    const r = await cli(['chekc', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "chekc" (did you mean "check"?)');
    expect(r.stderr).toContain('Run "mentorkit --help" for usage.');
  });

  it('suggests the flag meant by a misspelt one, and points at the command’s help', async () => {
    const r = await cli(['check', join(fixtures, 'site.yaml'), '--stirct']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --stirct for "mentorkit check" (did you mean --strict?)');
    expect(r.stderr).toContain('Run "mentorkit check --help" for usage.');
  });

  it('names a flag that lacks its value, or a switch given one', async () => {
    const a = await cli(['build', join(fixtures, 'site.yaml'), '--out']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--out needs a value');
    const b = await cli(['check', join(fixtures, 'site.yaml'), '--strict=yes']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--strict is a switch and takes no value');
  });

  it('rejects bad flag values before reading anything', async () => {
    const cases: [string[], string][] = [
      [['check', 'x.yaml', '--format', 'xml'], '--format must be text or json, not "xml"'],
      [['build', 'x.yaml'], '--out <dir> is required'],
      [['build', 'x.yaml', '--out', 'o', '--from', 'next week'], '--from "next week" is not a date or time'],
      [['build', 'x.yaml', '--out', 'o', '--base-url', 'ftp://example.edu'], '--base-url must be an absolute http(s) URL'],
      [['build', 'a.yaml', 'b.yaml', '--out', 'o'], 'build takes one catalog, but 2 were given'],
      [['check'], 'name at least one catalog file'],
      [['schema', 'extra'], 'schema takes no arguments'],
      [['--strict'], 'unknown option --strict: options go after the command'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  });
});
