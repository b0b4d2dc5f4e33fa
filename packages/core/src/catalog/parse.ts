import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { CatalogSchema, type Catalog } from './catalog.schema.js';
import { describeValue, formatPath, issuesToErrors, type CatalogError, type CatalogPath } from './errors.js';
import { checkCatalog } from './references.js';

export type ParseCatalogResult = { ok: true; catalog: Catalog } | { ok: false; errors: CatalogError[] };

export interface ParseCatalogOptions {
  /** Largest text accepted, in characters (default 20 MB). */
  maxLength?: number;
}

interface SourceMap {
  doc: Document.Parsed;
  lines: LineCounter;
}

/**
 * Parses a catalog from YAML or JSON text (JSON is read as YAML 1.2, of which it is a subset), or from an
 * already-parsed object. Never throws on bad input: every problem comes back as an error with its path,
 * and for text, its line and column.
 */
export function parseCatalog(input: unknown, options: ParseCatalogOptions = {}): ParseCatalogResult {
  try {
    return parseUnsafe(input, options);
  } catch (cause) {
    // A defect of ours must still not surface as an exception to an author checking a file.
    return {
      ok: false,
      errors: [{ path: [], pathText: '(root)', code: 'internal', message: `could not check the catalog: ${String(cause)}` }],
    };
  }
}

function parseUnsafe(input: unknown, options: ParseCatalogOptions): ParseCatalogResult {
  let data: unknown = input;
  let source: SourceMap | undefined;
  if (typeof input === 'string') {
    const maxLength = options.maxLength ?? 20_000_000;
    if (input.length > maxLength) {
      return { ok: false, errors: [rootError('too_large', `the catalog is ${input.length} characters; the limit is ${maxLength}`)] };
    }
    // Editors on Windows save a byte-order mark; it is not content.
    const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
    if (text.trim() === '') return { ok: false, errors: [rootError('empty', 'the catalog is empty')] };
    const lines = new LineCounter();
    const looksJson = /^\s*[[{]/.test(text);
    if (looksJson) {
      // YAML accepts what JSON forbids (trailing commas, single quotes, comments): check JSON strictly first.
      const problem = jsonProblem(text);
      if (problem) return { ok: false, errors: [syntaxAt('JSON', problem.message, problem.offset, text)] };
    }
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      // After the first syntax error the parser's view of the structure is a guess: later errors are
      // mostly echoes of it (even "duplicate key" ones), so only the first is worth reading.
      return { ok: false, errors: [syntaxError(doc.errors[0]!, text, looksJson ? 'JSON' : 'YAML')] };
    }
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (cause) {
      // Unresolved aliases and alias bombs are only found while building the value.
      const message = cause instanceof Error ? cause.message : String(cause);
      const alias = /Unresolved alias.*: (.+)$/.exec(message)?.[1];
      let at: number | undefined;
      visit(doc, {
        Alias(_, node) {
          if (node.source !== alias) return undefined;
          at = node.range?.[0];
          return visit.BREAK;
        },
      });
      const error = alias !== undefined && at !== undefined
        ? syntaxAt('YAML', `the alias *${alias} refers to no anchor &${alias} defined before it`, at, text)
        : rootError('syntax', `YAML syntax error: ${message}`);
      return { ok: false, errors: [error] };
    }
    if (data === null || data === undefined) {
      return { ok: false, errors: [rootError('empty', 'the catalog has no content (only comments or an empty document)')] };
    }
    source = { doc, lines };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const found = data === null || data === undefined ? 'nothing' : typeof data === 'string' ? `the text ${describeValue(data)}` : describeValue(data);
    const message = `a catalog is an object (a mapping of keys such as version, id, title), but found ${found}`;
    return { ok: false, errors: locate([rootError('invalid_type', message)], source) };
  }
  const parsed = CatalogSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: locate(issuesToErrors(parsed.error.issues, data, [], CatalogSchema), source) };
  const problems = checkCatalog(parsed.data);
  if (problems.length > 0) return { ok: false, errors: locate(problems, source) };
  return { ok: true, catalog: parsed.data };
}

function rootError(code: string, message: string): CatalogError {
  return { path: [], pathText: '(root)', code, message };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function syntaxAt(language: 'JSON' | 'YAML', message: string, offset: number, text: string): CatalogError {
  return { ...rootError('syntax', `${language} syntax error: ${message}`), ...positionOf(text, offset) };
}

interface YamlErrorLike {
  message: string;
  code: string;
  pos: [number, number];
  linePos?: [{ line: number; col: number }, ...unknown[]];
}

function syntaxError(error: YamlErrorLike, text: string, language: 'JSON' | 'YAML'): CatalogError {
  const [first] = error.message.split('\n');
  const plain = (first ?? error.code).replace(/ at line \d+, column \d+:?$/, '');
  const at = error.pos[0];
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:\n]*?)\s*:/.exec(text.slice(at))?.[1];
    if (key !== undefined) {
      const quoted = key.startsWith('"') || key.startsWith("'") ? key : JSON.stringify(key);
      return syntaxAt(language, `the key ${quoted} appears twice in the same mapping; keep one`, at, text);
    }
  }
  if (error.code === 'MISSING_CHAR' && /quote/.test(plain)) {
    // The parser notices at the end of the text; the author needs the line where the quote was opened.
    const quote = plain.includes("'") ? "'" : '"';
    const opened = openingQuote(text, at, quote);
    const which = quote === '"' ? 'double' : 'single';
    if (opened !== undefined) return syntaxAt(language, `the ${which} quote opened here is never closed`, opened, text);
  }
  const flow = /Flow (sequence|map)/.exec(plain);
  if (flow && /end with a [\]}]/.test(plain)) {
    const [open, close] = flow[1] === 'sequence' ? ['[', ']'] : ['{', '}'];
    const opened = openingBracket(text, at, open, close);
    if (opened !== undefined) return syntaxAt(language, `the ${open} opened here is never closed with ${close}`, opened, text);
  }
  const hint = /Sequence item without/.test(plain) ? YAML_HINTS.BAD_INDENT : YAML_HINTS[error.code];
  return syntaxAt(language, hint ? `${plain}; ${hint}` : plain, at, text);
}

/** What the parser's terse messages usually mean for a hand-edited file. */
const YAML_HINTS: Record<string, string> = {
  BAD_INDENT: 'check the indentation of this line: keys of one mapping start in the same column, nested content is indented further',
  MULTILINE_IMPLICIT_KEY: 'a key is missing its colon, or this line is indented differently from its neighbours',
  BLOCK_AS_IMPLICIT_KEY: 'a value on this line contains ": " (put it in quotes) or the next line is indented under a value',
  TAB_AS_INDENT: 'indent with spaces',
  BAD_SCALAR_START: 'put the value in quotes',
};

function openingQuote(text: string, before: number, quote: string): number | undefined {
  for (let i = Math.min(before, text.length) - 1; i >= 0; i--) {
    if (text[i] === quote && !(quote === '"' && text[i - 1] === '\\')) return i;
  }
  return undefined;
}

function openingBracket(text: string, before: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(before, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && depth-- === 0) return i;
  }
  return undefined;
}

/**
 * The first place where `text` is not strict JSON (RFC 8259), with a reason a person can act on.
 * JSON.parse says only "Unexpected token" and, for some errors, no position at all.
 */
function jsonProblem(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  class Stop {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const fail = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const show = (at: number): string => {
    if (at >= text.length) return 'the end of the text';
    const token = /^(?:"[^"\n]{0,40}"?|[^\s,:[\]{}"]{1,20}|.)/.exec(text.slice(at))?.[0] ?? text[at]!;
    return token.startsWith('"') ? token : `'${token}'`;
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text[i]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('JSON does not allow comments');
      else break;
    }
  };
  const string = (): void => {
    const start = i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\n' || c === '\r') fail('a line break inside a string; write \\n or close the quote', start);
      if (c < ' ') fail('a control character inside a string');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`unknown escape \\${e ?? ''} in a string`);
      } else i++;
    }
    fail('the string opened here is never closed', start);
  };
  const value = (depth: number): void => {
    if (depth > 500) fail('nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      const start = i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] === '"') string();
        else if (text[i] === "'") fail('JSON keys use double quotes, not single quotes');
        else if (text[i] === '}') fail('trailing comma before }: remove the last comma', text.lastIndexOf(',', i));
        else if (i >= text.length) fail('the { opened here is never closed with }', start);
        else fail(`expected a key in double quotes, but found ${show(i)}`);
        ws();
        if (text[i] !== ':') fail(`expected : after the key, but found ${show(i)}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        if (i >= text.length) fail('the { opened here is never closed with }', start);
        fail(`expected , or } after a value, but found ${show(i)} (is a comma missing?)`);
      }
    }
    if (c === '[') {
      const start = i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        ws();
        if (text[i] === ']') fail('trailing comma before ]: remove the last comma', text.lastIndexOf(',', i));
        if (i >= text.length) fail('the [ opened here is never closed with ]', start);
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        if (i >= text.length) fail('the [ opened here is never closed with ]', start);
        fail(`expected , or ] after a value, but found ${show(i)} (is a comma missing?)`);
      }
    }
    if (c === '"') return string();
    if (c === "'") fail('JSON strings use double quotes, not single quotes');
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400))?.[0];
    if (literal) {
      i += literal.length;
      return;
    }
    fail(i >= text.length ? 'the text ends where a value was expected' : `expected a value, but found ${show(i)}`);
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`unexpected ${show(i)} after the end of the JSON value`);
    return undefined;
  } catch (stop) {
    if (stop instanceof Stop) return { offset: stop.offset, message: stop.message };
    throw stop;
  }
}

/** Adds line and column to errors by walking the YAML node tree along each error's path. */
function locate(errors: CatalogError[], source: SourceMap | undefined): CatalogError[] {
  if (!source) return errors;
  const position = (path: CatalogPath, mode: LocateMode): { line: number; column: number } | undefined => {
    const offset = offsetOf(source.doc, path, mode);
    if (offset === undefined) return undefined;
    const { line, col } = source.lines.linePos(offset);
    return { line, column: col };
  };
  const located = errors.map((e) => {
    // An unknown key is fixed at the key; a missing one where it belongs, in the nearest parent present.
    const at = position(e.path, e.code === 'unknown_key' ? 'key' : 'nearest');
    // The other end must exist as written; pointing at the top of the file would mislead.
    const related = e.related ? { ...e.related, ...position(e.related.path, 'exact') } : undefined;
    return { ...e, ...at, ...(related ? { related } : {}) };
  });
  // Report in reading order; errors without a position keep their place after those with one.
  return located
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.line ?? Infinity) - (b.e.line ?? Infinity) || (a.e.column ?? 0) - (b.e.column ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * - `nearest`: the value at `path` (for a scalar) or its key (for a mapping or list), else the deepest
 *   parent that exists;
 * - `key`: like nearest, but the key itself even when its value is a scalar;
 * - `exact`: as nearest, but nothing when the path does not exist.
 */
type LocateMode = 'nearest' | 'key' | 'exact';

function offsetOf(doc: Document.Parsed, path: CatalogPath, mode: LocateMode): number | undefined {
  let node: Node | null | undefined = doc.contents;
  let offset = node?.range?.[0];
  for (const [depth, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return mode === 'exact' ? undefined : offset;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      if (mode === 'key' && depth === path.length - 1) break;
      node = pair.value as Node | null;
      if (isMap(node) || isSeq(node)) continue;
      offset = node?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return mode === 'exact' ? undefined : offset;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else return mode === 'exact' ? undefined : offset;
  }
  return offset;
}

export { formatPath };
