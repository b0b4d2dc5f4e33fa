export * from '../common/ids.js';
export * from '../common/common.schema.js';
export * from './catalog.schema.js';
// Explicit: errors.ts also holds helpers for its own messages that are not API.
export { closest, formatCatalogErrors, formatPath, type CatalogError, type CatalogPath } from './errors.js';
export { parseCatalog, type ParseCatalogResult, type ParseCatalogOptions } from './parse.js';
export { checkCatalog, type EntityKind } from './references.js';
export {
  lintCatalog,
  normalizeUrl,
  LINT_CODES,
  LINT_SEVERITIES,
  type LintCode,
  type LintFinding,
  type LintOptions,
  type LintSeverity,
} from './lint.js';
