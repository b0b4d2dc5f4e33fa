// Public surface of the export context.
export { catalogJsonSchema, CATALOG_SCHEMA_ID } from './json-schema.js';
