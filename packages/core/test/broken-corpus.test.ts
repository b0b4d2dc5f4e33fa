import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog, type CatalogError } from '../src/catalog/index.js';

/**
 * Every file in test/broken/ is a catalog an author could plausibly write, and each is wrong in a known
 * way. YAML files state what parseCatalog must report in header comments; JSON cannot hold comments, so
 * `name.json` has its expectations in `name.json.expect`. One expectation per line:
 *
 *   # expect: <pathText> | <code> | <substring of the message> | <line, or - for none>
 */
const DIR = new URL('./broken/', import.meta.url);

interface Expectation {
  pathText: string;
  code: string;
  message: string;
  line: number | undefined;
}

function expectationsOf(name: string, text: string): Expectation[] {
  const source = name.endsWith('.json') ? readFileSync(new URL(`${name}.expect`, DIR), 'utf8') : text;
  return source
    .split('\n')
    .map((line) => /^(?:# )?expect: (.*)$/.exec(line)?.[1])
    .filter((spec): spec is string => spec !== undefined)
    .map((spec) => {
      const [pathText, code, message, line] = spec.split(' | ').map((s) => s.trim());
      if (!pathText || !code || !message || !line) throw new Error(`${name}: malformed expectation "${spec}"`);
      return { pathText, code, message, line: line === '-' ? undefined : Number(line) };
    });
}

const files = readdirSync(DIR)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();

const cases = files.map((name) => {
  const text = readFileSync(new URL(name, DIR), 'utf8');
  return { name, text, expectations: expectationsOf(name, text) };
});

/** What makes an error message useful to the person who has to fix the file. */
function assertReadable(error: CatalogError): void {
  const where = `${error.pathText}: ${error.message}`;
  expect(error.message.length, where).toBeGreaterThan(15);
  expect(error.message, where).not.toMatch(/^Invalid input|\[object Object\]|undefined|received [a-z]+$/);
  expect(error.pathText).not.toBe('');
  if (error.code === 'unknown_key') {
    expect(error.message, where).toContain(`"${String(error.path[error.path.length - 1])}"`);
  } else if (typeof error.value === 'string' || typeof error.value === 'number' || typeof error.value === 'boolean') {
    // The offending value, so the author can search for it; long text is shortened in messages.
    expect(error.message, where).toContain(String(error.value).slice(0, 40));
  }
  if (error.code !== 'empty') {
    expect(error.line, where).toBeGreaterThanOrEqual(1);
    expect(error.column, where).toBeGreaterThanOrEqual(1);
  }
}

describe('broken catalog corpus', () => {
  it('has at least 35 cases, each with an expectation, in YAML and in JSON', () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
    expect(cases.filter((c) => c.name.endsWith('.json')).length).toBeGreaterThanOrEqual(5);
    for (const c of cases) expect(c.expectations.length, c.name).toBeGreaterThan(0);
  });

  it.each(cases)('$name', ({ text, expectations }) => {
    let result: ReturnType<typeof parseCatalog> | undefined;
    expect(() => (result = parseCatalog(text))).not.toThrow();
    if (result === undefined || result.ok) throw new Error('expected the catalog to be rejected');
    const { errors } = result;
    expect(errors.map((e) => e.code)).not.toContain('internal');

    for (const want of expectations) {
      const match = errors.find(
        (e) => e.pathText === want.pathText && e.code === want.code && e.message.includes(want.message) && e.line === want.line,
      );
      const got = errors.map((e) => `${e.line ?? '-'}:${e.column ?? '-'} ${e.pathText} [${e.code}] ${e.message}`).join('\n');
      expect(match, `expected ${JSON.stringify(want)} among:\n${got}`).toBeDefined();
    }
    errors.forEach(assertReadable);
  });

  it('gives the same errors for a catalog given as text and as the object parsed from it, minus positions', () => {
    const json = cases.find((c) => c.name === 'json-ref-program.json')!;
    const fromText = parseCatalog(json.text);
    const fromObject = parseCatalog(JSON.parse(json.text) as unknown);
    if (fromText.ok || fromObject.ok) throw new Error('expected both to be rejected');
    const withoutPositions = (errors: CatalogError[]) =>
      errors.map(({ related, ...rest }) => ({
        ...rest,
        line: undefined,
        column: undefined,
        related: related && { ...related, line: undefined, column: undefined },
      }));
    expect(withoutPositions(fromObject.errors)).toEqual(withoutPositions(fromText.errors));
    expect(fromObject.errors.every((e) => e.line === undefined)).toBe(true);
  });
});
