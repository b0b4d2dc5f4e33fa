// @mentorkit/elements: bundle sizes (gzip) of the CDN files, first render of 1,000 workshops in Chromium
// against a hand-written createElement baseline in the same run, and filter time over 1,000 workshops.
// Needs a build (dist/cdn); run with `BENCH_NO_BUILD=1 node bench/run.mjs elements` after `pnpm build`.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { row } from '../../../bench/lib.mjs';
import { largeFeed } from './large-feed.mjs';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { buildCdn, definedTags } from '../scripts/cdn.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cdn = join(here, '../dist/cdn');
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** A CDN module's own size plus every chunk it imports (what a page loading only it downloads). */
function withChunks(file, seen = new Set()) {
  if (seen.has(file)) return 0;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  let total = gz(file);
  for (const m of text.matchAll(/(?:from|import)\s*"(\.\/chunks\/[^"]+|\.\.?\/[^"]+)"/g)) total += withChunks(join(dirname(file), m[1]), seen);
  return total;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function bench() {
  if (!existsSync(join(cdn, 'mentorkit.js'))) throw new Error(`no ${cdn}/mentorkit.js: run \`pnpm --filter @mentorkit/elements build\` first`);
  const rows = [row('cdn mentorkit.js (all tags), gzip', gz(join(cdn, 'mentorkit.js')), 'KB', null, '≤ 25 KB'), row('cdn mentorkit.css, gzip', gz(join(cdn, 'mentorkit.css')), 'KB')];
  for (const f of readdirSync(join(cdn, 'components')).filter((x) => x.endsWith('.js')).sort()) {
    rows.push(row(`cdn components/${f} with its chunks, gzip`, withChunks(join(cdn, 'components', f)), 'KB'));
  }
  // A list + form page (the README's embed) through the autoloader: both modules and every chunk either imports, each counted once.
  const page = new Set();
  const pageSize = withChunks(join(cdn, 'components', 'mk-workshop-list.js'), page) + withChunks(join(cdn, 'components', 'mk-rsvp-form.js'), page);
  rows.push(row('cdn list + form page through the autoloader (both modules and their chunks), gzip', pageSize, 'KB', null, '≤ 25 KB'));
  rows.push(row('cdn autoloader.js, gzip', gz(join(cdn, 'autoloader.js')), 'KB'));
  // The one-file bundle with a single element in it: each element's share of the 25 KB goal.
  const alone = mkdtempSync(join(tmpdir(), 'mk-alone-'));
  try {
    for (const name of definedTags()) {
      await buildCdn({ outdir: alone, only: [name] });
      rows.push(row(`cdn mentorkit.js with only mk-${name}, gzip`, gz(join(alone, 'mentorkit.js')), 'KB'));
    }
    // The same page from one file built for exactly that pair.
    await buildCdn({ outdir: alone, only: ['workshop-list', 'rsvp-form'] });
    rows.push(row('cdn list + form page, one file with only the two, gzip', gz(join(alone, 'mentorkit.js')), 'KB', null, '≤ 25 KB'));
  } finally {
    rmSync(alone, { recursive: true, force: true });
  }

  const quick = Boolean(process.env.BENCH_QUICK);
  const feed = JSON.stringify(largeFeed(1000, new Date('2026-01-05T12:00:00Z')));
  const files = { '/': readFileSync(join(here, 'index.html')), '/mentorkit.js': readFileSync(join(cdn, 'mentorkit.js')), '/page.js': readFileSync(join(here, 'page.js')), '/feed.json': feed };
  const types = { html: 'text/html', json: 'application/json', js: 'text/javascript' };
  const server = createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[/\.(\w+)$/.exec(req.url)?.[1] ?? 'html'] }).end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.benchReady === true);
    // The ratio means something only while the baseline builds what the widget builds.
    const differs = await page.evaluate(() => window.sameMarkup());
    if (differs) throw new Error(`the baseline's markup differs from the widget's:\n  widget:   …${differs.widget}…\n  baseline: …${differs.baseline}…`);
    const ours = [];
    const baseline = [];
    const runs = quick ? 3 : 11;
    // Each measurement in a freshly loaded page, so both start cold (no formatter or result caches),
    // alternating so that drift on a busy machine hits both alike.
    const fresh = async () => {
      await page.reload();
      await page.waitForFunction(() => window.benchReady === true);
    };
    const firstScreen = [];
    for (let i = 0; i < runs; i++) {
      await fresh();
      ours.push(await page.evaluate(() => window.renderOurs()));
      await fresh();
      firstScreen.push(await page.evaluate(() => window.firstScreenOurs()));
      await fresh();
      baseline.push(await page.evaluate(() => window.renderBaseline()));
    }
    rows.push(row('first render, 1,000 workshops (incl. feed validation)', median(ours), 'ms', median(baseline), '≤ 1.3× createElement'));
    // Rendering in slices costs the whole render time (above) and gives the first screen at once (the
    // baseline, one task, shows nothing before all of it).
    rows.push(row('first screen shown, 1,000 workshops (incl. feed validation; vs the whole baseline render)', median(firstScreen), 'ms', median(baseline)));
    // Main-thread blocking on the host page: total blocking time and the longest task, at 1× and 4× CPU.
    const cdp = await page.context().newCDPSession(page);
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const a = [];
      const b = [];
      for (let i = 0; i < (quick ? 2 : 5); i++) {
        await fresh();
        a.push(await page.evaluate(() => window.blockingOurs()));
        await fresh();
        b.push(await page.evaluate(() => window.blockingBaseline()));
      }
      const tbt = (xs) => median(xs.map((x) => x.tbt));
      const longest = (xs) => median(xs.map((x) => x.longest));
      // A ratio needs a baseline above zero; the hand-written page always blocks for a while.
      rows.push(row(`total blocking time, 1,000 workshops, ${rate}× CPU`, tbt(a), 'ms', tbt(b) || null, '≤ 1.0× hand-written'));
      rows.push(row(`longest task, 1,000 workshops, ${rate}× CPU`, longest(a), 'ms', longest(b) || null, rate === 1 ? '≤ 50 ms' : null));
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Filter changes in alternating batches too, pooled, so a slow spell of the machine hits both.
    const filterOurs = [];
    const filterBaseline = [];
    for (let i = 0; i < (quick ? 1 : 4); i++) {
      await fresh();
      const a = await page.evaluate((n) => window.filterOurs(n), quick ? 12 : 30);
      await fresh();
      const b = await page.evaluate((n) => window.filterBaseline(n), quick ? 12 : 30);
      if (String(a.shown) !== String(b.shown)) throw new Error(`the baseline's filters show ${b.shown} workshops per step, the widget's ${a.shown}`);
      filterOurs.push(...a.samples);
      filterBaseline.push(...b.samples);
    }
    rows.push(row('filter change → updated render, 1,000 workshops (median)', median(filterOurs), 'ms', median(filterBaseline), '≤ 16 ms'));
    rows.push(row('filter change → updated render, 1,000 workshops (worst)', Math.max(...filterOurs), 'ms', Math.max(...filterBaseline)));
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
