import * as z from 'zod';
import { TextSchema } from '../common/common.schema.js';

/**
 * Facts a rule may ask about a person. `role` and `field` take ids from the catalog's vocabularies;
 * an institution may use other fact names (e.g. `campus`), which the evaluator reads from the person's
 * facts the same way.
 */
export const KNOWN_FACTS = ['role', 'field', 'institution', 'department', 'emailDomain', 'careerStage', 'yearsInRole'] as const;
export const FactNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: 'a fact name is a word such as role, field or institution' })
  .meta({ examples: [...KNOWN_FACTS] });
export type FactName = z.infer<typeof FactNameSchema>;

export const OPERATORS = ['equals', 'not-equals', 'in', 'not-in', 'exists', 'not-exists', 'at-least', 'at-most'] as const;
export const OperatorSchema = z.enum(OPERATORS, {
  error: (issue) => `unknown operator ${JSON.stringify(issue.input)}; use one of ${OPERATORS.join(', ')}`,
});
export type Operator = z.infer<typeof OperatorSchema>;

export const FactValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type FactValue = z.infer<typeof FactValueSchema>;

/** `{ fact: role, operator: in, value: [graduate-student, postdoc] }` */
export const ConditionSchema = z
  .strictObject({
    fact: FactNameSchema.meta({ description: 'What the rule asks about the person: a known fact or one the institution adds.' }),
    operator: OperatorSchema.meta({
      description: 'How the fact is compared: in and not-in take a list, exists and not-exists no value, at-least and at-most a number.',
    }),
    value: z
      .union([FactValueSchema, z.array(FactValueSchema)])
      .optional()
      .meta({ description: 'What the fact is compared with; role and field take vocabulary ids.', examples: [['graduate-student', 'postdoc'], 'biosciences', 3] }),
    /** Optional wording for people, used in explanations instead of the generated sentence. */
    label: TextSchema.optional().meta({
      description: 'Wording for people, used in explanations instead of the generated sentence.',
      examples: ['Graduate students and postdocs', 'Faculty mentors'],
    }),
  })
  .superRefine((c, ctx) => {
    const needsList = c.operator === 'in' || c.operator === 'not-in';
    const needsNone = c.operator === 'exists' || c.operator === 'not-exists';
    const needsNumber = c.operator === 'at-least' || c.operator === 'at-most';
    if (needsNone && c.value !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator ${c.operator} takes no value` });
    } else if (needsList && !Array.isArray(c.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator ${c.operator} needs a list of values` });
    } else if (needsNumber && typeof c.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator ${c.operator} needs a number` });
    } else if (!needsNone && !needsList && !needsNumber && (c.value === undefined || Array.isArray(c.value))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `operator ${c.operator} needs a single value` });
    }
  })
  .meta({ title: 'Condition' });
export type Condition = z.infer<typeof ConditionSchema>;

export type Rule =
  | Condition
  | { all: Rule[]; label?: string | undefined }
  | { any: Rule[]; label?: string | undefined }
  | { not: Rule; label?: string | undefined };

const groupLabel = TextSchema.optional().meta({
  description: 'Wording for people, used in explanations instead of the generated sentences.',
  examples: ['Graduate students and postdocs in the biosciences', 'Departments'],
});

/**
 * A rule about a person: a condition, or `all` / `any` / `not` over rules. Rules are data so that one
 * evaluator can run them in the browser (to explain before submitting) and on the server (to decide).
 */
export const RuleSchema: z.ZodType<Rule> = z
  .lazy(() =>
    z.union([
      ConditionSchema,
      z.strictObject({
        all: z.array(RuleSchema).min(1, { error: 'all needs at least one rule' }).meta({ description: 'Rules that must all hold.' }),
        label: groupLabel,
      }),
      z.strictObject({
        any: z.array(RuleSchema).min(1, { error: 'any needs at least one rule' }).meta({ description: 'Rules of which at least one must hold.' }),
        label: groupLabel,
      }),
      // A lazy wrapper carries the description: `.meta` on RuleSchema itself would clone it on every expansion.
      z.strictObject({ not: z.lazy(() => RuleSchema).meta({ description: 'A rule that must not hold.' }), label: groupLabel }),
    ]),
  )
  .meta({ title: 'Rule', description: 'A condition, or all/any/not over rules.' });
