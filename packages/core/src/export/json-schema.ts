import * as z from 'zod';
import { CatalogSchema } from '../catalog/catalog.schema.js';

export const CATALOG_SCHEMA_ID = 'https://mentorkit.dev/schema/catalog.schema.json';

/**
 * The JSON Schema (draft 2020-12) of what an author writes, generated from the zod schemas so the two
 * cannot drift. `io: 'input'` because defaults make fields optional for authors.
 */
export function catalogJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CatalogSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return nameDefinitions({ ...schema, $id: CATALOG_SCHEMA_ID });
}

/** zod names shared definitions `__schemaN`; editors show those names, so use each definition's title. */
function nameDefinitions(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = (schema.$defs ?? {}) as Record<string, { title?: string }>;
  let text = JSON.stringify(schema);
  for (const [key, def] of Object.entries(defs)) {
    if (def.title && !(def.title in defs)) text = text.replaceAll(`"${key}"`, `"${def.title}"`).replaceAll(`/$defs/${key}"`, `/$defs/${def.title}"`);
  }
  return JSON.parse(text) as Record<string, unknown>;
}
