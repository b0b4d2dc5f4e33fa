// Runs the time-sensitive suites of @mentorkit/core under several host time zones: results must not
// depend on the machine's zone. Includes a +05:30 zone and Lord Howe Island's 30-minute DST shift. The
// server's decision suites (windows, draws at close, offers, retention) run under three of them.
import { spawnSync } from 'node:child_process';

const zones = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/Berlin'];
const suites = ['src/time', 'src/recurrence', 'src/rsvp', 'src/query', 'src/export', 'test/seed'];
const runs = [
  ...zones.map((tz) => ({ tz, pkg: '@mentorkit/core', suites })),
  ...['America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe'].map((tz) => ({ tz, pkg: '@mentorkit/server', suites: ['src/rsvp', 'test/model.test.ts', 'test/console-format.test.ts'] })),
];
let failed = 0;
for (const { tz, pkg, suites: files } of runs) {
  const run = spawnSync('pnpm', ['--filter', pkg, 'exec', 'vitest', 'run', '--passWithNoTests', ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The server's suites were built once by its own test run.
    env: { ...process.env, TZ: tz, SKIP_SERVER_BUILD: '1' },
    encoding: 'utf8',
  });
  const summary = (run.stdout.match(/Tests\s+.*$/m) ?? ['(no summary)'])[0].replace(/\u001b\[[0-9;]*m/g, '');
  console.log(`${pkg.padEnd(18)} TZ=${tz.padEnd(20)} ${run.status === 0 ? 'ok  ' : 'FAIL'} ${summary}`);
  if (run.status !== 0) {
    failed++;
    process.stdout.write(run.stdout.slice(-4000));
    process.stderr.write(run.stderr.slice(-2000));
  }
}
console.log(`${runs.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
