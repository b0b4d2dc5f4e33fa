// Runs the time-sensitive suites of @mentorkit/core under several host time zones: results must not
// depend on the machine's zone. Includes a +05:30 zone and Lord Howe Island's 30-minute DST shift.
import { spawnSync } from 'node:child_process';

const zones = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/Berlin'];
const suites = ['src/time', 'src/recurrence', 'src/rsvp', 'src/query', 'src/export', 'test/seed'];
let failed = 0;
for (const tz of zones) {
  const run = spawnSync('pnpm', ['--filter', '@mentorkit/core', 'exec', 'vitest', 'run', '--passWithNoTests', ...suites], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  const summary = (run.stdout.match(/Tests\s+.*$/m) ?? ['(no summary)'])[0].replace(/\u001b\[[0-9;]*m/g, '');
  console.log(`TZ=${tz.padEnd(20)} ${run.status === 0 ? 'ok  ' : 'FAIL'} ${summary}`);
  if (run.status !== 0) {
    failed++;
    process.stdout.write(run.stdout.slice(-4000));
    process.stderr.write(run.stderr.slice(-2000));
  }
}
console.log(`${zones.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
