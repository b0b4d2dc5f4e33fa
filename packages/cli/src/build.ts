import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { buildFeed, caseBaseUri, jsonLdScriptText, toCase, toICalendar, toJsonLdGraph, toWorkshopJsonLdAll, type Catalog } from '@mentorkit/core';
import { renderFallbacks } from './html/fallback.js';
import { UsageError, type CliStream } from './io.js';
import { Progress } from './progress.js';

export interface BuildOptions {
  outDir: string;
  from: Date;
  to: Date;
  now: Date;
  baseUrl?: string;
  /** Remove earlier outputs (calendars of deleted programs, pages of deleted workshops) first. */
  clean: boolean;
  /** Where the progress line goes, and whether to draw it. */
  progress?: { stream: CliStream; enabled: boolean };
}

export interface WrittenFile {
  /** Path relative to the output folder, with `/` separators. */
  path: string;
  bytes: number;
}

/** Catalogs with more workshops than this get a progress line on a terminal. */
export const PROGRESS_THRESHOLD = 200;

/** Numbers temporary files, so that two builds in one process never share one. */
let temporaries = 0;

/** Files written concurrently at most. */
const MAX_IN_FLIGHT = 16;

/** What `mentorkit build` writes, relative to `--out`. `--clean` removes exactly these. */
const OUTPUTS = ['feed.json', 'calendar.ics', 'jsonld.json', 'programs', 'audiences', 'workshops', 'fallback', 'case'];

/**
 * Writes the static site of a valid catalog: the feed the widgets read, iCalendar files (whole catalog,
 * per program, per audience), JSON-LD (per workshop and one graph), no-JavaScript HTML fallbacks (with
 * their JSON-LD in a script element), and a CASE package per curriculum.
 * Each file is written to a temporary name and renamed, so a server never serves half a file.
 */
export async function buildSite(catalog: Catalog, options: BuildOptions): Promise<WrittenFile[]> {
  const out = options.outDir;
  await prepareOutDir(out, options.clean);
  const progress = new Progress(options.progress?.stream ?? { write: () => undefined }, options.progress?.enabled ?? false);
  const written: WrittenFile[] = [];
  const folders = new Map<string, Promise<unknown>>();
  // Thousands of small files (one per workshop): keep a few writes in flight rather than one at a time.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let done = 0;
  // feed.json, calendar.ics, jsonld.json and two HTML lists, plus three files per program, one per audience and workshop, and two per curriculum.
  const total = 5 + 3 * catalog.programs.length + catalog.audiences.length + catalog.workshops.length + 2 * catalog.curricula.length;

  const writeOne = async (path: string, content: string): Promise<void> => {
    const target = join(out, path);
    const dir = dirname(target);
    let folder = folders.get(dir);
    if (!folder) folders.set(dir, (folder = mkdir(dir, { recursive: true })));
    await folder;
    const temporary = `${target}.${process.pid}-${++temporaries}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
    progress.update(`building ${++done}/${total} files · ${path}`);
  };

  const write = async (path: string, content: string): Promise<void> => {
    safeName(path);
    // A write's own error, rethrown as it came.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (failure !== undefined) throw failure;
    written.push({ path, bytes: Buffer.byteLength(content) });
    const pending: Promise<void> = writeOne(path, content).then(
      () => void inFlight.delete(pending),
      (error: unknown) => {
        failure ??= error;
        inFlight.delete(pending);
      },
    );
    inFlight.add(pending);
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
  };

  // The same window as the feed, so that the events in JSON-LD are the occurrences the widgets list.
  const jsonLdOptions = { now: options.now, from: options.from, to: options.to, ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}) };
  try {
    progress.update('building the feed…', true);
    const feed = buildFeed(catalog, { from: options.from, to: options.to, now: options.now });
    await write('feed.json', `${JSON.stringify(feed)}\n`);

    await write('calendar.ics', toICalendar(catalog, { now: options.now, calendarName: catalog.title }));
    for (const program of catalog.programs) {
      await write(`programs/${program.id}.ics`, toICalendar(catalog, { now: options.now, programs: [program.id], calendarName: `${catalog.title}: ${program.title}` }));
    }
    const programAudiences = new Map(catalog.programs.map((p) => [p.id, p.audiences as readonly string[]]));
    for (const audience of catalog.audiences) {
      // A workshop that names no audience of its own is for its programs' audiences.
      const ids = catalog.workshops
        .filter((w) =>
          w.audiences.length > 0 ? w.audiences.includes(audience.id) : w.programs.some((p) => programAudiences.get(p)?.includes(audience.id)),
        )
        .map((w) => w.id);
      await write(`audiences/${audience.id}.ics`, toICalendar(catalog, { now: options.now, workshops: ids, calendarName: `${catalog.title}: ${audience.name}` }));
    }

    // The graph is for machines (large for a large catalog); a workshop's file is pasted into its page: indented.
    // Every JSON-LD text goes through jsonLdScriptText: each file may be pasted into a <script> element.
    await write('jsonld.json', `${jsonLdScriptText(toJsonLdGraph(catalog, jsonLdOptions))}\n`);
    const workshopJsonLd = toWorkshopJsonLdAll(catalog, jsonLdOptions);
    for (const w of catalog.workshops) {
      await write(`workshops/${w.id}.jsonld`, `${jsonLdScriptText(workshopJsonLd.get(w.id), 2)}\n`);
    }

    const fallbackJsonLd = {
      workshops: catalog.workshops.length > 0 ? toJsonLdGraph(catalog, { ...jsonLdOptions, only: 'workshops' }) : undefined,
      resources: catalog.resources.length > 0 ? toJsonLdGraph(catalog, { ...jsonLdOptions, only: 'resources' }) : undefined,
    };
    for (const file of renderFallbacks(feed, options.now, fallbackJsonLd)) await write(file.path, file.content);

    // Each curriculum as a 1EdTech CASE package another institution can import.
    const baseUri = caseBaseUri(catalog, options.baseUrl);
    for (const c of catalog.curricula) {
      await write(`case/${c.id}.json`, `${JSON.stringify(toCase(c, catalog, { now: options.now, baseUri }), null, 2)}\n`);
    }
    await Promise.all(inFlight);
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (failure !== undefined) throw failure;
  } finally {
    await Promise.all(inFlight);
    progress.done();
  }
  return written;
}

/** Ids are URL-safe slugs by schema; checked again here because they become file names. */
function safeName(path: string): void {
  if (!path.split('/').every((part) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(part))) throw new Error(`refusing to write an unsafe file name: ${path}`);
}

async function prepareOutDir(out: string, clean: boolean): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`--out "${out}" is a file, not a folder`);
  if (clean && info) await Promise.all(OUTPUTS.map((name) => rm(join(out, name), { recursive: true, force: true })));
  await mkdir(out, { recursive: true });
}

/** "12.3 kB" (decimal units, as npm and most file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * What was written: each file, except that a folder with many files (one per workshop) gets one line
 * with its count and total size.
 */
export function writtenSummary(written: readonly WrittenFile[], outDir: string, cwd: string, elapsedMs: number): string {
  const groups = new Map<string, WrittenFile[]>();
  for (const f of written) {
    const slash = f.path.indexOf('/');
    const key = slash === -1 ? f.path : f.path.slice(0, slash);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const rows: [string, string][] = [];
  for (const [key, files] of groups) {
    if (files.length <= 6) for (const f of files) rows.push([f.path, formatBytes(f.bytes)]);
    else {
      const ext = files[0]!.path.slice(files[0]!.path.lastIndexOf('.'));
      const bytes = files.reduce((n, f) => n + f.bytes, 0);
      rows.push([`${key}/*${ext}`, `${formatBytes(bytes)} in ${files.length} files`]);
    }
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  const total = written.reduce((n, f) => n + f.bytes, 0);
  const absolute = resolve(cwd, outDir);
  const inside = relative(cwd, absolute);
  const shown = inside === '' ? '.' : inside.startsWith('..') ? absolute : inside;
  const lines = rows.map(([name, size]) => `  ${name.padEnd(width)}  ${size}`);
  return `wrote ${written.length} files (${formatBytes(total)}) to ${shown} in ${(elapsedMs / 1000).toFixed(1)} s\n${lines.join('\n')}\n`;
}
