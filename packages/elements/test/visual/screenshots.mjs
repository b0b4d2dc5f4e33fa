/**
 * Design review: renders the widgets (light and dark, list and form) in Chromium and writes PNGs to the
 * directory given as the first argument (default /tmp/mk-shots). Not a test: for people to look at.
 *   node test/visual/screenshots.mjs [outDir]
 */
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? '/tmp/mk-shots';
mkdirSync(out, { recursive: true });
const bundle = await build({
  entryPoints: [join(here, 'demo.ts')],
  bundle: true,
  format: 'esm',
  write: false,
  alias: { '@mentorkit/core/browser': join(here, '../../../core/src/browser.ts') },
});
const js = bundle.outputFiles[0].text;
const server = createServer((req, res) => {
  if (req.url?.startsWith('/demo.js')) return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js);
  res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>demo</title><script type="module" src="/demo.js"></script>');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1 });
page.on('pageerror', (e) => console.error('page error:', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
const shots = [
  ['list-light', '?widget=list&theme=light'],
  ['list-dark', '?widget=list&theme=dark'],
  ['list-past', '?widget=list&theme=light&view=past'],
  ['list-es', '?widget=list&theme=light&lang=es'],
  ['form-light', '?widget=form&theme=light'],
  ['form-dark', '?widget=form&theme=dark'],
  ['form-errors', '?widget=form&theme=light&submit=1'],
  ['form-narrow', '?widget=form&theme=light&workshop=new-semester&now=2026-01-05T12:00:00Z'],
  // Theme unset follows the host page; a theme unlike the page brings its own surface.
  ['list-dark-host-unset', '?widget=list&theme=unset&host=dark'],
  ['form-dark-host-unset', '?widget=form&theme=unset&host=dark'],
  ['list-dark-host-light', '?widget=list&theme=light&host=dark'],
  ['form-light-host-dark', '?widget=form&theme=dark&host=light'],
];
for (const [name, query] of shots) {
  await page.setViewportSize({ width: name.endsWith('narrow') ? 380 : 900, height: 1200 });
  await page.goto(`http://127.0.0.1:${port}/${query}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
