/**
 * A consumer's view of the published packages: `pnpm pack` core and the CLI, unpack the tarballs into a
 * fresh project outside the workspace, give it exactly the dependencies the packed package.json files
 * declare (linked from this workspace's install: no network), and type-check a program that uses them
 * with `skipLibCheck: false`. A public type that needs a package core does not declare (as luxon's types
 * once were) fails here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const packages = { core: resolve(root, 'packages/core'), cli: resolve(root, 'packages/cli') };
const dir = mkdtempSync(join(tmpdir(), 'mk-consumer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** Packs a workspace package and unpacks it as node_modules/<name> of the consumer. */
function install(from: string): Manifest {
  const out = join(dir, 'packs', from.split('/').at(-1)!);
  mkdirSync(out, { recursive: true });
  execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: from, stdio: 'ignore' });
  const tarball = readdirSync(out).find((f) => f.endsWith('.tgz'))!;
  const manifest = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as Manifest;
  const target = join(dir, 'node_modules', manifest.name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(out, tarball), '-C', target, '--strip-components=1']);
  return JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as Manifest;
}

/** Links a declared dependency from where the workspace package resolves it. */
function link(name: string, from: string): void {
  const target = join(dir, 'node_modules', name);
  if (existsSync(target)) return;
  const require = createRequire(join(from, 'package.json'));
  let found: string;
  try {
    found = dirname(require.resolve(`${name}/package.json`));
  } catch {
    // A types-only or exports-restricted package: find its folder through the workspace's node_modules.
    found = realpathSync(join(from, 'node_modules', name));
  }
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(found, target, 'dir');
}

describe('the packed packages, type-checked by a consumer with skipLibCheck: false', () => {
  it('compiles a program using core, core/browser and the CLI', { timeout: 240_000 }, () => {
    for (const [key, from] of Object.entries(packages)) {
      const manifest = install(from);
      for (const dep of [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]) {
        if (dep.startsWith('@mentorkit/')) continue;
        link(dep, from);
      }
      expect(manifest.name).toBe(`@mentorkit/${key}`);
    }
    link('@types/node', root);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: ['node'] }, include: ['index.ts'] }),
    );
    writeFileSync(
      join(dir, 'index.ts'),
      [
        "import { eligibilityFor, jsonLdScriptText, lintCatalog, parseCatalog, reproduceAllocation, resolveWallClock, toJsonLdGraph, type Catalog } from '@mentorkit/core';",
        "import { parseFeed, type Feed } from '@mentorkit/core/browser';",
        "import { run } from '@mentorkit/cli';",
        "const parsed = parseCatalog('version: 1');",
        'if (parsed.ok) {',
        '  const catalog: Catalog = parsed.catalog;',
        '  lintCatalog(catalog, { now: new Date() });',
        "  const verdict = eligibilityFor(catalog, 'w', { role: 'postdoc' });",
        '  console.log(verdict.eligible, jsonLdScriptText(toJsonLdGraph(catalog, { now: new Date() })));',
        '}',
        "const zoned = resolveWallClock('2026-01-01T10:00' as never, 'UTC' as never);",
        'if (zoned.ok) console.log(zoned.instant.toISO());',
        "console.log(reproduceAllocation({ input: { capacity: 1, policy: { allocation: { mode: 'first-come' } }, requests: [], now: new Date() }, order: [] }).reproduced);",
        'const feed: Feed | undefined = undefined;',
        'console.log(feed, parseFeed({}));',
        "void run(['--version']);",
        '',
      ].join('\n'),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
