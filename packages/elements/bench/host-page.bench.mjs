// @mentorkit/elements on host pages: layout shift (CLS) of the seed pages while their widgets load, with
// and without the no-JS fallback inside the tags (and without it, with the page holding space in its CSS as
// docs/embedding.md shows), and requests per feed per page (several widgets on one feed). The pages are the
// demo's (apps/demo/site), their feeds and fallbacks built here with the CLI, the
// widgets from this package's dist/cdn after a delay (as from a CDN), and every feed answered after a
// longer one, as a slow feed would be. A page that shifts has its shifting elements printed (what moved, from
// where to where), the cause to look for. `BENCH_QUICK=1` measures the pages once, without fallback only (the
// harder case); it can be run alone: `BENCH_QUICK=1 node -e "import('./bench/host-page.bench.mjs').then((m) => m.default()).then(console.table)"`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { row } from '../../../bench/lib.mjs';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const cdn = join(here, '../dist/cdn');
const demo = join(root, 'apps/demo');
const cli = join(root, 'packages/cli/dist/bin.js');
/** Pages served statically (try-rsvp.html needs the demo's RSVP server). */
const PAGES = ['index.html', 'mentoring-up.html', 'resources.html'];
const FEED_DELAY_MS = 600;
/** The bundle comes from a CDN: the page is painted (fallbacks and all) before the widgets start. */
const SCRIPT_DELAY_MS = 1000;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.ics': 'text/calendar' };

/** Feeds and fallbacks of the seed catalogs, built with the CLI into a temporary folder. */
function buildFeeds(out) {
  for (const file of readdirSync(join(demo, 'catalog')).filter((f) => f.endsWith('.yaml'))) {
    const name = file.replace(/\.yaml$/, '');
    const args = ['build', join(demo, 'catalog', file), '--out', join(out, name), '--now', '2022-10-05T12:00:00Z', '--from', '2020-01-01T00:00:00Z', '--to', '2028-01-01T00:00:00Z', '--accept', 'placeholder-text'];
    execFileSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

/**
 * The page's own CSS of the third variant: no fallback content, but space held for each widget as
 * docs/embedding.md shows ("Layout while widgets load"), a viewport's height, also before the script loads.
 */
const RESERVE_CSS = `<style>
:where(mk-workshop-list, mk-resource-list, mk-curriculum, mk-program, mk-rsvp-form) { --mk-reserve-height: 100vh; }
:where(mk-workshop-list, mk-resource-list, mk-curriculum, mk-program, mk-rsvp-form):not(:defined):empty { display: block; min-height: var(--mk-reserve-height); }
</style>`;

/** How a page is served: with its fallbacks, without them, or without them but holding space in its CSS. */
const VARIANTS = { fallback: 'with fallback', none: 'without fallback', reserve: 'without fallback, space held by the page' };

/** A demo page in one of the VARIANTS. */
function pageHtml(page, feeds, variant) {
  const html = readFileSync(join(demo, 'site', page), 'utf8').replace('</head>', variant === 'reserve' ? `${RESERVE_CSS}\n</head>` : '</head>');
  return html.replace(/<!-- fallback:([\w-]+)\/([\w/-]+) -->/g, (_, feed, widget) => (variant === 'fallback' ? readFileSync(join(feeds, feed, 'fallback', `${widget}.html`), 'utf8') : ''));
}

export default async function bench() {
  if (!existsSync(join(cdn, 'mentorkit.js'))) throw new Error(`no ${cdn}/mentorkit.js: run \`pnpm --filter @mentorkit/elements build\` first`);
  if (!existsSync(cli)) throw new Error(`no ${cli}: run \`pnpm --filter @mentorkit/cli build\` first`);
  const feeds = mkdtempSync(join(tmpdir(), 'mk-host-feeds-'));
  buildFeeds(feeds);
  let variant = 'fallback';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = normalize(decodeURIComponent(url.pathname));
    const send = (file, delay = 0) => {
      if (!existsSync(file)) return res.writeHead(404).end();
      setTimeout(() => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(readFileSync(file)), delay);
    };
    if (path.startsWith('/cdn/')) return send(join(cdn, path.slice(5)), SCRIPT_DELAY_MS);
    if (path.startsWith('/feeds/')) return send(join(feeds, path.slice(7)), path.endsWith('.json') ? FEED_DELAY_MS : 0);
    const page = path.slice(1) || 'index.html';
    if (PAGES.includes(page)) return res.writeHead(200, { 'Content-Type': 'text/html' }).end(pageHtml(page, feeds, variant));
    return send(join(demo, 'site', page));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  const rows = [];
  try {
    const quick = Boolean(process.env.BENCH_QUICK);
    for (const served of quick ? ['none'] : ['fallback', 'none', 'reserve']) {
      variant = served;
      const label = VARIANTS[served];
      let worst = 0;
      let requestsWorst = 0;
      for (const page of PAGES) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const tab = await context.newPage();
        await tab.addInitScript(() => {
          window.__cls = 0;
          window.__shifts = [];
          /** An element as a selector-like name, through shadow roots: `mk-program > div.state`. */
          const name = (node) => {
            const parts = [];
            for (let n = node; n && n.nodeType === 1; n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentElement) {
              parts.unshift(n.localName + (n.id ? `#${n.id}` : '') + (typeof n.className === 'string' && n.className ? `.${n.className.trim().split(/\s+/).join('.')}` : ''));
              if (n.localName.startsWith('mk-') || n.localName === 'main') break;
            }
            return parts.join(' > ') || String(node?.nodeName);
          };
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              if (e.hadRecentInput) continue;
              window.__cls += e.value;
              const rect = (r) => `${Math.round(r.y)}+${Math.round(r.height)}`;
              for (const s of e.sources ?? []) window.__shifts.push(`${e.value.toFixed(3)} ${name(s.node)}: y ${rect(s.previousRect)} → ${rect(s.currentRect)}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        const perFeed = new Map();
        tab.on('request', (r) => {
          if (r.url().endsWith('/feed.json')) perFeed.set(r.url(), (perFeed.get(r.url()) ?? 0) + 1);
        });
        await tab.goto(`${base}/${page}`);
        // Every widget settled: defined, and none still loading.
        const messages = [];
        tab.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
        tab.on('pageerror', (e) => messages.push(`error: ${e.message}`));
        await tab
          .waitForFunction(() => {
            const widgets = [...document.querySelectorAll('mk-workshop-list, mk-rsvp-form, mk-curriculum, mk-resource-list')];
            return widgets.length > 0 && widgets.every((w) => w.shadowRoot && !w.shadowRoot.querySelector('[aria-busy="true"], [part="fallback"]'));
          }, null, { timeout: 20_000 })
          .catch(async (error) => {
            // Say which widgets never settled, and what the page said.
            const busy = await tab.evaluate(() =>
              [...document.querySelectorAll('mk-workshop-list, mk-rsvp-form, mk-curriculum, mk-resource-list')]
                .filter((w) => !w.shadowRoot || w.shadowRoot.querySelector('[aria-busy="true"], [part="fallback"]'))
                .map((w) => `<${w.localName}> ${w.shadowRoot ? w.shadowRoot.querySelector('[aria-busy="true"], [part="fallback"]').outerHTML.slice(0, 120) : 'not upgraded'}`),
            );
            throw new Error(`${page}: widgets still loading after 20 s:\n  ${busy.join('\n  ')}\npage console:\n  ${messages.join('\n  ')}`, { cause: error });
          });
        await tab.waitForTimeout(500);
        const cls = await tab.evaluate(() => window.__cls);
        if (cls > 0) console.log(`  ${page} ${label} shifts:\n${(await tab.evaluate(() => window.__shifts)).map((s) => `    ${s}`).join('\n')}`);
        worst = Math.max(worst, cls);
        requestsWorst = Math.max(requestsWorst, ...perFeed.values());
        rows.push(row(`CLS while the widgets load, ${page} ${label}`, cls, 'score', null, '0'));
        await context.close();
      }
      rows.push(row(`CLS, worst seed page ${label}`, worst, 'score', null, '0'));
      rows.push(row(`requests per feed per page, worst seed page ${label}`, requestsWorst, 'requests', null, '1'));
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(feeds, { recursive: true, force: true });
  }
  return rows;
}
