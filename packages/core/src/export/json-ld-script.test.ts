import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLdScriptElement, jsonLdScriptText } from './json-ld-script.js';

describe('jsonLdScriptText', () => {
  it('escapes what could end or change the script element, and U+2028/U+2029', () => {
    const text = jsonLdScriptText({ name: '</script><script>alert(1)</script><!-- & \u2028\u2029 -->' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toBe('{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 --\\u003e"}');
  });

  it('parses back to the same JSON value, for any JSON value and indent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        const text = jsonLdScriptText(value, indent);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is also JavaScript source for the same value', () => {
    const value = { a: 'line\u2028separator\u2029paragraph', b: ['<', '>', '&'] };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    expect(new Function(`return ${jsonLdScriptText(value)};`)()).toEqual(value);
  });

  it('refuses a value with no JSON form', () => {
    expect(() => jsonLdScriptText(undefined)).toThrow(TypeError);
  });

  it('wraps the text in one script element', () => {
    expect(jsonLdScriptElement({ a: '</script>' })).toBe('<script type="application/ld+json">{"a":"\\u003c/script\\u003e"}</script>');
  });
});
