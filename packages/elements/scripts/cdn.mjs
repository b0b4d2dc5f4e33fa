/**
 * The CDN build (esbuild), shared by the package build and the tests that load the bundle:
 *   <outdir>/mentorkit.js           one minified, self-contained file registering every tag
 *   <outdir>/components/mk-*.js     one module per tag, shared code in components/chunks/
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
    plugins: minify ? [minifyTemplatesPlugin] : [],
  };
  await build({ ...common, entryPoints: ['src/define/all.ts'], outfile: join(outdir, 'mentorkit.js') });
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
