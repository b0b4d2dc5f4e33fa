/**
 * The CDN build (esbuild), shared by the package build and the tests that load the bundle:
 *   <outdir>/mentorkit.js           one minified, self-contained file registering every tag
 *   <outdir>/components/mk-*.js     one module per tag, shared code in components/chunks/
 *   <outdir>/locales/<lang>.js      a translation, imported by mentorkit.js only when a widget needs it
 *   <outdir>/autoloader.js          imports components/mk-*.js for tags that appear on the page
 * `@mentorkit/core/browser` is bundled from core's source so the bundle never lags behind a stale
 * core build (npm users get core as a dependency instead).
 */
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

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
 * Leaves the catalogues that src/internal/localize.ts imports on demand out of the one-file bundle:
 * `import('…/generated/locales/es.js')` becomes `import('./locales/es.js')`, a file built beside it.
 */
const lazyLocalesPlugin = {
  name: 'lazy-locales',
  setup(build) {
    build.onResolve({ filter: /\/generated\/locales\/[\w-]+\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      return { path: `./locales/${args.path.split('/').pop()}`, external: true };
    });
  },
};

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

/** @param {{ outdir: string, minify?: boolean, metafile?: boolean }} options */
export async function buildCdn({ outdir, minify = true }) {
  // Chunk names carry content hashes: stale ones from an earlier build must not linger.
  rmSync(outdir, { recursive: true, force: true });
  const names = definedTags();
  const common = {
    absWorkingDir: root,
    bundle: true,
    minify,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    sourcemap: true,
    // Lit's and zod's licence headers go to a .LEGAL.txt file beside each output.
    legalComments: 'linked',
    logLevel: 'warning',
    alias: { '@mentorkit/core/browser': coreBrowserEntry },
    plugins: [...(minify ? [minifyTemplatesPlugin] : []), strOnlyPlugin],
  };
  await build({
    ...common,
    entryPoints: ['src/define/all.ts'],
    outfile: join(outdir, 'mentorkit.js'),
    plugins: [...common.plugins, lazyLocalesPlugin],
  });
  await build({
    ...common,
    entryPoints: Object.fromEntries(translatedLocales().map((locale) => [locale, `src/generated/locales/${locale}.ts`])),
    outdir: join(outdir, 'locales'),
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
  return names.map((n) => `mk-${n}`);
}
