import type { Command } from '../args.js';
import { checkText, readCatalogFile } from '../check.js';
import { colorsFor, UsageError } from '../io.js';
import { count, failed, jsonReport, textReport } from '../report.js';
import { checkTimeFlag, resolveTimeFlag } from '../time.js';
import { NOW_OPTION, readAll, STRICT_OPTION, TIME_FORMS, WATCH_OPTION, watchLoop } from './shared.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check catalogs: schema errors and content warnings, with line and column',
  usage: 'mentorkit check <catalog…> [options]',
  description: [
    'Checks each catalog (YAML or JSON) against the schema: types, required fields, references between',
    'ids, RRULEs, times that do not exist in their zone. A valid catalog is then linted for content',
    'problems (stale "upcoming" workshops, placeholder text, missing alt text, …). Problems are grouped by',
    'file, each with its line and column and the source line it points at.',
    '',
    TIME_FORMS,
  ].join('\n'),
  options: {
    format: { type: 'string', value: '<text|json>', description: 'Output format (default text); json prints one JSON document' },
    strict: STRICT_OPTION,
    now: NOW_OPTION,
    watch: WATCH_OPTION,
  },
  exit: ['  0  no errors (warnings allowed unless --strict)', '  1  errors, or warnings with --strict', '  2  usage error: unknown option, missing file, …'],
  examples: [
    'mentorkit check catalog.yaml',
    'mentorkit check programs.yaml resources.yaml --strict',
    'mentorkit check catalog.yaml --format json > report.json',
    'mentorkit check catalog.yaml --watch',
  ],
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('name at least one catalog file to check', 'check');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${String(format)}"`, 'check');
    const strict = values.strict === true;
    const nowFlag = values.now as string | undefined;
    checkTimeFlag('now', nowFlag);

    const watching = values.watch === true;
    const once = async (): Promise<number> => {
      const texts = await readAll(positionals, (f) => readCatalogFile(io.cwd, f));
      const clock = io.now();
      const reports = positionals.map(
        (file, i) => checkText(file, texts[i]!, { now: (catalog) => (nowFlag ? resolveTimeFlag('now', nowFlag, catalog.defaultTimeZone) : clock) }).report,
      );
      io.stdout.write(
        format === 'json'
          ? jsonReport(reports, strict, watching)
          : textReport(reports, { colors: colorsFor(io.stdout, io.env), strict, width: io.stdout.columns }),
      );
      return failed(count(reports), strict) ? 1 : 0;
    };

    if (watching) return watchLoop(io, positionals, once, format === 'json' ? 'stderr' : 'stdout');
    return once();
  },
};
