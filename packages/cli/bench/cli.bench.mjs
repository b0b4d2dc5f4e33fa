// How long `mentorkit build` takes on a catalog of 5,000 workshops (in-process through `run`, writing
// every output to a temporary folder), against a baseline from the same run: merely parsing the same
// catalog with core's parseCatalog and serialising it with JSON.stringify. The ratio says what the
// checks, lint, feed, calendars, JSON-LD, HTML and file writes cost on top of reading the catalog.
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseCatalog } from '@mentorkit/core';
import { row } from '../../../bench/lib.mjs';
import { run } from '../dist/index.js';
import { generateCatalogYaml } from '../test/support/generate-catalog.mjs';

const WORKSHOPS = 5000;
const NOW = '2026-06-01T00:00:00Z';

/** Median of `rounds` timings of each function, run alternately so that drift affects both alike. */
async function alternate(fns, rounds) {
  const samples = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      samples[i].push(performance.now() - t0);
    }
  }
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]);
}

async function sizeOf(dir) {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

export default async function bench() {
  const dir = await mkdtemp(join(tmpdir(), 'mentorkit-cli-bench-'));
  try {
    const catalog = join(dir, 'catalog.yaml');
    await writeFile(catalog, generateCatalogYaml({ workshops: WORKSHOPS }));
    const text = await readFile(catalog, 'utf8');
    const out = join(dir, 'out');
    const sink = { write: () => true };
    const io = { stdout: sink, stderr: sink, env: {} };

    const build = async () => {
      const code = await run(['build', catalog, '--out', out, '--now', NOW], io);
      if (code !== 0) throw new Error(`mentorkit build exited ${code}`);
    };
    const check = async () => {
      const code = await run(['check', catalog, '--now', NOW], io);
      if (code !== 0) throw new Error(`mentorkit check exited ${code}`);
    };
    const baseline = async () => {
      const parsed = parseCatalog(text);
      if (!parsed.ok) throw new Error('the generated catalog does not parse');
      if (JSON.stringify(parsed.catalog).length === 0) throw new Error('empty');
    };

    await build(); // warm-up, and the output whose size is reported
    const rounds = process.env.BENCH_QUICK ? 1 : 3;
    const [buildMs, checkMs, baseMs] = await alternate([build, check, baseline], rounds);
    const megabytes = (await sizeOf(out)) / 1e6;
    return [
      row(`cli build, ${WORKSHOPS} workshops (vs parse + JSON.stringify)`, buildMs / 1000, 's', baseMs / 1000),
      row(`cli check, ${WORKSHOPS} workshops (vs parse + JSON.stringify)`, checkMs / 1000, 's', baseMs / 1000),
      row(`cli build output, ${WORKSHOPS} workshops`, megabytes, 'MB'),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
