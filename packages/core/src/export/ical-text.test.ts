import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  MAX_LINE_OCTETS,
  contentLine,
  escapeText,
  foldLine,
  formatLocalDateTime,
  formatUtcDateTime,
  paramValue,
  unescapeText,
  unfoldLines,
} from './ical-text.js';

const octets = (s: string): number => new TextEncoder().encode(s).length;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const physicalLines = (folded: string): string[] => folded.split('\r\n');

// Text with characters of every UTF-8 length, including astral ones (emoji, CJK extension B).
const anyText = fc.string({ unit: 'binary', maxLength: 400 });
const mixedText = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', ';', ',', '\\', ':', '"', '\n', 'é', 'ß', '€', '中', '😀', '𠜎', '\u0301'),
  maxLength: 300,
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('never splits a multi-byte character', () => {
    // 74 ASCII octets, then a 4-octet emoji: it cannot fit in the first line, so it moves whole.
    const folded = foldLine(`${'a'.repeat(74)}😀b`);
    expect(physicalLines(folded)).toEqual(['a'.repeat(74), ' 😀b']);
  });

  it('unfold(fold(x)) is x, and no physical line exceeds 75 octets (property)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixedText), (text) => {
        const line = text.replace(/[\r\n]/g, '');
        const folded = foldLine(line);
        expect(unfoldLines(folded)).toBe(line);
        for (const physical of physicalLines(folded)) expect(octets(physical)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
        // Splits fall between code points: every physical line is well-formed UTF-16 on its own.
        for (const physical of physicalLines(folded)) expect(physical).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drops control characters TEXT cannot carry, keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });

  it('unescape(escape(x)) is x with line breaks normalised to \\n (property)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mixedText), (text) => {
        const expected = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
        const escaped = escapeText(text);
        expect(escaped).not.toMatch(/[\r\n]/);
        expect(unescapeText(escaped)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('ical.js reads back what contentLine wrote, through folding (property)', () => {
    fc.assert(
      fc.property(mixedText, anyText, (a, b) => {
        const text = `${a}${b}`.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\r\n?/g, '\n');
        const ics = ['BEGIN:VCALENDAR', contentLine('DESCRIPTION', escapeText(text)), 'END:VCALENDAR', ''].join('\r\n');
        const component = new ICAL.Component(ICAL.parse(ics));
        // An empty value reads back as "" or null.
        expect(component.getFirstPropertyValue('description') ?? '').toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('paramValue', () => {
  it('quotes values with : ; or , and removes double quotes', () => {
    expect(paramValue('America/New_York')).toBe('America/New_York');
    expect(paramValue('Smith, Jane')).toBe('"Smith, Jane"');
    expect(paramValue('Say "hi"')).toBe('Say  hi ');
  });
});

describe('date-time formats', () => {
  it('writes UTC and local forms', () => {
    expect(formatUtcDateTime(new Date('2026-01-08T20:00:05.999Z'))).toBe('20260108T200005Z');
    expect(formatLocalDateTime('2026-01-08T15:00')).toBe('20260108T150000');
    expect(formatLocalDateTime('2026-01-08T15:00:30')).toBe('20260108T150030');
  });

  it('rejects what is not a date', () => {
    expect(() => formatUtcDateTime(new Date('nope'))).toThrow(/invalid date/);
    expect(() => formatLocalDateTime('2026-01-08 15:00')).toThrow(/2026-01-08 15:00/);
  });
});
