import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A place in source text: 1-based line and column, and how many characters on that line to underline. */
export interface SourcePosition {
  line: number;
  column: number;
  /** Length of the located token on its first line (at least 1). */
  length: number;
}

export type SourcePath = readonly (string | number)[];

/**
 * Finds catalog paths (`['workshops', 2, 'title']`) in YAML or JSON text. Parses the text once, so one
 * locator serves every finding of a file. Follows the same rule as core's parser: the deepest node on the
 * path that exists; a present key whose value is a mapping or list is located at the key, a scalar at its
 * value. Text that does not parse locates nothing.
 */
export class SourceLocator {
  readonly #doc: Document.Parsed;
  readonly #lines: LineCounter;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
    this.#lines = new LineCounter();
    this.#doc = parseDocument(text, { lineCounter: this.#lines, uniqueKeys: false });
  }

  locate(path: SourcePath): SourcePosition | undefined {
    if (this.#doc.errors.length > 0) return undefined;
    const range = rangeOf(this.#doc, path);
    if (range === undefined) return undefined;
    const { line, col } = this.#lines.linePos(range[0]);
    const lineEnd = this.#text.indexOf('\n', range[0]);
    const end = Math.min(range[1], lineEnd === -1 ? this.#text.length : lineEnd);
    return { line, column: col, length: Math.max(1, trimmedLength(this.#text.slice(range[0], end))) };
  }
}

/** One-off lookup; use a {@link SourceLocator} to locate many paths in the same text. */
export function locate(text: string, path: SourcePath): SourcePosition | undefined {
  return new SourceLocator(text).locate(path);
}

function trimmedLength(s: string): number {
  return s.replace(/\s+$/, '').length;
}

type Range = readonly [number, number];

function nodeRange(node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Range of the deepest node along `path`; for a present key whose value is a collection, the key itself. */
function rangeOf(doc: Document.Parsed, path: SourcePath): Range | undefined {
  let node: Node | null | undefined = doc.contents;
  let range = nodeRange(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      range = nodeRange(pair.key as Node | null) ?? range;
      node = pair.value as Node | null;
      if (isMap(node) || isSeq(node)) continue;
      range = nodeRange(node) ?? range;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      node = item;
      range = nodeRange(item) ?? range;
    } else break;
  }
  return range;
}
