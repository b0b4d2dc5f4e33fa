import { toInstant } from '../time/zoned.js';
import type { Occurrence } from './occurrence.js';

/**
 * An occurrence's original start (its RECURRENCE-ID) as an instant: its start unless an override moved it,
 * else the original wall-clock start read in its zone.
 */
export function originalStart(o: Pick<Occurrence, 'start' | 'localStart' | 'recurrenceId' | 'timeZone'>): string {
  return o.localStart === o.recurrenceId ? o.start : toInstant(o.recurrenceId, o.timeZone).toISO()!;
}
