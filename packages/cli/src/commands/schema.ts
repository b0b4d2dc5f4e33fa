import { catalogJsonSchema } from '@mentorkit/core';
import type { Command } from '../args.js';
import { UsageError } from '../io.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of a catalog',
  usage: 'mentorkit schema',
  description: [
    'Prints the JSON Schema (draft 2020-12) of what an author writes, generated from the same schemas that',
    '"mentorkit check" uses. Editors use it for completion and inline errors: save it and point the',
    "catalog's $schema (or a yaml-language-server comment) at the file.",
  ].join('\n'),
  options: {},
  examples: ['mentorkit schema > catalog.schema.json'],
  async run({ positionals }, io) {
    if (positionals.length > 0) throw new UsageError(`schema takes no arguments, but got "${positionals[0]}"`, 'schema');
    io.stdout.write(`${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
