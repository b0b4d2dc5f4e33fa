import picocolors from 'picocolors';

/** Where output goes: a stream's `write`, and whether it is a terminal. */
export interface CliStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * Everything the CLI touches outside its arguments, so that `run` can be driven in-process (tests,
 * benchmarks, other tools) as well as by the `mentorkit` executable.
 */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative file names are resolved against. */
  cwd: string;
  /** The clock, read once per run where a flag such as `--now` gives no time. */
  now: () => Date;
  /** Ends `--watch` (the executable aborts it on Ctrl-C). Without it, watching never ends. */
  signal?: AbortSignal;
}

export function defaultIo(overrides: Partial<CliIo> = {}): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    ...overrides,
  };
}

export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Colour when writing to a terminal, unless NO_COLOR is set (https://no-color.org); FORCE_COLOR turns it
 * on anywhere (or off, as FORCE_COLOR=0).
 */
export function useColor(stream: CliStream, env: CliIo['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function colorsFor(stream: CliStream, env: CliIo['env']): Colors {
  return picocolors.createColors(useColor(stream, env));
}

/** Thrown for a bad invocation (unknown command or flag, bad value, missing file): exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** Show this command's usage after the message. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
