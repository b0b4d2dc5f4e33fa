import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  evaluateEligibility,
  priorityTier,
  rsvpStatus,
  type EligibilityVerdict,
  type Feed,
  type FeedOccurrence,
  type FeedQuestion,
  type FeedRsvpPolicy,
  type FeedWorkshop,
  type RsvpStatus,
  type TierVerdict,
} from '@mentorkit/core/browser';
import { dateConverter, toHeadingLevel } from '../../internal/converters.js';
import { MkElement } from '../../internal/mk-element.js';
import { fallbackOr, formatCount, isOne } from '../../internal/feed-view.js';
import { FeedController, describeFeedError } from '../../internal/feed-controller.js';
import { emit, type RsvpOutcome, type RsvpPayload } from '../../internal/events.js';
import { formatDateTime, formatOccurrenceTimes, viewerTimeZone } from '../../internal/format.js';
import { safeHref } from '../../internal/urls.js';
import { msg, reasonMessages, str } from '../../internal/localize.js';
import {
  buildPayload,
  choicesFor,
  isEmpty,
  issueKey,
  outcomeOf,
  sameAnswers,
  personFacts,
  questionKey,
  requiredFields,
  rsvpOccurrences,
  validate,
  type Choice,
  type FieldProblem,
  type FormValue,
  type FormValues,
  type StandardField,
} from './rsvp-model.js';
import { styles } from './rsvp-form.styles.js';


type Phase = 'editing' | 'submitting' | 'done';

/** What `${endpoint}/status` answered; seats are shown only when it knew them. */
interface CapacityInfo {
  seatsKnown: boolean;
  capacity?: number;
  confirmed?: number;
  waitlisted?: number;
  /** When the service says RSVP closed (it may close early). */
  closedAt?: string;
  /** The policy asks people to sign in at the campus provider. */
  signIn?: 'required' | 'optional';
  /** With signIn: the fields a signed-in person still fills in. */
  selfReported?: string[];
}

/** Who signed in, as the service's sign-in popup posted it, with the token to send with the RSVP. */
interface Attendee {
  token: string;
  person: Partial<Record<StandardField, string>>;
}

const PERSON_FIELDS: readonly string[] = ['name', 'email', 'role', 'field', 'department', 'institution'] satisfies StandardField[];

/** The message type the service's sign-in popup posts to the form's page. */
const SIGN_IN_MESSAGE = 'mentorkit:attendee-sign-in';

/** Outcomes after which sending the very same request again may succeed (nothing was decided). */
const RESEND = new Set(['network-error', 'server-error', 'rate-limited']);
/** Outcomes after which the form is sent afresh, with a new idempotency key. */
const REFILL = new Set(['too-fast', 'conflict']);

function newKey(): string {
  return crypto.randomUUID();
}

/**
 * An RSVP form for one workshop session, built from the workshop's RSVP policy: the fields it asks for,
 * its custom questions, a live explanation of eligibility and priority as the person fills it in, the
 * window's status (and seats, only when the endpoint's live status reports them), and accessible errors.
 * Submits JSON to `endpoint` with an idempotency key, the time taken and the form's language; shows the
 * answer (confirmed, waitlisted, requested for a draw at close, or why not) in plain words, with the
 * person's manage link. Personal data goes only in the POST body, never in URLs or storage.
 *
 * @summary RSVP for a workshop session, with live eligibility and priority explanations.
 *
 * @csspart form - The `<form>`.
 * @csspart header - Workshop title, session time and place.
 * @csspart title - The workshop title.
 * @csspart time - The session time in the event's zone.
 * @csspart local-time - The session time in the visitor's zone (only when it differs).
 * @csspart window - The RSVP window and seats status.
 * @csspart sign-in - Who signed in, or the offer to sign in, when the policy asks for campus sign-in.
 * @csspart sign-in-button - The button that opens the campus sign-in in a popup.
 * @csspart eligibility - The live eligibility and priority explanation.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart field - Each label + control group.
 * @csspart label - Each control's label.
 * @csspart control - Each input, select and textarea.
 * @csspart error - Each control's error message.
 * @csspart submit - The submit button.
 * @csspart result - The outcome panel (confirmed, waitlisted, requested, refused, errors).
 * @csspart manage-link - The link to the page where the person manages or cancels their RSVP (when the endpoint gives one).
 * @csspart status - The polite live region announcing progress.
 *
 * @cssproperty --mk-rsvp-form-background - Form background (default: `--mk-color-surface`).
 * @cssproperty --mk-rsvp-form-border - Form border (default: 1px solid `--mk-color-border`).
 * @cssproperty --mk-rsvp-form-radius - Form corner radius (default: `--mk-radius`).
 * @cssproperty --mk-rsvp-form-padding - Form padding.
 * @cssproperty --mk-rsvp-form-max-width - Form maximum width (default: 40em).
 * @cssproperty --mk-rsvp-form-control-border - Border of inputs and selects.
 *
 * @fires mk-rsvp-submit - Before the POST. Detail: `{ payload, idempotencyKey }` (without the honeypot). Cancelable: `preventDefault()` stops the POST (the page sends it itself and may report back with `setResult()`). Bubbles, composed.
 * @fires mk-rsvp-result - After the endpoint answered or failed. Detail: `{ payload, outcome }`. Bubbles, composed.
 */
export class MkRsvpForm extends MkElement {
  static override styles = [MkElement.styles, styles];

  static override properties = {
    workshop: { attribute: false },
    catalog: { attribute: false },
    src: {},
    workshopId: { attribute: 'workshop-id' },
    occurrenceId: { attribute: 'occurrence-id' },
    endpoint: {},
    now: { converter: dateConverter },
    viewerTimeZone: { attribute: 'viewer-time-zone' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    values: { state: true },
    problems: { state: true },
    phase: { state: true },
    outcome: { state: true },
    capacityInfo: { state: true },
    statusMessage: { state: true },
    attendee: { state: true },
    signInBlocked: { state: true },
  };

  /** The workshop to RSVP for; takes precedence over `src` + `workshop-id`. */
  declare workshop: FeedWorkshop | undefined;
  /** A feed object: the workshop (by `workshop-id`) and the role and field vocabularies. */
  declare catalog: Feed | undefined;
  /** URL of the feed JSON, with `workshop-id`. */
  declare src: string | undefined;
  /** The workshop's id in the feed. */
  declare workshopId: string | undefined;
  /** The session; without it the form offers the workshop's open sessions (or takes the only one). */
  declare occurrenceId: string | undefined;
  /** The RSVP endpoint: POST target, and `${endpoint}/status` for seats. */
  declare endpoint: string | undefined;
  /** The clock for the window status; defaults to the time the element is first connected. */
  declare now: Date | undefined;
  /** The visitor's IANA zone; defaults to the browser's. */
  declare viewerTimeZone: string | undefined;
  /** Heading level (1–6) of the workshop title, to fit the page's outline. Default 2. */
  declare headingLevel: number;

  declare private values: FormValues;
  declare private problems: FieldProblem[];
  declare private phase: Phase;
  declare private outcome: RsvpOutcome | undefined;
  declare private capacityInfo: CapacityInfo | undefined;
  declare private statusMessage: string;
  declare private attendee: Attendee | undefined;
  declare private signInBlocked: boolean;

  /** Once per form fill; a retry of the same fill reuses it so the service records one RSVP. */
  #idempotencyKey = newKey();
  #lastPayload: RsvpPayload | undefined;
  /** When the fields were first shown (performance.now()), for the payload's `elapsedMs`. */
  #shownAt: number | undefined;
  #capacityAbort: AbortController | undefined;
  #capacityFor = '';
  #focusAfterRender: 'summary' | 'result' | undefined;
  #signInWindow: Window | null = null;

  readonly #data = new FeedController(this, {
    source: () => ({ src: this.src, catalog: this.catalog }),
    isEmpty: () => false,
  });

  /** A long feed passed as a property is checked in slices: `updateComplete` waits for it. */
  protected override pendingWork(): Promise<unknown> | undefined {
    return this.#data.pending;
  }

  constructor() {
    super();
    this.headingLevel = 2;
    this.values = {};
    this.problems = [];
    this.phase = 'editing';
    this.statusMessage = '';
    this.signInBlocked = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.now ??= new Date();
    this.viewerTimeZone ??= viewerTimeZone();
    // A page a workshop list's rsvp-href links to: `?workshop=…&occurrence=…` says what to RSVP for.
    if (!this.workshop && !this.workshopId) {
      const query = new URLSearchParams(location.search);
      const workshop = query.get('workshop');
      if (workshop) {
        this.workshopId = workshop;
        this.occurrenceId ??= query.get('occurrence') ?? undefined;
      }
    }
  }

  /**
   * Points the form at a workshop's session, as `<mk-workshop-list rsvp-form>` does when its RSVP is
   * pressed: shows the form if it was `hidden`, scrolls to it and moves focus to its title. `feed` gives
   * the role and field choices when the form has no `src` or `catalog` of its own.
   */
  async rsvpFor(workshop: FeedWorkshop, occurrenceId: string, feed?: Feed): Promise<void> {
    if (feed && !this.src && !this.catalog) this.catalog = feed;
    this.workshop = workshop;
    this.workshopId = workshop.id;
    this.occurrenceId = occurrenceId;
    this.hidden = false;
    await this.updateComplete;
    this.scrollIntoView({ block: 'start' });
    this.renderRoot.querySelector<HTMLElement>('[part="title"]')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('message', this.#onSignInMessage);
    this.#capacityAbort?.abort();
    this.#capacityFor = '';
  }

  /** Shows an outcome the page obtained itself (after cancelling `mk-rsvp-submit`). */
  setResult(outcome: RsvpOutcome): void {
    this.#finish(outcome);
  }

  get #resolvedWorkshop(): FeedWorkshop | undefined {
    if (this.workshop) return this.workshop;
    const feed = this.#data.feed;
    return feed?.workshops.find((w) => w.id === this.workshopId);
  }

  get #vocabularies(): Feed['vocabularies'] | undefined {
    return this.#data.feed?.vocabularies ?? this.catalog?.vocabularies;
  }

  #occurrenceChoices(w: FeedWorkshop): FeedOccurrence[] {
    return rsvpOccurrences(w, this.now ?? new Date(0));
  }

  #selectedOccurrence(w: FeedWorkshop): FeedOccurrence | undefined {
    const id = this.occurrenceId ?? (typeof this.values.occurrence === 'string' ? this.values.occurrence : undefined);
    if (id) return w.occurrences.find((o) => o.id === id);
    const open = this.#occurrenceChoices(w);
    return w.rsvp?.seriesRegistration || open.length === 1 ? open[0] : undefined;
  }

  #needsOccurrenceChoice(w: FeedWorkshop): boolean {
    return !this.occurrenceId && !w.rsvp?.seriesRegistration && this.#occurrenceChoices(w).length > 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = ['workshop', 'workshopId', 'occurrenceId'] as const;
    if (keys.some((k) => changed.has(k))) {
      // Another workshop or session is another form fill.
      this.#idempotencyKey = newKey();
      this.#lastPayload = undefined;
      this.#shownAt = undefined;
      if (keys.some((k) => changed.get(k) !== undefined)) {
        this.phase = 'editing';
        this.outcome = undefined;
        this.problems = [];
      }
    }
  }

  protected override updated(): void {
    const w = this.#resolvedWorkshop;
    const o = w ? this.#selectedOccurrence(w) : undefined;
    if (w && o) this.#loadCapacity(w, o);
    if (this.#shownAt === undefined && this.renderRoot.querySelector('form [part="control"]')) this.#shownAt = performance.now();
    const target = this.#focusAfterRender;
    this.#focusAfterRender = undefined;
    if (target === 'summary') this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    else if (target === 'result') this.renderRoot.querySelector<HTMLElement>('.result')?.focus();
  }

  /** Seats and waitlist from `${endpoint}/status`; optional, so failures are ignored. */
  #loadCapacity(w: FeedWorkshop, o: FeedOccurrence): void {
    if (!this.endpoint) return;
    const key = `${this.endpoint}|${w.id}|${o.id}`;
    if (key === this.#capacityFor) return;
    this.#capacityFor = key;
    this.#capacityAbort?.abort();
    const abort = new AbortController();
    this.#capacityAbort = abort;
    const url = `${this.endpoint.replace(/\/+$/, '')}/status?workshop=${encodeURIComponent(w.id)}&occurrence=${encodeURIComponent(o.id)}`;
    fetch(url, { signal: abort.signal, headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : undefined))
      .then((body: unknown) => {
        if (abort.signal.aborted || !body || typeof body !== 'object') return;
        const b = body as Record<string, unknown>;
        const info: CapacityInfo = { seatsKnown: false };
        for (const key of ['capacity', 'confirmed', 'waitlisted'] as const) {
          const value = b[key];
          if (typeof value === 'number' && Number.isFinite(value)) info[key] = value;
        }
        info.seatsKnown = (b.seatsKnown ?? true) === true && info.capacity !== undefined && info.confirmed !== undefined;
        const window = b.window as { state?: unknown; closedAt?: unknown } | undefined;
        if (window?.state === 'closed' && typeof window.closedAt === 'string' && !Number.isNaN(Date.parse(window.closedAt))) info.closedAt = window.closedAt;
        if (b.signIn === 'required' || b.signIn === 'optional') {
          info.signIn = b.signIn;
          info.selfReported = Array.isArray(b.selfReported) ? b.selfReported.filter((x): x is string => typeof x === 'string') : [];
        }
        this.capacityInfo = info;
      })
      .catch(() => {
        // Seat counts are a nicety; the form works without them.
      });
  }

  /** The service's origin and base address, from the endpoint (`…/rsvps`). */
  #service(): { origin: string; base: string } | undefined {
    if (!this.endpoint) return undefined;
    const url = new URL(this.endpoint, location.href);
    return { origin: url.origin, base: url.href.replace(/\/rsvps\/?$/, '') };
  }

  /** Opens the service's sign-in in a popup; its page posts who signed in back to this page. */
  #signIn(): void {
    const service = this.#service();
    if (!service) return;
    addEventListener('message', this.#onSignInMessage);
    this.#signInWindow = open(`${service.base}/auth/attendee/login?origin=${encodeURIComponent(location.origin)}`, 'mk-sign-in', 'popup,width=520,height=680');
    this.signInBlocked = this.#signInWindow === null;
    this.statusMessage = this.signInBlocked
      ? msg('Your browser blocked the sign-in window: allow pop-ups for this page, then press Sign in again.', { id: 'sign-in-blocked' })
      : msg('Sign in in the window that opened.', { id: 'status-sign-in-opened' });
  }

  /** Accepts only the service's own message, from its origin and the popup this form opened. */
  readonly #onSignInMessage = (event: MessageEvent): void => {
    const service = this.#service();
    if (!service || event.origin !== service.origin || (this.#signInWindow !== null && event.source !== this.#signInWindow)) return;
    const data = event.data as { type?: unknown; token?: unknown; person?: unknown } | null;
    if (data?.type !== SIGN_IN_MESSAGE || typeof data.token !== 'string' || !data.person || typeof data.person !== 'object') return;
    removeEventListener('message', this.#onSignInMessage);
    this.#signInWindow = null;
    const person: Attendee['person'] = {};
    for (const [key, value] of Object.entries(data.person as Record<string, unknown>)) {
      if (PERSON_FIELDS.includes(key) && typeof value === 'string' && value !== '') person[key as StandardField] = value;
    }
    this.attendee = { token: data.token, person };
    this.signInBlocked = false;
    // What sign-in says about the person is what the form shows and sends.
    this.values = { ...this.values, ...person };
    this.problems = [];
    this.statusMessage = msg(str`Signed in as ${person.name ?? person.email ?? ''}.`, { id: 'status-signed-in' });
  };

  #signOut(): void {
    const person = this.attendee?.person ?? {};
    const values = { ...this.values };
    for (const key of Object.keys(person)) delete values[key];
    this.values = values;
    this.attendee = undefined;
  }

  /** Whether a field is filled in by sign-in (so not shown as a control). */
  #fromSignIn(field: StandardField): boolean {
    return this.attendee?.person[field] !== undefined && !(this.capacityInfo?.selfReported ?? []).includes(field);
  }

  #renderSignIn(vocabularies: Feed['vocabularies'] | undefined): TemplateResult | typeof nothing {
    const mode = this.capacityInfo?.signIn;
    if (mode === undefined) return nothing;
    const a = this.attendee;
    if (a) {
      const role = a.person.role === undefined ? undefined : (vocabularies?.roles.find((r) => r.id === a.person.role)?.label ?? a.person.role);
      const who = [a.person.name ?? a.person.email, role, a.person.department].filter((x) => x !== undefined).join(' · ');
      return html`<div class="notice" part="sign-in">
        <p class="notice-title">${msg(str`Signed in as ${who}`, { id: 'sign-in-as' })}</p>
        <p><button class="link-button" type="button" @click=${() => this.#signOut()}>${msg('Not you? Sign out of this form', { id: 'sign-in-out' })}</button></p>
      </div>`;
    }
    return html`<div class="notice" part="sign-in">
      <p class="notice-title">${mode === 'required' ? msg('Sign in with your university account to RSVP.', { id: 'sign-in-required' }) : msg('Sign in with your university account to fill in who you are.', { id: 'sign-in-optional' })}</p>
      ${this.signInBlocked ? html`<p>${msg('Your browser blocked the sign-in window: allow pop-ups for this page, then press Sign in again.', { id: 'sign-in-blocked' })}</p>` : nothing}
      <p><button class="button" part="sign-in-button" type="button" @click=${() => this.#signIn()}>${msg('Sign in', { id: 'sign-in-button' })}</button></p>
    </div>`;
  }

  override render(): TemplateResult {
    const state = this.#data.state;
    if (!this.workshop) {
      if (state.status === 'loading' || (state.status === 'idle' && this.src)) {
        return fallbackOr(this, () => html`<div class="card" part="form" aria-busy="true"><p role="status">${msg('Loading the RSVP form…', { id: 'form-loading' })}</p></div>`);
      }
      if (state.status === 'error') {
        return html`<div class="card" part="form"><div class="notice danger" role="alert">
          <p class="notice-title">${msg('The RSVP form could not be shown', { id: 'form-error-title' })}</p>
          <p>${describeFeedError(state.error)}</p>
          ${state.error.kind === 'invalid'
            ? nothing
            : html`<button type="button" class="button secondary" @click=${() => this.#data.reload()}>${msg('Try again', { id: 'try-again' })}</button>`}
        </div></div>`;
      }
    }
    const w = this.#resolvedWorkshop;
    if (!w) {
      const problem =
        state.status === 'idle'
          ? msg('No workshop given: set the workshop property, or src and workshop-id.', { id: 'form-no-workshop' })
          : msg(str`The feed has no workshop with id "${this.workshopId ?? ''}".`, { id: 'form-unknown-workshop' });
      return html`<div class="card" part="form"><div class="notice danger" role="alert"><p>${problem}</p></div></div>`;
    }
    const policy = w.rsvp;
    if (!policy) {
      return html`<div class="card" part="form">
        ${this.#renderHeader(w, undefined)}
        <div class="notice"><p>${msg('This workshop does not take RSVPs.', { id: 'form-no-policy' })}</p></div>
      </div>`;
    }
    return this.#renderForm(w, policy);
  }

  #renderHeader(w: FeedWorkshop, o: FeedOccurrence | undefined): TemplateResult {
    const level = toHeadingLevel(this.headingLevel, 2);
    const times = o ? formatOccurrenceTimes(o, this.locale, this.viewerTimeZone ?? 'UTC') : undefined;
    return html`<div class="header" part="header">
      <p class="eyebrow">${msg('RSVP', { id: 'rsvp-action' })}</p>
      <h2 class="title" id="form-title" part="title" tabindex="-1" aria-level=${level === 2 ? nothing : level}>${w.title}</h2>
      ${times
        ? html`<p class="time" part="time">${times.event}</p>
            ${times.viewer ? html`<p class="local-time" part="local-time">${msg(str`Your time: ${times.viewer}`, { id: 'your-time' })}</p>` : nothing}`
        : nothing}
    </div>`;
  }

  #renderForm(w: FeedWorkshop, policy: FeedRsvpPolicy): TemplateResult {
    const now = this.now ?? new Date(0);
    const o = this.#selectedOccurrence(w);
    const choices = this.#occurrenceChoices(w);
    const needsChoice = this.#needsOccurrenceChoice(w);
    const vocabularies = this.#vocabularies;
    const options = { vocabularies: vocabularies ?? {}, messages: reasonMessages(), labels: factLabels() } as const;
    const facts = personFacts(this.values);
    const eligibility = evaluateEligibility(policy.eligibility, facts, options);
    const tier = policy.tiers.length > 0 && eligibility.eligible !== false ? priorityTier(policy.tiers, facts, options) : undefined;
    // Seats come only from the live status: a feed's capacity says nothing about the places taken.
    const seats = this.capacityInfo?.seatsKnown ? this.capacityInfo : undefined;
    const window = o?.rsvp
      ? this.capacityInfo?.closedAt
        ? ({ state: 'closed', closedAt: this.capacityInfo.closedAt } as const)
        : rsvpStatus(o.rsvp, {
            now,
            tierId: tier?.tier?.id,
            capacity: seats?.capacity,
            confirmed: seats?.confirmed,
            waitlist: policy.waitlist ? { enabled: policy.waitlist.enabled, limit: policy.waitlist.limit, count: seats?.waitlisted } : undefined,
          })
      : undefined;
    const result = this.outcome && this.phase !== 'submitting' ? this.#renderResult(this.outcome, o) : nothing;
    const noSession = choices.length === 0 && !o;
    const noSessionNotice = noSession ? html`<div class="notice"><p>${msg('There are no sessions open for RSVP.', { id: 'form-no-sessions' })}</p></div>` : nothing;
    const windowNotice = window && o ? this.#renderWindow(window, o, tier) : nothing;
    const registered = this.phase === 'done' && isRegistered(this.outcome);
    // Closed for good (no session left, the window over, no seat and no waitlist): fields nobody can send are left out.
    const over = noSession || (window !== undefined && (window.state === 'closed' || (window.state === 'full' && !window.waitlistOpen)));
    if (registered || (over && !needsChoice)) {
      return html`<div class="card" part="form">
        ${this.#renderHeader(w, o)}${result}
        ${registered ? nothing : html`${noSessionNotice}${windowNotice}`}${this.#renderLiveRegion()}
      </div>`;
    }
    // Not yet open: the fields stay, as the opening may depend on them ("RSVP opens for you on …").
    const blocked = over || window?.state === 'not-yet-open' || (this.capacityInfo?.signIn === 'required' && this.attendee === undefined);
    return html`<form class="card" part="form" novalidate aria-labelledby="form-title" @submit=${(e: Event) => this.#onSubmit(e, w, policy)}>
      ${this.#renderHeader(w, o)}
      ${this.problems.length > 0 ? this.#renderErrorSummary(policy) : nothing}
      ${result}
      ${noSessionNotice}
      ${windowNotice}
      ${this.#renderSignIn(vocabularies)}
      ${this.#renderEligibility(policy, eligibility, tier)}
      ${needsChoice ? this.#renderOccurrenceSelect(choices) : nothing}
      ${w.rsvp?.seriesRegistration ? html`<p class="hint">${msg('One RSVP covers every session of this series.', { id: 'form-series' })}</p>` : nothing}
      ${policy.fields.filter((f) => !this.#fromSignIn(f)).map((f) => this.#renderStandardField(f, policy, vocabularies))}
      ${policy.questions.map((q) => this.#renderQuestion(q))}
      <div class="hp" aria-hidden="true">
        <label for="website">${msg('Website (leave empty)', { id: 'form-honeypot' })}</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(String(this.values.website ?? ''))} @input=${this.#onInput('website')} />
      </div>
      ${blocked
        ? nothing
        : html`<div class="submit-row">
            <button class="button" part="submit" type="submit" ?disabled=${this.phase === 'submitting'}>
              ${this.phase === 'submitting'
                ? msg('Sending…', { id: 'form-sending' })
                : window?.state === 'full'
                  ? msg('Join the waitlist', { id: 'form-join-waitlist' })
                  : msg('Send RSVP', { id: 'form-submit' })}
            </button>
            <span class="hint">${msg('Fields marked * are required.', { id: 'form-required-hint' })}</span>
          </div>`}
      ${this.#renderLiveRegion()}
    </form>`;
  }

  #renderLiveRegion(): TemplateResult {
    return html`<p class="visually-hidden" part="status" role="status" aria-live="polite">${this.statusMessage}</p>`;
  }

  #renderWindow(status: RsvpStatus, o: FeedOccurrence, tier: TierVerdict | undefined): TemplateResult {
    const zone = o.timeZone;
    const when = (iso: string) => formatDateTime(iso, this.locale, zone);
    switch (status.state) {
      case 'not-yet-open':
        return html`<div class="notice" part="window">
          <p class="notice-title">
            ${tier?.tier && o.rsvp?.tierOpens[tier.tier.id]
              ? msg(str`RSVP opens for you on ${when(status.opensAt)}.`, { id: 'window-opens-for-you' })
              : msg(str`RSVP opens on ${when(status.opensAt)}.`, { id: 'window-opens' })}
          </p>
          ${this.#renderTierOpenings(o)}
        </div>`;
      case 'open':
        return html`<div class="notice success" part="window">
          <p class="notice-title">${msg(str`RSVP is open until ${when(status.closesAt)}.`, { id: 'window-open' })}</p>
          ${status.seatsLeft !== undefined ? html`<p>${seatsText(status.seatsLeft, this.locale)}</p>` : nothing}
        </div>`;
      case 'full':
        return html`<div class="notice warning" part="window">
          <p class="notice-title">${msg('This session is full.', { id: 'window-full' })}</p>
          <p>
            ${status.waitlistOpen
              ? msg('You can join the waitlist; we will write to you if a seat opens.', { id: 'window-waitlist-open' })
              : msg('The waitlist is full too.', { id: 'window-waitlist-full' })}
          </p>
        </div>`;
      case 'closed':
        return html`<div class="notice" part="window">
          <p class="notice-title">${msg(str`RSVP closed on ${when(status.closedAt)}.`, { id: 'window-closed' })}</p>
        </div>`;
    }
  }

  /** "Priority groups: biosciences from 13 January; others from 20 January." */
  #renderTierOpenings(o: FeedOccurrence): TemplateResult | typeof nothing {
    const policy = this.#resolvedWorkshop?.rsvp;
    const entries = policy?.tiers.flatMap((t) => {
      const at = o.rsvp?.tierOpens[t.id];
      return at ? [{ label: t.label, at }] : [];
    });
    if (!entries || entries.length < 2) return nothing;
    return html`<ul class="tier-openings">
      ${entries.map((e) => html`<li>${msg(str`${e.label}: from ${formatDateTime(e.at, this.locale, o.timeZone)}`, { id: 'window-tier-opens' })}</li>`)}
    </ul>`;
  }

  #renderEligibility(policy: FeedRsvpPolicy, verdict: EligibilityVerdict, tier: TierVerdict | undefined): TemplateResult | typeof nothing {
    if (!policy.eligibility && policy.tiers.length === 0) return nothing;
    let tone = '';
    let headline: string;
    let details: string[] = [];
    if (verdict.eligible === false) {
      tone = 'danger';
      headline = policy.eligibilityText ?? msg('You are not eligible to RSVP for this workshop.', { id: 'elig-no' });
      details = verdict.reasons.map((r) => r.message);
    } else if (verdict.eligible === 'unknown') {
      headline = policy.eligibilityText ?? msg('Some people are not eligible for this workshop.', { id: 'elig-some' });
      details = [msg(str`Tell us your ${verdict.missingFacts.map(factLabel).join(', ')} to see whether you can RSVP.`, { id: 'elig-missing' })];
    } else {
      tone = 'success';
      headline = policy.eligibility ? msg('You can RSVP for this workshop.', { id: 'elig-yes' }) : msg('Everyone may RSVP.', { id: 'elig-everyone' });
      if (tier?.tier) {
        details = [msg(str`You are in tier ${tier.index + 1}: ${tier.tier.label}.`, { id: 'tier-in' })];
        if (tier.missingFacts.length > 0) {
          details.push(msg(str`Tell us your ${tier.missingFacts.map(factLabel).join(', ')} to see whether a higher priority group applies.`, { id: 'tier-missing-higher' }));
        }
      } else if (tier && tier.missingFacts.length > 0) {
        details = [msg(str`Tell us your ${tier.missingFacts.map(factLabel).join(', ')} to see your priority group.`, { id: 'tier-missing' })];
      } else if (tier) {
        details = [msg('No priority group applies to you: you are in the general group.', { id: 'tier-general' })];
      }
    }
    return html`<div class="notice ${tone}" part="eligibility" aria-live="polite">
      <p class="notice-title">${headline}</p>
      ${details.filter(Boolean).map((d) => html`<p>${d}</p>`)}
      ${policy.tiers.length > 0 && !tier?.tier
        ? html`<details class="tiers">
            <summary>${msg('How priority works', { id: 'tier-how' })}</summary>
            <ol>
              ${policy.tiers.map((t) => html`<li>${t.label}</li>`)}
            </ol>
          </details>`
        : nothing}
    </div>`;
  }

  #renderErrorSummary(policy: FeedRsvpPolicy): TemplateResult {
    return html`<div class="error-summary" part="error-summary" tabindex="-1" role="group" aria-labelledby="error-summary-title">
      <p class="notice-title" id="error-summary-title">${msg('There is a problem', { id: 'errors-title' })}</p>
      <ul>
        ${this.problems.map(
          (p) => html`<li>
            ${p.key
              ? html`<a href="#${controlId(p.key)}" @click=${(e: Event) => this.#focusControl(e, p.key)}>${this.#problemText(p, policy)}</a>`
              : this.#problemText(p, policy)}
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #focusControl(e: Event, key: string): void {
    // Fragment links do not reach into a shadow root; move focus ourselves.
    e.preventDefault();
    const control = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(controlId(key))}`);
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }

  #problemText(p: FieldProblem, policy: FeedRsvpPolicy): string {
    const label = this.#labelFor(p.key, policy);
    switch (p.kind) {
      case 'required':
        return this.#isCheckbox(p.key, policy)
          ? msg(str`Check “${label}” to continue`, { id: 'error-required-check' })
          : msg(str`${label} is required`, { id: 'error-required' });
      case 'email':
        return msg('Enter an email address like name@example.edu', { id: 'error-email' });
      case 'too-long':
        return msg(str`${label} must be ${p.limit ?? 0} characters or fewer`, { id: 'error-too-long' });
      case 'ineligible':
        return policy.eligibilityText ?? msg('You are not eligible to RSVP for this workshop.', { id: 'elig-no' });
      case 'server':
        return p.message ?? '';
    }
  }

  #isCheckbox(key: string, policy: FeedRsvpPolicy): boolean {
    return policy.questions.some((q) => q.type === 'checkbox' && questionKey(q) === key);
  }

  #labelFor(key: string, policy: FeedRsvpPolicy): string {
    if (key === 'occurrence') return msg('Session', { id: 'field-session' });
    if (key.startsWith('q:')) return policy.questions.find((q) => questionKey(q) === key)?.label ?? key;
    return standardLabel(key as StandardField);
  }

  #problemFor(key: string): FieldProblem | undefined {
    return this.problems.find((p) => p.key === key);
  }

  #onInput(key: string) {
    return (e: Event) => {
      const target = e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
      this.#setValue(key, target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value);
    };
  }

  #setValue(key: string, value: FormValue): void {
    this.values = { ...this.values, [key]: value };
    // A fixed problem stops being reported as the person corrects it.
    if (this.problems.some((p) => p.key === key) && !isEmpty(value)) this.problems = this.problems.filter((p) => p.key !== key);
  }

  /** Label, control, hint and error with their ids wired through aria-describedby. */
  #fieldShell(key: string, label: string, required: boolean, control: (describedBy: string | typeof nothing, invalid: boolean) => TemplateResult, hint?: string): TemplateResult {
    const id = controlId(key);
    const problem = this.#problemFor(key);
    return html`<div class="field ${problem ? 'invalid' : ''}" part="field">
      <label part="label" for=${id}>${label}${requiredMark(required)}</label>
      ${hintFor(id, hint)}
      ${this.#errorFor(id, problem)}
      ${control(describedBy(id, hint, problem), problem !== undefined)}
    </div>`;
  }

  #errorFor(id: string, problem: FieldProblem | undefined): TemplateResult | typeof nothing {
    return problem
      ? html`<p class="field-error" part="error" id="${id}-error">${this.#problemText(problem, this.#resolvedWorkshop?.rsvp as FeedRsvpPolicy)}</p>`
      : nothing;
  }

  #renderOccurrenceSelect(choices: FeedOccurrence[]): TemplateResult {
    const value = typeof this.values.occurrence === 'string' ? this.values.occurrence : '';
    return this.#fieldShell('occurrence', msg('Session', { id: 'field-session' }), true, (describedBy, invalid) =>
      this.#select(
        'occurrence',
        value,
        choices.map((o) => ({ value: o.id, label: formatOccurrenceTimes(o, this.locale, o.timeZone).event })),
        describedBy,
        invalid,
        true,
      ),
    );
  }

  #select(key: string, value: string, choices: Choice[], describedBy: string | typeof nothing, invalid: boolean, required: boolean): TemplateResult {
    return html`<select
      id=${controlId(key)}
      name=${key}
      part="control"
      aria-describedby=${describedBy}
      aria-invalid=${invalid ? 'true' : nothing}
      ?required=${required}
      .value=${live(value)}
      @change=${this.#onInput(key)}
    >
      <option value="" ?selected=${value === ''}>${msg('Choose…', { id: 'form-choose' })}</option>
      ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
    </select>`;
  }

  /** A one-line text control, for the standard fields and text questions alike. */
  #input(key: string, value: string, describedBy: string | typeof nothing, invalid: boolean, required: boolean, attributes: TextAttributes): TemplateResult {
    return html`<input
      id=${controlId(key)}
      name=${key}
      part="control"
      type=${attributes.type}
      autocomplete=${attributes.autocomplete ?? nothing}
      spellcheck=${attributes.spellcheck ?? nothing}
      maxlength=${attributes.maxLength ?? nothing}
      aria-describedby=${describedBy}
      aria-invalid=${invalid ? 'true' : nothing}
      ?required=${required}
      .value=${live(value)}
      @input=${this.#onInput(key)}
    />`;
  }

  #renderStandardField(field: StandardField, policy: FeedRsvpPolicy, vocabularies: Feed['vocabularies'] | undefined): TemplateResult {
    const required = requiredFields(policy).has(field);
    const value = typeof this.values[field] === 'string' ? this.values[field] : '';
    const label = standardLabel(field);
    if (field === 'role' || field === 'field') {
      return this.#fieldShell(field, label, required, (describedBy, invalid) =>
        this.#select(field, value, choicesFor(field, policy, vocabularies), describedBy, invalid, required),
      );
    }
    const email = field === 'email';
    const autocomplete = { name: 'name', email: 'email', institution: 'organization', department: 'off' }[field];
    return this.#fieldShell(
      field,
      label,
      required,
      (describedBy, invalid) => this.#input(field, value, describedBy, invalid, required, { type: email ? 'email' : 'text', autocomplete, spellcheck: email ? 'false' : undefined }),
      email ? msg('We use it only to confirm your place.', { id: 'hint-email' }) : undefined,
    );
  }

  #renderQuestion(q: FeedQuestion): TemplateResult {
    const key = questionKey(q);
    const id = controlId(key);
    const raw = this.values[key];
    const text = typeof raw === 'string' ? raw : '';
    const problem = this.#problemFor(key);
    const invalid = problem !== undefined;
    switch (q.type) {
      case 'text':
        return this.#fieldShell(key, q.label, q.required, (describedBy) => this.#input(key, text, describedBy, invalid, q.required, { type: 'text', maxLength: q.maxLength }), q.help);
      case 'textarea':
        return this.#fieldShell(
          key,
          q.label,
          q.required,
          (describedBy) => html`<textarea
            id=${id}
            name=${key}
            part="control"
            rows="4"
            maxlength=${q.maxLength ?? nothing}
            aria-describedby=${describedBy}
            aria-invalid=${invalid ? 'true' : nothing}
            ?required=${q.required}
            .value=${live(text)}
            @input=${this.#onInput(key)}
          ></textarea>`,
          q.help,
        );
      case 'select':
        return this.#fieldShell(
          key,
          q.label,
          q.required,
          (describedBy) => this.#select(key, text, (q.options ?? []).map((o) => ({ value: o, label: o })), describedBy, invalid, q.required),
          q.help,
        );
      case 'checkbox':
        return html`<div class="field check ${invalid ? 'invalid' : ''}" part="field">
          ${this.#errorFor(id, problem)}
          <div class="check-row">
            <input
              id=${id}
              name=${key}
              part="control"
              type="checkbox"
              aria-describedby=${describedBy(id, q.help, problem)}
              aria-invalid=${invalid ? 'true' : nothing}
              ?required=${q.required}
              .checked=${live(raw === true)}
              @change=${this.#onInput(key)}
            />
            <label part="label" for=${id}>${q.label}${requiredMark(q.required)}</label>
          </div>
          ${hintFor(id, q.help)}
        </div>`;
      case 'multi-select': {
        const selected = Array.isArray(raw) ? raw : [];
        return html`<fieldset class="field group ${invalid ? 'invalid' : ''}" part="field" aria-describedby=${describedBy(id, q.help, problem)} aria-invalid=${invalid ? 'true' : nothing}>
          <legend part="label">${q.label}${requiredMark(q.required)}</legend>
          ${hintFor(id, q.help)}
          ${this.#errorFor(id, problem)}
          ${(q.options ?? []).map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return html`<div class="check-row">
              <input
                id=${optionId}
                name=${key}
                part="control"
                type="checkbox"
                value=${option}
                .checked=${live(selected.includes(option))}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  this.#setValue(key, on ? [...selected.filter((s) => s !== option), option] : selected.filter((s) => s !== option));
                }}
              />
              <label for=${optionId}>${option}</label>
            </div>`;
          })}
        </fieldset>`;
      }
    }
  }

  #renderResult(outcome: RsvpOutcome, o: FeedOccurrence | undefined): TemplateResult {
    const said = outcome.message ?? outcome.reason?.message;
    const retry = RESEND.has(outcome.status) || REFILL.has(outcome.status);
    const manage = safeHref(outcome.manageUrl);
    const registered = isRegistered(outcome);
    const panel = (tone: string, title: string, ...body: (string | undefined)[]) => html`<div class="result notice ${tone}" part="result" tabindex="-1" role=${tone === 'danger' ? 'alert' : nothing}>
      <p class="notice-title">${title}</p>
      ${body.filter(Boolean).map((line) => html`<p>${line}</p>`)}
      ${registered && outcome.notification === 'queued' ? html`<p>${msg('A confirmation is on its way to your email.', { id: 'result-confirmed-body' })}</p>` : nothing}
      ${registered && manage ? html`<p><a href=${manage} part="manage-link">${msg('Manage or cancel your RSVP', { id: 'result-manage' })}</a></p>` : nothing}
      ${retry ? html`<button type="button" class="button secondary" @click=${() => this.#retry()}>${msg('Try again', { id: 'try-again' })}</button>` : nothing}
    </div>`;
    switch (outcome.status) {
      case 'confirmed':
        return panel('success', msg('You are registered.', { id: 'result-confirmed' }), outcome.message);
      case 'waitlisted':
        return panel(
          'warning',
          msg('You are on the waitlist.', { id: 'result-waitlisted' }),
          outcome.position !== undefined ? msg(str`Your place on the waitlist: ${formatCount(outcome.position, this.locale)}.`, { id: 'result-waitlist-position' }) : undefined,
          outcome.message ?? msg('We will write to you if a seat opens.', { id: 'result-waitlisted-body' }),
        );
      case 'requested': {
        return panel(
          'success',
          msg('Your request is received.', { id: 'result-requested' }),
          o?.rsvp
            ? msg(str`Places are drawn or allocated when RSVP closes, on ${formatDateTime(o.rsvp.closes, this.locale, o.timeZone)}.`, { id: 'result-requested-body-date' })
            : msg('Places are drawn or allocated when RSVP closes.', { id: 'result-requested-body' }),
          outcome.message,
        );
      }
      case 'ineligible':
        return panel('danger', msg('Your RSVP was not accepted: you are not eligible.', { id: 'result-ineligible' }), said);
      case 'closed':
        return panel('danger', msg('RSVP is closed for this session.', { id: 'result-closed' }), said);
      case 'not-open':
        return panel('danger', msg('RSVP is not open yet for this session.', { id: 'result-not-open' }), said);
      case 'full':
        return panel(
          'danger',
          outcome.reason?.code === 'waitlist-full'
            ? msg('This session and its waitlist are full.', { id: 'result-waitlist-full' })
            : msg('This session is full.', { id: 'window-full' }),
          said,
        );
      case 'duplicate':
        return panel('danger', msg('You already have an RSVP for this session.', { id: 'result-duplicate' }), said);
      case 'too-fast':
        return panel('danger', msg('The form was sent faster than a person fills it in. Please check your answers and try again.', { id: 'result-too-fast' }));
      case 'conflict':
        return panel('danger', msg('Your answers changed while your RSVP was being sent. Please try again.', { id: 'result-conflict' }));
      case 'declined':
        return panel('danger', msg('Your RSVP was not accepted.', { id: 'result-declined' }), said);
      case 'invalid':
        return panel('danger', msg('Some answers were not accepted. Please check them and send again.', { id: 'result-invalid' }), said);
      case 'rate-limited':
        return panel(
          'danger',
          outcome.retryAfter !== undefined && outcome.retryAfter > 0
            ? msg(str`Too many attempts. Please wait ${waitText(outcome.retryAfter, this.locale)} and try again.`, { id: 'result-rate-limited-wait' })
            : msg('Too many attempts. Please wait a minute and try again.', { id: 'result-rate-limited' }),
        );
      case 'rejected':
        return panel('danger', msg('The RSVP service could not read this form, so your RSVP was not recorded. Please tell the people who run this page.', { id: 'result-rejected' }));
      case 'server-error':
        return panel('danger', msg('The RSVP service had a problem. Your RSVP may not have been recorded.', { id: 'result-server-error' }), said);
      case 'network-error':
        return panel('danger', msg('Your RSVP could not be sent: check your connection and try again.', { id: 'result-network-error' }));
    }
  }

  #onSubmit(e: Event, w: FeedWorkshop, policy: FeedRsvpPolicy): void {
    e.preventDefault();
    if (this.phase === 'submitting') return;
    const needsOccurrence = this.#needsOccurrenceChoice(w);
    const problems = validate(policy, this.values, { needsOccurrence });
    const verdict = evaluateEligibility(policy.eligibility, personFacts(this.values), { vocabularies: this.#vocabularies ?? {} });
    if (verdict.eligible === false) {
      const fact = ['role', 'field', 'department', 'institution'].find((f) => policy.fields.includes(f as StandardField) && verdict.reasons.some((r) => r.fact === f)) ?? 'role';
      problems.push({ key: policy.fields.includes(fact as StandardField) ? fact : (policy.fields[0] ?? 'name'), kind: 'ineligible' });
    }
    const o = this.#selectedOccurrence(w);
    this.problems = problems;
    if (problems.length > 0 || !o) {
      this.outcome = undefined;
      this.#focusAfterRender = 'summary';
      this.statusMessage = '';
      return;
    }
    this.#submit(buildPayload(w, o.id, policy, this.values, this.#payloadContext()));
  }

  #payloadContext(): { elapsedMs: number; locale: string } {
    return { elapsedMs: this.#shownAt === undefined ? 0 : performance.now() - this.#shownAt, locale: this.messagesLocale };
  }

  /** A new send of the form: the same answers as the last send go again as they were, under the same key. */
  #submit(payload: RsvpPayload): void {
    const last = this.#lastPayload;
    if (last && sameAnswers(last, payload)) {
      void this.#send(last);
      return;
    }
    if (last) this.#idempotencyKey = newKey();
    void this.#send(payload);
  }

  #retry(): void {
    const last = this.#lastPayload;
    if (!last) return;
    if (REFILL.has(this.outcome?.status ?? '')) {
      // Nothing was recorded: a fresh request, with the time taken so far.
      this.#idempotencyKey = newKey();
      void this.#send({ ...last, elapsedMs: Math.round(this.#payloadContext().elapsedMs) });
    } else void this.#send(last);
  }

  async #send(payload: RsvpPayload): Promise<void> {
    this.#lastPayload = payload;
    const proceed = emit(this, 'mk-rsvp-submit', { payload, idempotencyKey: this.#idempotencyKey }, { cancelable: true });
    if (!proceed) return;
    if (!this.endpoint) {
      this.#finish({ status: 'server-error', reason: { code: 'no-endpoint', message: msg('This form has no RSVP endpoint configured.', { id: 'result-no-endpoint' }) } });
      return;
    }
    this.phase = 'submitting';
    this.outcome = undefined;
    this.statusMessage = msg('Sending your RSVP…', { id: 'status-sending' });
    const body = JSON.stringify({ ...payload, website: String(this.values.website ?? '') });
    let outcome: RsvpOutcome;
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': this.#idempotencyKey, ...(this.attendee ? { Authorization: `Bearer ${this.attendee.token}` } : {}) },
        body,
        credentials: 'omit',
        cache: 'no-store',
      });
      let json: unknown;
      try {
        json = await response.json();
      } catch {
        json = undefined;
      }
      outcome = outcomeOf(response.status, json, response.headers.get('Retry-After'));
    } catch {
      outcome = { status: 'network-error' };
    }
    this.#finish(outcome);
  }

  #finish(outcome: RsvpOutcome): void {
    const policy = this.#resolvedWorkshop?.rsvp;
    const fieldIssues = outcome.status === 'invalid' && policy ? this.#issueProblems(outcome, policy) : [];
    if (fieldIssues.length > 0) {
      // The endpoint named the answers it refused: shown like the form's own checks, by the controls.
      this.phase = 'editing';
      this.outcome = undefined;
      this.problems = fieldIssues;
      this.#focusAfterRender = 'summary';
      this.statusMessage = '';
    } else {
      this.phase = 'done';
      this.outcome = outcome;
      this.problems = [];
      this.#focusAfterRender = 'result';
      this.statusMessage = '';
      // The live region repeats a good outcome's headline for screen readers that do not announce focus
      // moves; a failure is an alert already, and one alert at a time is enough.
      if (isRegistered(outcome)) {
        void this.updateComplete.then(() => {
          this.statusMessage = this.renderRoot.querySelector('.result .notice-title')?.textContent ?? '';
        });
      }
    }
    const payload = this.#lastPayload;
    if (isRegistered(outcome)) {
      // The fill is done: anything sent after this is a new RSVP.
      this.#idempotencyKey = newKey();
      this.#lastPayload = undefined;
    }
    // The seats changed under us: ask the service again.
    if (outcome.status === 'full' || outcome.status === 'closed' || outcome.status === 'not-open') this.#capacityFor = '';
    if (payload) emit(this, 'mk-rsvp-result', { payload, outcome });
  }

  /** The endpoint's issues about single answers, as problems of the controls they name. */
  #issueProblems(outcome: RsvpOutcome, policy: FeedRsvpPolicy): FieldProblem[] {
    const keys = new Set<string>([...policy.fields, ...policy.questions.map(questionKey), 'occurrence']);
    return (outcome.issues ?? []).map((issue) => {
      const key = issueKey(issue.path);
      return { key: key && keys.has(key) && this.renderRoot.querySelector(`#${CSS.escape(controlId(key))}`) ? key : '', kind: 'server' as const, message: issue.message };
    });
  }
}

function isRegistered(outcome: RsvpOutcome | undefined): boolean {
  return outcome?.status === 'confirmed' || outcome?.status === 'waitlisted' || outcome?.status === 'requested';
}

/** "30 seconds", "2 minutes": how long `Retry-After` asks to wait. */
function waitText(seconds: number, locale: string): string {
  const minutes = Math.ceil(seconds / 60);
  const [value, unit] = seconds < 90 ? [seconds, 'second'] : [minutes, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** Attributes of a one-line text control beyond the ones every control has. */
interface TextAttributes {
  type: 'text' | 'email';
  autocomplete?: string | undefined;
  spellcheck?: 'false' | undefined;
  maxLength?: number | undefined;
}

function controlId(key: string): string {
  return `f-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The ids of a control's hint and error, for its `aria-describedby`. */
function describedBy(id: string, hint: string | undefined, problem: FieldProblem | undefined): string | typeof nothing {
  return [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
}

function hintFor(id: string, hint: string | undefined): TemplateResult | typeof nothing {
  return hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing;
}

function requiredMark(required: boolean): TemplateResult | typeof nothing {
  return required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing;
}

function standardLabel(field: StandardField): string {
  switch (field) {
    case 'name':
      return msg('Full name', { id: 'field-name' });
    case 'email':
      return msg('Email', { id: 'field-email' });
    case 'role':
      return msg('Role', { id: 'field-role' });
    case 'field':
      return msg('Field or discipline', { id: 'field-field' });
    case 'department':
      return msg('Department', { id: 'field-department' });
    case 'institution':
      return msg('Institution', { id: 'field-institution' });
  }
}

function factLabel(fact: string): string {
  return factLabels()[fact] ?? fact;
}

/** Words for fact names inside core's explanations ("Your role is …"). */
function factLabels(): Record<string, string> {
  return {
    role: msg('role', { id: 'fact-role' }),
    field: msg('field or discipline', { id: 'fact-field' }),
    department: msg('department', { id: 'fact-department' }),
    institution: msg('institution', { id: 'fact-institution' }),
    emailDomain: msg('email domain', { id: 'fact-email-domain' }),
  };
}

function seatsText(n: number, locale: string): string {
  const count = formatCount(n, locale);
  return isOne(n, locale) ? msg(str`${count} seat left.`, { id: 'seats-one' }) : msg(str`${count} seats left.`, { id: 'seats-other' });
}
