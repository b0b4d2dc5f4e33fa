// Writes what the stories read into src/data/ (gitignored), before `storybook dev`, `storybook build` and
// the story tests:
//
//   <catalog>.feed.json     the feed of each seed catalog (apps/demo/catalog/*.yaml), built with core's
//                           own parseCatalog and buildFeed, so stories show real programs, not fixtures
//   custom-elements.json    the Custom Elements Manifest of @mentorkit/elements, made by the package's
//                           own analyzer config from the components' JSDoc (docs and controls come from it)
//
// Both are made from source so that Storybook needs no package build first and always shows the current
// components and catalogs. Core runs through Vite's module runner, like the stories.
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runnerImport } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const catalogDir = join(here, '../../demo/catalog');
const outDir = join(here, '../src/data');
const coreSource = join(here, '../../../packages/core/src/index.ts');
const elementsDir = await realpath(join(here, '../node_modules/@mentorkit/elements'));

/**
 * The feeds' generation time and expansion window. Fixed, so the data is the same on every run; each
 * story sets its own `now` to show upcoming, past or RSVP states.
 */
const FEED_OPTIONS = { now: '2026-01-05T12:00:00Z', from: '2022-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' };

async function writeFeeds() {
  /** @type {{ module: typeof import('@mentorkit/core') }} */
  const { module: core } = await runnerImport('@mentorkit/core', {
    configFile: false,
    logLevel: 'error',
    resolve: { alias: { '@mentorkit/core': coreSource } },
  });
  const files = (await readdir(catalogDir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) throw new Error(`no seed catalogs (*.yaml) in ${catalogDir}`);
  const written = [];
  for (const file of files) {
    const path = join(catalogDir, file);
    const parsed = core.parseCatalog(await readFile(path, 'utf8'));
    if (!parsed.ok) {
      throw new Error(`seed catalog ${path} does not parse:\n${core.formatCatalogErrors(parsed.errors.slice(0, 10), path)}`);
    }
    const feed = core.buildFeed(parsed.catalog, FEED_OPTIONS);
    const name = basename(file).replace(/\.ya?ml$/, '');
    await replaceFile(join(outDir, `${name}.feed.json`), `${JSON.stringify(feed, null, 2)}\n`);
    written.push(`${name} (${feed.workshops.length} workshops, ${feed.resources.length} resources, ${feed.curricula.length} curricula)`);
  }
  // Feeds of catalogs that are gone.
  const keep = new Set(files.map((f) => `${basename(f).replace(/\.ya?ml$/, '')}.feed.json`));
  for (const stale of (await readdir(outDir)).filter((f) => f.endsWith('.feed.json') && !keep.has(f))) await rm(join(outDir, stale));
  return written;
}

/**
 * Writes a file whole or not at all (a new file renamed over the old), so that a Storybook build or
 * test run reading src/data/ while another run rewrites it never sees half a file.
 */
async function replaceFile(path, content) {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

async function writeManifest() {
  const bin = join(elementsDir, 'node_modules/.bin/custom-elements-manifest');
  const scratch = join(outDir, `.manifest.${process.pid}.tmp`);
  // The analyzer resolves --outdir against its working directory.
  const args = ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(elementsDir, scratch)];
  try {
    await promisify(execFile)(bin, args, { cwd: elementsDir });
  } catch (error) {
    throw new Error(`the Custom Elements Manifest could not be made in ${elementsDir}:\n${error.stderr || error.message}`, { cause: error });
  }
  const text = await readFile(join(scratch, 'custom-elements.json'), 'utf8');
  await rm(scratch, { recursive: true, force: true });
  await replaceFile(join(outDir, 'custom-elements.json'), text);
  const manifest = JSON.parse(text);
  return manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [`<${d.tagName}>`] : []));
}

const started = performance.now();
await mkdir(outDir, { recursive: true });
const [feeds, tags] = await Promise.all([writeFeeds(), writeManifest()]);
console.log(`storybook data in ${Math.round(performance.now() - started)} ms: feeds ${feeds.join('; ')}; manifest ${tags.join(' ')}`);
