import * as z from 'zod';
import { TextSchema } from '../common/common.schema.js';
import { CalendarIdSchema, TermIdSchema } from '../common/ids.js';
import { LocalDateSchema, TimeZoneSchema } from '../time/time.schema.js';

export const TERM_KINDS = ['semester', 'quarter', 'trimester', 'summer', 'session', 'other'] as const;
export const TermKindSchema = z.enum(TERM_KINDS);

export const TermSchema = z
  .strictObject({
    id: TermIdSchema,
    name: TextSchema.meta({ description: 'Name of the term, as the registrar writes it.', examples: ['Fall Quarter 2022', 'Spring Semester 2026'] }),
    kind: TermKindSchema.meta({ description: 'What kind of term it is.' }),
    /** First day of the term (inclusive). */
    start: LocalDateSchema.meta({ description: 'First day of the term (inclusive).', examples: ['2022-09-19'] }),
    /** Last day of the term (inclusive). */
    end: LocalDateSchema.meta({ description: 'Last day of the term (inclusive).', examples: ['2022-12-16'] }),
  })
  .meta({ title: 'Term' });
export type Term = z.infer<typeof TermSchema>;

export const AcademicCalendarSchema = z
  .strictObject({
    id: CalendarIdSchema,
    name: TextSchema.meta({ description: 'Name of the calendar.', examples: ['Academic calendar 2022–23 (quarters)'] }),
    timeZone: TimeZoneSchema.meta({ description: 'IANA time zone the term dates are in.', examples: ['America/Los_Angeles'] }),
    terms: z.array(TermSchema).min(1, { error: 'an academic calendar needs at least one term' }).meta({ description: 'The terms, in any order.' }),
  })
  .meta({ title: 'AcademicCalendar' });
export type AcademicCalendar = z.infer<typeof AcademicCalendarSchema>;
