import * as z from 'zod';
import { TextSchema } from '../common/common.schema.js';
import { STATED_DURATION_UNITS } from './duration-text.js';

const count = z.number({ error: 'expected a number' }).positive({ error: 'must be more than 0' });

/**
 * How long something takes, as the page states it: one amount or a range, counted in minutes, hours, half
 * days or days, with the author's own words in `label`. Day-based lengths stay days: "Half day" is never
 * turned into a number of minutes the page did not give.
 */
export const StatedDurationSchema = z
  .strictObject({
    unit: z.enum(STATED_DURATION_UNITS).meta({
      description: 'What the amount counts: minutes, hours, half-days (half a working day) or days.',
      examples: ['minutes', 'half-days', 'days'],
    }),
    amount: count.optional().meta({ description: 'One exact length in `unit`; give either amount or min and max.', examples: [90, 1, 2] }),
    min: count.optional().meta({ description: 'The shortest length of a range, in `unit` (with `max`).', examples: [60] }),
    max: count.optional().meta({ description: 'The longest length of a range, in `unit` (with `min`).', examples: [90] }),
    label: TextSchema.optional().meta({
      description: 'The length in the author’s own words, shown as given instead of the generated text.',
      examples: ['Half day', 'Full day', 'Two days', '60 to 90 minutes'],
    }),
  })
  .superRefine((d, ctx) => {
    const ranged = d.min !== undefined || d.max !== undefined;
    if (d.amount !== undefined && ranged) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'give either amount or min and max, not both' });
    } else if (d.amount === undefined && !ranged) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'a duration needs an amount, or a range with min and max' });
    } else if (ranged && d.min === undefined) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'a range needs min as well as max' });
    } else if (ranged && d.max === undefined) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'a range needs max as well as min' });
    } else if (d.min !== undefined && d.max !== undefined && d.min >= d.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${d.max}) must be more than min (${d.min})` });
    }
    if (d.unit === 'minutes' || d.unit === 'half-days') {
      for (const key of ['amount', 'min', 'max'] as const) {
        const v = d[key];
        if (v !== undefined && !Number.isInteger(v)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `${d.unit} are counted in whole numbers (got ${v})` });
        }
      }
    }
  })
  .meta({
    title: 'StatedDuration',
    description: 'A length as the page states it: an amount or a min–max range in minutes, hours, half-days or days, with an optional label in the author’s words.',
    examples: [{ unit: 'minutes', min: 60, max: 90 }, { unit: 'half-days', amount: 1, label: 'Half day' }, { unit: 'days', amount: 2, label: 'Two days' }],
  });
export type StatedDurationInput = z.input<typeof StatedDurationSchema>;
export type StatedDurationValue = z.infer<typeof StatedDurationSchema>;
