import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Feed, FeedWorkshop } from '@mentorkit/core/browser';
import { seedCatalogFeed } from '../../internal/seed.fixtures.js';

/**
 * `<mk-rsvp-form>` for the Mentoring Up series (seed catalog apps/demo/catalog/mentoring-up.yaml): only
 * graduate students and postdocs may RSVP, biosciences first, and "RSVP opens at the start of each
 * quarter". The autumn 2022 session (19 October, Los Angeles) shows every window state by its `now`;
 * the RSVP service's answers (seats, confirmed, waitlisted, failures) come from a stand-in for the
 * service (`mockFetch`), so each outcome can be seen without one.
 */

const WORKSHOP = 'mu-aligning-expectations';
const ENDPOINT = 'https://rsvp.example.edu/api/rsvp';

/** 12 September 2022: before the autumn quarter starts, so before RSVP opens (19 September). */
const BEFORE_AUTUMN_QUARTER = '2022-09-12T16:00:00Z';
/** 3 October 2022: RSVP is open. */
const OCTOBER_2022 = '2022-10-03T16:00:00Z';
/** 19 October 2022, 16:30 in Los Angeles: the session has started and RSVP has closed. */
const DURING_SESSION = '2022-10-19T23:30:00Z';

interface Args {
  theme?: string;
  src?: string;
  'workshop-id'?: string;
  'occurrence-id'?: string;
  endpoint?: string;
  now?: string | number;
  'viewer-time-zone'?: string;
  'heading-level'?: number;
  onMkRsvpSubmit?: (e: Event) => void;
  onMkRsvpResult?: (e: Event) => void;
}

interface Seed {
  catalog: 'mentoring-up' | 'advancing-mentorship';
  edit?: (workshop: FeedWorkshop) => void;
}

type SeedContext = Pick<StoryContext, 'parameters' | 'loaded'>;

function seedFeed(context: SeedContext, workshopId: string | undefined): Feed {
  const seed = context.parameters.seed as Seed;
  const feed = seedCatalogFeed(context, seed.catalog);
  const workshop = feed.workshops.find((w) => w.id === workshopId);
  if (!workshop) throw new Error(`The seed catalog ${seed.catalog} has no workshop "${workshopId}"; the story needs updating.`);
  seed.edit?.(workshop);
  return feed;
}

/** The seed policy takes no waitlist; a variant that does, for the "full, join the waitlist" state. */
const withWaitlist = (w: FeedWorkshop) => {
  if (!w.rsvp) throw new Error(`${w.id} has no RSVP policy in the seed catalog`);
  w.rsvp.waitlist = { enabled: true };
};

/**
 * A stand-in for the RSVP service: `${endpoint}/status` reports seats (when given), and a POST to the
 * endpoint gets `answer`.
 */
function rsvpService(options: { seats?: { capacity: number; confirmed: number; waitlisted?: number }; answer?: () => Response | Promise<Response> }) {
  return (url: string, init: RequestInit | undefined): Response | Promise<Response> | undefined => {
    if (url.startsWith(`${ENDPOINT}/status?`)) {
      return options.seats ? Response.json({ waitlisted: 0, ...options.seats, window: { state: 'open' }, tierOpens: {}, seatsKnown: true }) : new Response('Not Found', { status: 404 });
    }
    if (url === ENDPOINT && init?.method === 'POST') return options.answer ? options.answer() : new Response('Not Implemented', { status: 501 });
    return undefined;
  };
}

const iso = (value: string | number | undefined) => (value === undefined ? undefined : new Date(value).toISOString());
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function form(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('mk-rsvp-form');
  if (!el?.shadowRoot) throw new Error('<mk-rsvp-form> did not render');
  const root = el.shadowRoot;
  const part = (name: string) => root.querySelector(`[part~="${name}"]`);
  return { el, root, part, screen: within(root as unknown as HTMLElement) };
}

/** Fills the form as an eligible graduate student in the biosciences would. */
async function fillAsBioscienceStudent(canvasElement: HTMLElement) {
  const { screen } = form(canvasElement);
  await waitFor(() => screen.getByLabelText(/^Full name/));
  await userEvent.type(screen.getByLabelText(/^Full name/), 'Alex Kim');
  await userEvent.type(screen.getByLabelText(/^Email/), 'alex.kim@example.edu');
  await userEvent.selectOptions(screen.getByLabelText(/^Role/), 'graduate-student');
  await userEvent.selectOptions(screen.getByLabelText(/^Field or discipline/), 'biosciences');
}

async function submit(canvasElement: HTMLElement) {
  const { part } = form(canvasElement);
  await userEvent.click(part('submit') as HTMLButtonElement);
}

const meta: Meta<Args> = {
  title: 'Widgets/RSVP form',
  component: 'mk-rsvp-form',
  args: {
    'workshop-id': WORKSHOP,
    now: OCTOBER_2022,
    endpoint: ENDPOINT,
    'viewer-time-zone': 'America/Los_Angeles',
    onMkRsvpSubmit: fn(),
    onMkRsvpResult: fn(),
  },
  parameters: {
    seed: { catalog: 'mentoring-up' } satisfies Seed,
    // No seat counts by default: the service's status endpoint is optional.
    mockFetch: rsvpService({}),
  },
  // A story with `src` reads its feed from that URL; the others get the seed feed as a property.
  render: (args, context) => html`<mk-rsvp-form
    .catalog=${args.src ? undefined : seedFeed(context, args['workshop-id'])}
    src=${ifDefined(args.src)}
    workshop-id=${ifDefined(args['workshop-id'])}
    occurrence-id=${ifDefined(args['occurrence-id'])}
    endpoint=${ifDefined(args.endpoint)}
    now=${ifDefined(iso(args.now))}
    viewer-time-zone=${ifDefined(args['viewer-time-zone'])}
    heading-level=${ifDefined(args['heading-level'])}
    theme=${ifDefined(args.theme)}
    @mk-rsvp-submit=${args.onMkRsvpSubmit}
    @mk-rsvp-result=${args.onMkRsvpResult}
  ></mk-rsvp-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** RSVP is open: the fields the policy asks for, and who may come. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('window'))).toMatch(/^RSVP is open until October 19, 2022/));
    await expect(text(part('eligibility'))).toContain('You must be a graduate student or postdoc.');
  },
};

/** Before the quarter starts: the form says when RSVP opens and offers no submit button. */
export const NotYetOpen: Story = {
  args: { now: BEFORE_AUTUMN_QUARTER },
  play: async ({ canvasElement }) => {
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('window'))).toMatch(/^RSVP opens on September 19, 2022/));
    await expect(part('submit')).toBeNull();
  },
};

/** The session has started: the workshop and the notice, without fields nobody could send. */
export const Closed: Story = {
  args: { now: DURING_SESSION },
  play: async ({ canvasElement }) => {
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('window'))).toMatch(/^RSVP closed on October 19, 2022/));
    await expect(part('submit')).toBeNull();
    await expect(part('control')).toBeNull();
  },
};

/** As the person answers, the form tells them they can come, and in which priority tier. */
export const EligibleFirstPriority: Story = {
  play: async ({ canvasElement }) => {
    await fillAsBioscienceStudent(canvasElement);
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('eligibility'))).toMatch(/^You can RSVP for this workshop\. You are in tier 1: First priority/));
  },
};

/** A faculty member is told, before sending anything, that this series is for graduate students and postdocs. */
export const Ineligible: Story = {
  play: async ({ canvasElement }) => {
    const { part, screen } = form(canvasElement);
    await waitFor(() => screen.getByLabelText(/^Role/));
    await userEvent.selectOptions(screen.getByLabelText(/^Role/), 'faculty');
    await waitFor(() => expect(part('eligibility')?.classList.contains('danger')).toBe(true));
    await expect(text(part('eligibility'))).toMatch(/^You must be a graduate student or postdoc\. .+/);
  },
};

/** Sending an empty form: a summary of the problems takes focus, each linked to its field. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const { el, part } = form(canvasElement);
    await waitFor(() => part('submit'));
    await submit(canvasElement);
    await waitFor(() => expect(part('error-summary')).not.toBeNull());
    await expect(el.shadowRoot!.activeElement).toBe(part('error-summary'));
    // One linked entry per required field: name, email, role, field.
    const links = [...part('error-summary')!.querySelectorAll('a')];
    await expect(links.map((a) => a.getAttribute('href'))).toEqual(['#f-name', '#f-email', '#f-role', '#f-field']);
  },
};

/** The service reports seats left. */
export const SeatsLeft: Story = {
  parameters: { mockFetch: rsvpService({ seats: { capacity: 25, confirmed: 22 } }) },
  play: async ({ canvasElement }) => {
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('window'))).toContain('3 seats left.'));
  },
};

/** Full, with a waitlist (a variant of the seed policy): the button becomes "Join the waitlist". */
export const FullWithWaitlist: Story = {
  parameters: {
    seed: { catalog: 'mentoring-up', edit: withWaitlist } satisfies Seed,
    mockFetch: rsvpService({ seats: { capacity: 25, confirmed: 25, waitlisted: 4 } }),
  },
  play: async ({ canvasElement }) => {
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('window'))).toMatch(/^This session is full\. You can join the waitlist/));
    await expect(text(part('submit'))).toBe('Join the waitlist');
  },
};

/** Full, and the seed policy takes no waitlist: no way to send, so no fields either. */
export const Full: Story = {
  parameters: { mockFetch: rsvpService({ seats: { capacity: 25, confirmed: 25 } }) },
  play: async ({ canvasElement }) => {
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('window'))).toMatch(/^This session is full\./));
    await expect(part('submit')).toBeNull();
    await expect(part('control')).toBeNull();
  },
};

/** The endpoint's 201 answer (see the elements README for the whole contract). */
const answer = (body: Record<string, unknown>) => () =>
  Response.json(
    { registrationId: 'r-1', manageUrl: 'https://rsvp.example.edu/manage/7f3a', message: '', notification: 'queued', ...body },
    { status: 201 },
  );

/** Sent and confirmed, with a confirmation e-mail queued: the outcome takes focus, links the manage page, and `mk-rsvp-result` carries it. */
export const Confirmed: Story = {
  parameters: { mockFetch: rsvpService({ answer: answer({ status: 'confirmed' }) }) },
  play: async ({ args, canvasElement }) => {
    await fillAsBioscienceStudent(canvasElement);
    await submit(canvasElement);
    const { el, part } = form(canvasElement);
    await waitFor(() => expect(text(part('result'))).toMatch(/^You are registered\./));
    await expect(el.shadowRoot!.activeElement).toBe(part('result'));
    const submitted = (args.onMkRsvpSubmit as ReturnType<typeof fn>).mock.lastCall?.[0] as CustomEvent;
    await expect(submitted.detail.payload).toMatchObject({ workshopId: WORKSHOP, person: { name: 'Alex Kim', email: 'alex.kim@example.edu', role: 'graduate-student', field: 'biosciences' } });
    const result = (args.onMkRsvpResult as ReturnType<typeof fn>).mock.lastCall?.[0] as CustomEvent;
    await expect(result.detail.outcome).toMatchObject({ status: 'confirmed', httpStatus: 201, notification: 'queued' });
    await expect(text(part('result'))).toBe('You are registered. A confirmation is on its way to your email. Manage or cancel your RSVP');
  },
};

/** The session filled while the person was typing: the service puts them on the waitlist. */
export const Waitlisted: Story = {
  parameters: {
    seed: { catalog: 'mentoring-up', edit: withWaitlist } satisfies Seed,
    mockFetch: rsvpService({ answer: answer({ status: 'waitlisted', position: 2, notification: 'none' }) }),
  },
  play: async ({ canvasElement }) => {
    await fillAsBioscienceStudent(canvasElement);
    await submit(canvasElement);
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('result'))).toMatch(/^You are on the waitlist\./));
  },
};

/** Places are allocated when RSVP closes (a lottery or by priority): the request is received, nothing more is promised. */
export const Requested: Story = {
  parameters: { mockFetch: rsvpService({ answer: answer({ status: 'requested', notification: 'none' }) }) },
  play: async ({ canvasElement }) => {
    await fillAsBioscienceStudent(canvasElement);
    await submit(canvasElement);
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('result'))).toMatch(/^Your request is received\. Places are drawn or allocated when RSVP closes/));
  },
};

/** The service turns the RSVP down with its reason (the last seat went to someone else). */
export const DeclinedFull: Story = {
  parameters: {
    mockFetch: rsvpService({
      answer: () => Response.json({ error: { code: 'full', message: 'The last seat was taken a moment ago.' } }, { status: 409 }),
    }),
  },
  play: async ({ canvasElement }) => {
    await fillAsBioscienceStudent(canvasElement);
    await submit(canvasElement);
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('result'))).toBe('This session is full. The last seat was taken a moment ago.'));
  },
};

/** No connection: nothing was recorded, and the person can try again. */
export const NetworkError: Story = {
  parameters: { mockFetch: rsvpService({ answer: () => Promise.reject(new TypeError('Failed to fetch')) }) },
  play: async ({ canvasElement }) => {
    await fillAsBioscienceStudent(canvasElement);
    await submit(canvasElement);
    const { part, screen } = form(canvasElement);
    await waitFor(() => expect(text(part('result'))).toMatch(/^Your RSVP could not be sent/));
    await expect(screen.getByText('Try again').localName).toBe('button');
  },
};

export const ServerError: Story = {
  parameters: { mockFetch: rsvpService({ answer: () => new Response('Internal Server Error', { status: 500 }) }) },
  play: async ({ canvasElement }) => {
    await fillAsBioscienceStudent(canvasElement);
    await submit(canvasElement);
    const { part } = form(canvasElement);
    await waitFor(() => expect(text(part('result'))).toMatch(/^The RSVP service had a problem/));
  },
};

/** A workshop of the Advancing Mentorship page, which takes no RSVPs through mentorkit. */
export const NoRsvpPolicy: Story = {
  args: { 'workshop-id': 'preparing-new-semester-2026', now: '2026-01-05T14:00:00Z', 'viewer-time-zone': 'America/New_York' },
  parameters: { seed: { catalog: 'advancing-mentorship' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { screen } = form(canvasElement);
    await waitFor(() => screen.getByText('This workshop does not take RSVPs.'));
  },
};

export const Loading: Story = {
  args: { src: '/feeds/mentoring-up.json' },
  parameters: { mockFetch: () => new Promise<Response>(() => {}) },
  play: async ({ canvasElement }) => {
    const { screen } = form(canvasElement);
    await waitFor(() => screen.getByText('Loading the RSVP form…'));
  },
};

export const LoadError: Story = {
  args: { src: '/feeds/mentoring-up.json' },
  parameters: { mockFetch: () => new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway' }) },
  play: async ({ canvasElement }) => {
    const { root } = form(canvasElement);
    await waitFor(() => expect(text(root.querySelector('[role="alert"]'))).toContain('could not be read. Please try again later.'));
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    // The explanation panels are part of what must stay readable in the dark.
    await fillAsBioscienceStudent(canvasElement);
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const { part } = form(canvasElement);
    await waitFor(() => expect(part('submit')).not.toBeNull());
    await expect(text(part('submit'))).toBe('Enviar inscripción');
  },
};

export const NarrowMobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};
