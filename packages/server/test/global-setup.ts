// The end-to-end suites run the built binary; build it once before any test file starts.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.SKIP_SERVER_BUILD === '1') return;
  execFileSync('pnpm', ['run', '--silent', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'ignore', 'inherit'] });
}
