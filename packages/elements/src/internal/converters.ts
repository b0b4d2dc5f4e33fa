/** The `now` attribute of every widget: ISO 8601 text to a Date; unparseable text means "not set". */
export const dateConverter = {
  fromAttribute: (value: string | null): Date | undefined => {
    if (!value) return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  },
  toAttribute: (value: Date | undefined): string | null => (value ? value.toISOString() : null),
};

/**
 * A `heading-level` value as a level: whole numbers kept within `min`–6 (a page that asks for 7 gets
 * the deepest level there is), anything that is not a number `fallback`. Every element reads its
 * `heading-level` through this, so the same value means the same thing on each of them.
 */
export function toHeadingLevel(value: unknown, fallback: number, min = 1): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) ? Math.min(6, Math.max(min, Math.trunc(n))) : fallback;
}
