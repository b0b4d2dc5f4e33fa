import { closest } from '@mentorkit/core';
import { commandHelp, parseCommandArgs, type Command } from './args.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { schemaCommand } from './commands/schema.js';
import { colorsFor, defaultIo, EXIT, UsageError, type CliIo } from './io.js';

declare const __CLI_VERSION__: string;
/** Replaced at build time with the package's version. */
export const VERSION: string = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : '0.0.0-dev';

const COMMANDS: readonly Command[] = [checkCommand, buildCommand, schemaCommand, initCommand, importCommand];

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 'help'.length);
  return [
    'mentorkit: check and build catalogs of mentoring programs',
    '',
    'Usage: mentorkit <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  Show help for a command`,
    '',
    'Options:',
    '  -h, --help     Show help (also: mentorkit <command> --help)',
    '  -v, --version  Print the version',
    '',
    'Exit status: 0 success, 1 the catalog has errors (or warnings with --strict), 2 usage error.',
    'Colour is used on terminals; set NO_COLOR=1 to turn it off, FORCE_COLOR=1 to force it.',
    '',
    'Examples:',
    '  mentorkit init catalog.yaml',
    '  mentorkit check catalog.yaml',
    '  mentorkit build catalog.yaml --out public/mentoring',
    '  mentorkit import case/entering-mentoring.json --out curriculum.yaml',
    '',
  ].join('\n');
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const suggestion = closest(name, [...COMMANDS.map((c) => c.name), 'help']);
  throw new UsageError(`unknown command "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
}

/**
 * Runs the CLI: `argv` without the node and script paths (e.g. `['check', 'catalog.yaml']`). Writes to
 * `io.stdout`/`io.stderr` and resolves to the exit status; never calls `process.exit`. Unspecified `io`
 * members default to the process's streams, environment, working directory and clock.
 */
export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const cio = defaultIo(io);
  try {
    return await dispatch(argv, cio);
  } catch (error) {
    const c = colorsFor(cio.stderr, cio.env);
    if (error instanceof UsageError) {
      const hint = error.command ? `mentorkit ${error.command} --help` : 'mentorkit --help';
      cio.stderr.write(`${c.red('mentorkit:')} ${error.message}\nRun "${hint}" for usage.\n`);
      return EXIT.usage;
    }
    const e = error as Error;
    cio.stderr.write(`${c.red('mentorkit: unexpected error:')} ${cio.env.MENTORKIT_DEBUG ? (e.stack ?? e.message) : e.message}\n`);
    return EXIT.problems;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(globalHelp());
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') {
    io.stdout.write(globalHelp());
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    if (rest.length > 1) throw new UsageError('help takes at most one command name');
    io.stdout.write(rest[0] === undefined ? globalHelp() : commandHelp(findCommand(rest[0])));
    return EXIT.ok;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}: options go after the command, e.g. "mentorkit check --help"`);
  const command = findCommand(first);
  const args = parseCommandArgs(command, rest);
  if (args.values.help === true) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  return command.run(args, io);
}
