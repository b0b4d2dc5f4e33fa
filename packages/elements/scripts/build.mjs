/**
 * Builds @mentorkit/elements:
 *   dist/**                 unbundled ESM + .d.ts (tsc), `lit` and `@mentorkit/core` external
 *   dist/cdn/**             the CDN files (see cdn.mjs)
 *   custom-elements.json    Custom Elements Manifest from the JSDoc
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCdn, root } from './cdn.mjs';

const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
const tags = await buildCdn({ outdir: join(root, 'dist/cdn') });
// The CDN files' types: they export nothing (the bundle also runs as a classic script, see cdn.mjs);
// the classes come from the package's main entry, or from `customElements.get('mk-…')`.
writeFileSync(join(root, 'dist/cdn/mentorkit.d.ts'), 'export {};\n');
writeFileSync(join(root, 'dist/cdn/autoloader.d.ts'), 'export {};\n');
run(bin('custom-elements-manifest'), ['analyze', '--config', 'custom-elements-manifest.config.mjs']);
console.log(`built ${tags.join(', ')}`);
