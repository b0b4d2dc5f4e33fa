import * as z from 'zod';
import { EmailSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import { OrganizationIdSchema, PersonIdSchema } from '../common/ids.js';

export const ORGANIZATION_KINDS = ['university', 'office', 'center', 'department', 'school', 'external', 'other'] as const;
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS);

export const OrganizationSchema = z
  .strictObject({
    id: OrganizationIdSchema,
    name: TextSchema,
    shortName: TextSchema.optional().meta({ description: 'Abbreviation, e.g. CTL or CIMER.' }),
    kind: OrganizationKindSchema.optional(),
    url: UrlSchema.optional(),
    /** The organization this one belongs to (a center inside a university). */
    partOf: OrganizationIdSchema.optional(),
  })
  .meta({ title: 'Organization' });
export type Organization = z.infer<typeof OrganizationSchema>;

export const PersonSchema = z
  .strictObject({
    id: PersonIdSchema,
    name: TextSchema,
    honorific: TextSchema.optional().meta({ examples: ['Dr.'] }),
    /** Job title, e.g. "Professor of Chemistry". */
    title: TextSchema.optional(),
    affiliation: OrganizationIdSchema.optional(),
    email: EmailSchema.optional(),
    url: UrlSchema.optional(),
  })
  .meta({ title: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

/** Whom to contact about what; `for` says who this contact serves ("Postdocs", "Graduate students"). */
export const ContactSchema = z
  .strictObject({
    person: PersonIdSchema.optional(),
    organization: OrganizationIdSchema.optional(),
    for: TextSchema.optional().meta({ description: 'Who should use this contact, e.g. "Postdocs".' }),
    purpose: TextSchema.optional(),
    email: EmailSchema.optional(),
    url: UrlSchema.optional(),
    phone: TextSchema.optional(),
  })
  .refine((c) => c.person !== undefined || c.organization !== undefined || c.email !== undefined || c.url !== undefined, {
    error: 'a contact needs a person, an organization, an email or a URL',
  })
  .meta({ title: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;
