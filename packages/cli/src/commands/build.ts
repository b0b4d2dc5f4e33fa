import { resolve } from 'node:path';
import { isHttpUrl, LINT_CODES } from '@mentorkit/core';
import type { Command } from '../args.js';
import { buildSite, PROGRESS_THRESHOLD, writtenSummary } from '../build.js';
import { checkText, readCatalogFile } from '../check.js';
import { colorsFor, UsageError } from '../io.js';
import { Progress } from '../progress.js';
import { count, failed, textReport } from '../report.js';
import { addYears, checkTimeFlag, resolveTimeFlag } from '../time.js';
import { NOW_OPTION, STRICT_OPTION, TIME_FORMS, WATCH_OPTION, watchLoop } from './shared.js';

/** Characters of catalog text above which reading it gets a progress line (about 300 workshops of YAML). */
const LARGE_TEXT = 200_000;

export const buildCommand: Command = {
  name: 'build',
  summary: 'Write the feed, calendars, JSON-LD and no-JavaScript HTML of a catalog',
  usage: 'mentorkit build <catalog> --out <dir> [options]',
  description: [
    'Checks the catalog (as "mentorkit check" does; a catalog with errors is not built) and writes into',
    '--out:',
    '  feed.json                     the feed the widgets read (occurrences between --from and --to)',
    '  calendar.ics                  every workshop, for calendar apps',
    '  programs/<id>.ics             one calendar per program',
    '  audiences/<id>.ics            one calendar per audience',
    '  workshops/<id>.jsonld         schema.org JSON-LD per workshop, for search engines',
    '  jsonld.json                   the whole catalog as one JSON-LD graph',
    '  fallback/workshop-list.html   HTML to put inside <mk-workshop-list> for readers without JavaScript',
    '  fallback/resource-list.html   the same for <mk-resource-list>',
    '  fallback/curriculum-<id>.html the same for <mk-curriculum>, per curriculum',
    '',
    TIME_FORMS,
  ].join('\n'),
  options: {
    out: { type: 'string', short: 'o', value: '<dir>', description: 'Folder to write into (created if missing); required' },
    from: { type: 'string', value: '<time>', description: 'Start of the feed window (default: one year before --now)' },
    to: { type: 'string', value: '<time>', description: 'End of the feed window (default: one year after --now)' },
    now: NOW_OPTION,
    'base-url': { type: 'string', value: '<url>', description: 'Absolute URL the output is published at; used in JSON-LD' },
    clean: { type: 'boolean', description: 'First remove what an earlier build wrote into --out (only those files)' },
    accept: {
      type: 'string',
      value: '<codes>',
      description: 'Build despite these lint findings (comma-separated codes, e.g. placeholder-text); they are still reported, as warnings',
    },
    strict: STRICT_OPTION,
    watch: WATCH_OPTION,
  },
  exit: ['  0  built', '  1  the catalog has errors (or warnings with --strict), or a file could not be written', '  2  usage error'],
  examples: [
    'mentorkit build catalog.yaml --out public/mentoring',
    'mentorkit build catalog.yaml --out dist --from 2026-01-01 --to 2026-12-31 --base-url https://www.example.edu/mentoring/',
    'mentorkit build catalog.yaml --out dist --watch',
    'mentorkit build catalog.yaml --out dist --accept placeholder-text',
  ],
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length === 0 ? 'name the catalog file to build' : `build takes one catalog, but ${positionals.length} were given`, 'build');
    }
    const file = positionals[0]!;
    const out = values.out as string | undefined;
    if (out === undefined || out === '') throw new UsageError('--out <dir> is required: the folder to write into', 'build');
    const [nowFlag, fromFlag, toFlag] = [values.now, values.from, values.to] as (string | undefined)[];
    checkTimeFlag('now', nowFlag);
    checkTimeFlag('from', fromFlag);
    checkTimeFlag('to', toFlag);
    const baseUrl = values['base-url'] as string | undefined;
    if (baseUrl !== undefined && !isHttpUrl(baseUrl)) throw new UsageError(`--base-url must be an absolute http(s) URL, not "${baseUrl}"`, 'build');
    const strict = values.strict === true;
    const accepted = new Set(((values.accept as string | undefined) ?? '').split(',').map((c) => c.trim()).filter(Boolean));
    for (const code of accepted) {
      if (!(code in LINT_CODES)) {
        throw new UsageError(`--accept takes lint codes; "${code}" is not one (known: ${Object.keys(LINT_CODES).join(', ')})`, 'build');
      }
    }

    const once = async (): Promise<number> => {
      const started = performance.now();
      const text = await readCatalogFile(io.cwd, file);
      const clock = io.now();
      // Parsing a large catalog takes seconds, before its workshops can be counted: say what is going on.
      const reading = new Progress(io.stderr, io.stderr.isTTY === true && text.length > LARGE_TEXT);
      reading.update(`checking ${file}…`, true);
      const checked = checkText(file, text, { now: (c) => (nowFlag ? resolveTimeFlag('now', nowFlag, c.defaultTimeZone) : clock) });
      reading.done();
      // Accepted findings stay visible but no longer block: an explicit, per-code decision of the author.
      for (const p of checked.report.problems) {
        if (p.kind === 'lint' && p.severity === 'error' && accepted.has(p.code)) {
          p.severity = 'warning';
          p.message = `${p.message} (accepted with --accept ${p.code})`;
        }
      }
      const counts = count([checked.report]);
      const colors = colorsFor(io.stderr, io.env);
      if (checked.report.problems.length > 0) {
        io.stderr.write(textReport([checked.report], { colors, strict, width: io.stderr.columns }));
      }
      if (!checked.catalog || !checked.now || failed(counts, strict)) {
        io.stderr.write(colors.red(`not built: fix the ${counts.errors > 0 ? 'errors' : 'warnings'} above first\n`));
        return 1;
      }
      const catalog = checked.catalog;
      const now = checked.now;
      const zone = catalog.defaultTimeZone;
      const from = fromFlag ? resolveTimeFlag('from', fromFlag, zone) : addYears(now, -1);
      const to = toFlag ? resolveTimeFlag('to', toFlag, zone) : addYears(now, 1);
      if (from.getTime() >= to.getTime()) {
        throw new UsageError(`--from (${from.toISOString()}) must be before --to (${to.toISOString()})`, 'build');
      }
      const outDir = resolve(io.cwd, out);
      try {
        const written = await buildSite(catalog, {
          outDir,
          from,
          to,
          now,
          clean: values.clean === true,
          ...(baseUrl !== undefined ? { baseUrl } : {}),
          progress: { stream: io.stderr, enabled: io.stderr.isTTY === true && catalog.workshops.length > PROGRESS_THRESHOLD },
        });
        io.stdout.write(writtenSummary(written, out, io.cwd, performance.now() - started));
        return 0;
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (error instanceof UsageError || !e.code || !e.syscall) throw error;
        io.stderr.write(`mentorkit: could not write the build into "${out}": ${e.message}\n`);
        return 1;
      }
    };

    if (values.watch === true) return watchLoop(io, [file], once, 'stdout');
    return once();
  },
};
