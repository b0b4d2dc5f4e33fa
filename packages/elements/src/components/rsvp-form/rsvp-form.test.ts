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
    const stub = withFetch((url) => (url.includes('/status?') ? json({ capacity: 40, confirmed: 40, waitlisted: 2 }) : json({}, 500)));
    const el = await form('new-semester', (e) => (e.endpoint = 'https://rsvp.example.edu/api/rsvp/'));
    await waitFor(() => text($(el, '[part="window"]')).includes('full'));
    expect(stub.calls[0]!.url).toBe('https://rsvp.example.edu/api/rsvp/status?workshop=new-semester&occurrence=new-semester-2026-01-08');
    expect(text($(el, '[part="window"]'))).toBe('This session is full. You can join the waitlist; we will write to you if a seat opens.');
    expect(text($(el, '[part="submit"]'))).toBe('Join the waitlist');
    await expectAccessible(el);
  });

  it('shows only the notice when the session and its waitlist are full', async () => {
    withFetch((url) => (url.includes('/status?') ? json({ capacity: 40, confirmed: 40, waitlisted: 5 }) : json({}, 500)));
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

  it('shows seats left, and works without the status endpoint', async () => {
    withFetch((url) => (url.includes('/status?') ? json({ capacity: 40, confirmed: 39 }) : json({}, 500)));
    const el = await form('new-semester', (e) => (e.endpoint = 'https://rsvp.example.edu/api/rsvp'));
    await waitFor(() => text($(el, '[part="window"]')).includes('1 seat left.'));
    document.body.replaceChildren();
    withFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const quiet = await form('new-semester', (e) => (e.endpoint = 'https://rsvp.example.edu/api/rsvp'));
    await new Promise((r) => setTimeout(r, 50));
    expect(text($(quiet, '[part="window"]'))).toBe('RSVP is open until January 7, 2026 at 3:00 PM EST. 40 seats left.');
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
    expect(text(alert)).toBe('The RSVP form could not be shown The feed could not be loaded: the server answered HTTP 500 Internal Server Error for /feed.json.');
    await expectAccessible(el);
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
    const stub = withFetch((url, init) => (init?.method === 'POST' ? json({ status: 'confirmed' }) : json({}, 404)));
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
    expect(text(result)).toBe('You are registered. A confirmation is on its way to your email.');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).toBe(result);

    const post = stub.calls.find((c) => c.init?.method === 'POST')!;
    expect(post.url).toBe('https://rsvp.example.edu/api/rsvp');
    const headers = new Headers(post.init!.headers);
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Idempotency-Key')).toMatch(UUID);
    expect(JSON.parse(post.init!.body as string)).toEqual({
      workshopId: 'new-semester',
      occurrenceId: 'new-semester-2026-01-08',
      person: { name: 'Grace Hopper', email: 'grace@example.edu', role: 'faculty', department: 'Computer Science' },
      answers: { hopes: 'Better one-on-ones' },
      website: '',
    });
    expect(submits).toHaveLength(1);
    expect(submits[0]!.payload).not.toHaveProperty('website');
    expect(submits[0]!.idempotencyKey).toBe(headers.get('Idempotency-Key'));
    expect(results[0]!.outcome).toEqual({ status: 'confirmed', httpStatus: 200 });
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
      return status === 200 ? json({ status: 'waitlisted' }, 200) : json({ error: 'unavailable' }, status);
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
    const posts = stub.calls.filter((c) => c.init?.method === 'POST');
    expect(posts).toHaveLength(2);
    const keys = posts.map((p) => new Headers(p.init!.headers).get('Idempotency-Key'));
    expect(keys[0]).toBe(keys[1]);
    expect(JSON.parse(posts[1]!.init!.body as string).answers).toEqual({ 'program-year': '2nd', topics: ['Career planning'], consent: true });
    await expectAccessible(el);
  });

  it.each([
    [409, { reason: { code: 'window-closed', message: 'RSVP closed yesterday.' } }, 'RSVP is closed for this session. RSVP closed yesterday.'],
    [422, { status: 'declined', reason: { code: 'ineligible', message: 'Only graduate students and postdocs may RSVP.' } }, 'Your RSVP was not accepted: you are not eligible. Only graduate students and postdocs may RSVP.'],
    [429, {}, 'Too many attempts. Please wait a minute and try again. Try again'],
    [200, { status: 'declined', reason: { code: 'duplicate', message: 'You already have a seat.' } }, 'Your RSVP was not accepted. You already have a seat.'],
  ])('shows the outcome of HTTP %i', async (status, body, expected) => {
    withFetch((_url, init) => (init?.method === 'POST' ? json(body, status) : json({}, 404)));
    const el = await form('new-semester', (e) => (e.endpoint = '/rsvp'));
    await type(el, 'f-name', 'A B');
    await type(el, 'f-email', 'a@b.edu');
    $(el, '[part="submit"]').click();
    const result = await waitFor(() => el.shadowRoot!.querySelector('[part="result"]'));
    expect(text(result)).toBe(expected);
    await expectAccessible(el);
  });

  it('reports a network error with a retry button', async () => {
    let online = false;
    withFetch((_url, init) => {
      if (init?.method !== 'POST') return json({}, 404);
      return online ? json({ status: 'confirmed' }) : Promise.reject(new TypeError('Failed to fetch'));
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
    const stub = withFetch((_url, init) => (init?.method === 'POST' ? json({ status: 'confirmed' }) : json({}, 404)));
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
    expect(text($(el, '[part="eligibility"]'))).toContain('Tu puesto es Faculty');
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
