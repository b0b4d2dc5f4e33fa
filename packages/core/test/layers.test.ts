/**
 * Imports point one way: `common/` (ids, shared schemas) is the ground every context stands on; the
 * contexts (audience, curriculum, session, rules, rsvp, …) build on it; `catalog/` is the aggregate that
 * gathers every context (the catalog schema, parse, references, lint) and is used only by what works over a
 * whole catalog (export, feed, query, and the workshop functions that look up programs and policies).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const IMPORT = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm;

function importsOf(file: string): string[] {
  const code = readFileSync(join(src, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return [...code.matchAll(IMPORT)].map((m) => m[1]!);
}

function filesIn(folder: string): string[] {
  return readdirSync(join(src, folder))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `${folder}/${f}`);
}

const CONTEXTS = ['audience', 'calendar', 'curriculum', 'people', 'program', 'recurrence', 'resource', 'rsvp', 'rules', 'session', 'time'];

describe('import direction', () => {
  it('common/ imports nothing of mentorkit outside itself', () => {
    for (const file of filesIn('common')) {
      expect(importsOf(file).filter((s) => s.startsWith('.') && !s.startsWith('./')), file).toEqual([]);
    }
  });

  it('the contexts, and every schema, never import the catalog aggregate', () => {
    const files = [...CONTEXTS.flatMap(filesIn), ...filesIn('workshop').filter((f) => f.endsWith('.schema.ts'))];
    for (const file of files) expect(importsOf(file).filter((s) => s.includes('/catalog/')), file).toEqual([]);
  });

  it('the catalog aggregate is not imported by common/', () => {
    for (const file of filesIn('common')) expect(importsOf(file).filter((s) => s.includes('catalog')), file).toEqual([]);
  });
});
