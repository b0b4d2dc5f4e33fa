/**
 * A small typed checker for the JSON a browser receives (the feed). A schema is a function that checks a
 * value and records what is wrong; `Infer<typeof S>` is the type a passing value has, so the schema stays
 * the single source of its type. It ships in the widgets' bundle, where zod/mini cost about 6 KB gzip
 * (docs/adr/0006-feed-check.md).
 *
 * It checks and never transforms: `validate` returns the input itself, not a copy. Keys an object schema
 * does not declare are therefore kept (zod strips them); code must read only the keys it declares.
 * Checking a valid value allocates nothing per value: the path is written into one shared array and read
 * only when an issue is recorded. After 20 issues the walk stops.
 */

export interface Issue {
  /** `workshops[3].occurrences[0].start`, or `(root)` for the value itself. */
  path: string;
  /** What was expected and what was found: `expected a string, got number`, or `required`. */
  message: string;
}

/** The state of one walk: `path[0..depth)` locates the value being checked. */
export interface Walk {
  path: (string | number)[];
  issues: Issue[];
}

export interface Check<T> {
  (value: unknown, walk: Walk, depth: number): void;
  /** Type only (never set): the type of a value that passes, boxed so that an `undefined` in it survives inference. */
  readonly '~type'?: [T];
}

/** A check that also passes `undefined`; in an object shape its key becomes optional. */
export interface OptionalCheck<T> extends Check<T | undefined> {
  /** Type only (never set). */
  readonly '~optional': true;
}

export type Infer<S> = S extends Check<infer T> ? T : never;

export type Shape = Record<string, Check<unknown>>;

type Flat<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Flat<
  { [K in keyof S as S[K] extends OptionalCheck<unknown> ? never : K]: Infer<S[K]> } & {
    [K in keyof S as S[K] extends OptionalCheck<unknown> ? K : never]?: Infer<S[K]>;
  }
>;

export const MAX_ISSUES = 20;

/** The type of a value, as messages name it. */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** A value, as messages show it (strings quoted and cut short). */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : kind(value);
}

/** Records that `value` is not what was expected (`undefined` below the root is a missing key). */
function wrong(walk: Walk, depth: number, value: unknown, expected: string, got = kind(value)): void {
  let path = '';
  for (let k = 0; k < depth; k++) {
    const key = walk.path[k];
    path += typeof key === 'number' ? `[${key}]` : k ? `.${key}` : key;
  }
  const message = value === undefined && depth > 0 ? 'required' : `expected ${expected}, got ${got}`;
  // Throwing ends the whole walk at once, so the loops below need no check of their own.
  if (walk.issues.push({ path: path || '(root)', message }) >= MAX_ISSUES) throw walk;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A string; with `test` (a pattern or a predicate), one that passes it, and `expected` names what
 * passes: `string(/^\d{4}$/, 'a year')` reports `expected a year, got "20x6"`.
 */
export function string(test?: RegExp | ((value: string) => boolean), expected = 'a valid string'): Check<string> {
  let passes = test instanceof RegExp ? undefined : test;
  if (test instanceof RegExp) {
    // A global or sticky pattern keeps state between calls (lastIndex); a copy without those flags does not.
    const pattern = new RegExp(test.source, test.flags.replace(/[gy]/g, ''));
    passes = (value) => pattern.test(value);
  }
  return (value, walk, depth) => {
    if (typeof value !== 'string') wrong(walk, depth, value, 'a string');
    else if (passes && !passes(value)) wrong(walk, depth, value, expected, show(value));
  };
}

/** A finite number (JSON has no others). */
export function number(): Check<number> {
  return (value, walk, depth) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) wrong(walk, depth, value, 'a number');
  };
}

export function boolean(): Check<boolean> {
  return (value, walk, depth) => {
    if (typeof value !== 'boolean') wrong(walk, depth, value, 'a boolean');
  };
}

/** Exactly `expected`. */
export function literal<const L extends string | number | boolean>(expected: L): Check<L> {
  return (value, walk, depth) => {
    if (value !== expected) wrong(walk, depth, value, show(expected), show(value));
  };
}

/** One of a `const` list of strings; the type is their union. */
export function oneOf<const A extends readonly string[]>(values: A): Check<A[number]> {
  const allowed = `one of ${values.map(show).join(', ')}`;
  return (value, walk, depth) => {
    if (!values.includes(value as string)) wrong(walk, depth, value, allowed, show(value));
  };
}

/** `check`, or `undefined` (a missing key). */
export function optional<T>(check: Check<T>): OptionalCheck<T> {
  return ((value, walk, depth) => {
    if (value !== undefined) check(value, walk, depth);
  }) as OptionalCheck<T>;
}

export function array<T>(item: Check<T>): Check<T[]> {
  return (value, walk, depth) => {
    if (!Array.isArray(value)) return wrong(walk, depth, value, 'an array');
    for (let i = 0; i < value.length; i++) {
      walk.path[depth] = i;
      item(value[i], walk, depth + 1);
    }
  };
}

/** An object used as a map from string keys to `item`. */
export function record<T>(item: Check<T>): Check<Record<string, T>> {
  return (value, walk, depth) => {
    if (!isObject(value)) return wrong(walk, depth, value, 'an object');
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      walk.path[depth] = key;
      item(value[key], walk, depth + 1);
    }
  };
}

/** An object with the keys of `shape` (those with `optional` checks may be missing); other keys are kept, unchecked. */
export function object<S extends Shape>(shape: S): Check<ObjectOf<S>> {
  const keys = Object.keys(shape);
  const checks = keys.map((key) => shape[key]!);
  return (value, walk, depth) => {
    if (!isObject(value)) return wrong(walk, depth, value, 'an object');
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      walk.path[depth] = key;
      checks[k]!(value[key], walk, depth + 1);
    }
  };
}

/** A value `test` accepts, typed as `T` on trust; `expected` names it in messages. */
export function custom<T>(test: (value: unknown) => boolean, expected: string): Check<T> {
  return (value, walk, depth) => {
    if (!test(value)) wrong(walk, depth, value, expected);
  };
}

/** Checks `value` against `schema`. On success `value` is the input itself, typed (see the module comment). */
export function validate<T>(schema: Check<T>, value: unknown): { ok: true; value: T } | { ok: false; issues: Issue[] } {
  const walk: Walk = { path: [], issues: [] };
  try {
    schema(value, walk, 0);
  } catch (error) {
    if (error !== walk) throw error;
  }
  return walk.issues.length ? { ok: false, issues: walk.issues } : { ok: true, value: value as T };
}
