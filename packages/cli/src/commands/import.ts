import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CATALOG_SCHEMA_ID, fromCase, parseCasePackage, parseCatalog, slugId, TimeZoneSchema } from '@mentorkit/core';
import { stringify } from 'yaml';
import type { Command } from '../args.js';
import { colorsFor, UsageError } from '../io.js';

const DEFAULT_ZONE = 'UTC';

export const importCommand: Command = {
  name: 'import',
  summary: 'Turn a published CASE package into a catalog with its curriculum',
  usage: 'mentorkit import <case.json> [options]',
  description: [
    'Reads a 1EdTech CASE package (the case/<curriculum>.json "mentorkit build" writes, or one another',
    'institution publishes) and writes a catalog in YAML holding its curriculum: themes, learning',
    'objectives (each linked to the item it was read from), the order, and the audience variants with the',
    'audiences they are for, so a theme offered to one audience only stays so. Ids are made from titles',
    'and codes. Add your programs and workshops, or copy the curriculum into your own catalog.',
    'Writes to standard output unless --out names a file; an existing file is never overwritten unless',
    '--force is given.',
  ].join('\n'),
  options: {
    out: { type: 'string', short: 'o', value: '<file>', description: 'Write the catalog to this file instead of standard output' },
    force: { type: 'boolean', short: 'f', description: 'Overwrite --out if it exists' },
    id: { type: 'string', value: '<id>', description: 'Id of the curriculum (default: made from its title)' },
    'time-zone': { type: 'string', value: '<zone>', description: `IANA time zone of the new catalog (default ${DEFAULT_ZONE})` },
    schema: { type: 'string', value: '<url|path>', description: "What $schema points at (default: the schema's URL)" },
  },
  exit: ['  0  written', '  1  the file is not a CASE package', '  2  usage error, or --out exists (without --force)'],
  examples: [
    'mentorkit import entering-mentoring.json > curriculum.yaml',
    'mentorkit import https-download.json --out catalog.yaml --time-zone America/Chicago --schema ./catalog.schema.json',
  ],
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length === 0 ? 'name the CASE package (a .json file) to import' : `import takes one package, but ${positionals.length} were given`, 'import');
    }
    const file = positionals[0]!;
    const timeZone = (values['time-zone'] as string | undefined) ?? DEFAULT_ZONE;
    const zone = TimeZoneSchema.safeParse(timeZone);
    if (!zone.success) throw new UsageError(`--time-zone: ${zone.error.issues[0]?.message ?? `"${timeZone}" is not a time zone`}`, 'import');
    const id = values.id as string | undefined;
    if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) throw new UsageError(`--id "${id}" is not an id (letters, digits, '.', '_' or '-')`, 'import');
    const schema = (values.schema as string | undefined) ?? CATALOG_SCHEMA_ID;
    if (schema.trim() === '' || /[\r\n]/.test(schema)) throw new UsageError('--schema must be a URL or a path on one line', 'import');

    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `"${file}" does not exist` : code === 'EISDIR' ? `"${file}" is a folder` : `cannot read "${file}": ${(error as Error).message}`, 'import');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      io.stderr.write(`mentorkit: ${file} is not JSON: ${(error as Error).message}\n`);
      return 1;
    }
    const parsed = parseCasePackage(json);
    if (!parsed.ok) {
      io.stderr.write(`mentorkit: ${file} is not a CASE package:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n`);
      return 1;
    }
    const imported = fromCase(parsed.package, id !== undefined ? { curriculumId: id } : {});
    const doc = parsed.package.CFDocument;
    const language = imported.language !== undefined && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(imported.language) ? imported.language : 'en';
    const catalog = {
      $schema: schema,
      version: 1,
      id: slugId(`${imported.curriculum.id}-adopted`, 'catalog'),
      title: doc.title,
      defaultTimeZone: timeZone,
      language,
      sources: [{ title: `CASE package: ${doc.title}`, ...(doc.uri && /^https?:\/\//i.test(doc.uri) ? { url: doc.uri } : {}), note: `Imported from ${file}.` }],
      ...(imported.organizations.length > 0 ? { organizations: imported.organizations } : {}),
      ...(imported.audiences.length > 0 ? { audiences: imported.audiences } : {}),
      curricula: [imported.curriculum],
    };
    // What is written must pass "mentorkit check": refuse to write a catalog that would not.
    const check = parseCatalog(catalog);
    if (!check.ok) {
      io.stderr.write(`mentorkit: ${file} could not be turned into a valid catalog:\n${check.errors.map((e) => `  ${e.pathText}: ${e.message}`).join('\n')}\n`);
      return 1;
    }
    const yaml = [
      `# yaml-language-server: $schema=${schema}`,
      '#',
      `# "${doc.title.replace(/\s+/g, ' ')}", imported from the CASE package ${file}.`,
      '# Its audiences are named as the package names them: give them roles and fields (or point the',
      "# variants at your own audiences), then add the programs and workshops that teach it.",
      stringify(catalog, { lineWidth: 0 }),
    ].join('\n');

    const out = values.out as string | undefined;
    if (out === undefined) {
      io.stdout.write(yaml);
      return 0;
    }
    try {
      await writeFile(resolve(io.cwd, out), yaml, { flag: values.force === true ? 'w' : 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new UsageError(`"${out}" already exists; use --force to overwrite it`, 'import');
      if (code === 'ENOENT') throw new UsageError(`cannot write "${out}": its folder does not exist`, 'import');
      throw error;
    }
    const c = colorsFor(io.stdout, io.env);
    io.stdout.write(`${c.green('wrote')} ${out}: ${imported.curriculum.themes.length} themes, ${imported.curriculum.themes.reduce((n, t) => n + (t.objectives?.length ?? 0), 0)} objectives\nnext: run ${c.bold(`mentorkit check ${out}`)}\n`);
    return 0;
  },
};
