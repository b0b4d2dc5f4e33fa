/**
 * Constructing `Intl` objects costs far more than using them (≈0.25 ms for a DurationFormat), and a
 * list of a thousand items formats thousands of values: every widget keeps one of each per key, made on
 * first use, here. Keys start with what they make (`list|es|unit`), so two callers never share one.
 */
const made = new Map<string, unknown>();

export function once<T>(key: string, make: () => T): T {
  let value = made.get(key) as T | undefined;
  if (value === undefined) made.set(key, (value = make()));
  return value;
}
