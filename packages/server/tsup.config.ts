import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// The builds below run concurrently, so neither may use `clean`; empty dist/ once, here.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

const shared: Options = { format: ['esm'], target: 'node20', platform: 'node', sourcemap: true };

export default defineConfig([
  { ...shared, entry: ['src/index.ts'], dts: true },
  // PGlite's thread (src/db/pglite-thread.ts): plain JavaScript, run as is beside the sources and from dist/.
  { ...shared, entry: { 'pglite-worker': 'src/db/pglite-worker.js' }, external: ['@electric-sql/pglite'] },
  // The executable imports the library entry rather than bundling a second copy.
  { ...shared, entry: ['src/bin.ts'], banner: { js: '#!/usr/bin/env node' }, external: ['./index.js'] },
]);
