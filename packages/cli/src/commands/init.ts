import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { catalogJsonSchema, TimeZoneSchema } from '@mentorkit/core';
import type { Command } from '../args.js';
import { colorsFor, UsageError } from '../io.js';
import { STARTER_LANGUAGES, starterCatalog, type StarterLanguage } from '../starter.js';
import { checkTimeFlag, resolveTimeFlag } from '../time.js';
import { NOW_OPTION } from './shared.js';

const DEFAULT_FILE = 'catalog.yaml';
const DEFAULT_ZONE = 'America/New_York';
/** Written beside the catalog, so that editors find the schema with no network. */
const SCHEMA_FILE = 'catalog.schema.json';

export const initCommand: Command = {
  name: 'init',
  summary: 'Write a starter catalog to edit',
  usage: 'mentorkit init [file] [options]',
  description: [
    `Writes a small, commented catalog (default ${DEFAULT_FILE}) with one of each thing: an organization, an`,
    'audience, a program, an RSVP policy with eligibility and a window, a workshop with a session a few',
    'weeks from now, an offering booked on request, and a resource. It passes "mentorkit check" as written.',
    `Beside it, ${SCHEMA_FILE} (what "mentorkit schema" prints), which $schema points at, so editors complete`,
    'and check the catalog with no network; --schema points elsewhere instead and writes no schema file.',
    'An existing catalog is never overwritten unless --force is given; the schema file is always rewritten.',
    `--language writes the sample content in English or Spanish (${STARTER_LANGUAGES.join(', ')}).`,
  ].join('\n'),
  options: {
    force: { type: 'boolean', short: 'f', description: 'Overwrite the file if it exists' },
    'time-zone': { type: 'string', value: '<zone>', description: `IANA time zone of the catalog and its sample session (default ${DEFAULT_ZONE})` },
    language: { type: 'string', value: '<en|es>', description: 'Language of the sample content (default en)' },
    schema: { type: 'string', value: '<url|path>', description: `What $schema points at instead of a ${SCHEMA_FILE} written beside the catalog` },
    now: { ...NOW_OPTION, description: 'Place the sample session a few weeks after this time (default: now)' },
  },
  exit: ['  0  written', '  2  usage error, or the file exists (without --force)'],
  examples: [
    'mentorkit init',
    'mentorkit init mentoring/catalog.yaml --time-zone America/Los_Angeles',
    'mentorkit init catalogo.yaml --language es --time-zone Europe/Madrid',
    'mentorkit init mentoring/catalog.yaml --schema https://www.example.edu/mentoring/catalog.schema.json',
  ],
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError(`init writes one file, but ${positionals.length} were given`, 'init');
    const file = positionals[0] ?? DEFAULT_FILE;
    const timeZone = (values['time-zone'] as string | undefined) ?? DEFAULT_ZONE;
    const zone = TimeZoneSchema.safeParse(timeZone);
    if (!zone.success) throw new UsageError(`--time-zone: ${zone.error.issues[0]?.message ?? `"${timeZone}" is not a time zone`}`, 'init');
    const language = (values.language as string | undefined) ?? 'en';
    if (!(STARTER_LANGUAGES as readonly string[]).includes(language)) {
      throw new UsageError(`--language: the starter is written in ${STARTER_LANGUAGES.join(' or ')}, not "${language}"`, 'init');
    }
    const schema = values.schema as string | undefined;
    if (schema !== undefined && (schema.trim() === '' || /[\r\n]/.test(schema))) throw new UsageError('--schema must be a URL or a path on one line', 'init');
    const nowFlag = values.now as string | undefined;
    checkTimeFlag('now', nowFlag);
    const now = nowFlag ? resolveTimeFlag('now', nowFlag, timeZone) : io.now();

    const path = resolve(io.cwd, file);
    try {
      // 'wx' fails if the file exists: no window between checking and writing.
      await writeFile(path, starterCatalog({ now, timeZone, schema: schema ?? `./${SCHEMA_FILE}`, language: language as StarterLanguage }), { flag: values.force === true ? 'w' : 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new UsageError(`"${file}" already exists; use --force to overwrite it`, 'init');
      if (code === 'ENOENT') throw new UsageError(`cannot write "${file}": its folder does not exist`, 'init');
      if (code === 'EISDIR') throw new UsageError(`"${file}" is a folder; name the catalog file to write`, 'init');
      throw error;
    }
    let schemaNote = '';
    if (schema === undefined) {
      const schemaPath = join(dirname(path), SCHEMA_FILE);
      await writeFile(schemaPath, `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
      schemaNote = ` and ${join(dirname(file), SCHEMA_FILE)}`;
    }
    const c = colorsFor(io.stdout, io.env);
    io.stdout.write(`${c.green('wrote')} ${file}${schemaNote}\nnext: edit it, then run ${c.bold(`mentorkit check ${file}`)}\n`);
    return 0;
  },
};
