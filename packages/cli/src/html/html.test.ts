import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeHref } from './html.js';

describe('html', () => {
  it('escapes interpolated text in content and attributes', () => {
    const title = `<script>alert("x")</script> & 'y'`;
    expect(html`<a title="${title}">${title}</a>`.toString()).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</a>',
    );
  });

  it('keeps nested templates and lists as markup, and renders nothing for null, undefined and booleans', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${true}${0}`.toString()).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('never lets interpolated strings produce markup, and loses none of their text', () => {
    const unescape = (t: string): string =>
      t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 3 }), (s, list) => {
        const out = html`${s}${list}`.toString();
        expect(out).not.toMatch(/[<>"']/);
        expect(unescape(out)).toBe(s + list.join(''));
      }),
    );
  });

  it('escapes the five significant characters and nothing else', () => {
    expect(escapeHtml(`a&b<c>d"e'f é ✓`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f é ✓');
  });
});

describe('safeHref', () => {
  it('accepts http(s) URLs and rejects other schemes', () => {
    expect(safeHref('https://example.edu/x?a=1&b=2')).toBe('https://example.edu/x?a=1&b=2');
    expect(safeHref('HTTP://example.edu')).toBe('HTTP://example.edu');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' data:text/html,x')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });
});
