// Writes schema/catalog.schema.json from the built package, so the shipped schema is generated, never hand-written.
import { mkdir, writeFile } from 'node:fs/promises';
import { catalogJsonSchema } from '../dist/index.js';

const url = new URL('../schema/catalog.schema.json', import.meta.url);
await mkdir(new URL('.', url), { recursive: true });
await writeFile(url, `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
console.log(`wrote ${url.pathname}`);
