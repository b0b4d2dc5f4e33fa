import * as z from 'zod';

/** Ids are short, URL-safe slugs an author can type and a URL can carry. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function idSchema<const B extends string>(brand: B, what: string, examples: string[]) {
  return z
    .string({ error: `expected ${what} id (a string)` })
    .regex(ID_PATTERN, {
      error: `${what} id must start with a letter or digit and use only letters, digits, '.', '_' or '-' (at most 128 characters)`,
    })
    .brand<B>()
    .meta({ description: `Id of ${what}`, examples });
}

export const OrganizationIdSchema = idSchema('OrganizationId', 'an organization', ['ctl', 'cimer']);
export const PersonIdSchema = idSchema('PersonId', 'a person', ['lynn-talton', 'ruben-gonzalez']);
export const AudienceIdSchema = idSchema('AudienceId', 'an audience', ['grad-students-postdocs', 'research-mentors']);
export const RoleIdSchema = idSchema('RoleId', 'a role', ['graduate-student', 'postdoc']);
export const FieldIdSchema = idSchema('FieldId', 'a field', ['biosciences', 'health-sciences']);
export const ProgramIdSchema = idSchema('ProgramId', 'a program', ['mentoring-up', 'advancing-mentorship-practices']);
export const CurriculumIdSchema = idSchema('CurriculumId', 'a curriculum', ['entering-mentoring']);
export const ThemeIdSchema = idSchema('ThemeId', 'a theme', ['aligning-expectations', 'fostering-independence']);
export const ObjectiveIdSchema = idSchema('ObjectiveId', 'a learning objective', ['mu-ae-1', 'em-fi-2']);
export const UnitIdSchema = idSchema('UnitId', 'a curriculum unit', ['aligning-expectations-session']);
export const VariantIdSchema = idSchema('VariantId', 'a curriculum variant', ['mentor', 'mentee']);
export const WorkshopIdSchema = idSchema('WorkshopId', 'a workshop', ['mu-aligning-expectations', 'preparing-new-semester-2026']);
export const SessionIdSchema = idSchema('SessionId', 'a session', ['mu-aligning-expectations-2022-10-19', 'mentoring-monday-2025']);
export const ResourceIdSchema = idSchema('ResourceId', 'a resource', ['bridging-differences-workshop-recording']);
export const PolicyIdSchema = idSchema('PolicyId', 'an RSVP policy', ['mentoring-up-rsvp']);
export const CalendarIdSchema = idSchema('CalendarId', 'an academic calendar', ['academic-quarters']);
export const TermIdSchema = idSchema('TermId', 'an academic term', ['fall-2022', 'winter-2023']);
export const TierIdSchema = idSchema('TierId', 'a priority tier', ['biosciences', 'any-discipline']);
export const QuestionIdSchema = idSchema('QuestionId', 'a question', ['dietary-needs']);

export type OrganizationId = z.infer<typeof OrganizationIdSchema>;
export type PersonId = z.infer<typeof PersonIdSchema>;
export type AudienceId = z.infer<typeof AudienceIdSchema>;
export type RoleId = z.infer<typeof RoleIdSchema>;
export type FieldId = z.infer<typeof FieldIdSchema>;
export type ProgramId = z.infer<typeof ProgramIdSchema>;
export type CurriculumId = z.infer<typeof CurriculumIdSchema>;
export type ThemeId = z.infer<typeof ThemeIdSchema>;
export type ObjectiveId = z.infer<typeof ObjectiveIdSchema>;
export type UnitId = z.infer<typeof UnitIdSchema>;
export type VariantId = z.infer<typeof VariantIdSchema>;
export type WorkshopId = z.infer<typeof WorkshopIdSchema>;
export type SessionId = z.infer<typeof SessionIdSchema>;
export type ResourceId = z.infer<typeof ResourceIdSchema>;
export type PolicyId = z.infer<typeof PolicyIdSchema>;
export type CalendarId = z.infer<typeof CalendarIdSchema>;
export type TermId = z.infer<typeof TermIdSchema>;
export type TierId = z.infer<typeof TierIdSchema>;
export type QuestionId = z.infer<typeof QuestionIdSchema>;
