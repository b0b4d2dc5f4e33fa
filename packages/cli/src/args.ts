import { parseArgs } from 'node:util';
import { closest } from '@mentorkit/core';
import { UsageError, type CliIo } from './io.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder in help, e.g. `<dir>`. */
  value?: string;
  description: string;
}

export interface Command {
  name: string;
  /** One line for `mentorkit --help`. */
  summary: string;
  /** `mentorkit check <catalog…> [options]` */
  usage: string;
  /** Paragraphs between usage and options. */
  description: string;
  options: Record<string, OptionSpec>;
  examples: string[];
  /** Exit statuses this command uses, in addition to the global ones. */
  exit?: string[];
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help' };

/** node:util parseArgs, with its errors rewritten for people: what was wrong and what to type instead. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  const options = { ...command.options, help: HELP_OPTION };
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    throw new UsageError(rewrite(command, error as Error & { code?: string }, Object.keys(options)), command.name);
  }
}

function rewrite(command: Command, error: Error & { code?: string }, names: string[]): string {
  const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(error.message);
  if (unknown) {
    const flag = unknown[1]!;
    const suggestion = flag.startsWith('--') ? closest(flag.slice(2).split('=')[0]!, names) : undefined;
    return `unknown option ${flag} for "mentorkit ${command.name}"${suggestion ? ` (did you mean --${suggestion}?)` : ''}`;
  }
  const missing = /^Option '(-{1,2}[\w-]+)(?:, (-{1,2}[\w-]+))?[^']*' argument (missing|is ambiguous)/.exec(error.message);
  if (missing) {
    const flag = missing[2] ?? missing[1]!;
    return `${flag} needs a value${missing[3] === 'is ambiguous' ? ` (to pass a value that starts with "-", write ${flag}=VALUE)` : ''}`;
  }
  const noValue = /^Option '(-{1,2}[\w-]+)(?:, (-{1,2}[\w-]+))?' does not take an argument/.exec(error.message);
  if (noValue) return `${noValue[2] ?? noValue[1]} is a switch and takes no value`;
  return error.message;
}

/** The command's help: usage, description, options, exit statuses and examples. */
export function commandHelp(command: Command): string {
  const options = { ...command.options, help: HELP_OPTION };
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
    return [flag, o.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: ${command.usage}`,
    '',
    command.description,
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
    '',
    'Exit status:',
    ...(command.exit ?? ['  0  success', '  2  usage error']),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
