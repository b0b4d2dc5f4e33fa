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

/**
 * Flattens zod issues (resolving unions to their most plausible branch) into catalog errors. With the
 * schema that produced them, an unknown key also gets the closest known key as a suggestion.
 */
export function issuesToErrors(issues: readonly Issue[], input: unknown, prefix: CatalogPath = [], schema?: z.ZodType): CatalogError[] {
  const out: CatalogError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...issuesToErrors(bestBranch(issue.errors), input, path, schema));
      continue;
    }
    const value = valueAt(input, path);
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? knownKeysAt(schema, path, input) : [];
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const suggestion = closest(key, known.filter((k) => !issue.keys.includes(k)));
        out.push({
          path: keyPath,
          pathText: formatPath(keyPath),
          code: 'unknown_key',
          message: suggestion
            ? `unknown field "${key}" in ${formatPath(path)}; did you mean "${suggestion}"?`
            : `unknown field "${key}" in ${formatPath(path)}; check its spelling against the schema`,
          value: valueAt(input, keyPath),
        });
      }
      continue;
    }
    const parentPath = path.slice(0, -1);
    const missing = value === undefined && path.length > 0 && isPlainObject(valueAt(input, parentPath));
    const shapeIssue =
      issue.code === 'invalid_type' || issue.code === 'invalid_value' || (issue.code === 'invalid_union' && issue.discriminator !== undefined);
    if (missing && shapeIssue) {
      const key = String(path[path.length - 1]);
      const allowed =
        issue.code === 'invalid_value' ? issue.values : issue.code === 'invalid_union' && 'options' in issue ? (issue.options ?? []) : [];
      const options =
        allowed.length === 0 ? '' : allowed.length === 1 ? `; it must be ${quoteList(allowed)}` : `; use one of ${quoteList(allowed)}`;
      out.push({
        path,
        pathText: formatPath(path),
        code: 'missing_field',
        message: `required field "${key}" is missing from ${formatPath(parentPath)}${options}`,
      });
      continue;
    }
    const code = issue.code === 'invalid_union' && issue.discriminator !== undefined ? 'invalid_value' : issue.code;
    out.push({ path, pathText: formatPath(path), code, message: humanMessage(issue, value), ...(value !== undefined ? { value } : {}) });
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
}

/** How a value reads in a sentence: `"schedueld"`, `number 5`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  // What is left is a number, boolean, bigint, symbol or function: each has its own text.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return `${typeof value} ${String(value)}`;
}

/** Suggestion for a misspelt word among the known ones, if one is close enough to be the likely intent. */
export function closest(target: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  // Short words are one typo away from many others: allow one edit there, about one in three in longer words.
  let bestDistance = (target.length <= 4 ? 1 : Math.max(2, Math.floor(target.length / 3))) + 1;
  for (const candidate of candidates) {
    const d = editDistance(target.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Edits (insert, delete, substitute, swap two neighbours) between two words: "cdoe" is one from "code". */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Appends what was found unless the message already quotes it, so every message shows the offending value. */
function withFound(message: string, value: unknown): string {
  if (value === undefined) return message;
  if (typeof value === 'string' && message.includes(JSON.stringify(value))) return message;
  return `${message}, but found ${describeValue(value)}`;
}

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-02-30" has the right shape but is not a day: say so instead of repeating the format. */
function impossibleDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_PREFIX.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `${JSON.stringify(value)} is not a real date: there is no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${JSON.stringify(value)} is not a real date: ${MONTHS[month - 1]} ${year} has ${days} days`;
  return undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object (a mapping of keys)',
  null: 'null',
};

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function humanMessage(issue: Issue, value: unknown): string {
  const generic = /^Invalid|^Too (small|big)/.test(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = generic ? `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}` : issue.message;
      return `${expected}, but found ${describeValue(value)}`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      const hint = suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : '';
      if (generic) return `expected one of ${quoteList(issue.values)}, but found ${describeValue(value)}${hint}`;
      return `${withFound(issue.message, value)}${hint}`;
    }
    case 'invalid_union': {
      if (issue.discriminator !== undefined) {
        const options = 'options' in issue ? (issue.options ?? []) : [];
        const suggestion = typeof value === 'string' ? closest(value, options.map(String)) : undefined;
        const hint = suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : '';
        return `unknown ${issue.discriminator} ${describeValue(value)}${hint}; expected one of ${quoteList(options)}`;
      }
      return withFound(generic ? 'this value matches none of the allowed forms' : issue.message, value);
    }
    case 'too_small':
      // Text of only spaces reads as empty in the file; show it so the author sees why.
      if (!generic) return typeof value === 'string' && value !== '' ? withFound(issue.message, value) : issue.message;
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s), but found ${count(value)}`;
      if (issue.origin === 'string') {
        const rule = Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${String(issue.minimum)} characters long`;
        return typeof value === 'string' && value !== '' ? `${rule}, but found ${describeValue(value)}` : rule;
      }
      return withFound(`must be at least ${String(issue.minimum)}`, value);
    case 'too_big':
      if (!generic) return issue.message;
      if (issue.origin === 'array') return `allows at most ${String(issue.maximum)} item(s), but found ${count(value)}`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters long`;
      return withFound(`must be at most ${String(issue.maximum)}`, value);
    case 'invalid_format': {
      if (!generic) return withFound(issue.message, value);
      if (issue.format === 'regex') {
        return `${describeValue(value)} does not have the expected form (pattern ${issue.pattern ?? 'unknown'})`;
      }
      return `${describeValue(value)} is not a valid ${issue.format}`;
    }
    case 'custom':
      return impossibleDate(value) ?? withFound(issue.message, value);
    default:
      return withFound(issue.message, value);
  }
}

/**
 * The keys an object schema accepts at `path`, following the input through unions (by discriminator,
 * else the branch that knows most of the input's keys). Used only to suggest a spelling.
 */
export function knownKeysAt(schema: z.ZodType, path: CatalogPath, input: unknown): string[] {
  let node: Def | undefined = defOf(schema);
  let value: unknown = input;
  let depth = 0;
  const next = (): void => {
    // Unwrap wrappers and pick a union branch until an object or array (or nothing usable) remains.
    for (let guard = 0; node && guard < 50; guard++) {
      const d: Def = node;
      if (d.type === 'lazy' && d.getter) node = defOf(d.getter());
      else if (d.type === 'pipe' && d.in) node = defOf(d.in);
      else if (d.innerType) node = defOf(d.innerType);
      else if (d.type === 'union' && d.options) node = pickBranch(d, value);
      else return;
    }
  };
  next();
  for (const segment of path) {
    if (!node || depth++ > 64) return [];
    if (node.type === 'object' && node.shape && typeof segment === 'string') node = defOf(node.shape[segment]);
    else if (node.type === 'array' && node.element && typeof segment === 'number') node = defOf(node.element);
    else return [];
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
    next();
  }
  return node?.type === 'object' && node.shape ? Object.keys(node.shape) : [];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

function pickBranch(union: Def, value: unknown): Def | undefined {
  const options = (union.options ?? []).map(defOf).filter((d): d is Def => d !== undefined);
  const objectKeys = (d: Def): string[] => {
    let cur: Def | undefined = d;
    for (let guard = 0; cur && guard < 20 && cur.type !== 'object'; guard++) cur = defOf(cur.innerType ?? cur.in ?? cur.getter?.());
    return cur?.type === 'object' && cur.shape ? Object.keys(cur.shape) : [];
  };
  if (!isPlainObject(value)) return options[0];
  if (union.discriminator !== undefined) {
    const tag = value[union.discriminator];
    const match = options.find((d) => {
      let cur: Def | undefined = d;
      for (let guard = 0; cur && guard < 20 && cur.type !== 'object'; guard++) cur = defOf(cur.innerType ?? cur.in);
      return defOf(cur?.shape?.[union.discriminator!])?.values?.includes(tag) ?? false;
    });
    if (match) return match;
  }
  let best = options[0];
  let bestScore = -1;
  for (const d of options) {
    const keys = objectKeys(d);
    const score = Object.keys(value).filter((k) => keys.includes(k)).length;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
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
