import * as z from 'zod';

/** Non-empty text with surrounding white space trimmed. */
export const TextSchema = z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' });

/** Longer prose; Markdown-free plain text, paragraphs separated by blank lines. */
export const ProseSchema = TextSchema.meta({ description: 'Plain text; separate paragraphs with a blank line.' });

/**
 * An absolute http(s) URL. Other schemes (javascript:, data:) are rejected because widgets turn these
 * into links on other people's pages.
 */
export const UrlSchema = z
  .string({ error: 'expected a URL (a string)' })
  .trim()
  .refine((value) => isHttpUrl(value), { error: 'expected an absolute http:// or https:// URL' })
  .meta({ format: 'uri', description: 'Absolute http(s) URL', examples: ['https://example.edu/mentoring'] });

export const EmailSchema = z.email({ error: 'expected an email address' });

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const ACCESS_LEVELS = ['public', 'institutional', 'registered', 'restricted'] as const;
export const AccessLevelSchema = z.enum(ACCESS_LEVELS);
export type AccessLevel = z.infer<typeof AccessLevelSchema>;

/** Who can open a link: everybody, or only people who sign in somewhere. */
export const AccessSchema = z
  .strictObject({
    level: AccessLevelSchema,
    /** What to tell people, e.g. "Sign in with your UNI and password". */
    note: TextSchema.optional(),
    /** The platform that asks for the login, e.g. "Panopto", "CourseWorks". */
    platform: TextSchema.optional(),
  })
  .meta({ description: 'Who can open a link and what they need to sign in with.' });
export type Access = z.infer<typeof AccessSchema>;

/** An image with its text alternative. `alt` may be omitted only for decorative images. */
export const ImageSchema = z
  .strictObject({
    url: UrlSchema,
    alt: z.string().optional().meta({ description: 'Text alternative; required unless decorative is true.' }),
    decorative: z.boolean().optional(),
    width: z.int().positive().optional(),
    height: z.int().positive().optional(),
  })
  .meta({ description: 'An image with alt text.' });
export type Image = z.infer<typeof ImageSchema>;

/** Assumptions an author made where the source was vague (a missing year or zone), kept with the data. */
export const AssumptionsSchema = z
  .array(TextSchema)
  .optional()
  .meta({ description: 'Assumptions made where the source was vague (a missing year, time or zone).' });
