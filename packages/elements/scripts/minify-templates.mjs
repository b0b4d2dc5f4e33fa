/**
 * Shrinks the static text of Lit's `html` and `css` tagged templates (minifiers leave template strings
 * alone; cdn.mjs runs this over every source it bundles): CSS loses comments and needless whitespace,
 * HTML keeps a single space wherever it had a run of whitespace with a line break (the browser
 * collapses it anyway; no template here uses <pre>). Expressions inside `${…}` are left untouched,
 * nested templates included.
 */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** Elements whose boundaries a browser never renders whitespace next to (in their default, block-level display). */
const BLOCK = new Set(
  'address article aside blockquote details div dl dd dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p section summary table tbody thead tfoot tr td th ul'.split(' '),
);

/**
 * Layout whitespace (a run with a line break) next to a tag of a block element, on either side, is
 * dropped: a block starts and ends lines, and a line's leading and trailing collapsible spaces are
 * never rendered. Every such run would otherwise become a text node in each rendered copy of the
 * template (a thousand list items carried some 19,000 of them). Elsewhere, between inline content
 * and bindings, it collapses to one space, which may matter. The rule assumes these elements keep a
 * block-level display; where a stylesheet makes one inline (the calendar `<summary>`, the view
 * switch's `<div>`), its neighbours are block boundaries or flex items, so no rendered space is lost.
 */
function minifyHtml(text) {
  return text.replace(/(<\/?([a-z][a-z0-9-]*)[^<>]*>)?\s*\n\s*(?=<\/?([a-z][a-z0-9-]*)|)/gi, (match, tag, before, after) =>
    (tag !== undefined && BLOCK.has(before.toLowerCase())) || (after !== undefined && BLOCK.has(after.toLowerCase())) ? (tag ?? '') : `${tag ?? ''} `,
  );
}

/**
 * Rewrites the static parts of every html`…` / css`…` in `source`. A small scanner, not a parser: it
 * follows strings, comments, template literals and `${}` nesting well enough for this code base, and
 * the browser tests run against the minified bundle's source semantics either way.
 */
export function minifyTemplates(source) {
  let out = '';
  const n = source.length;

  // Copies a template literal starting after its opening backtick; returns the index after the closing one.
  function template(start, kind) {
    let j = start;
    let chunk = '';
    const flush = () => {
      out += kind === 'css' ? minifyCss(chunk) : kind === 'html' ? minifyHtml(chunk) : chunk;
      chunk = '';
    };
    while (j < n) {
      const c = source[j];
      if (c === '\\') {
        chunk += source.slice(j, j + 2);
        j += 2;
      } else if (c === '`') {
        flush();
        out += '`';
        return j + 1;
      } else if (c === '$' && source[j + 1] === '{') {
        flush();
        out += '${';
        j = code(j + 2, true);
      } else {
        chunk += c;
        j++;
      }
    }
    flush();
    return j;
  }

  // Copies code until the matching `}` (when nested) or the end; returns the index after it.
  function code(start, nested) {
    let j = start;
    let depth = 0;
    while (j < n) {
      const c = source[j];
      if (c === '/' && source[j + 1] === '/') {
        const end = source.indexOf('\n', j);
        const stop = end === -1 ? n : end;
        out += source.slice(j, stop);
        j = stop;
      } else if (c === '/' && source[j + 1] === '*') {
        const end = source.indexOf('*/', j + 2);
        const stop = end === -1 ? n : end + 2;
        out += source.slice(j, stop);
        j = stop;
      } else if (c === '"' || c === "'") {
        let k = j + 1;
        while (k < n && source[k] !== c) k += source[k] === '\\' ? 2 : 1;
        out += source.slice(j, k + 1);
        j = k + 1;
      } else if (c === '`') {
        const tag = /(?:^|[^\w$.])(html|css)\s*$/.exec(source.slice(Math.max(0, j - 12), j));
        out += '`';
        j = template(j + 1, tag ? tag[1] : 'plain');
      } else if (c === '{') {
        depth++;
        out += c;
        j++;
      } else if (c === '}') {
        if (nested && depth === 0) {
          out += '}';
          return j + 1;
        }
        depth--;
        out += c;
        j++;
      } else {
        out += c;
        j++;
      }
    }
    return j;
  }

  code(0, false);
  return out;
}
