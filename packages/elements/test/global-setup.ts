/**
 * Runs in Node before the browser tests: parses the seed catalogs (apps/demo/catalog/*.yaml) with
 * core's parseCatalog and writes their feeds to test/fixtures/<name>.feed.json for the tests to fetch.
 * Core is imported from source so no core build is needed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const here = dirname(fileURLToPath(import.meta.url));
const catalogDir = join(here, '../../../apps/demo/catalog');
const fixtureDir = join(here, 'fixtures');

/** The clock of every seed feed: fixed, so fixtures do not change from one day to the next. */
export const SEED_NOW = '2026-01-05T12:00:00Z';

export default async function setup(project: TestProject): Promise<void> {
  mkdirSync(fixtureDir, { recursive: true });
  const files = readdirSync(catalogDir).filter((f) => /\.ya?ml$/.test(f));
  const written = await writeSeedFeeds(files);
  project.provide('seedFeeds', written);
}

async function writeSeedFeeds(files: string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const core = await import('../../core/src/index.js');
  const written: string[] = [];
  for (const file of files) {
    const parsed = core.parseCatalog(readFileSync(join(catalogDir, file), 'utf8'));
    if (!parsed.ok) {
      const first = parsed.errors.slice(0, 5).map((e) => JSON.stringify(e)).join('\n');
      throw new Error(`seed catalog ${file} does not parse:\n${first}`);
    }
    const feed = core.buildFeed(parsed.catalog, { from: '2022-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z', now: SEED_NOW });
    const name = basename(file).replace(/\.ya?ml$/, '');
    writeFileSync(join(fixtureDir, `${name}.feed.json`), JSON.stringify(feed, null, 2));
    written.push(name);
  }
  return written;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names of the seed feeds written to test/fixtures/ (`<name>.feed.json`). */
    seedFeeds: string[];
  }
}
