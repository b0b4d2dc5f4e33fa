import { afterEach, describe, expect, inject, it, onTestFinished, vi } from 'vitest';
import type { Feed } from '@mentorkit/core/browser';
import { userEvent } from 'vitest/browser';
import './rsvp-form.js';
import type { MkRsvpForm } from './rsvp-form.component.js';
import type { RsvpResultDetail, RsvpSubmitDetail } from '../../internal/events.js';
import { SAMPLE_NOW, sampleFeed } from '../../../test/sample-feed.js';
import { $, $$, expectAccessible, json, mount, stubFetch, text, waitFor } from '../../../test/helpers.js';

function form(workshopId: string, setup: (el: MkRsvpForm) => void = () => {}) {
  return mount(() => {
    const el = document.createElement('mk-rsvp-form');
    const feed = sampleFeed();
    el.catalog = feed;
    el.workshopId = workshopId;
    el.now = SAMPLE_NOW;
    el.viewerTimeZone = 'America/New_York';
    setup(el);
    return el;
  });
}

async function choose(el: MkRsvpForm, id: string, value: string) {
  const select = $<HTMLSelectElement>(el, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function type(el: MkRsvpForm, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

function withFetch(handler: Parameters<typeof stubFetch>[0]) {
  const stub = stubFetch(handler);
  onTestFinished(() => {
    stub.restore();
  });
  return stub;
}

/** A `${endpoint}/status` answer. */
function status(seats: { capacity?: number; confirmed: number; waitlisted?: number }) {
  return { waitlisted: 0, ...seats, window: { state: 'open', closesAt: '2026-01-07T20:00:00Z' }, tierOpens: {}, seatsKnown: true };
}

/** A 201 answer of the RSVP endpoint. */
function registered(body: Record<string, unknown> = {}) {
  return json({ status: 'confirmed', registrationId: 'r-1', manageUrl: 'https://rsvp.example.edu/manage/abc', message: 'See you on January 8.', notification: 'queued', ...body }, 201);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => document.body.replaceChildren());

describe('<mk-rsvp-form> fields and explanations', () => {
  it('titles the workshop at the heading level asked for, 1 to 6, defaulting to 2', async () => {
    const el = await form('mentoring-up-expectations');
    const level = () => Number($(el, '[part="title"]').getAttribute('aria-level') ?? $(el, '[part="title"]').localName.slice(1));
    expect(level()).toBe(2);
    for (const [asked, got] of [['1', 1], ['4', 4], ['9', 6], ['seven', 2]] as const) {
      el.setAttribute('heading-level', asked);
      await el.updateComplete;
      expect(level(), `heading-level="${asked}"`).toBe(got);
    }
  });

  it('builds labelled controls from the policy and its questions', async () => {
    const el = await form('mentoring-up-expectations');
    const labels = $$(el, 'label[for], legend').map(text);
    expect(labels).toEqual([
      'Full name *',
      'Email *',
      'Role *',
      'Field or discipline *',
      'Institution',
      'Year in your program *',
      'Topics you want to discuss',
      'Communication',
      'Expectations',
      'Career planning',
      'Accessibility needs',
      'I agree to attend all of the session *',
      // The honeypot's label stays in the DOM, hidden from people and assistive technology.
      'Website (leave empty)',
    ]);
    expect($$<HTMLOptionElement>(el, '#f-role option').map((o) => o.value)).toEqual(['', 'faculty', 'research-officer', 'postdoc', 'graduate-student', 'staff']);
    expect($<HTMLInputElement>(el, '#f-email').type).toBe('email');
    expect($<HTMLInputElement>(el, '#f-name').autocomplete).toBe('name');
    expect($(el, '#f-q_accessibility').getAttribute('aria-describedby')).toBe('f-q_accessibility-hint');
    await expectAccessible(el);
  });

  it('explains eligibility and priority live, and when RSVP opens for the person', async () => {
    const el = await form('mentoring-up-expectations');
    const eligibility = () => text($(el, '[part="eligibility"]'));
    const window = () => text($(el, '[part="window"] .notice-title'));
    expect(eligibility()).toContain('Tell us your role to see whether you can RSVP.');
    expect(window()).toBe('RSVP opens on January 13, 2026 at 9:00 AM CST.');

    await choose(el, 'f-role', 'faculty');
    expect(eligibility()).toContain('Only graduate students and postdocs may RSVP.');
    expect($(el, '[part="eligibility"]').classList.contains('danger')).toBe(true);
    await expectAccessible(el);

    await choose(el, 'f-role', 'graduate-student');
    // Tier 2 applies already; tier 1 depends on the field not given yet.
    expect(eligibility()).toContain('You can RSVP for this workshop.');
    expect(eligibility()).toContain('You are in tier 2: Other graduate students and postdocs.');
    expect(eligibility()).toContain('Tell us your field or discipline to see whether a higher priority group applies.');

    await choose(el, 'f-field', 'biosciences');
    expect(eligibility()).toContain('You are in tier 1: Graduate students and postdocs in the biosciences.');
    expect(window()).toBe('RSVP opens for you on January 13, 2026 at 9:00 AM CST.');

    await choose(el, 'f-field', 'humanities');
    expect(eligibility()).toContain('You are in tier 2: Other graduate students and postdocs.');
    expect(window()).toBe('RSVP opens for you on January 20, 2026 at 9:00 AM CST.');
    // Not yet open: nothing to submit.
    expect(el.shadowRoot!.querySelector('[part="submit"]')).toBeNull();
    await expectAccessible(el);
  });

  it('is closed after the window', async () => {
    const el = await form('new-semester', (e) => (e.now = new Date('2026-01-08T00:00:00Z')));
    expect(text($(el, '[part="window"]'))).toBe('RSVP closed on January 7, 2026 at 3:00 PM EST.');
    expect(el.shadowRoot!.querySelector('[part="submit"]')).toBeNull();
    // No fields that nobody could send.
    expect(el.shadowRoot!.querySelector('form, input, select, textarea, [part="eligibility"]')).toBeNull();
    await expectAccessible(el);
  });

  it('offers nothing to submit once every session is over', async () => {
    const el = await form('new-semester', (e) => (e.now = new Date('2030-01-01T00:00:00Z')));
    expect(el.shadowRoot!.textContent).toContain('There are no sessions open for RSVP.');
    expect(el.shadowRoot!.querySelector('[part="submit"]')).toBeNull();
    expect(el.shadowRoot!.querySelector('form, input, select, textarea, [part="eligibility"]')).toBeNull();
    await expectAccessible(el);
  });

  it('shows seats, and a waitlist when the endpoint reports the session full', async () => {
    const stub = withFetch((url) => (url.includes('/status?') ? json(status({ capacity: 40, confirmed: 40, waitlisted: 2 })) : json({}, 500)));
    const el = await form('new-semester', (e) => (e.endpoint = 'https://rsvp.example.edu/api/rsvp/'));
    await waitFor(() => text($(el, '[part="window"]')).includes('full'));
    expect(stub.calls[0]!.url).toBe('https://rsvp.example.edu/api/rsvp/status?workshop=new-semester&occurrence=new-semester-2026-01-08');
    expect(text($(el, '[part="window"]'))).toBe('This session is full. You can join the waitlist; we will write to you if a seat opens.');
    expect(text($(el, '[part="submit"]'))).toBe('Join the waitlist');
    await expectAccessible(el);
  });

  it('shows only the notice when the session and its waitlist are full', async () => {
    withFetch((url) => (url.includes('/status?') ? json(status({ capacity: 40, confirmed: 40, waitlisted: 5 })) : json({}, 500)));
    const el = await form('new-semester', (e) => {
      const feed = sampleFeed();
      const w = feed.workshops.find((x) => x.id === 'new-semester')!;
      w.rsvp = { ...w.rsvp!, waitlist: { enabled: true, limit: 5 } };
      e.catalog = feed;
      e.endpoint = 'https://rsvp.example.edu/api/rsvp';
    });
    await waitFor(() => text($(el, '[part="window"]')).includes('full'));
    expect(text($(el, '[part="window"]'))).toBe('This session is full. The waitlist is full too.');
    expect(el.shadowRoot!.querySelector('form, input, select, textarea, [part="submit"]')).toBeNull();
    await expectAccessible(el);
  });

  it('shows seats left only from the live status, and works without it', async () => {
    const stub = withFetch((url) => (url.includes('/status?') ? json(status({ capacity: 40, confirmed: 39 })) : json({}, 500)));
    const el = await form('new-semester', (e) => (e.endpoint = 'https://rsvp.example.edu/api/rsvp'));
    await waitFor(() => text($(el, '[part="window"]')).includes('1 seat left.'));
    // Seat counts are live: never from a cache.
    expect(stub.calls[0]!.init?.cache).toBe('no-store');
    document.body.replaceChildren();
    // The feed says 40 seats, but not how many are taken: without the live status no seats are claimed.
    withFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const quiet = await form('new-semester', (e) => (e.endpoint = 'https://rsvp.example.edu/api/rsvp'));
    await new Promise((r) => setTimeout(r, 50));
    expect(text($(quiet, '[part="window"]'))).toBe('RSVP is open until January 7, 2026 at 3:00 PM EST.');
    document.body.replaceChildren();
    const none = await form('new-semester');
    expect(text($(none, '[part="window"]'))).toBe('RSVP is open until January 7, 2026 at 3:00 PM EST.');
    document.body.replaceChildren();
    // The service may not know the seats (seatsKnown false): still no count.
    withFetch((url) => (url.includes('/status?') ? json({ ...status({ capacity: 40, confirmed: 3 }), seatsKnown: false }) : json({}, 500)));
    const unknown = await form('new-semester', (e) => (e.endpoint = 'https://rsvp.example.edu/api/rsvp'));
    await new Promise((r) => setTimeout(r, 50));
    expect(text($(unknown, '[part="window"]'))).toBe('RSVP is open until January 7, 2026 at 3:00 PM EST.');
  });

  it('says RSVP closed when the live status says the service closed it early', async () => {
    withFetch((url) =>
      url.includes('/status?') ? json({ ...status({ capacity: 40, confirmed: 12 }), window: { state: 'closed', closedAt: '2026-01-06T17:00:00Z' } }) : json({}, 500),
    );
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await waitFor(() => text($(el, '[part="window"]')).startsWith('RSVP closed'));
    expect(text($(el, '[part="window"]'))).toBe('RSVP closed on January 6, 2026 at 12:00 PM EST.');
    expect(el.shadowRoot!.querySelector('[part="submit"]')).toBeNull();
  });

  it('loads the workshop from src + workshop-id', async () => {
    withFetch(() => json(sampleFeed()));
    const el = await mount(() => {
      const e = document.createElement('mk-rsvp-form');
      e.src = '/feed.json';
      e.workshopId = 'new-semester';
      e.now = SAMPLE_NOW;
      return e;
    });
    await waitFor(() => el.shadowRoot!.querySelector('form'));
    expect(text($(el, '[part="title"]'))).toBe('Preparing for a New Semester of Mentoring');
  });

  it('has accessible loading and error states', async () => {
    let release: (r: Response) => void = () => {};
    withFetch(() => new Promise<Response>((r) => (release = r)));
    const el = await mount(() => {
      const e = document.createElement('mk-rsvp-form');
      e.src = '/feed.json';
      e.workshopId = 'new-semester';
      return e;
    });
    expect(text($(el, '[role="status"]'))).toBe('Loading the RSVP form…');
    await expectAccessible(el);
    release(new Response('oops', { status: 500, statusText: 'Internal Server Error' }));
    const alert = await waitFor(() => el.shadowRoot!.querySelector('[role="alert"]'));
    // Plain words for readers; the technical account goes to the console for the web team.
    expect(text(alert)).toBe('The RSVP form could not be shown The information for this part of the page could not be read. Please try again later. Try again');
    expect(alert.textContent).not.toMatch(/HTTP|500|feed\.json/);
    await expectAccessible(el);
    withFetch(() => json(sampleFeed()));
    alert.querySelector('button')!.click();
    await waitFor(() => el.shadowRoot!.querySelector('[part="title"]'));
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so when the workshop id is unknown or the workshop takes no RSVPs', async () => {
    const el = await form('no-such-workshop');
    expect(text($(el, '[role="alert"]'))).toBe('The feed has no workshop with id "no-such-workshop".');
    const none = await form('equity-inclusion');
    expect(text(none.shadowRoot!.querySelector('.notice'))).toBe('This workshop does not take RSVPs.');
  });

  it('asks which session when several are open', async () => {
    const feed = sampleFeed();
    const w = feed.workshops.find((x) => x.id === 'new-semester')!;
    w.occurrences.push({ ...w.occurrences[0]!, id: 'new-semester-2026-01-15', start: '2026-01-15T15:00:00.000-05:00', end: '2026-01-15T16:00:00.000-05:00' });
    const el = await form('new-semester', (e) => (e.catalog = feed));
    const options = $$<HTMLOptionElement>(el, '#f-occurrence option').map((o) => o.value);
    expect(options).toEqual(['', 'new-semester-2026-01-08', 'new-semester-2026-01-15']);
    $(el, '[part="submit"]').click();
    await el.updateComplete;
    expect($$(el, '[part="error-summary"] a').map(text)[0]).toBe('Session is required');
  });
});

describe('<mk-rsvp-form> errors', () => {
  it('summarises problems, marks controls and moves focus to the summary', async () => {
    const el = await form('mentoring-up-expectations', (e) => (e.now = new Date('2026-01-21T00:00:00Z')));
    $(el, '[part="submit"]').click();
    await el.updateComplete;
    const summary = $(el, '[part="error-summary"]');
    expect(el.shadowRoot!.activeElement).toBe(summary);
    expect([...summary.querySelectorAll('a')].map(text)).toEqual([
      'Full name is required',
      'Email is required',
      'Role is required',
      'Field or discipline is required',
      'Year in your program is required',
      'Check “I agree to attend all of the session” to continue',
    ]);
    const email = $(el, '#f-email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe('f-email-hint f-email-error');
    expect(text($(el, '#f-email-error'))).toBe('Email is required');
    await expectAccessible(el);

    summary.querySelectorAll('a')[1]!.click();
    expect(el.shadowRoot!.activeElement).toBe(email);
    await type(el, 'f-email', 'not-an-address');
    // Typing clears the "required" problem; the format is checked on the next submit.
    expect(email.hasAttribute('aria-invalid')).toBe(false);
    $(el, '[part="submit"]').click();
    await el.updateComplete;
    expect(text($(el, '#f-email-error'))).toBe('Enter an email address like name@example.edu');
  });

  it('blocks an ineligible person with the policy’s words', async () => {
    const el = await form('mentoring-up-expectations', (e) => (e.now = new Date('2026-01-21T00:00:00Z')));
    await choose(el, 'f-role', 'faculty');
    $(el, '[part="submit"]').click();
    await el.updateComplete;
    const links = [...$(el, '[part="error-summary"]').querySelectorAll('a')].map(text);
    expect(links).toContain('Only graduate students and postdocs may RSVP.');
    expect($(el, '#f-role').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(el);
  });
});

describe('<mk-rsvp-form> submitting', () => {
  async function fillTrainee(el: MkRsvpForm) {
    await type(el, 'f-name', 'Ada Lovelace');
    await type(el, 'f-email', 'ada@example.edu');
    await choose(el, 'f-role', 'postdoc');
    await choose(el, 'f-field', 'biosciences');
    await choose(el, 'f-q_program-year', '2nd');
    $<HTMLInputElement>(el, '#f-q_consent').click();
    await el.updateComplete;
  }

  it('fills and submits with the keyboard alone; POSTs JSON with an idempotency key', async () => {
    const stub = withFetch((url, init) => (init?.method === 'POST' ? registered() : json({}, 404)));
    const el = await form('new-semester', (e) => (e.endpoint = 'https://rsvp.example.edu/api/rsvp'));
    const submits: RsvpSubmitDetail[] = [];
    const results: RsvpResultDetail[] = [];
    el.addEventListener('mk-rsvp-submit', (e) => submits.push(e.detail));
    el.addEventListener('mk-rsvp-result', (e) => results.push(e.detail));

    $(el, '#f-name').focus();
    await userEvent.keyboard('Grace Hopper');
    await userEvent.keyboard('{Tab}');
    expect(el.shadowRoot!.activeElement?.id).toBe('f-email');
    await userEvent.keyboard('grace@example.edu');
    await userEvent.keyboard('{Tab}');
    expect(el.shadowRoot!.activeElement?.id).toBe('f-role');
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('Computer Science');
    await userEvent.keyboard('{Tab}');
    expect(el.shadowRoot!.activeElement?.id).toBe('f-q_hopes');
    await userEvent.keyboard('Better one-on-ones');
    // The honeypot is skipped (tabindex=-1): the next stop is the submit button.
    await userEvent.keyboard('{Tab}');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).toBe('submit');
    await userEvent.keyboard('{Enter}');

    const result = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part="result"]'));
    expect(text(result)).toBe('You are registered. See you on January 8. A confirmation is on its way to your email. Manage or cancel your RSVP');
    expect($<HTMLAnchorElement>(el, '[part="manage-link"]').href).toBe('https://rsvp.example.edu/manage/abc');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).toBe(result);
    // A good outcome is no alert; the polite region repeats its headline.
    expect(result.getAttribute('role')).toBeNull();
    await waitFor(() => text($(el, '[part="status"]')) === 'You are registered.');

    const post = stub.calls.find((c) => c.init?.method === 'POST')!;
    expect(post.url).toBe('https://rsvp.example.edu/api/rsvp');
    const headers = new Headers(post.init!.headers);
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Idempotency-Key')).toMatch(UUID);
    const sent = JSON.parse(post.init!.body as string) as Record<string, unknown>;
    expect(sent).toEqual({
      workshopId: 'new-semester',
      occurrenceId: 'new-semester-2026-01-08',
      person: { name: 'Grace Hopper', email: 'grace@example.edu', role: 'faculty', department: 'Computer Science' },
      answers: { hopes: 'Better one-on-ones' },
      website: '',
      elapsedMs: expect.any(Number) as number,
      locale: 'en',
    });
    // Milliseconds since the fields were shown: a whole number, at least the time typing took here.
    expect(Number.isInteger(sent.elapsedMs)).toBe(true);
    expect(sent.elapsedMs).toBeGreaterThan(0);
    expect(submits).toHaveLength(1);
    expect(submits[0]!.payload).not.toHaveProperty('website');
    expect(submits[0]!.idempotencyKey).toBe(headers.get('Idempotency-Key'));
    expect(results[0]!.outcome).toEqual({
      status: 'confirmed',
      httpStatus: 201,
      registrationId: 'r-1',
      manageUrl: 'https://rsvp.example.edu/manage/abc',
      message: 'See you on January 8.',
      notification: 'queued',
    });
    // No personal data anywhere but the POST body.
    for (const call of stub.calls) expect(call.url).not.toMatch(/grace|hopper/i);
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    await expectAccessible(el);
  });

  it('reuses the idempotency key on retry after a server error, and sends answers of every type', async () => {
    const statuses = [503, 200];
    const stub = withFetch((_url, init) => {
      if (init?.method !== 'POST') return json({}, 404);
      const status = statuses.shift()!;
      return status === 200 ? registered({ status: 'waitlisted', position: 3, message: undefined, notification: 'none' }) : json({ error: 'unavailable' }, status);
    });
    const el = await form('mentoring-up-expectations', (e) => {
      e.now = new Date('2026-01-21T00:00:00Z');
      e.endpoint = '/rsvp';
    });
    await fillTrainee(el);
    $<HTMLInputElement>(el, '#f-q_topics-2').click();
    await el.updateComplete;
    $(el, '[part="submit"]').click();
    const failed = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part="result"]'));
    expect(text(failed)).toBe('The RSVP service had a problem. Your RSVP may not have been recorded. Try again');
    await expectAccessible(el);
    failed.querySelector('button')!.click();
    await waitFor(() => text(el.shadowRoot!.querySelector('[part="result"]')).startsWith('You are on the waitlist.'));
    // No e-mail queued: the form does not promise one.
    expect($$(el, '[part="result"] p').map(text)).toEqual(['You are on the waitlist.', 'Your place on the waitlist: 3.', 'We will write to you if a seat opens.', 'Manage or cancel your RSVP']);
    const posts = stub.calls.filter((c) => c.init?.method === 'POST');
    expect(posts).toHaveLength(2);
    const keys = posts.map((p) => new Headers(p.init!.headers).get('Idempotency-Key'));
    expect(keys[0]).toBe(keys[1]);
    // The very same request again, so the service can recognise it.
    expect(posts[1]!.init!.body).toBe(posts[0]!.init!.body);
    expect(JSON.parse(posts[1]!.init!.body as string).answers).toEqual({ 'program-year': '2nd', topics: ['Career planning'], consent: true });
    await expectAccessible(el);
  });

  it.each([
    [409, { error: { code: 'closed', message: 'RSVP closed yesterday.' } }, 'RSVP is closed for this session. RSVP closed yesterday.'],
    [409, { error: { code: 'not-open', message: 'RSVP opens on January 13.' } }, 'RSVP is not open yet for this session. RSVP opens on January 13.'],
    [409, { error: { code: 'full', message: 'All 40 seats are taken.' } }, 'This session is full. All 40 seats are taken.'],
    [409, { error: { code: 'waitlist-full', message: 'The waitlist has 5 people.' } }, 'This session and its waitlist are full. The waitlist has 5 people.'],
    [
      422,
      { error: { code: 'ineligible', message: 'Not eligible.' }, reason: { code: 'role-not-allowed', message: 'Only graduate students and postdocs may RSVP.' } },
      'Your RSVP was not accepted: you are not eligible. Only graduate students and postdocs may RSVP.',
    ],
    [422, { error: { code: 'duplicate', message: 'You already hold a seat for this session.' } }, 'You already have an RSVP for this session. You already hold a seat for this session.'],
    [422, { error: { code: 'invalid', message: 'The request was refused.' } }, 'Some answers were not accepted. Please check them and send again. The request was refused.'],
    [422, { error: { code: 'too-fast', message: 'too fast' } }, 'The form was sent faster than a person fills it in. Please check your answers and try again. Try again'],
    [422, { error: { code: 'idempotency-mismatch', message: 'mismatch' } }, 'Your answers changed while your RSVP was being sent. Please try again. Try again'],
    [429, { error: { code: 'rate-limited', message: 'Slow down.' } }, 'Too many attempts. Please wait a minute and try again. Try again'],
    [400, { error: { code: 'bad-request', message: 'Unexpected token' } }, 'The RSVP service could not read this form, so your RSVP was not recorded. Please tell the people who run this page.'],
    [415, { error: { code: 'unsupported-media-type', message: 'JSON only' } }, 'The RSVP service could not read this form, so your RSVP was not recorded. Please tell the people who run this page.'],
    // Older or other endpoints: a status and a reason are enough.
    [200, { status: 'declined', reason: { code: 'policy', message: 'Not this time.' } }, 'Your RSVP was not accepted. Not this time.'],
    [503, 'Service Unavailable', 'The RSVP service had a problem. Your RSVP may not have been recorded. Try again'],
  ])('shows the outcome of HTTP %i %j in plain words, as the one alert', async (status, body, expected) => {
    withFetch((_url, init) => (init?.method === 'POST' ? json(body, status) : json({}, 404)));
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    const result = await waitFor(() => el.shadowRoot!.querySelector('[part="result"]'));
    expect(text(result)).toBe(expected);
    expect(text(result)).not.toMatch(/HTTP|\b[45]\d\d\b/);
    expect($$(el, '[role="alert"]')).toEqual([result]);
    expect(text($(el, '[part="status"]'))).toBe('');
    await expectAccessible(el);
  });

  it('says a request for a draw was received, and when places are allocated', async () => {
    withFetch((_url, init) => (init?.method === 'POST' ? registered({ status: 'requested', message: undefined, notification: 'none' }) : json({}, 404)));
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    const result = await waitFor(() => el.shadowRoot!.querySelector('[part="result"]'));
    expect(text(result)).toBe(
      'Your request is received. Places are drawn or allocated when RSVP closes, on January 7, 2026 at 3:00 PM EST. Manage or cancel your RSVP',
    );
    // Done: no fields left to send twice.
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
    await expectAccessible(el);
  });

  it('never links a manage URL that is not http(s)', async () => {
    withFetch((_url, init) => (init?.method === 'POST' ? registered({ manageUrl: 'javascript:alert(1)' }) : json({}, 404)));
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('[part="result"]'));
    expect(el.shadowRoot!.querySelector('[part="manage-link"]')).toBeNull();
  });

  it('shows the answers the endpoint refused next to their controls', async () => {
    withFetch((_url, init) =>
      init?.method === 'POST'
        ? json({ error: { code: 'invalid', message: 'Some answers are invalid.', issues: [{ path: 'person.email', message: 'This address cannot receive mail.' }, { path: 'website', message: 'Must be empty.' }] } }, 422)
        : json({}, 404),
    );
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    const summary = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part="error-summary"]'));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).toBe(summary);
    expect([...summary.querySelectorAll('li')].map(text)).toEqual(['This address cannot receive mail.', 'Must be empty.']);
    expect(summary.querySelectorAll('a')).toHaveLength(1);
    expect(text($(el, '#f-email-error'))).toBe('This address cannot receive mail.');
    expect($(el, '#f-email').getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot!.querySelector('[part="result"]')).toBeNull();
    await expectAccessible(el);
  });

  it('says how long to wait when rate limited', async () => {
    withFetch((_url, init) =>
      init?.method === 'POST' ? new Response(JSON.stringify({ error: { code: 'rate-limited', message: 'x' } }), { status: 429, headers: { 'Retry-After': '30' } }) : json({}, 404),
    );
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    const result = await waitFor(() => el.shadowRoot!.querySelector('[part="result"]'));
    expect(text(result)).toBe('Too many attempts. Please wait 30 seconds and try again. Try again');
  });

  it('after "too fast", tries again with a new key and the time taken so far', async () => {
    const answers = [json({ error: { code: 'too-fast', message: 'x' } }, 422), registered()];
    const stub = withFetch((_url, init) => (init?.method === 'POST' ? answers.shift()! : json({}, 404)));
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    const result = await waitFor(() => el.shadowRoot!.querySelector('[part="result"]'));
    await new Promise((r) => setTimeout(r, 20));
    result.querySelector('button')!.click();
    await waitFor(() => text(el.shadowRoot!.querySelector('[part="result"]')).startsWith('You are registered.'));
    const posts = stub.calls.filter((c) => c.init?.method === 'POST');
    const [first, second] = posts.map((p) => ({ key: new Headers(p.init!.headers).get('Idempotency-Key'), body: JSON.parse(p.init!.body as string) as { elapsedMs: number } }));
    expect(first!.key).not.toBe(second!.key);
    expect(second!.body.elapsedMs).toBeGreaterThan(first!.body.elapsedMs);
  });

  it('sends changed answers under a new idempotency key, the same answers under the same one', async () => {
    const stub = withFetch((_url, init) => (init?.method === 'POST' ? json({ error: { code: 'internal', message: 'Oops' } }, 500) : json({}, 404)));
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    const send = async () => {
      const before = stub.calls.length;
      $(el, '[part="submit"]').click();
      await el.updateComplete;
      await waitFor(() => stub.calls.length > before && el.shadowRoot!.querySelector('[part="result"]'));
    };
    await send();
    await send();
    await type(el, 'f-name', 'A C');
    await send();
    const keys = stub.calls.filter((c) => c.init?.method === 'POST').map((p) => new Headers(p.init!.headers).get('Idempotency-Key'));
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('in Spanish, sends the form’s language', async () => {
    const stub = withFetch((_url, init) => (init?.method === 'POST' ? registered({ message: undefined }) : json({}, 404)));
    const el = await form('new-semester', (e) => {
      e.endpoint = '/rsvp';
      e.setAttribute('lang', 'es-MX');
    });
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    const result = await waitFor(() => el.shadowRoot!.querySelector('[part="result"]'));
    expect(JSON.parse(stub.calls.find((c) => c.init?.method === 'POST')!.init!.body as string).locale).toBe('es');
    expect(text(result)).toContain('Gestionar o cancelar tu inscripción');
  });

  it('reports a network error with a retry button', async () => {
    let online = false;
    withFetch((_url, init) => {
      if (init?.method !== 'POST') return json({}, 404);
      return online ? registered() : Promise.reject(new TypeError('Failed to fetch'));
    });
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    const result = await waitFor(() => el.shadowRoot!.querySelector('[part="result"]'));
    expect(result.getAttribute('role')).toBe('alert');
    expect(text(result)).toContain('Your RSVP could not be sent');
    online = true;
    result.querySelector('button')!.click();
    await waitFor(() => text(el.shadowRoot!.querySelector('[part="result"]')).startsWith('You are registered.'));
  });

  it('lets the page take over: a cancelled mk-rsvp-submit sends nothing, setResult reports', async () => {
    const stub = withFetch(() => json({}, 500));
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    el.addEventListener('mk-rsvp-submit', (e) => e.preventDefault());
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    await el.updateComplete;
    expect(stub.calls.filter((c) => c.init?.method === 'POST')).toHaveLength(0);
    el.setResult({ status: 'waitlisted' });
    await el.updateComplete;
    expect(text($(el, '[part="result"]'))).toBe('You are on the waitlist. We will write to you if a seat opens.');
  });

  it('has a honeypot hidden from people and assistive technology', async () => {
    const stub = withFetch((_url, init) => (init?.method === 'POST' ? registered() : json({}, 404)));
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    const trap = $<HTMLInputElement>(el, 'input[name="website"]');
    expect(trap.tabIndex).toBe(-1);
    expect(trap.autocomplete).toBe('off');
    expect(trap.parentElement!.getAttribute('aria-hidden')).toBe('true');
    const box = trap.getBoundingClientRect();
    expect(box.right <= 0 || box.width <= 1).toBe(true);
    await type(el, 'f-name', 'Bot');
    await type(el, 'f-email', 'bot@spam.example');
    await type(el, 'website', 'https://spam.example');
    $(el, '[part="submit"]').click();
    await waitFor(() => stub.calls.some((c) => c.init?.method === 'POST'));
    expect(JSON.parse(stub.calls.find((c) => c.init?.method === 'POST')!.init!.body as string).website).toBe('https://spam.example');
  });
});

describe('<mk-rsvp-form> themes and languages', () => {
  it('dark theme', async () => {
    document.body.style.background = '#101418';
    onTestFinished(() => {
      document.body.style.removeProperty('background');
    });
    const el = await form('mentoring-up-expectations', (e) => e.setAttribute('theme', 'dark'));
    await choose(el, 'f-role', 'staff');
    await expectAccessible(el);
  });

  it('Spanish', async () => {
    const el = await form('mentoring-up-expectations', (e) => e.setAttribute('lang', 'es'));
    expect(text($(el, 'label[for="f-name"]'))).toBe('Nombre completo *');
    expect(text($(el, '[part="window"] .notice-title'))).toMatch(/^La inscripción se abre el 13 de enero de 2026 a las 9:00 (CST|GMT-6)\.$/);
    await choose(el, 'f-role', 'faculty');
    expect(text($(el, '[part="eligibility"]'))).toContain('nos indicaste que es Faculty');
    await expectAccessible(el);
  });
});

describe('<mk-rsvp-form> without a configured endpoint', () => {
  it('reports that nothing was sent', async () => {
    const spy = vi.fn();
    const el = await form('new-semester');
    el.addEventListener('mk-rsvp-result', spy);
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    await el.updateComplete;
    expect(text($(el, '[part="result"]'))).toContain('This form has no RSVP endpoint configured.');
    expect(spy).toHaveBeenCalledOnce();
  });
});

describe('<mk-rsvp-form> with the seed catalogs', () => {
  for (const name of inject('seedFeeds')) {
    it(`renders every workshop of ${name} that takes RSVPs, accessibly`, async () => {
      const feed = (await (await fetch(`/test/fixtures/${name}.feed.json`)).json()) as Feed;
      for (const w of feed.workshops.filter((x) => x.rsvp)) {
        const el = await mount(() => {
          const e = document.createElement('mk-rsvp-form');
          e.catalog = feed;
          e.workshopId = w.id;
          e.now = new Date(feed.generatedAt);
          return e;
        });
        expect(text($(el, '[part="title"]'))).toBe(w.title);
        expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
        await expectAccessible(el);
        el.remove();
      }
    });
  }
});

describe('<mk-rsvp-form> campus sign-in', () => {
  const ENDPOINT = 'https://rsvp.example.edu/api/rsvps';
  const SERVICE = 'https://rsvp.example.edu';
  const message = { type: 'mentorkit:attendee-sign-in', token: 'mka1.payload.mac', person: { name: 'Fay Faculty', email: 'fay@example.edu', role: 'faculty', department: 'Biology' } };

  it('offers sign-in when the service asks for it, takes the popup’s answer only from the service and that window, and sends the token', async () => {
    const stub = withFetch((url, init) => (url.includes('/status?') ? json({ ...status({ capacity: 40, confirmed: 3 }), signIn: 'required', selfReported: [] }) : init?.method === 'POST' ? registered() : json({}, 404)));
    // The popup itself is the service's page; here the window.open call is recorded and answers this window.
    const opened: string[] = [];
    const open = vi.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return window;
    });
    onTestFinished(() => open.mockRestore());
    const el = await form('new-semester', (e) => (e.endpoint = ENDPOINT));
    await waitFor(() => text($(el, '[part="sign-in"]')).includes('Sign in with your university account to RSVP.'));
    // Nothing to send before signing in.
    expect(el.shadowRoot!.querySelector('[part="submit"]')).toBeNull();
    await expectAccessible(el);

    $<HTMLButtonElement>(el, '[part="sign-in-button"]').click();
    expect(opened).toEqual([`${SERVICE}/api/auth/attendee/login?origin=${encodeURIComponent(location.origin)}`]);
    // Another origin, or another window, is not the service's sign-in.
    window.dispatchEvent(new MessageEvent('message', { data: message, origin: 'https://evil.example', source: window }));
    window.dispatchEvent(new MessageEvent('message', { data: message, origin: SERVICE, source: null }));
    await el.updateComplete;
    expect(text($(el, '[part="sign-in"]'))).not.toContain('Signed in');

    window.dispatchEvent(new MessageEvent('message', { data: message, origin: SERVICE, source: window }));
    await waitFor(() => text($(el, '[part="sign-in"]')).includes('Signed in as Fay Faculty · Faculty · Biology'));
    // What the sign-in gives is not asked again.
    expect(el.shadowRoot!.querySelector('#f-name, #f-email, #f-role, #f-department')).toBeNull();
    await expectAccessible(el);
    $<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => stub.calls.some((c) => c.init?.method === 'POST'));
    const post = stub.calls.find((c) => c.init?.method === 'POST')!;
    expect(new Headers(post.init!.headers).get('Authorization')).toBe('Bearer mka1.payload.mac');
    expect(JSON.parse(String(post.init!.body))).toMatchObject({ person: { name: 'Fay Faculty', email: 'fay@example.edu', role: 'faculty', department: 'Biology' } });
  });

  it('says so when the browser blocks the sign-in window', async () => {
    withFetch((url) => (url.includes('/status?') ? json({ ...status({ capacity: 40, confirmed: 3 }), signIn: 'optional', selfReported: [] }) : json({}, 404)));
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    onTestFinished(() => open.mockRestore());
    const el = await form('new-semester', (e) => (e.endpoint = ENDPOINT));
    await waitFor(() => text($(el, '[part="sign-in"]')).includes('Sign in with your university account to fill in who you are.'));
    // Optional: the form can be sent without signing in.
    expect(el.shadowRoot!.querySelector('[part="submit"]')).not.toBeNull();
    $<HTMLButtonElement>(el, '[part="sign-in-button"]').click();
    await waitFor(() => text($(el, '[part="sign-in"]')).includes('Your browser blocked the sign-in window: allow pop-ups for this page, then press Sign in again.'));
    await expectAccessible(el);
  });
});
