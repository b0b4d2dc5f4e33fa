// Builds the CLI once before the suites that run it, when dist/ is missing or older than src/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  if (!existsSync(join(root, '../core/dist/index.js'))) {
    throw new Error('@mentorkit/core is not built: run `pnpm --filter @mentorkit/core build` (turbo does it before `test`)');
  }
  const bin = join(root, 'dist/bin.js');
  const index = join(root, 'dist/index.js');
  const stale = !existsSync(bin) || !existsSync(index) || statSync(bin).mtimeMs < Math.max(newest(join(root, 'src')), statSync(join(root, 'tsup.config.ts')).mtimeMs);
  if (stale) execFileSync('pnpm', ['exec', 'tsup', '--silent'], { cwd: root, stdio: 'inherit' });
}
