import { readFileSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// The two builds below run concurrently, so neither may use `clean`; empty dist/ once, here.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

const shared: Options = {
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  define: { __CLI_VERSION__: JSON.stringify(version) },
};

export default defineConfig([
  // The library entry: `run(argv, io)` and the helpers, with types.
  { ...shared, entry: ['src/index.ts'], dts: true },
  // The executable: a thin wrapper that imports the library entry rather than bundling a second copy.
  {
    ...shared,
    entry: ['src/bin.ts'],
    banner: { js: '#!/usr/bin/env node' },
    external: ['./index.js'],
  },
]);
