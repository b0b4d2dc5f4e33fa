import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lintCatalog, parseCatalog, type Catalog, type CatalogError } from '@mentorkit/core';
import { UsageError } from './io.js';
import { SourceLocator, type SourcePath, type SourcePosition } from './locate.js';
import { sortProblems, type FileReport, type Problem } from './report.js';

export interface CheckedFile {
  report: FileReport;
  /** The parsed catalog, when it has no schema errors. */
  catalog?: Catalog;
  /** The clock the catalog was linted against. */
  now?: Date;
}

export interface CheckTextOptions {
  /** The clock for lint rules; a function because a flag such as `--now 2026-01-08` means a day in the catalog's zone. */
  now: Date | ((catalog: Catalog) => Date);
}

/** Schema errors (from parsing) and, for a valid catalog, lint findings, each located in the text. */
export function checkText(file: string, text: string, options: CheckTextOptions): CheckedFile {
  let locator: SourceLocator | undefined;
  // Parsing the text a second time for positions costs as much as the check itself: only when needed.
  const where = (path: SourcePath): SourcePosition | undefined => (locator ??= new SourceLocator(text)).locate(path);

  const parsed = parseCatalog(text);
  if (!parsed.ok) {
    const problems = parsed.errors.map((e) => schemaProblem(e, where));
    return { report: { file, text, problems: sortProblems(problems) } };
  }
  const now = typeof options.now === 'function' ? options.now(parsed.catalog) : options.now;
  const problems: Problem[] = lintCatalog(parsed.catalog, { now }).map((f) => {
    const at = where(f.path);
    return {
      severity: f.severity,
      kind: 'lint',
      code: f.code,
      message: f.message,
      path: f.path,
      pathText: f.pathText,
      ...(at ? { line: at.line, column: at.column, length: at.length } : {}),
      ...(f.value !== undefined ? { value: f.value } : {}),
    };
  });
  return { report: { file, text, problems: sortProblems(problems) }, catalog: parsed.catalog, now };
}

function schemaProblem(e: CatalogError, where: (path: SourcePath) => SourcePosition | undefined): Problem {
  // Core gives line and column; the underline's length comes from the same walk of the YAML tree.
  const at = e.path.length > 0 && e.line !== undefined ? where(e.path) : undefined;
  const length = at && at.line === e.line && at.column === e.column ? at.length : 1;
  return {
    severity: 'error',
    kind: 'schema',
    code: e.code,
    message: e.message,
    path: e.path,
    pathText: e.pathText,
    ...(e.line !== undefined ? { line: e.line, column: e.column ?? 1, length } : {}),
    ...(e.value !== undefined ? { value: e.value } : {}),
    ...(e.related
      ? {
          related: {
            pathText: e.related.pathText,
            message: e.related.message,
            ...(e.related.line !== undefined ? { line: e.related.line, column: e.related.column ?? 1 } : {}),
          },
        }
      : {}),
  };
}

/** Reads a catalog the user named; a missing or unreadable file is a usage error that names it. */
export async function readCatalogFile(cwd: string, file: string): Promise<string> {
  const path = resolve(cwd, file);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`"${file}" is a directory; name a catalog file (.yaml, .yml or .json)`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new UsageError(`cannot read catalog "${file}": ${why}${code === 'ENOENT' ? ` (looked for ${path})` : ''}`);
  }
}
