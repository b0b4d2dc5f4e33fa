import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { CatalogSchema, type Catalog } from './catalog.schema.js';
import { formatPath, issuesToErrors, type CatalogError, type CatalogPath } from './errors.js';
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
    if (input.trim() === '') return { ok: false, errors: [rootError('empty', 'the catalog is empty')] };
    const lines = new LineCounter();
    const doc = parseDocument(input, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) return { ok: false, errors: doc.errors.map((e) => syntaxError(e, input)) };
    data = doc.toJS({ maxAliasCount: 1000 });
    source = { doc, lines };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'a list' : data === null || data === undefined ? 'nothing' : typeof data;
    return { ok: false, errors: locate([rootError('invalid_type', `a catalog is an object (a mapping of keys), but found ${found}`)], source) };
  }
  const parsed = CatalogSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: locate(issuesToErrors(parsed.error.issues, data), source) };
  const problems = checkCatalog(parsed.data);
  if (problems.length > 0) return { ok: false, errors: locate(problems, source) };
  return { ok: true, catalog: parsed.data };
}

function rootError(code: string, message: string): CatalogError {
  return { path: [], pathText: '(root)', code, message };
}

function syntaxError(error: { message: string; code: string; linePos?: [{ line: number; col: number }, ...unknown[]] }, text: string): CatalogError {
  const [first] = error.message.split('\n');
  const pos = error.linePos?.[0];
  const looksJson = /^\s*[[{]/.test(text);
  return {
    path: [],
    pathText: '(root)',
    code: 'syntax',
    message: `${looksJson ? 'JSON' : 'YAML'} syntax error: ${(first ?? error.code).replace(/ at line \d+, column \d+:?$/, '')}`,
    ...(pos ? { line: pos.line, column: pos.col } : {}),
  };
}

/** Adds line and column to errors by walking the YAML node tree along each error's path. */
function locate(errors: CatalogError[], source: SourceMap | undefined): CatalogError[] {
  if (!source) return errors;
  const position = (path: CatalogPath): { line: number; column: number } | undefined => {
    const offset = offsetOf(source.doc, path);
    if (offset === undefined) return undefined;
    const { line, col } = source.lines.linePos(offset);
    return { line, column: col };
  };
  return errors.map((e) => {
    const at = position(e.path);
    const related = e.related ? { ...e.related, ...position(e.related.path) } : undefined;
    return { ...e, ...at, ...(related ? { related } : {}) };
  });
}

/** Offset of the deepest node along `path`; for a key that is present, the key itself. */
function offsetOf(doc: Document.Parsed, path: CatalogPath): number | undefined {
  let node: Node | null | undefined = doc.contents;
  let offset = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value as Node | null;
      if (isMap(node) || isSeq(node)) continue;
      offset = node?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

export { formatPath };
