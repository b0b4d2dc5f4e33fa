/**
 * The public API of @mentorkit/core, pinned: adding or removing a runtime export is a decision (and a
 * changeset), not an accident of `export *`. Update the list here, the README's API section and a
 * changeset together. Internals (iCalendar folding, VTIMEZONE and UUID helpers, the lottery's hash and
 * generator, zod issue plumbing) stay unexported.
 */
import { describe, expect, it } from 'vitest';
import * as browser from '../src/browser.js';
import * as core from '../src/index.js';

const CORE = [
  'ACCESS_LEVELS', 'ALLOCATION_MODES', 'AcademicCalendarSchema', 'AccessLevelSchema', 'AccessSchema',
  'AllocationSchema', 'AssumptionsSchema', 'AudienceIdSchema', 'AudienceSchema', 'BasedOnSchema',
  'CATALOG_SCHEMA_ID', 'CATALOG_VERSION', 'CalendarIdSchema', 'CasePackageSchema', 'CatalogSchema',
  'CompletionSchema', 'ConditionSchema', 'ContactSchema', 'CourseModuleSchema', 'CurriculumIdSchema', 'CurriculumSchema',
  'DECISION_CODES', 'DEFAULT_DECISION_MESSAGES', 'DEFAULT_FACT_LABELS', 'DEFAULT_FIELDS',
  'DEFAULT_MAX_ITERATIONS', 'DEFAULT_PRODID', 'DEFAULT_REASON_MESSAGES', 'DEFAULT_ROLES', 'DELIVERY_KINDS',
  'DeliveryOptionSchema', 'ENGLISH_REASONS', 'EmailSchema', 'FEED_VERSION', 'FREQUENCIES', 'FactNameSchema', 'FactValueSchema',
  'FaqEntrySchema', 'FeedAccessSchema', 'FeedBuildError', 'FeedCurriculumSchema', 'FeedImageSchema',
  'FeedLocationSchema', 'FeedOccurrenceSchema', 'FeedPresenterSchema', 'FeedProgramSchema',
  'FeedQuestionSchema', 'FeedRecordingSchema', 'FeedResourceSchema', 'FeedRsvpPolicySchema',
  'FeedRsvpWindowSchema', 'FeedSchema', 'FeedStatedDurationSchema', 'FeedTierSchema', 'FeedWorkshopSchema', 'FieldIdSchema',
  'FormatSchema', 'ImageSchema', 'IsoDurationSchema', 'KNOWN_FACTS', 'LINT_CODES', 'LINT_SEVERITIES',
  'LearningObjectiveSchema', 'LocalDateSchema', 'LocalDateTimeSchema', 'LocalTimeSchema', 'LocationSchema',
  'MAX_LINK_DESCRIPTION', 'MODALITIES', 'ModalitySchema', 'OBJECTIVE_ITEM_TYPE', 'OPERATORS',
  'ORGANIZATION_KINDS', 'ObjectiveIdSchema', 'OccurrenceOverrideSchema', 'OperatorSchema',
  'OrganizationIdSchema', 'OrganizationKindSchema', 'OrganizationSchema', 'PRESENTER_ROLES',
  'PROMOTION_POLICIES', 'PersonIdSchema', 'PersonSchema', 'PolicyIdSchema', 'PresenterRoleSchema',
  'PresenterSchema', 'PriorityTierSchema', 'ProgramIdSchema', 'ProgramSchema', 'ProseSchema',
  'ProvenanceSchema', 'QuestionIdSchema', 'QuestionSchema', 'REASON_CODES', 'REQUEST_METHODS',
  'RESOURCE_KINDS', 'RESOURCE_RELATIONS', 'RSVP_WINDOW_ERROR_CODES', 'RecordingSchema', 'RecurrenceError', 'RecurrenceSchema', 'RelatedWorkSchema',
  'RequestOnlyWorkshopSchema', 'RequestSchema', 'ResourceIdSchema', 'ResourcePresenterSchema', 'ResourceSchema', 'RoleIdSchema',
  'RsvpPolicySchema', 'RsvpWindowError', 'RsvpWindowSchema', 'RuleSchema', 'SCHEMA_ORG',
  'SESSION_RANGE_FORMAT', 'SESSION_STATUSES', 'SIGN_IN_MODES', 'SPANISH_REASONS', 'STANDARD_FIELDS', 'STATED_DURATION_UNITS', 'ScheduledWorkshopSchema',
  'SessionIdSchema', 'SessionSchema', 'SessionStatusSchema', 'SignInModeSchema', 'SourceSchema', 'StandardFieldSchema', 'StatedDurationSchema',
  'TERM_KINDS', 'THEME_ITEM_TYPE', 'TermIdSchema', 'TermKindSchema', 'TermSchema', 'TextSchema',
  'ThemeIdSchema', 'ThemeSchema', 'TierIdSchema', 'TimeZoneSchema', 'UnitIdSchema', 'UnitSchema',
  'UrlSchema', 'VARIANT_ITEM_TYPE', 'VariantIdSchema', 'VariantSchema', 'VocabulariesSchema',
  'VocabularyTermSchema', 'WEEKDAY_CODES', 'WaitlistSchema', 'WindowBoundarySchema', 'WorkshopIdSchema',
  'WorkshopObjectiveSchema', 'WorkshopSchema', 'admit', 'allocate', 'allocateSeries', 'buildFeed',
  'caseBaseUri', 'catalogJsonSchema', 'checkCatalog', 'checkRecurrence', 'closest', 'creativeCommonsUrl', 'dayAfter',
  'effectivePolicy', 'eligibilityFor', 'evaluateEligibility', 'eventStatusOf', 'exactMinutes', 'expandOccurrences',
  'expandOccurrencesChecked', 'filterWorkshops', 'findTerm', 'formatCatalogErrors', 'formatDecision',
  'formatPath', 'formatReason', 'formatStatedDuration', 'freeSeats', 'fromCase', 'googleCalendarUrl', 'heldSeats', 'icalStatus',
  'isCalendarDate', 'isHttpUrl', 'isKnownTimeZone', 'jsonLdScriptElement', 'jsonLdScriptText', 'lintCatalog',
  'localDateOf', 'locationText', 'lotteryOrder', 'nextOccurrence', 'nextWorkshopOccurrence', 'normalizeUrl',
  'occurrenceEnded', 'outlookCalendarUrl', 'parseCasePackage', 'parseCatalog', 'parseFeed', 'parseFeedResource', 'parseInstant',
  'parseRecurrenceRule', 'pastWorkshops', 'priorityTier', 'promoteFromWaitlist', 'reasonsIn', 'reproduceAllocation',
  'requestOnlyWorkshops', 'requireInstant', 'resolveBoundary', 'resolveRsvpWindow', 'resolveWallClock',
  'rsvpStatus', 'sessionUid', 'slugId', 'sortedTerms', 'splitLocalDateTime', 'startOfLocalDate', 'statedDurationIso', 'statedDurationMinutes',
  'tidySentence', 'toCase', 'toICalendar', 'toInstant', 'toJsonLd', 'toJsonLdGraph', 'toWorkshopJsonLd',
  'toWorkshopJsonLdAll', 'upcomingWorkshops',
];

const BROWSER = [
  'DEFAULT_FACT_LABELS', 'DEFAULT_REASON_MESSAGES', 'ENGLISH_REASONS', 'FEED_VERSION', 'FeedAccessSchema',
  'FeedCurriculumSchema', 'FeedImageSchema', 'FeedLocationSchema', 'FeedOccurrenceSchema',
  'FeedPresenterSchema', 'FeedProgramSchema', 'FeedQuestionSchema', 'FeedRecordingSchema',
  'FeedResourceSchema', 'FeedRsvpPolicySchema', 'FeedRsvpWindowSchema', 'FeedSchema', 'FeedStatedDurationSchema', 'FeedTierSchema',
  'FeedWorkshopSchema', 'MAX_LINK_DESCRIPTION', 'REASON_CODES', 'SESSION_RANGE_FORMAT', 'SPANISH_REASONS', 'STATED_DURATION_UNITS',
  'dayAfter', 'evaluateEligibility', 'exactMinutes', 'formatReason', 'formatStatedDuration', 'googleCalendarUrl', 'jsonLdScriptElement', 'jsonLdScriptText',
  'localDateOf', 'occurrenceEnded', 'outlookCalendarUrl', 'parseFeed', 'parseFeedResource', 'parseInstant', 'priorityTier', 'reasonsIn', 'requireInstant',
  'rsvpStatus', 'sessionUid', 'statedDurationIso', 'statedDurationMinutes', 'tidySentence',
];

describe('public API', () => {
  it('@mentorkit/core exports exactly the curated names', () => {
    expect(Object.keys(core).sort()).toEqual(CORE);
  });

  it('@mentorkit/core/browser exports exactly the curated names, each also in the main entry', () => {
    expect(Object.keys(browser).sort()).toEqual(BROWSER);
    for (const name of BROWSER) expect(CORE, name).toContain(name);
  });

  it('keeps no internal helper in the main entry', () => {
    for (const name of ['escapeText', 'foldLine', 'unfoldLines', 'contentLine', 'vtimezoneLines', 'uuidV5', 'isUuid', 'hash128', 'seededRandom', 'lotteryShuffle', 'issuesToErrors', 'valueAt']) {
      expect(CORE, name).not.toContain(name);
    }
  });
});
