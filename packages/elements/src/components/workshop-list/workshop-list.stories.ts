import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { Feed, FeedOccurrence } from '@mentorkit/core/browser';
import { seedCatalogFeed, type SeedCatalog } from '../../internal/seed.fixtures.js';

/**
 * `<mk-workshop-list>` with the seed catalogs (apps/demo/catalog/*.yaml, built into feeds before
 * Storybook starts): the Columbia-style "Advancing Mentorship" page and the Mentoring Up series. Each
 * story fixes `now`, so "upcoming", "past" and RSVP windows read the same every day.
 */

/** Winter 2026, first week: every 2026 Advancing Mentorship session is ahead. */
const WINTER_2026 = '2026-01-05T14:00:00Z';
/** Late November 2026: every dated session in the seed catalogs is over. */
const NOVEMBER_2026 = '2026-11-23T17:00:00Z';
/** Early October 2022: RSVP is open for the autumn Mentoring Up session, not yet for winter and spring. */
const OCTOBER_2022 = '2022-10-03T16:00:00Z';
/** 19 October 2022, 16:30 in Los Angeles: the autumn Mentoring Up session is under way. */
const DURING_OCTOBER_SESSION = '2022-10-19T23:30:00Z';

interface Args {
  theme?: string;
  src?: string;
  view?: string;
  now?: string | number;
  audience?: string;
  topic?: string;
  program?: string;
  format?: string;
  modality?: string;
  search?: string;
  'rsvp-href'?: string;
  'hide-filters'?: boolean;
  'heading-level'?: number;
  'viewer-time-zone'?: string;
  onMkFilterChange?: (e: Event) => void;
  onMkRsvpRequest?: (e: Event) => void;
}

/** Which seed feed a story shows, and the change that makes its state (on the story's own copy). */
interface Seed {
  catalog: SeedCatalog;
  edit?: (feed: Feed) => void;
}

/** The parts of a story's context the seed helpers read. */
type SeedContext = Pick<StoryContext, 'parameters' | 'loaded'>;

function seedFeed(context: SeedContext): Feed | undefined {
  const seed = context.parameters.seed as Seed | undefined;
  if (!seed) return undefined;
  const feed = seedCatalogFeed(context, seed.catalog);
  seed.edit?.(feed);
  return feed;
}

function occurrence(feed: Feed, workshopId: string, index = 0): FeedOccurrence {
  const o = feed.workshops.find((w) => w.id === workshopId)?.occurrences[index];
  if (!o) throw new Error(`The seed feed has no occurrence ${index} of workshop "${workshopId}"; the story needs updating.`);
  return o;
}

/** A date-time control gives a timestamp; the attribute takes ISO. */
const iso = (value: string | number | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

/** The element's shadow root, queried like a screen. */
function widget(canvasElement: HTMLElement) {
  const el = canvasElement.querySelector('mk-workshop-list');
  if (!el?.shadowRoot) throw new Error('<mk-workshop-list> did not render');
  return { el, screen: within(el.shadowRoot as unknown as HTMLElement), root: el.shadowRoot };
}

/** Testing Library's role queries do not take a shadow root; alerts are found by their role attribute. */
function alertIn(root: ShadowRoot): Element {
  const alert = root.querySelector('[role="alert"]');
  if (!alert) throw new Error('no role="alert" yet');
  return alert;
}

/** The RSVP button (or link) of a workshop, found by its accessible text "RSVP: <title>, <date>". */
function rsvpAction(root: ShadowRoot, title: string): HTMLElement {
  const action = [...root.querySelectorAll<HTMLElement>('[part="rsvp-button"]')].find((a) => a.textContent?.replace(/\s+/g, ' ').trim().startsWith(`RSVP: ${title},`));
  if (!action) throw new Error(`no RSVP action for "${title}" yet`);
  return action;
}

/** Titles of the workshops shown (filtered-out ones may stay in the DOM, hidden). */
const titles = (root: ShadowRoot) =>
  [...root.querySelectorAll('.item .title')].filter((t) => t.checkVisibility()).map((t) => t.textContent?.trim() ?? '');

const shown = (root: ShadowRoot, selector: string) => [...root.querySelectorAll(selector)].filter((e) => e.checkVisibility());

/** Answers a feed URL with a seed feed, as a CMS page's `src` would be answered (see `mockFetch` in preview.ts). */
const feedServer =
  (catalog: Seed['catalog'], edit?: (body: Record<string, unknown>) => void) =>
  (url: string, _init: RequestInit | undefined, context: SeedContext): Response | undefined => {
    if (!url.endsWith(`/feeds/${catalog}.json`)) return undefined;
    const feed = structuredClone(seedCatalogFeed(context, catalog)) as unknown as Record<string, unknown>;
    edit?.(feed);
    return Response.json(feed);
  };

const meta: Meta<Args> = {
  title: 'Widgets/Workshop list',
  component: 'mk-workshop-list',
  args: {
    now: WINTER_2026,
    // The visitor's zone is fixed too, so the times read the same on every machine.
    'viewer-time-zone': 'America/New_York',
    onMkFilterChange: fn(),
    onMkRsvpRequest: fn(),
  },
  parameters: { seed: { catalog: 'advancing-mentorship' } satisfies Seed },
  // A story with `src` reads its feed from that URL; the others get the seed feed as a property.
  render: (args, context) => html`<mk-workshop-list
    .catalog=${args.src ? undefined : seedFeed(context)}
    src=${ifDefined(args.src)}
    theme=${ifDefined(args.theme)}
    view=${ifDefined(args.view)}
    now=${ifDefined(iso(args.now))}
    audience=${ifDefined(args.audience)}
    topic=${ifDefined(args.topic)}
    program=${ifDefined(args.program)}
    format=${ifDefined(args.format)}
    modality=${ifDefined(args.modality)}
    search=${ifDefined(args.search)}
    rsvp-href=${ifDefined(args['rsvp-href'])}
    ?hide-filters=${args['hide-filters'] ?? false}
    heading-level=${ifDefined(args['heading-level'])}
    viewer-time-zone=${ifDefined(args['viewer-time-zone'])}
    @mk-filter-change=${args.onMkFilterChange}
    @mk-rsvp-request=${args.onMkRsvpRequest}
  ></mk-workshop-list>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The Advancing Mentorship page in the first week of winter 2026: four dated workshops, then the offerings a department books on request. */
export const Upcoming: Story = {
  play: async ({ canvasElement }) => {
    const { root, screen } = widget(canvasElement);
    await waitFor(() => expect(titles(root).length).toBeGreaterThan(0));
    await expect(titles(root).slice(0, 4)).toEqual([
      'Preparing for a New Semester of Mentoring',
      'Entering Mentoring: Addressing Equity and Inclusion',
      'Entering Mentoring: Fostering Independence',
      'Entering Mentoring: Assessing Understanding',
    ]);
    await expect(screen.getByText('Available on request')).toBeTruthy();
  },
};

/** After the year's sessions: most recent first, with "Last held" for workshops the page lists without dates. */
export const Past: Story = {
  args: { view: 'past', now: NOVEMBER_2026 },
  play: async ({ canvasElement }) => {
    const { root } = widget(canvasElement);
    await waitFor(() => expect(titles(root)[0]).toBe('Entering Mentoring: Assessing Understanding'));
    await expect(shown(root, '[part="rsvp-button"]')).toEqual([]);
    await expect(shown(root, '[part="request"]')).toEqual([]);
  },
};

export const AllSessions: Story = {
  args: { view: 'all', now: '2026-02-10T15:00:00Z' },
};

/** One session of the seed catalog marked cancelled: a badge, and no RSVP or calendar action for it. */
export const CancelledSession: Story = {
  parameters: {
    seed: { catalog: 'advancing-mentorship', edit: (feed) => (occurrence(feed, 'em-equity-inclusion-2026').status = 'cancelled') } satisfies Seed,
  },
  play: async ({ canvasElement }) => {
    const { root } = widget(canvasElement);
    const item = await waitFor(async () => {
      const found = root.querySelector('.item[data-workshop="em-equity-inclusion-2026"]');
      await expect(found).not.toBeNull();
      return found!;
    });
    await expect(item.classList.contains('cancelled')).toBe(true);
    await expect(item.querySelector('[part="badge"]')?.textContent?.trim()).toBe('Cancelled');
    await expect(item.querySelector('[part="calendar"]')).toBeNull();
  },
};

/** Sessions that moved: one postponed (no RSVP until it has a date), one moved online. */
export const PostponedAndMovedOnline: Story = {
  parameters: {
    seed: {
      catalog: 'advancing-mentorship',
      edit: (feed) => {
        occurrence(feed, 'em-fostering-independence-2026').status = 'postponed';
        occurrence(feed, 'em-assessing-understanding-2026').status = 'moved-online';
      },
    } satisfies Seed,
  },
};

/** The Entering Mentoring workshops a department chair requests for a lab: no dates, who may ask and how. */
export const OnRequest: Story = {
  args: { program: 'entering-mentoring-wtg' },
  play: async ({ canvasElement }) => {
    const { root } = widget(canvasElement);
    await waitFor(() => expect(shown(root, '[part="request"]').length).toBe(5));
    await expect(shown(root, '[part="date"]')).toEqual([]);
    for (const badge of shown(root, '.item [part="badge"]')) await expect(badge.textContent?.trim()).toBe('On request');
  },
};

/**
 * Mentoring Up in early October 2022: RSVP is open for the autumn session and "opens at the start of
 * each quarter" for the winter and spring ones, which say when.
 */
export const RsvpOpenAndNotYetOpen: Story = {
  args: { now: OCTOBER_2022 },
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = widget(canvasElement);
    await waitFor(() => expect(shown(root, '.rsvp-note').length).toBe(3));
    const notes = shown(root, '.rsvp-note').map((n) => n.textContent?.trim());
    await expect(notes[0]).toMatch(/^RSVP by October 19, 2022$/);
    await expect(notes[1]).toMatch(/^RSVP opens January 4, 2023$/);
  },
};

/** While the autumn session is under way its RSVP has closed; the session still shows until it ends. */
export const RsvpClosed: Story = {
  args: { now: DURING_OCTOBER_SESSION },
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { screen } = widget(canvasElement);
    await waitFor(() => screen.getByText('RSVP closed'));
  },
};

/** Pressing RSVP fires `mk-rsvp-request` with the workshop, so the page can open `<mk-rsvp-form>`. */
export const RsvpRequest: Story = {
  args: { now: OCTOBER_2022 },
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  play: async ({ args, canvasElement }) => {
    const { root } = widget(canvasElement);
    const button = await waitFor(() => rsvpAction(root, 'Aligning Expectations'));
    await expect(button.localName).toBe('button');
    await userEvent.click(button);
    await expect(args.onMkRsvpRequest).toHaveBeenCalledOnce();
    const event = (args.onMkRsvpRequest as ReturnType<typeof fn>).mock.calls[0]?.[0] as CustomEvent;
    await expect(event.detail.workshopId).toBe('mu-aligning-expectations');
    await expect(event.detail.occurrenceId).toMatch(/^mu-aligning-expectations-2022-10-19/);
  },
};

/** With `rsvp-href`, RSVP is a link to the institution's own form. */
export const RsvpAsLink: Story = {
  args: { now: OCTOBER_2022, 'rsvp-href': 'https://rsvp.example.edu/form?workshop={workshop}&session={occurrence}' },
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root } = widget(canvasElement);
    const link = await waitFor(() => rsvpAction(root, 'Aligning Expectations'));
    await expect(link.localName).toBe('a');
    await expect(link.getAttribute('href')).toMatch(/^https:\/\/rsvp\.example\.edu\/form\?workshop=mu-aligning-expectations&session=/);
  },
};

/** A visitor in India sees each time in the event's zone and in their own. */
export const VisitorInAnotherZone: Story = {
  args: { 'viewer-time-zone': 'Asia/Kolkata' },
  play: async ({ canvasElement }) => {
    const { root } = widget(canvasElement);
    await waitFor(() => expect(root.querySelector('[part="local-time"]')?.textContent).toMatch(/^Your time: .*GMT\+5:30/));
  },
};

/** Typing in the search box and choosing a topic narrow the list; each change fires `mk-filter-change`. */
export const Filtering: Story = {
  args: { view: 'all' },
  play: async ({ args, canvasElement }) => {
    const { root, screen } = widget(canvasElement);
    await waitFor(() => expect(titles(root).length).toBeGreaterThan(5));
    await userEvent.type(screen.getByLabelText('Search workshops'), 'equity');
    await waitFor(() => expect(titles(root).every((t) => /Equity/i.test(t))).toBe(true));
    await expect(titles(root).length).toBeGreaterThan(0);
    await userEvent.click(screen.getByText('Clear filters'));
    await waitFor(() => expect(titles(root).length).toBeGreaterThan(5));
    await userEvent.selectOptions(screen.getByLabelText('Topic'), 'fostering-independence');
    await waitFor(() => expect(titles(root).every((t) => /Fostering Independence/.test(t))).toBe(true));
    const last = (args.onMkFilterChange as ReturnType<typeof fn>).mock.lastCall?.[0] as CustomEvent;
    await expect(last.detail).toMatchObject({ view: 'all', topic: 'fostering-independence', search: '' });
  },
};

/** A search that matches nothing says so and offers to clear the filters. */
export const NoMatches: Story = {
  args: { search: 'astrophysics' },
  play: async ({ canvasElement }) => {
    const { root, screen } = widget(canvasElement);
    await waitFor(() => screen.getByText('No workshops match these filters'));
    // The filter bar and the empty state both offer it.
    await userEvent.click(screen.getAllByText('Clear filters')[0]!);
    await waitFor(() => expect(titles(root).length).toBeGreaterThan(0));
  },
};

/** Mentoring Up after its last session: nothing upcoming, and a way to the past ones. */
export const NoUpcoming: Story = {
  args: { now: NOVEMBER_2026 },
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root, screen } = widget(canvasElement);
    await waitFor(() => screen.getByText('No upcoming workshops'));
    await userEvent.click(screen.getByText('See past workshops'));
    await waitFor(() => expect(titles(root)[0]).toBe('Research Self-Efficacy'));
  },
};

/**
 * Advancing Mentorship Practices between terms: no date is scheduled, so the list says so before the
 * Workshops To Go a department can still request.
 */
export const NoDatesOnlyOnRequest: Story = {
  args: { now: NOVEMBER_2026 },
  parameters: { seed: { catalog: 'advancing-mentorship' } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { root, screen } = widget(canvasElement);
    await waitFor(() => screen.getByText('No upcoming dates are scheduled'));
    await expect(shown(root, '[part="date"]')).toEqual([]);
    await expect(shown(root, '[part="request"]').length).toBeGreaterThan(0);
  },
};

/** A catalog that publishes no workshops (only resources). */
export const Empty: Story = {
  parameters: { seed: { catalog: 'mentoring-resources', edit: (feed) => (feed.workshops = []) } satisfies Seed },
  play: async ({ canvasElement }) => {
    const { screen } = widget(canvasElement);
    await waitFor(() => screen.getByText('No upcoming workshops'));
  },
};

/** The usual CMS set-up: the feed comes from a URL. */
export const FromFeedUrl: Story = {
  args: { src: '/feeds/advancing-mentorship.json' },
  parameters: { mockFetch: feedServer('advancing-mentorship') },
  play: async ({ canvasElement }) => {
    const { root } = widget(canvasElement);
    await waitFor(() => expect(titles(root)[0]).toBe('Preparing for a New Semester of Mentoring'));
  },
};

/** While the feed is on its way (this one never arrives). */
export const Loading: Story = {
  args: { src: '/feeds/advancing-mentorship.json' },
  parameters: { mockFetch: () => new Promise<Response>(() => {}) },
  play: async ({ canvasElement }) => {
    const { screen } = widget(canvasElement);
    await waitFor(() => screen.getByText('Loading workshops…'));
  },
};

/** The feed's server fails; the message names the status and the URL, and offers to try again. */
export const LoadError: Story = {
  args: { src: '/feeds/advancing-mentorship.json' },
  parameters: { mockFetch: () => new Response('Service Unavailable', { status: 503, statusText: 'Service Unavailable' }) },
  play: async ({ canvasElement }) => {
    const { root, screen } = widget(canvasElement);
    const alert = await waitFor(() => alertIn(root));
    // Readers get plain words; the status and address go to the console for the page's developers.
    await expect(alert.textContent).toContain('could not be shown');
    await expect(alert.textContent).not.toContain('HTTP');
    await expect(screen.getByText('Try again').localName).toBe('button');
  },
};

/** A feed with a broken field: the message says where. */
export const InvalidFeed: Story = {
  args: { src: '/feeds/advancing-mentorship.json' },
  parameters: {
    mockFetch: feedServer('advancing-mentorship', (feed) => {
      ((feed.workshops as Record<string, unknown>[])[1] as Record<string, unknown>).title = 42;
    }),
  },
  play: async ({ canvasElement }) => {
    const { root } = widget(canvasElement);
    const alert = await waitFor(() => alertIn(root));
    // The failing path goes to the console; readers get plain words.
    await expect(alert.textContent).toContain('could not be shown');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
};

/** The page's `lang="es"` is enough: labels, dates and counts in Spanish. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const { screen } = widget(canvasElement);
    await waitFor(() => screen.getByLabelText('Buscar talleres'));
  },
};

export const NarrowMobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

export const DarkSpanishMobile: Story = {
  args: { now: OCTOBER_2022 },
  parameters: { seed: { catalog: 'mentoring-up' } satisfies Seed },
  globals: { theme: 'dark', locale: 'es', viewport: { value: 'mobile1', isRotated: false } },
};
