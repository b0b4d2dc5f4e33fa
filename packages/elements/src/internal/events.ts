/**
 * Typed custom events. Every event name starts with `mk-`; details are plain data. Components declare
 * which they fire (with their bubbles/composed choice) in `@fires`. A component adds its own events by
 * augmenting `MkEventMap`:
 *
 *     declare module '../../internal/events.js' { interface MkEventMap { 'mk-thing': ThingDetail } }
 *
 * and they become typed in `addEventListener` through `GlobalEventHandlersEventMap`.
 */
import type { FeedWorkshop } from '@mentorkit/core/browser';

export type WorkshopView = 'upcoming' | 'past' | 'all';

/** Filters of `<mk-workshop-list>`; an empty string means "any". */
export interface WorkshopFilters {
  view: WorkshopView;
  /** Audience id. */
  audience: string;
  /**
   * Curriculum theme (competency) id. Named `topic` because `theme` is every widget's colour-scheme
   * attribute.
   */
  topic: string;
  /** Program id. */
  program: string;
  /** Format length in minutes, e.g. `"60"`. */
  format: string;
  /** `online`, `in-person` or `hybrid`. */
  modality: string;
  /** Free text matched against title, summary, presenters, objectives and topics. */
  search: string;
}

export interface RsvpRequestDetail {
  workshopId: string;
  occurrenceId: string;
  /** The workshop itself, so a listener can open `<mk-rsvp-form>` without looking it up. */
  workshop: FeedWorkshop;
}

/** Facts a person gives about themselves; only the fields the RSVP policy asks for are present. */
export interface RsvpPerson {
  name?: string;
  email?: string;
  role?: string;
  field?: string;
  department?: string;
  institution?: string;
}

export type RsvpAnswer = string | string[] | boolean;

/** The JSON body POSTed to the RSVP endpoint (plus the honeypot field, never part of events). */
export interface RsvpPayload {
  workshopId: string;
  occurrenceId: string;
  person: RsvpPerson;
  answers: Record<string, RsvpAnswer>;
}

export interface RsvpSubmitDetail {
  payload: RsvpPayload;
  idempotencyKey: string;
}

export type RsvpOutcomeStatus =
  | 'confirmed'
  | 'waitlisted'
  | 'declined'
  | 'closed'
  | 'ineligible'
  | 'invalid'
  | 'rate-limited'
  | 'server-error'
  | 'network-error';

export interface RsvpOutcome {
  status: RsvpOutcomeStatus;
  /** HTTP status when a response arrived. */
  httpStatus?: number;
  reason?: { code: string; message: string };
}

export interface RsvpResultDetail {
  payload: RsvpPayload;
  outcome: RsvpOutcome;
}

/** Event name → detail type, for every `mk-*` event. */
export interface MkEventMap {
  'mk-filter-change': WorkshopFilters;
  'mk-rsvp-request': RsvpRequestDetail;
  'mk-rsvp-submit': RsvpSubmitDetail;
  'mk-rsvp-result': RsvpResultDetail;
}

type MkCustomEvents = { [K in keyof MkEventMap]: CustomEvent<MkEventMap[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends MkCustomEvents {}
}

export interface EmitOptions {
  bubbles?: boolean;
  composed?: boolean;
  cancelable?: boolean;
}

/**
 * Dispatches a typed `mk-*` event. Defaults: bubbles and composed (so a page listens on any ancestor),
 * not cancelable. Returns false when a listener called `preventDefault()`.
 */
export function emit<K extends keyof MkEventMap>(target: EventTarget, type: K, detail: MkEventMap[K], options: EmitOptions = {}): boolean {
  const { bubbles = true, composed = true, cancelable = false } = options;
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles, composed, cancelable }));
}
