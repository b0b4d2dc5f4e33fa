/**
 * Builds the organizer console (console/) into dist/console/: index.html, console.css and one bundled
 * console.js (Lit and the widgets' tokens inside it). The server only serves these files; its own code never
 * imports the console's.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/console`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [`${root}console/src/main.ts`],
  outfile: `${out}/console.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  tsconfig: `${root}console/tsconfig.json`,
  logLevel: 'warning',
});
for (const file of ['index.html', 'console.css']) copyFileSync(`${root}console/${file}`, `${out}/${file}`);
