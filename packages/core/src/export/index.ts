// Public surface of the export context. iCalendar text folding, VTIMEZONE and UUID helpers are internal.
export { catalogJsonSchema, CATALOG_SCHEMA_ID } from './json-schema.js';
export { toICalendar, icalStatus, DEFAULT_PRODID, type ICalendarOptions } from './ical.js';
export { googleCalendarUrl, outlookCalendarUrl, sessionUid, MAX_LINK_DESCRIPTION, type CalendarLinkDetails, type LinkOccurrence } from './calendar-links.js';
export { locationText } from './location-text.js';
export { jsonLdScriptText, jsonLdScriptElement } from './json-ld-script.js';
export { toJsonLd, toJsonLdGraph, toWorkshopJsonLd, toWorkshopJsonLdAll, eventStatusOf, SCHEMA_ORG, type JsonLdOptions } from './json-ld.js';
// schema.org's Organization and Person would clash with the catalog's: the types live under one name.
export type * as SchemaOrg from './schema-org.js';
export type { JsonLdGraph, JsonLdNode } from './schema-org.js';
export {
  toCase,
  caseBaseUri,
  creativeCommonsUrl,
  THEME_ITEM_TYPE,
  OBJECTIVE_ITEM_TYPE,
  VARIANT_ITEM_TYPE,
  type CaseOptions,
  type CasePackage,
  type CFDocument,
  type CFItem,
  type CFAssociation,
  type CFDefinitions,
  type CFItemTypeDefinition,
  type CFLicense,
  type CaseLink,
  type CaseAssociationType,
} from './case.js';
export { fromCase, parseCasePackage, slugId, CasePackageSchema, type CaseImport, type ParseCaseResult } from './case-import.js';
