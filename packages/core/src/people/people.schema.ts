import * as z from 'zod';
import { EmailSchema, TextSchema, UrlSchema } from '../common/common.schema.js';
import { OrganizationIdSchema, PersonIdSchema } from '../common/ids.js';

export const ORGANIZATION_KINDS = ['university', 'office', 'center', 'department', 'school', 'external', 'other'] as const;
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS);

export const OrganizationSchema = z
  .strictObject({
    id: OrganizationIdSchema,
    name: TextSchema.meta({ description: 'Full name.', examples: ['Center for Teaching and Learning', 'Center for the Improvement of Mentored Experiences in Research'] }),
    shortName: TextSchema.optional().meta({ description: 'Abbreviation, e.g. CTL or CIMER.', examples: ['CTL', 'CIMER'] }),
    kind: OrganizationKindSchema.optional().meta({ description: 'What kind of organization it is; external: outside the institution.' }),
    url: UrlSchema.optional().meta({ description: 'Its website.', examples: ['https://cimerproject.org', 'https://ctl.columbia.edu'] }),
    /** The organization this one belongs to (a center inside a university). */
    partOf: OrganizationIdSchema.optional().meta({ description: 'Id of the organization this one belongs to (a center inside a university).', examples: ['columbia'] }),
  })
  .meta({ title: 'Organization' });
export type Organization = z.infer<typeof OrganizationSchema>;

export const PersonSchema = z
  .strictObject({
    id: PersonIdSchema,
    name: TextSchema.meta({ description: 'Full name, without honorific.', examples: ['Lynn Talton', 'Ruben Gonzalez'] }),
    honorific: TextSchema.optional().meta({ description: 'Written before the name.', examples: ['Dr.'] }),
    /** Job title, e.g. "Professor of Chemistry". */
    title: TextSchema.optional().meta({ description: 'Job title.', examples: ['Professor of Chemistry', 'Associate Professor of Mechanical Engineering'] }),
    affiliation: OrganizationIdSchema.optional().meta({ description: 'Id of the organization the person belongs to.', examples: ['columbia'] }),
    email: EmailSchema.optional().meta({ description: 'Email address.', examples: ['ctl@columbia.edu'] }),
    url: UrlSchema.optional().meta({ description: 'A page about the person.', examples: ['https://www.biomedpostdoc.ucla.edu/mentoring-up-training-series/'] }),
  })
  .meta({ title: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

/** Whom to contact about what; `for` says who this contact serves ("Postdocs", "Graduate students"). */
export const ContactSchema = z
  .strictObject({
    person: PersonIdSchema.optional().meta({ description: 'Id of the person to contact.', examples: ['lynn-talton', 'diana-azurdia'] }),
    organization: OrganizationIdSchema.optional().meta({ description: 'Id of the organization to contact.', examples: ['ctl'] }),
    for: TextSchema.optional().meta({ description: 'Who should use this contact, e.g. "Postdocs".', examples: ['Postdocs', 'Graduate students'] }),
    purpose: TextSchema.optional().meta({ description: 'What to contact them about.', examples: ['Consultations and Workshops To Go'] }),
    email: EmailSchema.optional().meta({ description: 'Email address to write to.', examples: ['ctl@columbia.edu'] }),
    url: UrlSchema.optional().meta({ description: 'A contact page or form.', examples: ['https://ctl.columbia.edu/advancing-mentorship'] }),
    phone: TextSchema.optional().meta({ description: 'Telephone number, as published.', examples: ['+1 212 555 0147'] }),
  })
  .refine((c) => c.person !== undefined || c.organization !== undefined || c.email !== undefined || c.url !== undefined, {
    error: 'a contact needs a person, an organization, an email or a URL',
  })
  .meta({ title: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;
