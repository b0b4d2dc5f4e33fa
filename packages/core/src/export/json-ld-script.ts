/**
 * JSON-LD as the text of a `<script type="application/ld+json">` element. Plain JSON.stringify is not
 * enough there: the HTML parser ends the element at the first `</script` whatever the JSON means, and
 * `<!--` changes how it finds that end. Escaping `<`, `>` and `&` as JSON `\u` escapes keeps every
 * catalog string inside the element; U+2028 and U+2029 are escaped too, so the text is also valid
 * JavaScript source for tools that evaluate it. The escaped text parses to the same JSON value.
 */

const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPED: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * The JSON text of `value`, safe to place between `<script type="application/ld+json">` and `</script>`
 * (and in a `.jsonld` file that may be pasted there). `JSON.parse` of it equals `JSON.parse(JSON.stringify(value))`.
 * `indent` is passed to JSON.stringify.
 */
export function jsonLdScriptText(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  // JSON.stringify gives undefined for undefined, functions and symbols: nothing to embed.
  if (json === undefined) throw new TypeError('jsonLdScriptText: the value has no JSON form');
  return json.replace(UNSAFE, (c) => ESCAPED[c]!);
}

/** A whole `<script type="application/ld+json">…</script>` element of `value` (see {@link jsonLdScriptText}). */
export function jsonLdScriptElement(value: unknown, indent?: number): string {
  return `<script type="application/ld+json">${jsonLdScriptText(value, indent)}</script>`;
}
