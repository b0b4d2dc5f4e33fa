// `pnpm bench`: runs every `packages/*/bench/*.bench.mjs` and `apps/*/bench/*.bench.mjs` (each default-exports
// an async function returning result rows), prints them with their ratios, and writes bench/results.json.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, relative } from 'node:path';
import { execSync } from 'node:child_process';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

if (!process.env.BENCH_NO_BUILD) execSync('pnpm exec turbo run build --output-logs=errors-only', { cwd: root, stdio: 'inherit' });

const files = [];
for (const group of ['packages', 'apps']) {
  for (const dir of await readdir(join(root, group))) {
    const benchDir = join(root, group, dir, 'bench');
    if (!existsSync(benchDir)) continue;
    for (const f of await readdir(benchDir)) if (f.endsWith('.bench.mjs')) files.push(join(benchDir, f));
  }
}
// Suites that span packages live here: the RSVP server under load (`pnpm bench server`).
files.push(join(root, 'bench', 'server.mjs'));
// Notifications through the outbox against nodemailer straight (`pnpm bench notifications`).
files.push(join(root, 'bench', 'notifications.mjs'));
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const results = [];
let failed = 0;
for (const file of selected) {
  console.log(`\n▸ ${relative(root, file)}`);
  try {
    const mod = await import(pathToFileURL(file).href);
    for (const r of await mod.default()) {
      results.push({ file: relative(root, file), ...r });
      const ratio = r.ratio === null || r.ratio === undefined ? '' : `  ratio ${r.ratio}× vs baseline ${r.baseline} ${r.unit}`;
      const goal = r.goal ? `  (goal ${r.goal})` : '';
      console.log(`  ${r.name.padEnd(52)} ${String(r.value).padStart(10)} ${r.unit}${ratio}${goal}`);
    }
  } catch (error) {
    failed++;
    console.error(`  failed: ${error?.stack ?? error}`);
  }
}
// A run of some benchmarks keeps the other benchmarks' last results, so the file always covers everything.
let kept = [];
if (only.length && existsSync(join(root, 'bench', 'results.json'))) {
  const previous = JSON.parse(await readFile(join(root, 'bench', 'results.json'), 'utf8'));
  const ran = new Set(selected.map((f) => relative(root, f)));
  kept = (previous.results ?? []).filter((r) => !ran.has(r.file));
}
const out = { generatedAt: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, results: [...kept, ...results] };
await writeFile(join(root, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nwrote bench/results.json (${results.length} new, ${kept.length} kept from earlier runs)`);
process.exit(failed ? 1 : 0);
