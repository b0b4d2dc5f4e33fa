import picocolors from 'picocolors';
import { describe, expect, it } from 'vitest';
import { excerptOf, failed, jsonReport, summaryLine, textReport, type FileReport } from './report.js';

const plain = picocolors.createColors(false);

describe('summaryLine', () => {
  it('counts with the right plurals and mentions info only when there is some', () => {
    expect(summaryLine({ files: 3, errors: 2, warnings: 1, infos: 0 })).toBe('2 errors, 1 warning in 3 files');
    expect(summaryLine({ files: 1, errors: 1, warnings: 0, infos: 2 })).toBe('1 error, 0 warnings, 2 info in 1 file');
  });
});

describe('failed', () => {
  it('fails on errors, and on warnings only under --strict', () => {
    expect(failed({ files: 1, errors: 1, warnings: 0, infos: 0 }, false)).toBe(true);
    expect(failed({ files: 1, errors: 0, warnings: 1, infos: 0 }, false)).toBe(false);
    expect(failed({ files: 1, errors: 0, warnings: 1, infos: 0 }, true)).toBe(true);
    expect(failed({ files: 1, errors: 0, warnings: 0, infos: 3 }, true)).toBe(false);
  });
});

describe('excerptOf', () => {
  it('keeps a short line and puts the caret under the column', () => {
    expect(excerptOf('  start: 2026', 10, 4, 80)).toEqual({ text: '  start: 2026', caretAt: 9, caretLength: 4 });
  });

  it('turns tabs into single spaces so the caret stays aligned', () => {
    expect(excerptOf('\tx: y', 5, 1, 80)).toEqual({ text: ' x: y', caretAt: 4, caretLength: 1 });
  });

  it('cuts a long line to a window around the column', () => {
    const line = `${'a'.repeat(500)}TARGET${'b'.repeat(500)}`;
    const e = excerptOf(line, 501, 6, 60);
    expect(e.text.startsWith('…')).toBe(true);
    expect(e.text.endsWith('…')).toBe(true);
    expect(e.text.length).toBeLessThanOrEqual(62);
    expect(e.text.slice(e.caretAt, e.caretAt + e.caretLength)).toBe('TARGET');
  });
});

const report: FileReport = {
  file: 'c.yaml',
  text: 'a: 1\ntitle: Lorem ipsum\n',
  problems: [
    { severity: 'warning', kind: 'lint', code: 'placeholder_text', message: 'looks like placeholder text', path: ['title'], pathText: 'title', line: 2, column: 8, length: 11 },
  ],
};

describe('textReport', () => {
  it('prints the place, the source line and a caret under the located text', () => {
    const out = textReport([report], { colors: plain, strict: false });
    const lines = out.split('\n');
    expect(out).toContain('warning[placeholder_text]: looks like placeholder text');
    expect(out).toContain('--> c.yaml:2:8 title');
    const source = lines.find((l) => l.includes('title: Lorem ipsum'))!;
    const caret = lines[lines.indexOf(source) + 1]!;
    expect(caret.indexOf('^')).toBe(source.indexOf('Lorem'));
    expect(caret.slice(caret.indexOf('^'))).toBe('^'.repeat(11));
    expect(out.trimEnd().split('\n').at(-1)).toBe('0 errors, 1 warning in 1 file');
  });

  it('says so when --strict makes warnings fail', () => {
    expect(textReport([report], { colors: plain, strict: true })).toContain('(--strict: warnings fail)');
  });
});

describe('jsonReport', () => {
  it('separates schema errors from lint findings and sums them up', () => {
    const doc = JSON.parse(jsonReport([report, { file: 'd.yaml', problems: [] }], true));
    expect(doc.files).toEqual([
      { file: 'c.yaml', ok: false, errors: 0, warnings: 1, infos: 0 },
      { file: 'd.yaml', ok: true, errors: 0, warnings: 0, infos: 0 },
    ]);
    expect(doc.errors).toEqual([]);
    expect(doc.findings).toEqual([
      { severity: 'warning', file: 'c.yaml', line: 2, column: 8, path: ['title'], pathText: 'title', code: 'placeholder_text', message: 'looks like placeholder text' },
    ]);
    expect(doc.summary).toMatchObject({ files: 2, errors: 0, warnings: 1, strict: true, ok: false });
  });
});
