import { afterEach, beforeEach, describe, expect, inject, it, onTestFinished, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import './workshop-list.js';
import type { MkWorkshopList } from './workshop-list.component.js';
import type { WorkshopFilters } from '../../internal/events.js';
import { SAMPLE_NOW, sampleFeed } from '../../../test/sample-feed.js';
import { $, $$, captureWarnings, expectAccessible, json, mostCommon, mount, near, paintedColor, paintedPixels, stubFetch, text, waitFor } from '../../../test/helpers.js';

function list(setup: (el: MkWorkshopList) => void = () => {}, feed: unknown = sampleFeed()) {
  return mount(() => {
    const el = document.createElement('mk-workshop-list');
    el.now = SAMPLE_NOW;
    el.viewerTimeZone = 'Europe/Berlin';
    el.catalog = feed as MkWorkshopList['catalog'];
    setup(el);
    return el;
  });
}

const titles = (el: Element) => $$(el, '.item:not([hidden]) .title').map(text);
const item = (el: Element, workshopId: string) => $(el, `.item[data-workshop="${workshopId}"]`);

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});

describe('<mk-workshop-list> views', () => {
  it('lists upcoming workshops by next session, then offerings on request', async () => {
    const el = await list();
    expect(titles(el)).toEqual([
      'Preparing for a New Semester of Mentoring',
      'Entering Mentoring: Addressing Equity and Inclusion',
      'Mentoring Up: Aligning Expectations',
      'Entering Mentoring: Fostering Independence',
      'Mentoring Workshops for Your Lab or Department',
    ]);
    expect(text($(el, '[part="count"]'))).toBe('5 workshops');
    expect(text($(el, '[part="section-title"]'))).toBe('Available on request');
    await expectAccessible(el);
  });

  it('shows times in the event zone and, when it differs, in the viewer zone', async () => {
    const el = await list();
    const session = item(el, 'new-semester');
    expect(text(session.querySelector('[part="time"]'))).toBe('Thursday, January 8, 2026, 3:00 – 4:00 PM EST');
    expect(text(session.querySelector('[part="local-time"]'))).toBe('Your time: Thursday, January 8, 2026, 9:00 – 10:00 PM GMT+1');
    el.viewerTimeZone = 'America/Toronto';
    await el.updateComplete;
    expect(item(el, 'new-semester').querySelector('[part="local-time"]:not([hidden])')).toBeNull();
  });

  it('shows modality, place, audience, presenters with roles and collapsible objectives', async () => {
    const el = await list();
    const hybrid = item(el, 'mentoring-up-expectations');
    expect(text(hybrid.querySelector('.where'))).toBe('Hybrid · Zoom · Searle Hall, 1-501');
    expect(text(hybrid.querySelector('.audience'))).toBe('For: Graduate students and postdocs');
    const equity = item(el, 'equity-inclusion');
    expect([...equity.querySelectorAll('[part="presenters"] li')].map(text)).toEqual(['CTL facilitators (Facilitator)', 'Prof. Lee Chen, Department of Biology (Panelist)']);
    const objectives = item(el, 'new-semester').querySelector('details[part="objectives"]') as HTMLDetailsElement;
    expect(objectives.open).toBe(false);
    expect(text(objectives.querySelector('summary'))).toBe('Learning objectives (3)');
    expect(objectives.querySelectorAll('li')).toHaveLength(3);
  });

  it('marks cancelled and postponed sessions and offers no RSVP for them', async () => {
    const el = await list();
    const cancelled = item(el, 'equity-inclusion');
    expect(cancelled.classList.contains('cancelled')).toBe(true);
    expect(text(cancelled.querySelector('[part="badge"]'))).toBe('Cancelled');
    expect(text(cancelled.querySelector('.status-note'))).toBe('Cancelled because of the winter storm.');
    expect(cancelled.querySelector('[part="rsvp-button"]')).toBeNull();
    expect(cancelled.querySelector('[part="calendar"]')).toBeNull();
    const postponed = item(el, 'fostering-independence');
    expect(text(postponed.querySelector('[part="badge"]'))).toBe('Postponed');
    expect(postponed.querySelector('[part="rsvp-button"]')).toBeNull();
    await expectAccessible(el);
  });

  it('shows request-only offerings with how to request them', async () => {
    const el = await list();
    const offer = item(el, 'lab-workshop');
    expect(text(offer.querySelector('[part="badge"]'))).toBe('On request');
    const request = offer.querySelector('[part="request"]')!;
    expect(text(request)).toContain('Who may request: Department chairs and program directors');
    expect(text(request)).toContain('Please ask at least four weeks ahead.');
    const mail = request.querySelector('a')!;
    expect(mail.getAttribute('href')).toBe('mailto:mentoring@example.edu?subject=Mentoring%20Workshops%20for%20Your%20Lab%20or%20Department');
    expect(text(mail)).toBe('Email mentoring@example.edu');
    expect(offer.querySelector('[part="date"]:not([hidden])')).toBeNull();
  });

  it('puts workshop titles at the heading level asked for, 2 to 6, and section titles one above', async () => {
    const el = await list();
    const levelOf = (h: Element | null | undefined) => Number(h?.getAttribute('aria-level') ?? h?.localName.slice(1));
    const levels = () => ({
      dated: levelOf(el.shadowRoot!.querySelector('.item:not([data-workshop="lab-workshop"]) [part="title"]')),
      section: levelOf(el.shadowRoot!.querySelector('[part="section-title"]')),
      onRequest: levelOf(item(el, 'lab-workshop').querySelector('[part="title"]')),
    });
    expect(levels()).toEqual({ dated: 3, section: 3, onRequest: 4 });
    for (const [asked, dated] of [['2', 2], ['5', 5], ['1', 2], ['8', 6], ['seven', 3]] as const) {
      el.setAttribute('heading-level', asked);
      await el.updateComplete;
      expect(levels(), `heading-level="${asked}"`).toEqual({ dated, section: dated, onRequest: Math.min(6, dated + 1) });
    }
  });

  it('past view: most recent first, recap, recording with access badge, "Last held" for undated', async () => {
    const el = await list((e) => (e.view = 'past'));
    expect(titles(el)).toEqual(['Mentoring Up: Effective Communication', 'Chairs’ Roundtable on Mentoring Climate']);
    const past = item(el, 'communication-2025');
    expect(text(past.querySelector('.recap'))).toBe('Participants practised giving and receiving feedback with case studies.');
    const recording = past.querySelector('[part="recording"]')!;
    expect(recording.querySelector('a')!.getAttribute('href')).toBe('https://video.example.edu/communication');
    expect(text(recording.querySelector('.badge'))).toBe('Institution login required');
    expect(past.querySelector('[part="actions"]')).toBeNull();
    expect(text(item(el, 'chairs-roundtable').querySelector('.note'))).toBe('Last held 2025');
    el.catalog = { ...sampleFeed(), workshops: sampleFeed().workshops.map((w) => (w.id === 'chairs-roundtable' ? { ...w, lastHeld: '2025-03-04' } : w)) };
    await el.updateComplete;
    expect(text(item(el, 'chairs-roundtable').querySelector('.note'))).toBe('Last held March 4, 2025');
    expect(el.shadowRoot!.querySelector('[data-workshop="lab-workshop"]')).toBeNull();
    // Held on a date nobody published: its recap says it took place, so the past view lists it.
    const undated = { ...sampleFeed().workshops.find((w) => w.id === 'chairs-roundtable')!, id: 'panel', title: 'A panel of mentors', lastHeld: undefined, recap: 'Three pairs of mentors and mentees spoke.' };
    el.catalog = { ...sampleFeed(), workshops: [...sampleFeed().workshops, undated] };
    await el.updateComplete;
    expect(titles(el)).toContain('A panel of mentors');
    expect(text(item(el, 'panel').querySelector('.recap'))).toBe('Three pairs of mentors and mentees spoke.');
    await expectAccessible(el);
  });

  it('all view: upcoming first, then past, then on request', async () => {
    const el = await list((e) => (e.view = 'all'));
    expect(titles(el)).toEqual([
      'Preparing for a New Semester of Mentoring',
      'Entering Mentoring: Addressing Equity and Inclusion',
      'Mentoring Up: Aligning Expectations',
      'Entering Mentoring: Fostering Independence',
      'Mentoring Up: Effective Communication',
      'Chairs’ Roundtable on Mentoring Climate',
      'Mentoring Workshops for Your Lab or Department',
    ]);
  });

  it('decides upcoming and past from the now property, not the wall clock', async () => {
    const el = await list((e) => (e.now = new Date('2026-01-09T00:00:00Z')));
    expect(titles(el)).not.toContain('Preparing for a New Semester of Mentoring');
    el.view = 'past';
    await el.updateComplete;
    expect(titles(el)[0]).toBe('Preparing for a New Semester of Mentoring');
  });

  it('takes the now attribute as an ISO date-time', async () => {
    const el = document.createElement('mk-workshop-list');
    el.setAttribute('now', '2026-03-04T00:00:00Z');
    el.viewerTimeZone = 'UTC';
    el.catalog = sampleFeed();
    document.body.append(el);
    await el.updateComplete;
    expect(titles(el)).toEqual(['Mentoring Up: Aligning Expectations', 'Entering Mentoring: Fostering Independence', 'Mentoring Workshops for Your Lab or Department']);
  });

  it('takes a workshops property instead of a feed', async () => {
    const el = await list((e) => {
      e.catalog = undefined;
      e.workshops = sampleFeed().workshops.slice(0, 1);
    });
    expect(titles(el)).toEqual(['Preparing for a New Semester of Mentoring']);
  });
});

describe('<mk-workshop-list> RSVP and calendar actions', () => {
  it('fires mk-rsvp-request from an open window', async () => {
    const el = await list();
    const handler = vi.fn();
    document.addEventListener('mk-rsvp-request', handler);
    const button = item(el, 'new-semester').querySelector<HTMLButtonElement>('[part="rsvp-button"]')!;
    expect(text(button)).toBe('RSVP: Preparing for a New Semester of Mentoring, January 8, 2026');
    expect(text(item(el, 'new-semester').querySelector('.rsvp-note'))).toBe('RSVP by January 7, 2026');
    button.click();
    document.removeEventListener('mk-rsvp-request', handler);
    expect(handler).toHaveBeenCalledOnce();
    const event = handler.mock.calls[0]![0] as CustomEvent;
    expect(event.detail.workshopId).toBe('new-semester');
    expect(event.detail.occurrenceId).toBe('new-semester-2026-01-08');
    expect(event.detail.workshop.title).toBe('Preparing for a New Semester of Mentoring');
    expect(event.bubbles && event.composed).toBe(true);
  });

  it('offers RSVP before the window opens and says when it opens', async () => {
    const el = await list();
    const later = item(el, 'mentoring-up-expectations');
    expect(later.querySelector('[part="rsvp-button"]')).not.toBeNull();
    expect(text(later.querySelector('.rsvp-note'))).toBe('RSVP opens March 4, 2026'.replace('March 4', 'January 13'));
  });

  it('hides RSVP once the window has closed', async () => {
    const el = await list((e) => (e.now = new Date('2026-01-07T21:00:00Z')));
    const closed = item(el, 'new-semester');
    expect(closed.querySelector('[part="rsvp-button"]')).toBeNull();
    expect(text(closed.querySelector('.rsvp-note'))).toBe('RSVP closed');
  });

  it('makes RSVP a link with rsvp-href', async () => {
    const el = await list((e) => (e.rsvpHref = 'https://rsvp.example.edu/form?w={workshop}&o={occurrence}'));
    const link = item(el, 'new-semester').querySelector<HTMLAnchorElement>('a[part="rsvp-button"]')!;
    expect(link.getAttribute('href')).toBe('https://rsvp.example.edu/form?w=new-semester&o=new-semester-2026-01-08');
    // Without placeholders the ids join the query, before any fragment.
    el.rsvpHref = '/events/rsvp?lang=en#form';
    await el.updateComplete;
    expect(item(el, 'new-semester').querySelector<HTMLAnchorElement>('a[part="rsvp-button"]')!.getAttribute('href')).toBe(
      `${location.origin}/events/rsvp?lang=en&workshop=new-semester&occurrence=new-semester-2026-01-08#form`,
    );
    el.rsvpHref = 'javascript:alert(1)';
    await el.updateComplete;
    expect(item(el, 'new-semester').querySelector('a[part="rsvp-button"]')).toBeNull();
    expect(item(el, 'new-semester').querySelector('button[part="rsvp-button"]')).not.toBeNull();
  });

  it('adds a session to Google, Outlook or an .ics file', async () => {
    const el = await list();
    const details = item(el, 'new-semester').querySelector<HTMLDetailsElement>('details[part="calendar"]')!;
    expect(details.querySelector('ul')).toBeNull();
    details.querySelector('summary')!.click();
    await waitFor(() => details.querySelector('ul'));
    const [google, outlook] = [...details.querySelectorAll('a')].map((a) => new URL(a.href));
    expect(google!.origin).toBe('https://calendar.google.com');
    expect(google!.searchParams.get('dates')).toBe('20260108T200000Z/20260108T210000Z');
    expect(google!.searchParams.get('text')).toBe('Preparing for a New Semester of Mentoring');
    expect(outlook!.searchParams.get('startdt')).toBe('2026-01-08T20:00:00Z');
    expect(google!.searchParams.get('ctz')).toBe('America/New_York');
    expect(outlook!.searchParams.get('location')).toBe('Online · Zoom');

    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:fake';
    });
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('preparing-for-a-new-semester-of-mentoring-2026-01-08.ics');
    });
    details.querySelector('button')!.click();
    expect(clicks).toHaveBeenCalledOnce();
    expect(create).toHaveBeenCalledOnce();
    create.mockRestore();
    clicks.mockRestore();
    const ics = await blobs[0]!.text();
    expect(ics).toContain('DTSTART:20260108T200000Z\r\n');
    expect(ics).toContain('DTSTAMP:20260105T120000Z\r\n');
    // The UID the feed's .ics and the RSVP service's invitation give this session (core's sessionUid).
    expect(ics).toContain('UID:s1@columbia-amp.mentorkit\r\n');
    expect(ics).not.toContain('RECURRENCE-ID');
  });
});

describe('<mk-workshop-list> filters', () => {
  it('applies filter attributes', async () => {
    const el = await list((e) => {
      e.setAttribute('audience', 'trainees');
      e.setAttribute('view', 'all');
    });
    expect(titles(el)).toEqual(['Mentoring Up: Aligning Expectations', 'Mentoring Up: Effective Communication']);
    el.setAttribute('format', '60');
    await el.updateComplete;
    expect(titles(el)).toEqual([]);
    expect(text($(el, '[part="empty"] .state-title'))).toBe('No workshops match these filters');
    await expectAccessible(el);
  });

  it('filters by topic, program and modality', async () => {
    const el = await list((e) => (e.view = 'all'));
    el.topic = 'aligning-expectations';
    await el.updateComplete;
    expect(titles(el)).toEqual(['Preparing for a New Semester of Mentoring', 'Mentoring Up: Aligning Expectations']);
    el.topic = '';
    el.program = 'mentoring-up';
    el.modality = 'hybrid';
    await el.updateComplete;
    expect(titles(el)).toEqual(['Mentoring Up: Aligning Expectations']);
  });

  it('keeps the filters when the view, the feed or the clock changes', async () => {
    const el = await list((e) => (e.audience = 'trainees'));
    expect(titles(el)).toEqual(['Mentoring Up: Aligning Expectations']);
    // Items the upcoming view rendered are reused by the all view: hidden or not, by the filters alone.
    el.view = 'all';
    await el.updateComplete;
    expect(titles(el)).toEqual(['Mentoring Up: Aligning Expectations', 'Mentoring Up: Effective Communication']);
    el.audience = '';
    await el.updateComplete;
    expect(titles(el)).toHaveLength($$(el, '.item').length);
    el.search = 'patel';
    el.catalog = sampleFeed();
    await el.updateComplete;
    expect(titles(el)).toEqual(['Mentoring Up: Aligning Expectations']);
    el.now = new Date('2030-01-01T00:00:00Z');
    el.search = '';
    el.audience = 'trainees';
    await el.updateComplete;
    expect(titles(el)).toEqual(['Mentoring Up: Aligning Expectations', 'Mentoring Up: Effective Communication']);
    expect(text($(el, '[part="count"]'))).toBe('2 workshops');
  });

  it('searches title, presenters and objectives, ignoring case and accents', async () => {
    const el = await list((e) => (e.view = 'all'));
    el.search = 'PATEL';
    await el.updateComplete;
    expect(titles(el)).toEqual(['Mentoring Up: Aligning Expectations']);
    el.search = 'constructive feedback';
    await el.updateComplete;
    expect(titles(el)).toEqual(['Mentoring Up: Effective Communication']);
    el.search = 'mentóring   climate';
    await el.updateComplete;
    expect(titles(el)).toEqual(['Chairs’ Roundtable on Mentoring Climate']);
  });

  it('fires mk-filter-change from the controls and reflects the filters', async () => {
    const el = await list();
    const changes: WorkshopFilters[] = [];
    el.addEventListener('mk-filter-change', (e) => changes.push(e.detail));
    const audience = $<HTMLSelectElement>(el, '#filter-audience');
    audience.value = 'faculty-mentors';
    audience.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(changes.at(-1)).toEqual({ view: 'upcoming', audience: 'faculty-mentors', topic: '', program: '', format: '', modality: '', search: '' });
    expect(el.getAttribute('audience')).toBe('faculty-mentors');
    expect(titles(el)).toEqual(['Preparing for a New Semester of Mentoring', 'Entering Mentoring: Addressing Equity and Inclusion', 'Entering Mentoring: Fostering Independence']);
    $(el, '.filter-actions button').click();
    await el.updateComplete;
    expect(changes.at(-1)!.audience).toBe('');
    expect(titles(el)).toHaveLength(5);
  });

  it('is operable with the keyboard alone: search, view switch with arrows, selects, clear', async () => {
    const el = await list();
    const changes: WorkshopFilters[] = [];
    el.addEventListener('mk-filter-change', (e) => changes.push(e.detail));
    await userEvent.keyboard('{Tab}');
    expect(el.shadowRoot!.activeElement?.id).toBe('filter-search');
    await userEvent.keyboard('communication');
    await el.updateComplete;
    expect(titles(el)).toEqual([]);
    expect(text($(el, '[part="empty"] .state-title'))).toBe('No workshops match these filters');
    await userEvent.keyboard('{Tab}');
    expect((el.shadowRoot!.activeElement as HTMLInputElement).value).toBe('upcoming');
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(el.view).toBe('past');
    expect(titles(el)).toEqual(['Mentoring Up: Effective Communication']);
    await userEvent.keyboard('{Tab}');
    expect(el.shadowRoot!.activeElement?.id).toBe('filter-audience');
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(el.audience).not.toBe('');
    // Tab on to "Clear filters" and press Enter.
    let guard = 0;
    while (!el.shadowRoot!.activeElement?.matches('.filter-actions button') && guard++ < 10) await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(el.search).toBe('');
    expect(el.audience).toBe('');
    expect(el.view).toBe('past');
    expect(changes.length).toBeGreaterThan(3);
  });

  it('shows the whole focus ring of the view option reached with the keyboard', async () => {
    const el = await list();
    await userEvent.click($$(el, '.segmented label')[0]!);
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    const option = $$(el, '.segmented label')[1]!;
    expect(option.matches(':has(input:focus-visible)')).toBe(true);
    // outline: 2px, 2px away from the option, so its top and bottom edges lie outside the control.
    const ring = await paintedColor(getComputedStyle(option).outlineColor);
    const box = option.getBoundingClientRect();
    for (const y of [box.top - 4, box.bottom + 2]) {
      expect(near(mostCommon(await paintedPixels(new DOMRect(box.x, y, box.width, 2))), ring), `ring at y=${y - box.top}`).toBe(true);
    }
  });
});

describe('<mk-workshop-list> states', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  beforeEach(() => (fetchStub = undefined));
  afterEach(() => fetchStub?.restore());

  it('shows a loading state while the feed is fetched', async () => {
    let release: (r: Response) => void = () => {};
    fetchStub = stubFetch(() => new Promise<Response>((r) => (release = r)));
    const el = await list((e) => {
      e.catalog = undefined;
      e.src = '/feeds/amp.json';
    });
    expect(el.shadowRoot!.querySelector('[part="loading"]')?.getAttribute('aria-busy')).toBe('true');
    expect(text($(el, '[part="loading"] [role="status"]'))).toBe('Loading workshops…');
    await expectAccessible(el);
    release(json(sampleFeed()));
    await waitFor(() => titles(el).length === 5);
    expect(fetchStub.calls[0]!.url).toBe('/feeds/amp.json');
  });

  it('says "No upcoming workshops" and offers the past ones', async () => {
    const feed = sampleFeed();
    feed.workshops = feed.workshops.filter((w) => w.id === 'communication-2025');
    const el = await list(() => {}, feed);
    const empty = $(el, '[part="empty"]');
    expect(text(empty.querySelector('.state-title'))).toBe('No upcoming workshops');
    await expectAccessible(el);
    const changes: WorkshopFilters[] = [];
    el.addEventListener('mk-filter-change', (e) => changes.push(e.detail));
    empty.querySelector('button')!.click();
    await el.updateComplete;
    expect(el.view).toBe('past');
    expect(changes[0]!.view).toBe('past');
    expect(titles(el)).toEqual(['Mentoring Up: Effective Communication']);
  });

  it('says when nothing is scheduled even though offerings on request follow', async () => {
    const feed = sampleFeed();
    feed.workshops = feed.workshops.filter((w) => w.id === 'communication-2025' || w.id === 'lab-workshop');
    const el = await list(() => {}, feed);
    expect(titles(el)).toEqual(['Mentoring Workshops for Your Lab or Department']);
    const note = $(el, '[part="empty"]');
    expect(text(note.querySelector('.state-title'))).toBe('No upcoming dates are scheduled');
    expect(text(note.querySelector('button'))).toBe('See past workshops');
    // The note comes before the offerings on request.
    expect(note.compareDocumentPosition($(el, '[part="section-title"]')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await expectAccessible(el);
    // A filter that leaves only offerings on request does not say so: the count and the filters explain it.
    el.search = 'lab';
    await el.updateComplete;
    expect(titles(el)).toEqual(['Mentoring Workshops for Your Lab or Department']);
    expect(el.shadowRoot!.querySelector('[part="empty"]')).toBeNull();
    el.search = '';
    el.lang = 'es';
    await waitFor(() => text(el.shadowRoot!.querySelector('[part="empty"] .state-title')) === 'No hay fechas próximas programadas');
    el.view = 'past';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="empty"]')).toBeNull();
  });

  it('reports HTTP errors in plain words, the status to the console, and retries', async () => {
    const warnings = captureWarnings();
    let fail = true;
    fetchStub = stubFetch(() => (fail ? new Response('nope', { status: 404, statusText: 'Not Found' }) : json(sampleFeed())));
    const el = await list((e) => {
      e.catalog = undefined;
      e.src = '/missing.json';
    });
    const error = await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'));
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toBe('Workshops could not be shown The information for this part of the page was not found. Try again');
    expect(warnings).toEqual(['mentorkit: the feed /missing.json answered HTTP 404 Not Found']);
    await expectAccessible(el);
    fail = false;
    error.querySelector('button')!.click();
    await waitFor(() => titles(el).length === 5);
    expect(fetchStub.calls).toHaveLength(2);
  });

  it('reports JSON syntax errors', async () => {
    const warnings = captureWarnings();
    fetchStub = stubFetch(() => new Response('{"version": 1,', { status: 200 }));
    const el = await list((e) => {
      e.catalog = undefined;
      e.src = '/broken.json';
    });
    const error = await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'));
    expect(text(error)).toContain('The information for this part of the page could not be read. Please try again later.');
    expect(warnings[0]).toMatch(/^mentorkit: the feed \/broken\.json is not valid JSON: .+/);
  });

  it('reports the path of an invalid feed field', async () => {
    const feed = sampleFeed() as unknown as { workshops: Record<string, unknown>[] };
    feed.workshops[2]!.title = 42;
    const warnings = captureWarnings();
    const el = await list(() => {}, feed);
    expect(text($(el, '[part="error"]'))).not.toContain('workshops[2]');
    expect(warnings[0]).toContain('workshops[2].title');
    await expectAccessible(el);
  });

  it('network failure: plain words for readers, the URL and a CORS hint for the web team', async () => {
    const warnings = captureWarnings();
    fetchStub = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await list((e) => {
      e.catalog = undefined;
      e.src = 'https://feeds.example.edu/amp.json';
    });
    const error = await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'));
    expect(text(error)).toContain('could not be loaded. Check your connection and try again.');
    expect(warnings[0]).toBe('mentorkit: the feed https://feeds.example.edu/amp.json could not be fetched (Failed to fetch); for another origin, check its CORS headers and the page\'s connect-src');
  });

  it('aborts a superseded fetch when src changes', async () => {
    const signals: AbortSignal[] = [];
    fetchStub = stubFetch((url, init) => {
      signals.push(init!.signal!);
      return url === '/slow.json' ? new Promise<Response>(() => {}) : json(sampleFeed());
    });
    const el = await list((e) => {
      e.catalog = undefined;
      e.src = '/slow.json';
    });
    el.src = '/fast.json';
    await waitFor(() => titles(el).length === 5);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('dark theme passes the accessibility check', async () => {
    // A dark widget belongs on a dark page: text outside the cards sits on the page's background.
    document.body.style.background = '#101418';
    onTestFinished(() => {
      document.body.style.removeProperty('background');
    });
    const el = await list((e) => e.setAttribute('theme', 'dark'));
    expect(getComputedStyle(el).colorScheme).toBe('dark');
    await expectAccessible(el);
    el.view = 'past';
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('speaks Spanish from the nearest lang attribute', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'es';
    document.body.append(wrapper);
    const el = await mount(() => {
      const e = document.createElement('mk-workshop-list');
      e.now = SAMPLE_NOW;
      e.viewerTimeZone = 'Europe/Madrid';
      e.catalog = sampleFeed();
      return e;
    }, wrapper);
    expect(text($(el, '[part="count"]'))).toBe('5 talleres');
    expect(text($(el, 'label[for="filter-search"]'))).toBe('Buscar talleres');
    expect(text(item(el, 'new-semester').querySelector('[part="time"]'))).toMatch(/^jueves, 8 de enero de 2026, 15:00.16:00 (GMT-5|EST)$/);
    expect(text(item(el, 'equity-inclusion').querySelector('[part="badge"]'))).toBe('Cancelado');
    await expectAccessible(el);
  });

  it('is themed by global tokens, its own custom properties and parts', async () => {
    const style = document.createElement('style');
    style.textContent = `
      :root { --mk-color-accent: rgb(120, 20, 40); }
      mk-workshop-list { --mk-workshop-list-item-background: rgb(250, 240, 230); }
      mk-workshop-list::part(title) { letter-spacing: 2px; }`;
    document.head.append(style);
    onTestFinished(() => style.remove());
    const el = await list();
    expect(getComputedStyle($(el, '[part="rsvp-button"]')).backgroundColor).toBe('rgb(120, 20, 40)');
    expect(getComputedStyle($(el, '.item')).backgroundColor).toBe('rgb(250, 240, 230)');
    expect(getComputedStyle($(el, '.title')).letterSpacing).toBe('2px');
  });

  it('follows a change of the document language', async () => {
    const el = await list();
    expect(text($(el, '[part="count"]'))).toBe('5 workshops');
    document.documentElement.lang = 'es-MX';
    await waitFor(() => text($(el, '[part="count"]')) === '5 talleres');
  });
});

describe('<mk-workshop-list> with the seed catalogs', () => {
  const seeds = inject('seedFeeds');
  it('has seed feeds to test with', () => {
    expect(seeds.length).toBeGreaterThan(0);
  });
  for (const name of seeds) {
    it(`renders ${name} in every view accessibly`, async () => {
      const el = await list((e) => {
        e.catalog = undefined;
        e.src = `/test/fixtures/${name}.feed.json`;
        e.view = 'all';
      });
      await waitFor(() => el.shadowRoot!.querySelector('[part="list"], [part="empty"], [part="error"]'));
      expect(el.shadowRoot!.querySelector('[part="error"]')).toBeNull();
      const feed = (await (await fetch(`/test/fixtures/${name}.feed.json`)).json()) as { workshops: unknown[] };
      expect($$(el, '.item')).toHaveLength(feed.workshops.length);
      await expectAccessible(el);
      for (const view of ['upcoming', 'past'] as const) {
        el.view = view;
        await el.updateComplete;
        await expectAccessible(el);
      }
    });
  }
});
