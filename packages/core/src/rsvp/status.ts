/**
 * Where an RSVP window stands at a given moment. Browser-safe: instants arrive already resolved (by
 * window.ts when the feed is built), so this needs only comparisons (no date library; see browser-safe.test.ts).
 */
import { requireInstant } from './instant.js';

/** An RSVP window resolved to instants (ISO 8601 with offset), as the feed carries it. */
export interface ResolvedWindow {
  /** Absent: open as soon as published. */
  opens?: string | undefined;
  closes: string;
  /** Tiers with their own opening time, by tier id; other tiers use `opens`. */
  tierOpens: Readonly<Record<string, string>>;
}

export interface RsvpStatusContext {
  now: string | Date;
  /** The person's priority tier, for "RSVP opens for you on …". */
  tierId?: string | undefined;
  /** Seats; absent means unlimited. */
  capacity?: number | undefined;
  confirmed?: number | undefined;
  waitlist?: { enabled: boolean; limit?: number | undefined; count?: number | undefined } | undefined;
}

export type RsvpStatus =
  | { state: 'not-yet-open'; opensAt: string }
  | { state: 'open'; closesAt: string; seatsLeft?: number }
  | { state: 'full'; waitlistOpen: boolean; closesAt: string }
  | { state: 'closed'; closedAt: string };

/**
 * The state of the window for one person at `now`. A person's tier opens at its own time when it has one,
 * else at the general time; the window is half-open, from `opens` inclusive to `closes` exclusive. An
 * opening at or after the close means the window never opens for that person: `closed`.
 */
export function rsvpStatus(window: ResolvedWindow, ctx: RsvpStatusContext): RsvpStatus {
  const now = ctx.now instanceof Date ? ctx.now.getTime() : instant(ctx.now, 'now');
  if (Number.isNaN(now)) throw new RangeError('now is an invalid Date');
  const closes = instant(window.closes, 'window.closes');
  if (now >= closes) return { state: 'closed', closedAt: window.closes };
  const opensAt = (ctx.tierId !== undefined ? window.tierOpens[ctx.tierId] : undefined) ?? window.opens;
  if (opensAt !== undefined) {
    const opens = instant(opensAt, 'window.opens');
    // A tier whose own opening falls at or after the close never gets to RSVP.
    if (opens >= closes) return { state: 'closed', closedAt: window.closes };
    if (now < opens) return { state: 'not-yet-open', opensAt };
  }
  if (ctx.capacity === undefined) return { state: 'open', closesAt: window.closes };
  const seatsLeft = Math.max(0, ctx.capacity - (ctx.confirmed ?? 0));
  if (seatsLeft > 0) return { state: 'open', closesAt: window.closes, seatsLeft };
  const waitlist = ctx.waitlist;
  const waitlistOpen = waitlist !== undefined && waitlist.enabled && (waitlist.limit === undefined || (waitlist.count ?? 0) < waitlist.limit);
  return { state: 'full', waitlistOpen, closesAt: window.closes };
}

/** Only instants with an offset: a bare local time would be read in the host's zone. */
function instant(value: string, what: string): number {
  return requireInstant(value, () => what);
}
