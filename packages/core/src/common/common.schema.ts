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
  .meta({ format: 'uri', description: 'Absolute http(s) URL', examples: ['https://ctl.columbia.edu/advancing-mentorship'] });

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
    level: AccessLevelSchema.meta({
      description:
        'public: anyone; institutional: members of the institution, after signing in; registered: people who registered; restricted: only those given access.',
    }),
    /** What to tell people, e.g. "Sign in with your UNI and password". */
    note: TextSchema.optional().meta({
      description: 'What to tell people about getting in.',
      examples: ['To access the recording available on Panopto, please authenticate using your Columbia UNI and password.'],
    }),
    /** The platform that asks for the login, e.g. "Panopto", "CourseWorks". */
    platform: TextSchema.optional().meta({ description: 'The platform that asks for the login.', examples: ['Panopto', 'CourseWorks'] }),
  })
  .meta({ description: 'Who can open a link and what they need to sign in with.' });
export type Access = z.infer<typeof AccessSchema>;

/**
 * An image with its text alternative. `alt` may be omitted only for decorative images. An image a page
 * only describes (no file to link to) has `alt` and no `url`: widgets show the description in its place.
 */
export const ImageSchema = z
  .strictObject({
    url: UrlSchema.optional().meta({
      description: 'Where the image file is. Leave it out for an image you can only describe; then alt is required.',
      examples: ['https://example.edu/images/mentoring-panel.jpg'],
    }),
    alt: z
      .string()
      .optional()
      .meta({
        description: 'Text alternative; required unless decorative is true, and always when there is no url.',
        examples: ['A faculty mentor and a graduate student talking at a lab bench'],
      }),
    decorative: z.boolean().optional().meta({ description: 'True when the image adds nothing to the text (it is then hidden from screen readers).' }),
    width: z.int().positive().optional().meta({ description: 'Width in pixels.', examples: [1200] }),
    height: z.int().positive().optional().meta({ description: 'Height in pixels.', examples: [675] }),
  })
  .superRefine((image, ctx) => {
    if (image.url !== undefined) return;
    if (image.decorative === true) {
      ctx.addIssue({ code: 'custom', path: ['decorative'], message: 'an image without a url cannot be decorative: there is nothing to hide; remove the image or describe it in alt' });
    } else if ((image.alt ?? '').trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['alt'], message: 'an image without a url needs alt: the description shown in its place' });
    }
  })
  .meta({
    description: 'An image with alt text, or, without url, an image described by its alt text alone.',
    examples: [
      { url: 'https://example.edu/images/mentoring-panel.jpg', alt: 'A mentor and a mentee in conversation' },
      { alt: 'Still from the video: two panelists answering questions from the audience' },
    ],
  });
export type Image = z.infer<typeof ImageSchema>;

/** Assumptions an author made where the source was vague (a missing year or zone), kept with the data. */
export const AssumptionsSchema = z
  .array(TextSchema)
  .optional()
  .meta({
    description: 'Assumptions made where the source was vague (a missing year, time or zone).',
    examples: [['Columbia University is in New York; every time on the page is wall-clock time in America/New_York.', 'Years are as published (2022 and 2023).']],
  });
