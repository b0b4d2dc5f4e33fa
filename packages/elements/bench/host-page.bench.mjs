// @mentorkit/elements on host pages: layout shift (CLS) of the seed pages while their widgets load, with
// and without the no-JS fallback inside the tags (and without it, also without the mentorkit.css the pages
// link, which holds each widget's space before the script has loaded), and requests per feed per page
// (several widgets on one feed). The pages are the demo's (apps/demo/site), their feeds and fallbacks built
// here with the CLI, the widgets from this package's dist/cdn after a delay (as from a CDN; mentorkit.css,
// render-blocking like the site's own stylesheet, is served as that is), and every feed answered after a
// longer one, as a slow feed would be. A page that shifts has its shifting elements printed (what moved, from
// where to where), the cause to look for. Also reported: the blank space widgets still hold once loaded (the
// price of holding space without fallback content), and the CLS of then scrolling to the end and back.
// `BENCH_QUICK=1` measures the pages once, without fallback only (the harder case); it can be run alone:
// `BENCH_QUICK=1 node -e "import('./bench/host-page.bench.mjs').then((m) => m.default()).then(console.table)"`.
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

/** The seed pages link mentorkit.css from beside the bundle. */
const STYLESHEET = '<link rel="stylesheet" href="cdn/mentorkit.css">';

/** How a page is served: as the demo ships it (with fallbacks), without them, or without them and the stylesheet. */
const VARIANTS = { fallback: 'with fallback', none: 'without fallback', bare: 'without fallback or mentorkit.css' };

/** A demo page in one of the VARIANTS. */
function pageHtml(page, feeds, variant) {
  const html = readFileSync(join(demo, 'site', page), 'utf8');
  if (!html.includes(STYLESHEET)) throw new Error(`${page} does not link mentorkit.css as ${STYLESHEET}`);
  return html
    .replace(STYLESHEET, variant === 'bare' ? '' : STYLESHEET)
    .replace(/<!-- fallback:([\w-]+)\/([\w/-]+) -->/g, (_, feed, widget) => (variant === 'fallback' ? readFileSync(join(feeds, feed, 'fallback', `${widget}.html`), 'utf8') : ''));
}

/**
 * Blank space the page's widgets still hold in the viewport once loaded (px): for each widget, what lies in
 * view between the end of its content (its height without the hold) and the end of the space it holds.
 */
function heldInView() {
  let blank = 0;
  for (const widget of document.querySelectorAll('mk-workshop-list, mk-resource-list, mk-curriculum, mk-program, mk-rsvp-form')) {
    const { bottom } = widget.getBoundingClientRect();
    const before = widget.style.minHeight;
    widget.style.minHeight = '0px';
    const end = widget.getBoundingClientRect().bottom;
    widget.style.minHeight = before;
    blank += Math.max(0, Math.min(bottom, innerHeight) - Math.max(end, 0));
  }
  return Math.round(blank);
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
    if (path.startsWith('/cdn/')) return send(join(cdn, path.slice(5)), path.endsWith('.css') ? 0 : SCRIPT_DELAY_MS);
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
    for (const served of quick ? ['none'] : ['fallback', 'none', 'bare']) {
      variant = served;
      const label = VARIANTS[served];
      let worst = 0;
      let requestsWorst = 0;
      let heldWorst = 0;
      let scrollWorst = 0;
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
        heldWorst = Math.max(heldWorst, await tab.evaluate(heldInView));
        if (cls > 0) console.log(`  ${page} ${label} shifts:\n${(await tab.evaluate(() => window.__shifts)).map((s) => `    ${s}`).join('\n')}`);
        worst = Math.max(worst, cls);
        requestsWorst = Math.max(requestsWorst, ...perFeed.values());
        rows.push(row(`CLS while the widgets load, ${page} ${label}`, cls, 'score', null, served === 'bare' ? null : '0'));
        // Then a reader scrolls to the end and back (the wheel is no input that excuses a shift): held space
        // given back as widgets leave the view must move nothing.
        await tab.evaluate(() => {
          window.__cls = 0;
          window.__shifts = [];
        });
        const end = await tab.evaluate(() => document.documentElement.scrollHeight);
        for (const step of [200, -200]) {
          for (let i = 0; i < Math.ceil(end / 200) + 2; i++) {
            await tab.mouse.wheel(0, step);
            await tab.waitForTimeout(40);
          }
        }
        await tab.waitForTimeout(300);
        const scrolling = await tab.evaluate(() => window.__cls);
        if (scrolling > 0) console.log(`  ${page} ${label} shifts while scrolling:\n${(await tab.evaluate(() => window.__shifts)).map((s) => `    ${s}`).join('\n')}`);
        scrollWorst = Math.max(scrollWorst, scrolling);
        await context.close();
      }
      // Without its stylesheet a page holds no space before the script has run: nothing of the widget can.
      rows.push(row(`CLS, worst seed page ${label}`, worst, 'score', null, served === 'bare' ? null : '0'));
      rows.push(row(`CLS while scrolling through once loaded, worst seed page ${label}`, scrollWorst, 'score', null, '0'));
      rows.push(row(`blank space held in view once loaded, worst seed page ${label}`, heldWorst, 'px', null, null));
      rows.push(row(`requests per feed per page, worst seed page ${label}`, requestsWorst, 'requests', null, '1'));
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(feeds, { recursive: true, force: true });
  }
  return rows;
}
