export * from './ids.js';
export * from './common.schema.js';
export * from './catalog.schema.js';
export * from './errors.js';
export { parseCatalog, type ParseCatalogResult, type ParseCatalogOptions } from './parse.js';
export { checkCatalog, type EntityKind } from './references.js';
