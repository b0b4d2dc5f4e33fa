import type { SessionId, ThemeId, WorkshopId } from '../common/ids.js';
import type { Location, Recording, SessionStatus } from '../session/session.schema.js';
import type { LocalDateTime, TimeZone } from '../time/time.schema.js';

/**
 * One concrete meeting of a session: the unit that calendars, lists and RSVPs work with.
 * Instants are ISO 8601 strings with the zone's offset (`2026-01-08T15:00:00.000-05:00`), so the value
 * is plain data that survives JSON and means the same on every host.
 */
export interface Occurrence {
  /** `${sessionId}@${localStart of the original occurrence}`: stable across edits of other occurrences. */
  id: string;
  sessionId: SessionId;
  workshopId?: WorkshopId;
  /** Original wall-clock start (the RECURRENCE-ID); equals localStart unless an override moved it. */
  recurrenceId: LocalDateTime;
  localStart: LocalDateTime;
  localEnd: LocalDateTime;
  timeZone: TimeZone;
  /** Instants with offset. */
  start: string;
  end: string;
  status: SessionStatus;
  statusNote?: string;
  title?: string;
  topic?: string;
  theme?: ThemeId;
  description?: string;
  location?: Location;
  recording?: Recording;
  /** True when an override changed this occurrence. */
  overridden: boolean;
  /**
   * True when the wall-clock start does not exist in the zone (a daylight-saving gap) and the occurrence
   * was moved forward by the gap, as RFC 5545 §3.3.5 reads such a time; `localStart` is where it landed.
   */
  dstAdjusted?: boolean;
}

export interface ExpansionWindow {
  /** Inclusive lower bound: occurrences that end after `from` (an instant: ISO string or Date). */
  from: string | Date;
  /** Exclusive upper bound: occurrences that start before `to`. */
  to: string | Date;
  /** Stop after this many candidate instants (default 10,000); exceeding it is an error, never a hang. */
  maxIterations?: number;
}
