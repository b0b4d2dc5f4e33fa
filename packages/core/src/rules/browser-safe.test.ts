/**
 * The widgets bundle the rule evaluator and the window status check on their own, so these modules must
 * not pull luxon, rrule or classic zod in at runtime. This reads their sources and fails on any runtime
 * import other than another browser-safe module. (`import { type X }` still counts as a runtime import:
 * with verbatimModuleSyntax it compiles to `import {} from …`, which loads the module.)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The browser entry and everything it exports; zod/mini is the one package allowed (the feed schema).
const BROWSER_SAFE = ['browser.ts', 'feed/feed.schema.ts', 'export/calendar-links.ts', 'export/location-text.ts', 'rules/reasons.ts', 'rules/evaluate.ts', 'rsvp/status.ts', 'rsvp/allocate.ts', 'rsvp/prng.ts', 'rsvp/instant.ts', 'calendar/calendar.ts'];

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

describe('browser-safe modules', () => {
  for (const file of BROWSER_SAFE) {
    it(`${file} imports at runtime only other browser-safe modules`, () => {
      const source = readFileSync(join(src, file), 'utf8');
      const offending = runtimeImports(source).filter((specifier) => {
        if (!specifier.startsWith('.')) return specifier !== 'zod/mini';
        const target = relative(src, resolve(dirname(join(src, file)), specifier)).replace(/\\/g, '/').replace(/\.js$/, '.ts');
        return !BROWSER_SAFE.includes(target);
      });
      expect(offending).toEqual([]);
    });
  }

  it('the check catches runtime imports in every form', () => {
    const sample = [
      "import { DateTime } from 'luxon';",
      "import * as z from 'zod';",
      "import { type Rule } from './rules.schema.js';",
      "import 'rrule';",
      "export { x } from '../time/zoned.js';",
      "const m = await import('luxon');",
      "import type { Rule } from './rules.schema.js';",
      "export type { Rule } from './rules.schema.js';",
      "// import { DateTime } from 'luxon';",
    ].join('\n');
    expect(runtimeImports(sample)).toEqual(['luxon', 'zod', './rules.schema.js', '../time/zoned.js', 'rrule', 'luxon']);
  });
});
