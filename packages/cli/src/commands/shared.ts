import { resolve } from 'node:path';
import { colorsFor, UsageError, type CliIo } from '../io.js';
import { clockTime } from '../time.js';
import { watchFiles } from '../watch.js';

export const STRICT_OPTION = { type: 'boolean', description: 'Treat warnings as errors (exit 1)' } as const;
export const NOW_OPTION = {
  type: 'string',
  value: '<time>',
  description: 'The clock for "upcoming" and "past" (default: the current time)',
} as const;
export const WATCH_OPTION = { type: 'boolean', description: 'Run again whenever the catalog changes; Ctrl-C to stop' } as const;

export const TIME_FORMS = [
  'Times: a date (2026-01-08: the start of that day) or a wall-clock time (2026-01-08T09:00), both in the',
  "catalog's defaultTimeZone, or an instant with an offset (2026-01-08T14:00:00Z).",
].join('\n');

/** Reads every named file at once; all missing files are reported together, as one usage error. */
export async function readAll(names: readonly string[], read: (name: string) => Promise<string>): Promise<string[]> {
  const results = await Promise.allSettled(names.map(read));
  const problems = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
  if (problems.length > 0) {
    const other = problems.find((p) => !(p instanceof UsageError));
    if (other) throw other;
    throw new UsageError(problems.map((p) => p.message).join('\n'));
  }
  return results.map((r) => (r as PromiseFulfilledResult<string>).value);
}

/**
 * `--watch`: runs once, then again after each change to one of the files, with a timestamp each time,
 * until the io's signal aborts (Ctrl-C). A file that goes missing for a moment (an editor replacing it)
 * is reported and waited for, not fatal.
 */
export async function watchLoop(io: CliIo, files: readonly string[], once: () => Promise<number>, log: 'stdout' | 'stderr'): Promise<number> {
  const c = colorsFor(io[log], io.env);
  const stamp = (text: string): void => void io[log].write(`${c.dim(`[${clockTime(io.now())}]`)} ${text}\n`);
  stamp(`${c.bold(files.join(', '))}`);
  await once();
  io.stderr.write(c.dim(`watching ${files.length === 1 ? files[0] : `${files.length} files`} for changes; press Ctrl-C to stop\n`));
  await watchFiles({
    files: files.map((f) => resolve(io.cwd, f)),
    signal: io.signal,
    onError: (error) => void io.stderr.write(`mentorkit: watching failed: ${error.message}\n`),
    onChange: async (changed) => {
      const names = files.filter((f) => changed.has(resolve(io.cwd, f)));
      stamp(`${c.bold(names.join(', '))} changed`);
      try {
        await once();
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        io.stderr.write(`mentorkit: ${error.message} (waiting for the next change)\n`);
      }
    },
  });
  return 0;
}
