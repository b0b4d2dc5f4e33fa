// Builds the demo site into dist/: for each seed catalog, the static feed, calendars and no-JS fallbacks
// (with the real `mentorkit build`), the widgets' CDN bundle, and the pages.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, 'dist');
const cli = join(here, '../../packages/cli/dist/bin.js');
// The demo shows the seed pages as of a fixed date so that it reads the same on every run; the widgets
// compute "upcoming" and "past" from the viewer's clock.
const now = process.env.DEMO_NOW ?? new Date().toISOString();

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
for (const file of (await readdir(join(here, 'catalog'))).filter((f) => f.endsWith('.yaml'))) {
  const name = file.replace(/\.yaml$/, '');
  // The seed pages are shown as published, including the CMS placeholder text one of them still carries
  // (the lint reports it; the demo accepts it by name rather than hiding it).
  const args = ['build', join(here, 'catalog', file), '--out', join(dist, 'feeds', name), '--now', now, '--from', '2020-01-01T00:00:00Z', '--to', '2028-01-01T00:00:00Z', '--accept', 'placeholder-text'];
  execFileSync(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
await cp(join(here, '../../packages/elements/dist/cdn'), join(dist, 'cdn'), { recursive: true });
await cp(join(here, 'site'), dist, { recursive: true });
// Put each widget's no-JavaScript fallback inside its tag, so the page shows content before (or without) scripts.
// The fallback may be in a folder of its own (`hide-title/program-<id>` for `<mk-program hide-title>`).
for (const page of (await readdir(dist)).filter((f) => f.endsWith('.html'))) {
  const path = join(dist, page);
  const html = await readFile(path, 'utf8');
  const filled = await replaceAsync(html, /<!-- fallback:([\w-]+)\/([\w/-]+) -->/g, async (_, feed, widget) =>
    readFile(join(dist, 'feeds', feed, 'fallback', `${widget}.html`), 'utf8'),
  );
  await writeFile(path, filled);
}
console.log(`demo built into ${dist}`);

async function replaceAsync(text, pattern, replacer) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), await replacer(...match));
    last = match.index + match[0].length;
  }
  return parts.join('') + text.slice(last);
}
