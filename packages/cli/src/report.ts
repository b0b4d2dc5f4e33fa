import type { Colors } from './io.js';

export type Severity = 'error' | 'warning' | 'info';

/** One schema error or lint finding, located in its file. */
export interface Problem {
  severity: Severity;
  /** `schema`: the catalog is invalid (from parsing); `lint`: valid, but the content has a problem. */
  kind: 'schema' | 'lint';
  code: string;
  message: string;
  path: readonly (string | number)[];
  pathText: string;
  line?: number;
  column?: number;
  /** Characters to underline from `column` (at least 1). */
  length?: number;
  value?: unknown;
  related?: { pathText: string; message: string; line?: number; column?: number };
}

export interface FileReport {
  /** The file as the user named it. */
  file: string;
  /** Its text, for source excerpts; absent when it could not be read. */
  text?: string;
  /** Sorted by position; unlocated problems last. */
  problems: Problem[];
}

export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function count(reports: readonly FileReport[]): Counts {
  const counts: Counts = { files: reports.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of reports) for (const p of r.problems) countOne(counts, p.severity);
  return counts;
}

function countOne(counts: Counts, severity: Severity): void {
  if (severity === 'error') counts.errors++;
  else if (severity === 'warning') counts.warnings++;
  else counts.infos++;
}

/** Whether the run fails: any error, or any warning under `--strict`. */
export function failed(counts: Counts, strict: boolean): boolean {
  return counts.errors > 0 || (strict && counts.warnings > 0);
}

export function sortProblems(problems: Problem[]): Problem[] {
  const far = Number.MAX_SAFE_INTEGER;
  return problems.sort((a, b) => (a.line ?? far) - (b.line ?? far) || (a.column ?? far) - (b.column ?? far));
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "2 errors, 1 warning in 3 files" (and the info count when there are any). */
export function summaryLine(counts: Counts): string {
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(`${counts.infos} info`);
  return `${parts.join(', ')} in ${plural(counts.files, 'file')}`;
}

export interface TextReportOptions {
  colors: Colors;
  strict: boolean;
  /** Width available for a source line (the terminal's columns when known). */
  width?: number;
}

/** The human report: problems grouped by file, each with its place, a source line and a caret under it. */
export function textReport(reports: readonly FileReport[], options: TextReportOptions): string {
  const c = options.colors;
  const out: string[] = [];
  for (const report of reports) {
    const counts = count([report]);
    if (report.problems.length === 0) {
      out.push(`${c.green('✓')} ${c.bold(report.file)} ${c.dim('no problems')}`);
      continue;
    }
    out.push(`${c.bold(c.underline(report.file))} ${c.dim(`(${summaryLine(counts).replace(/ in 1 file$/, '')})`)}`);
    const lines = report.text?.split('\n');
    const gutter = String(report.problems.reduce((max, p) => Math.max(max, p.line ?? 0), 1)).length;
    for (const p of report.problems) out.push(problemText(report.file, p, lines, gutter, options), '');
  }
  const counts = count(reports);
  const summary = summaryLine(counts);
  const strictNote = options.strict && counts.warnings > 0 ? ' (--strict: warnings fail)' : '';
  const colour = counts.errors > 0 ? c.red : counts.warnings > 0 ? c.yellow : c.green;
  out.push(colour(c.bold(summary)) + strictNote);
  return `${out.join('\n')}\n`;
}

function problemText(file: string, p: Problem, lines: string[] | undefined, gutter: number, options: TextReportOptions): string {
  const c = options.colors;
  const paint = p.severity === 'error' ? c.red : p.severity === 'warning' ? c.yellow : c.cyan;
  const pad = ' '.repeat(gutter);
  const bar = c.blue('|');
  const head = `${paint(c.bold(p.severity))}${c.dim(`[${p.code}]`)}${c.bold(`: ${p.message}`)}`;
  const where = p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : file;
  const out = [head, `${pad}${c.blue('-->')} ${where} ${c.dim(p.pathText)}`];
  const source = p.line !== undefined ? lines?.[p.line - 1] : undefined;
  if (source !== undefined && p.line !== undefined) {
    const excerpt = excerptOf(source, p.column ?? 1, p.length ?? 1, Math.max(40, (options.width ?? 100) - gutter - 3));
    out.push(`${pad} ${bar}`);
    out.push(`${c.blue(String(p.line).padStart(gutter))} ${bar} ${excerpt.text}`);
    out.push(`${pad} ${bar} ${' '.repeat(excerpt.caretAt)}${paint('^'.repeat(excerpt.caretLength))}`);
  }
  if (p.related) {
    const at = p.related.line !== undefined ? ` (${file}:${p.related.line}:${p.related.column ?? 1})` : '';
    out.push(`${pad} ${c.blue('=')} ${c.bold('note:')} ${p.related.message}${at}`);
  }
  return out.join('\n');
}

/**
 * The source line as shown under a problem: tabs and control characters become one space each so the
 * caret stays aligned, and a long line (a minified JSON catalog) is cut to a window around the column.
 */
export function excerptOf(line: string, column: number, length: number, width: number): { text: string; caretAt: number; caretLength: number } {
  const clean = line.replace(/\r$/, '').replace(/[\t\u0000-\u001f\u007f]/g, ' ');
  const at = Math.min(Math.max(column - 1, 0), clean.length);
  if (clean.length <= width) {
    return { text: clean, caretAt: at, caretLength: Math.max(1, Math.min(length, clean.length - at)) };
  }
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), clean.length - width));
  const end = Math.min(clean.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < clean.length ? '…' : '';
  return {
    text: `${prefix}${clean.slice(start, end)}${suffix}`,
    caretAt: prefix.length + at - start,
    caretLength: Math.max(1, Math.min(length, end - at)),
  };
}

/** The machine report: one JSON document, stable field names; `compact` puts it on one line (for a stream of them). */
export function jsonReport(reports: readonly FileReport[], strict: boolean, compact = false): string {
  const counts = count(reports);
  const located = (file: string, p: Problem) => ({
    file,
    ...(p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : {}),
    path: p.path,
    pathText: p.pathText,
    code: p.code,
    message: p.message,
    ...(p.value !== undefined ? { value: p.value } : {}),
    ...(p.related ? { related: p.related } : {}),
  });
  const doc = {
    files: reports.map((r) => {
      const c = count([r]);
      return { file: r.file, ok: !failed(c, strict), errors: c.errors, warnings: c.warnings, infos: c.infos };
    }),
    errors: reports.flatMap((r) => r.problems.filter((p) => p.kind === 'schema').map((p) => located(r.file, p))),
    findings: reports.flatMap((r) => r.problems.filter((p) => p.kind === 'lint').map((p) => ({ severity: p.severity, ...located(r.file, p) }))),
    summary: { ...counts, strict, ok: !failed(counts, strict), text: summaryLine(counts) },
  };
  return `${JSON.stringify(doc, null, compact ? undefined : 2)}\n`;
}
