import * as z from 'zod';
import { TextSchema } from '../common/common.schema.js';
import { CalendarIdSchema, TermIdSchema } from '../common/ids.js';
import { LocalDateSchema, TimeZoneSchema } from '../time/time.schema.js';

export const TERM_KINDS = ['semester', 'quarter', 'trimester', 'summer', 'session', 'other'] as const;
export const TermKindSchema = z.enum(TERM_KINDS);

export const TermSchema = z
  .strictObject({
    id: TermIdSchema,
    name: TextSchema,
    kind: TermKindSchema,
    /** First day of the term (inclusive). */
    start: LocalDateSchema,
    /** Last day of the term (inclusive). */
    end: LocalDateSchema,
  })
  .meta({ title: 'Term' });
export type Term = z.infer<typeof TermSchema>;

export const AcademicCalendarSchema = z
  .strictObject({
    id: CalendarIdSchema,
    name: TextSchema,
    timeZone: TimeZoneSchema,
    terms: z.array(TermSchema).min(1, { error: 'an academic calendar needs at least one term' }),
  })
  .meta({ title: 'AcademicCalendar' });
export type AcademicCalendar = z.infer<typeof AcademicCalendarSchema>;
