/**
 * The widgets bundle the browser entry, so it must not pull luxon, rrule or zod (classic or mini) in at
 * runtime: the feed is checked by feed/check.ts, not zod. This reads the sources and fails on any runtime
 * import other than another browser-safe module — no package at all. (`import { type X }` still counts
 * as a runtime import: with verbatimModuleSyntax it compiles to `import {} from …`, which loads the module.)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The browser entry and everything it exports. No package is allowed.
const BROWSER_SAFE = ['browser.ts', 'feed/feed.schema.ts', 'feed/check.ts', 'feed/display.ts', 'export/calendar-links.ts', 'export/json-ld-script.ts', 'export/location-text.ts', 'rules/reasons.ts', 'rules/reason-languages.ts', 'rules/evaluate.ts', 'rsvp/status.ts', 'rsvp/allocate.ts', 'rsvp/prng.ts', 'rsvp/instant.ts', 'calendar/calendar.ts', 'time/local-date.ts', 'time/duration-text.ts'];

const STATIC = /^\s*(import|export)\b([^;'"]*?)\bfrom\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\b(?:import|require)\s*\(\s*['"`]?([^'"`)]*)/g;

/** Every import that survives compilation, as `specifier` strings. */
function runtimeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const [, keyword, clause, specifier] of code.matchAll(STATIC)) {
    if (/^\s*type\b/.test(clause!)) continue; // import type … / export type … are erased
    if (keyword === 'export' && !/[{*]/.test(clause!)) continue;
    found.push(specifier!);
  }
  for (const [, specifier] of code.matchAll(BARE)) found.push(specifier!);
  for (const [, specifier] of code.matchAll(DYNAMIC)) found.push(specifier === '' ? '(computed)' : specifier!);
  return found;
}

/** The source file a relative specifier in `file` names, relative to src (`./x.js` → `dir/x.ts`). */
const target = (file: string, specifier: string) => relative(src, resolve(dirname(join(src, file)), specifier)).replace(/\\/g, '/').replace(/\.js$/, '.ts');

describe('browser-safe modules', () => {
  for (const file of BROWSER_SAFE) {
    it(`${file} imports at runtime only other browser-safe modules`, () => {
      const source = readFileSync(join(src, file), 'utf8');
      const offending = runtimeImports(source).filter((specifier) => !specifier.startsWith('.') || !BROWSER_SAFE.includes(target(file, specifier)));
      expect(offending).toEqual([]);
    });
  }

  it('the browser entry reaches no package at runtime, zod/mini included', () => {
    const reached = new Set<string>();
    const packages: string[] = [];
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const specifier of runtimeImports(readFileSync(join(src, file), 'utf8'))) {
        if (specifier.startsWith('.')) visit(target(file, specifier));
        else packages.push(`${file} → ${specifier}`);
      }
    };
    visit('browser.ts');
    expect(packages).toEqual([]);
    expect(reached.has('feed/check.ts')).toBe(true);
  });

  it('the check catches runtime imports in every form', () => {
    const sample = [
      "import { DateTime } from 'luxon';",
      "import * as z from 'zod';",
      "import * as m from 'zod/mini';",
      "import { type Rule } from './rules.schema.js';",
      "import 'rrule';",
      "export { x } from '../time/zoned.js';",
      "const m = await import('luxon');",
      "import type { Rule } from './rules.schema.js';",
      "export type { Rule } from './rules.schema.js';",
      "// import { DateTime } from 'luxon';",
    ].join('\n');
    expect(runtimeImports(sample)).toEqual(['luxon', 'zod', 'zod/mini', './rules.schema.js', '../time/zoned.js', 'rrule', 'luxon']);
  });
});
