import type * as z from 'zod';

export type CatalogPath = readonly (string | number)[];

/** One problem in a catalog, located so a person can find and fix it. */
export interface CatalogError {
  /** Path to the offending value, e.g. `['workshops', 2, 'sessions', 0, 'start']`. */
  path: CatalogPath;
  /** The same path written `workshops[2].sessions[0].start`. */
  pathText: string;
  /** Machine-readable kind: `syntax`, `invalid_type`, `unknown_reference`, `duplicate_id`, `nonexistent_time`, … */
  code: string;
  message: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** 1-based line and column in the source text, when parsed from text. */
  line?: number;
  column?: number;
  /** The other end of the problem: where a duplicate id was first defined, where a reference should point. */
  related?: { path: CatalogPath; pathText: string; line?: number; column?: number; message: string };
}

export function formatPath(path: CatalogPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

export function valueAt(root: unknown, path: CatalogPath): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

type Issue = z.core.$ZodIssue;

/**
 * zod reports a failed union with the issues of every branch. People need the branch they meant: the one
 * that recognised the most of their keys, then the one with the fewest problems.
 */
function bestBranch(branches: Issue[][]): Issue[] {
  let best: Issue[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    const unknownKeys = branch
      .filter((i) => i.code === 'unrecognized_keys' && i.path.length === 0)
      .reduce((n, i) => n + (i as { keys: string[] }).keys.length, 0);
    const wrongRootType = branch.some((i) => i.code === 'invalid_type' && i.path.length === 0) ? 1000 : 0;
    const score = wrongRootType + unknownKeys * 100 + branch.length;
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

/** Flattens zod issues (resolving unions to their most plausible branch) into catalog errors. */
export function issuesToErrors(issues: readonly Issue[], input: unknown, prefix: CatalogPath = []): CatalogError[] {
  const out: CatalogError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...issuesToErrors(bestBranch(issue.errors), input, path));
      continue;
    }
    const value = valueAt(input, path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        out.push({
          path: keyPath,
          pathText: formatPath(keyPath),
          code: 'unknown_key',
          message: `unknown field "${key}" in ${formatPath(path)}; check its spelling against the schema`,
          value: valueAt(input, keyPath),
        });
      }
      continue;
    }
    out.push({ path, pathText: formatPath(path), code: issue.code, message: humanMessage(issue, value), value });
  }
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function humanMessage(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return `required field is missing (expected ${issue.expected})`;
      const custom = issue.message.startsWith('Invalid input') ? `expected ${issue.expected}` : issue.message;
      return `${custom}, but found ${describe(value)}`;
    }
    case 'invalid_value':
      if (issue.message.startsWith('Invalid')) {
        return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, but found ${describe(value)}`;
      }
      return issue.message;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return `unknown ${String(issue.discriminator)} ${describe(value)}; expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
      }
      return issue.message;
    case 'too_small':
      if (issue.origin === 'array' && issue.message.startsWith('Too small')) return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string' && issue.message.startsWith('Too small')) return 'must not be empty';
      return issue.message.startsWith('Too small') ? `must be at least ${String(issue.minimum)}` : issue.message;
    case 'too_big':
      return issue.message.startsWith('Too big') ? `must be at most ${String(issue.maximum)}` : issue.message;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `${describe(value)} is not a valid ${issue.format}` : issue.message;
    default:
      return issue.message;
  }
}

/** `file:line:col path: message`, one error per line, for terminals and logs. */
export function formatCatalogErrors(errors: readonly CatalogError[], fileName?: string): string {
  return errors
    .map((e) => {
      const where = [fileName, e.line, e.column].filter((x) => x !== undefined).join(':');
      const related = e.related ? `\n    ${e.related.message}${e.related.line !== undefined ? ` (line ${e.related.line})` : ''}` : '';
      return `${where ? `${where} ` : ''}${e.pathText}: ${e.message}${related}`;
    })
    .join('\n');
}
