import { run } from './index.js';

const args = process.argv.slice(2);
const controller = new AbortController();
// Under --watch, Ctrl-C ends the watch cleanly (exit 0); a second Ctrl-C exits at once. Otherwise
// Node's default handling stands: the process ends immediately.
if (args.includes('--watch')) {
  const stop = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

process.exitCode = await run(args, { signal: controller.signal });
