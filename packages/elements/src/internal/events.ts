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
  /** Milliseconds (an integer) from when the form's fields were first shown to the person until they sent it. */
  elapsedMs: number;
  /** The form's language (`en`, `es`), for the messages the service sends back and writes. */
  locale: string;
  /** Series only: the sessions the person keeps when they leave some out; absent means every session. */
  sessionIds?: string[];
}

export interface RsvpSubmitDetail {
  payload: RsvpPayload;
  idempotencyKey: string;
}

export type RsvpOutcomeStatus =
  /** A seat is held. */
  | 'confirmed'
  /** On the waitlist (`position` when the endpoint says). */
  | 'waitlisted'
  /** Request received; places are drawn or allocated when RSVP closes. */
  | 'requested'
  /** Refused for a reason the endpoint did not classify. */
  | 'declined'
  /** RSVP is over for this session (`closed`), or not open yet (`not-open`). */
  | 'closed'
  | 'not-open'
  /** No seat left (`full`), or no seat and no place on the waitlist (`waitlist-full`). */
  | 'full'
  | 'ineligible'
  /** Some answers were refused; `issues` says which. */
  | 'invalid'
  /** This person already holds an RSVP for this session. */
  | 'duplicate'
  /** Sent faster than a person fills the form in. */
  | 'too-fast'
  /** The same idempotency key came with different answers. */
  | 'conflict'
  | 'rate-limited'
  /** The endpoint could not read the request (400, 415): nothing was recorded. */
  | 'rejected'
  | 'server-error'
  | 'network-error';

export interface RsvpIssue {
  /** Where, e.g. `person.email` or `answers.topics`. */
  path: string;
  message: string;
}

export interface RsvpOutcome {
  status: RsvpOutcomeStatus;
  /** HTTP status when a response arrived. */
  httpStatus?: number;
  /** The endpoint's error code (`closed`, `full`, `duplicate`, …) or its reason's code. */
  reason?: { code: string; message: string };
  /** Problems with single answers (422 invalid). */
  issues?: RsvpIssue[];
  registrationId?: string;
  /** Place on the waitlist. */
  position?: number;
  /** Absolute http(s) URL of the person's private page to manage or cancel the RSVP. */
  manageUrl?: string;
  /** A sentence for people from the endpoint. */
  message?: string;
  /** `queued` when the endpoint has a confirmation e-mail on its way; only then does the form say so. */
  notification?: 'queued' | 'none';
  /** Seconds to wait before trying again (from `Retry-After`). */
  retryAfter?: number;
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
