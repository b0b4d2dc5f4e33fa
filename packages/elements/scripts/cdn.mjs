/**
 * The CDN build (esbuild), shared by the package build and the tests that load the bundle:
 *   <outdir>/mentorkit.js           one minified, self-contained file registering every tag, exporting
 *                                   nothing: a classic `<script>` runs it as well as a module script
 *   <outdir>/components/mk-*.js     one module per tag, shared code in components/chunks/
 *   <outdir>/locales/<lang>.js      a translation, imported by mentorkit.js only when a widget needs it
 *   <outdir>/autoloader.js          imports components/mk-*.js for tags that appear on the page
 *   <outdir>/mentorkit.css          holds each widget's space from the page's first paint (src/cdn/mentorkit.css)
 * `@mentorkit/core/browser` is bundled from core's source so the bundle never lags behind a stale
 * core build (npm users get core as a dependency instead).
 *
 * Minified builds also shorten the message ids (message-ids.mjs) and go through terser after esbuild
 * (see `remangle`).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minify as terser } from 'terser';
import { minifyTemplates } from './minify-templates.mjs';
import { assertAllUsed, messageIdMap, renameMessageIds } from './message-ids.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const coreBrowserEntry = join(root, '../core/src/browser.ts');

/** Tags with a define module in src/define/ (all but all.ts). */
export function definedTags() {
  return readdirSync(join(root, 'src/define'))
    .filter((f) => f.endsWith('.ts') && f !== 'all.ts')
    .map((f) => f.slice(0, -3))
    .sort();
}

/** Locales with a generated message catalogue in src/generated/locales/. */
export function translatedLocales() {
  return readdirSync(join(root, 'src/generated/locales'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * Leaves the translations that src/internal/localize.ts imports on demand out of the one-file bundle:
 * each `import('…/locales/<lang>.js')` of a module under src/ (the generated message catalogue, the
 * reason templates) becomes `import('./locales/<lang>.js')`, one file built beside the bundle from every
 * such module of that language (`localeEntriesPlugin`). `modules` collects them: lang → source files.
 * @param {Map<string, Set<string>>} modules
 */
function lazyLocalesPlugin(modules) {
  return {
    name: 'lazy-locales',
    setup(build) {
      build.onResolve({ filter: /\/locales\/[\w-]+\.js$/ }, (args) => {
        const source = join(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        if (args.kind !== 'dynamic-import' || !source.startsWith(join(root, 'src/'))) return undefined;
        if (!existsSync(source)) return { errors: [{ text: `${args.path}: no ${source}` }] };
        const lang = basename(source, '.ts');
        modules.set(lang, (modules.get(lang) ?? new Set()).add(source));
        return { path: `./locales/${lang}.js`, external: true };
      });
    },
  };
}

/**
 * The entry `locale:<lang>` of a locale file: a module re-exporting every module of that language met by
 * `lazyLocalesPlugin` (their export names differ: `templates`, `reasonMessages`).
 * @param {Map<string, Set<string>>} modules
 */
function localeEntriesPlugin(modules) {
  return {
    name: 'locale-entries',
    setup(build) {
      build.onResolve({ filter: /^locale:/ }, (args) => ({ path: args.path.slice('locale:'.length), namespace: 'locale' }));
      build.onLoad({ filter: /.*/, namespace: 'locale' }, (args) => ({
        contents: [...(modules.get(args.path) ?? [])].map((file) => `export * from ${JSON.stringify(file)};`).join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/**
 * The generated catalogues import only `str` from `@lit/localize`, whose main module would also bring
 * its global runtime (which the widgets do not use, see src/internal/localize.ts). Importing anything
 * else from it fails the build, as `str-tag.js` exports nothing more.
 */
const strOnlyPlugin = {
  name: 'lit-localize-str-only',
  setup(build) {
    build.onResolve({ filter: /^@lit\/localize$/ }, (args) =>
      build.resolve('@lit/localize/internal/str-tag.js', { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};

/**
 * Rewrites the sources esbuild loads (this package's and core's `src/`): short message ids, then Lit
 * templates without their layout whitespace (minify-templates.mjs). `used` collects the message ids
 * met in component code.
 */
function sourcePlugin(ids, used) {
  return {
    name: 'cdn-source',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const catalogue = /\/src\/generated\/locales\/[\w-]+\.ts$/.test(args.path);
        const renamed = renameMessageIds(source, args.path, ids, { catalogue, used });
        if (renamed.errors.length) return { errors: renamed.errors.map((text) => ({ text })) };
        return { contents: minifyTemplates(renamed.contents), loader: 'ts' };
      });
    },
  };
}

/** Every .js file under `dir`. */
const scripts = (dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));

/**
 * A second pass over esbuild's output, renaming variables only, source maps chained. esbuild already
 * shortened every name, but terser's choice of names compresses better: 0.7 KB less gzipped for the
 * one-file bundle, though the minified size barely changes. (terser's compressor as well measured
 * another 0.09 KB for two to three times the build time and many more transforms to trust: off.)
 * Output stays ASCII, as esbuild's was, so no charset can garble it (UTF-8 measured no smaller).
 */
async function remangle(outdir) {
  for (const file of scripts(outdir)) {
    const result = await terser(readFileSync(file, 'utf8'), {
      module: true,
      ecma: 2022,
      compress: false,
      // esbuild's `/*! For license information please see … */` pointer stays.
      format: { comments: /^!/, ascii_only: true },
      sourceMap: { content: readFileSync(`${file}.map`, 'utf8'), filename: basename(file), url: `${basename(file)}.map`, includeSources: true },
    });
    writeFileSync(file, result.code);
    writeFileSync(`${file}.map`, /** @type {string} */ (result.map));
  }
}

/**
 * Builds every file above into `outdir`, or with `only` (tag names without `mk-`) just `mentorkit.js`
 * registering those tags: what the one-file bundle would weigh with fewer elements in it, which the
 * benchmarks report for each element alone.
 * @param {{ outdir: string, minify?: boolean, only?: string[] }} options
 */
export async function buildCdn({ outdir, minify = true, only }) {
  const names = definedTags();
  const unknown = (only ?? []).filter((name) => !names.includes(name));
  if (unknown.length) throw new Error(`buildCdn: no define module for ${unknown.join(', ')} in src/define/ (there are ${names.join(', ')})`);
  // Chunk names carry content hashes: stale ones from an earlier build must not linger.
  rmSync(outdir, { recursive: true, force: true });
  const ids = minify ? messageIdMap(translatedLocales().map((locale) => join(root, `src/generated/locales/${locale}.ts`))) : undefined;
  const used = new Set();
  const common = {
    absWorkingDir: root,
    bundle: true,
    minify,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    sourcemap: true,
    // Lit's licence headers go to a .LEGAL.txt file beside each output.
    legalComments: 'linked',
    logLevel: 'warning',
    alias: { '@mentorkit/core/browser': coreBrowserEntry },
    plugins: [...(ids ? [sourcePlugin(ids, used)] : []), strOnlyPlugin],
  };
  const localeModules = new Map();
  await build({
    ...common,
    ...(only
      ? { stdin: { contents: only.map((name) => `export * from './src/define/${name}.js';`).join('\n'), resolveDir: root, sourcefile: 'only.ts', loader: 'ts' } }
      : { entryPoints: ['src/define/all.ts'] }),
    outfile: join(outdir, 'mentorkit.js'),
    // No top-level `export` (nor `import`): the file then runs alike from `<script type="module">` and a
    // classic `<script>`, which rejects module syntax with a bare "Unexpected token 'export'". Its
    // bindings stay inside the function, clear of the page's globals; strict as a module would be.
    // The locale files stay modules, loaded by `import()`, which classic scripts may call too.
    format: 'iife',
    banner: { js: '"use strict";' },
    plugins: [...common.plugins, lazyLocalesPlugin(localeModules)],
  });
  if (only) {
    if (ids) await remangle(outdir);
    return only.map((n) => `mk-${n}`);
  }
  await build({
    ...common,
    entryPoints: Object.fromEntries([...localeModules.keys()].map((lang) => [lang, `locale:${lang}`])),
    outdir: join(outdir, 'locales'),
    plugins: [...common.plugins, localeEntriesPlugin(localeModules)],
  });
  await build({
    ...common,
    entryPoints: Object.fromEntries(names.map((name) => [`mk-${name}`, `src/define/${name}.ts`])),
    outdir: join(outdir, 'components'),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  await build({
    ...common,
    entryPoints: ['src/cdn/autoloader.ts'],
    outfile: join(outdir, 'autoloader.js'),
    define: { __MK_TAGS__: JSON.stringify(names.map((n) => `mk-${n}`)) },
  });
  await build({ absWorkingDir: root, entryPoints: ['src/cdn/mentorkit.css'], outfile: join(outdir, 'mentorkit.css'), minify, logLevel: 'warning' });
  if (ids) {
    assertAllUsed(ids, used);
    await remangle(outdir);
  }
  return names.map((n) => `mk-${n}`);
}
