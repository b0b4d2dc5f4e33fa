import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Feed, FeedCurriculum } from '@mentorkit/core/browser';
import './curriculum.js';
import type { MkCurriculum, VariantChangeDetail } from './curriculum.component.js';
import { CURRICULUM_NOW, curriculumFeed, curriculumWorkshops, enteringMentoring, mentorTrainingCore, mentoringUpAdaptation } from './curriculum.fixtures.js';
import { installXssProbe, MARKUP_PAYLOADS, URL_PAYLOADS } from '../resource-card/xss.fixtures.js';
import { sampleFeed } from '../../../test/sample-feed.js';
import { $, $$, captureWarnings, expectAccessible, json, mount, stubFetch, text, waitFor } from '../../../test/helpers.js';

function curriculum(setup: (el: MkCurriculum) => void = (e) => (e.catalog = curriculumFeed())) {
  return mount(() => {
    const el = document.createElement('mk-curriculum');
    el.now = CURRICULUM_NOW;
    setup(el);
    return el;
  });
}

const themeTitles = (el: MkCurriculum) => $$(el, '[part="theme-title"]').map(text);
const themeCard = (el: MkCurriculum, title: string) => $$(el, '[part="theme"]').find((t) => text(t.querySelector('[part="theme-title"]')) === title)!;
const sessions = (card: Element) =>
  [...card.querySelectorAll('[part="session"]')].map((s) => `${text(s.querySelector('.session-title'))} | ${text(s.querySelector('[part="session-timing"]'))}`);

function darkPage() {
  // A dark widget belongs on a dark page: the header and states sit on the page's background.
  document.body.style.background = '#101418';
  onTestFinished(() => {
    document.body.style.removeProperty('background');
  });
}

let fetchStub: ReturnType<typeof stubFetch> | undefined;

afterEach(() => {
  fetchStub?.restore();
  fetchStub = undefined;
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

describe('<mk-curriculum>', () => {
  it('shows the first curriculum’s themes, provenance and delivery, with no violations', async () => {
    const el = await curriculum();
    expect(text($(el, 'h2'))).toBe('Entering Mentoring');
    expect(themeTitles(el)).toEqual(enteringMentoring.themes.map((t) => t.title));
    expect($$(el, 'h3').map(text)).toEqual([...enteringMentoring.themes.map((t) => t.title), 'Ways to deliver it']);
    const facts = Object.fromEntries($$(el, '[part="facts"] .fact').map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]));
    expect(facts).toEqual({
      Order: 'Themes in any order',
      Themes: '6',
      Organization: 'Center for the Improvement of Mentored Experiences in Research',
      Source: 'cimerproject.org',
    });
    expect($(el, '[part="facts"] a').getAttribute('href')).toBe('https://cimerproject.org/');
    expect(text($(el, '[part="delivery"] li'))).toBe('Stand-alone workshops 1 hr, 30 min Online sessions of 90 minutes, which can be completed in any order.');
    expect($(el, '[part="themes"]').localName).toBe('ul');
    expect($$(el, '[part="theme-number"]')).toHaveLength(0);
    await expectAccessible(el);
  });

  it('numbers themes taught in sequence', async () => {
    const el = await curriculum((e) => {
      e.catalog = curriculumFeed();
      e.curriculumId = 'mentor-training-core';
    });
    expect($(el, '[part="themes"]').localName).toBe('ol');
    expect($$(el, '[part="theme-number"]').map(text)).toEqual(['1', '2', '3', '4']);
    expect(text($$(el, '[part="facts"] .fact')[0]!.querySelector('dd'))).toBe('Themes in sequence');
    const facts = Object.fromEntries($$(el, '[part="facts"] .fact').map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]));
    expect(facts['Authors']).toBe('Jo Handelsman, Christine Pfund, Sarah Miller Lauffer, and Christine Maidl Pribbenow');
    expect(facts['Licence']).toBe('CC BY-NC-SA 4.0');
    expect($$(el, '[part="delivery"] li').map(text)).toEqual(['Weekly series 1 hr · 8 sessions · 8 weeks One session a week.', 'Half-day format 4 hr']);
    await expectAccessible(el);
  });

  it('numbers a version’s themes 1 to n when one is shown', async () => {
    const trainees = enteringMentoring.variants[1]!;
    const el = await curriculum((e) => {
      e.curriculum = {
        ...mentorTrainingCore,
        variants: enteringMentoring.variants,
        themes: mentorTrainingCore.themes.map((t, i) => (i === 1 ? { ...t, variants: ['mentor'] } : t)),
      };
      e.variant = trainees.id;
    });
    expect(themeTitles(el)).toEqual(['Aligning Expectations', 'Assessing Understanding', 'Fostering Independence']);
    expect($$(el, '[part="theme-number"]').map(text)).toEqual(['1', '2', '3']);
  });

  it('labels each theme’s sessions even when catalog ids hold spaces', async () => {
    const el = await curriculum((e) => {
      e.curriculum = { ...enteringMentoring, themes: [{ ...enteringMentoring.themes[0]!, id: 'aligning expectations' }] };
      e.workshops = [{ ...curriculumWorkshops[0]!, themes: [{ id: 'aligning expectations', title: 'Aligning Expectations', curriculum: 'entering-mentoring' }] }];
    });
    const list = $(el, '[part="sessions"]');
    const label = el.shadowRoot!.getElementById(list.getAttribute('aria-labelledby')!);
    expect(text(label)).toBe('Sessions');
    await expectAccessible(el);
  });

  it('shows at most four sessions per theme, then how many more', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      ...curriculumWorkshops[0]!.occurrences[0]!,
      id: `o${i}`,
      start: `2026-0${i + 2}-01T16:00:00.000-08:00`,
      end: `2026-0${i + 2}-01T17:00:00.000-08:00`,
    }));
    const el = await curriculum((e) => {
      e.curriculum = enteringMentoring;
      e.workshops = [{ ...curriculumWorkshops[0]!, occurrences: many }];
    });
    const card = themeCard(el, 'Aligning Expectations');
    expect(card.querySelectorAll('[part="session"]')).toHaveLength(4);
    expect(text(card.querySelector('.more'))).toBe('and 3 more');
  });

  it('keeps objectives in a closed <details> that opens with the keyboard', async () => {
    const el = await curriculum();
    const details = themeCard(el, 'Aligning Expectations').querySelector('details')!;
    expect(details.open).toBe(false);
    expect(text(details.querySelector('summary'))).toBe('3 learning objectives');
    details.querySelector('summary')!.focus();
    await userEvent.keyboard('{Enter}');
    expect(details.open).toBe(true);
    expect([...details.querySelectorAll('li')].map(text)).toEqual(enteringMentoring.themes[0]!.objectives.map((o) => o.statement));
    const open = await curriculum((e) => {
      e.catalog = curriculumFeed();
      e.openObjectives = true;
    });
    expect($$<HTMLDetailsElement>(open, 'details').every((d) => d.open)).toBe(true);
    expect(text(themeCard(open, 'Fostering Independence').querySelector('summary'))).toBe('1 learning objective');
    await expectAccessible(open);
  });

  it('lists the sessions teaching each theme, marked from the now property', async () => {
    const el = await curriculum();
    expect(sessions(themeCard(el, 'Aligning Expectations'))).toEqual([
      'Mentoring Up: Aligning Expectations | Upcoming',
      'Entering Mentoring: Aligning Expectations (Workshops To Go) | On request',
      'Mentoring Up: Aligning Expectations | Past',
    ]);
    expect(sessions(themeCard(el, 'Maintaining Effective Communication'))).toEqual(['Mentoring Up: Effective Communication | Cancelled']);
    const first = themeCard(el, 'Aligning Expectations').querySelector('[part="session"]')!;
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2026-02-11T16:00:00.000-08:00');
    expect(text(first.querySelector('time'))).toBe('Wed, Feb 11, 2026, 4:00 – 5:30 PM PST');
    expect(first.querySelector('a')!.getAttribute('href')).toBe('https://postdoc.example.edu/mentoring-up/expectations');
    expect(text(themeCard(el, 'Promoting Professional Development').querySelector('.no-sessions'))).toBe('No sessions in this catalog yet.');

    el.now = new Date('2026-03-01T00:00:00Z');
    await el.updateComplete;
    expect(sessions(themeCard(el, 'Aligning Expectations'))).toEqual([
      'Entering Mentoring: Aligning Expectations (Workshops To Go) | On request',
      'Mentoring Up: Aligning Expectations | Past',
      'Mentoring Up: Aligning Expectations | Past',
    ]);
  });

  it('shows a session whose time the catalog does not know by its date only', async () => {
    const el = await curriculum((e) => {
      const feed = curriculumFeed();
      const occurrence = feed.workshops.flatMap((w) => w.occurrences).find((o) => o.start === '2026-02-11T16:00:00.000-08:00')!;
      occurrence.timeUnknown = true;
      e.catalog = feed;
    });
    const time = themeCard(el, 'Aligning Expectations').querySelector('[part="session"] time')!;
    expect(text(time)).toMatch(/February 11, 2026.*time to be announced/);
    expect(text(time)).not.toMatch(/\d:\d\d/);
    expect(time.getAttribute('datetime')).toBe('2026-02-11');
  });

  it('takes the clock from the now attribute', async () => {
    const el = await curriculum((e) => {
      e.catalog = curriculumFeed();
      e.setAttribute('now', '2027-01-01T00:00:00Z');
    });
    expect(sessions(themeCard(el, 'Fostering Independence'))).toEqual(['Entering Mentoring: Fostering Independence | Past']);
  });

  it('marks themes that belong to one version only, and explains the versions', async () => {
    const el = await curriculum();
    const badges = Object.fromEntries($$(el, '[part="theme"]').map((t) => [text(t.querySelector('[part="theme-title"]')), text(t.querySelector('[part="variant-badge"]'))]));
    expect(badges).toEqual({
      'Aligning Expectations': '',
      'Maintaining Effective Communication': '',
      'Research Self-Efficacy': 'Mentee version only',
      'Fostering Independence': '',
      'Promoting Professional Development': 'Mentee version only',
      'Assessing Understanding': 'Mentor version only',
    });
    expect($$(el, '.legend-item').map(text)).toEqual([
      'Mentor version For Research mentors of graduate students and postdocs',
      'Mentee version For Graduate students and postdoctoral scholars Mentees develop the knowledge and skills to navigate their mentoring relationships and career progression.',
    ]);
    expect(text($(el, '[part="variant-status"]'))).toBe('Showing all 6 themes.');
  });

  it('switches versions with the keyboard only, announcing and firing mk-variant-change', async () => {
    const el = await curriculum();
    const events: VariantChangeDetail[] = [];
    el.addEventListener('mk-variant-change', (e) => events.push(e.detail));

    for (let i = 0; i < 20 && el.shadowRoot!.activeElement?.getAttribute('type') !== 'radio'; i++) await userEvent.keyboard('{Tab}');
    const radio = el.shadowRoot!.activeElement as HTMLInputElement;
    expect(radio.value).toBe('');
    expect(radio.checked).toBe(true);

    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(el.variant).toBe('mentor');
    expect(el.getAttribute('variant')).toBe('mentor');
    expect(themeTitles(el)).toEqual(['Aligning Expectations', 'Maintaining Effective Communication', 'Fostering Independence', 'Assessing Understanding']);
    expect(text($(el, '[part="variant-status"]'))).toBe('Showing the 4 themes of the Mentor version.');
    expect(sessions(themeCard(el, 'Aligning Expectations'))).toEqual(['Entering Mentoring: Aligning Expectations (Workshops To Go) | On request']);

    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(el.variant).toBe('mentee');
    expect(themeTitles(el)).toEqual([
      'Aligning Expectations',
      'Maintaining Effective Communication',
      'Research Self-Efficacy',
      'Fostering Independence',
      'Promoting Professional Development',
    ]);
    expect((el.shadowRoot!.activeElement as HTMLInputElement).value).toBe('mentee');

    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(el.variant).toBe('');
    expect(el.hasAttribute('variant')).toBe(true);
    expect(themeTitles(el)).toHaveLength(6);

    expect(events).toEqual([
      { curriculum: 'entering-mentoring', variant: 'mentor' },
      { curriculum: 'entering-mentoring', variant: 'mentee' },
      { curriculum: 'entering-mentoring', variant: '' },
    ]);
    await expectAccessible(el);
  });

  it('opens on the version named by the variant attribute, without firing', async () => {
    let fired = 0;
    const el = await curriculum((e) => {
      e.catalog = curriculumFeed();
      e.setAttribute('variant', 'mentee');
      e.addEventListener('mk-variant-change', () => fired++);
    });
    expect(themeTitles(el)).not.toContain('Assessing Understanding');
    expect($<HTMLInputElement>(el, 'input[value="mentee"]').checked).toBe(true);
    el.variant = 'no-such-version';
    await el.updateComplete;
    expect(themeTitles(el)).toHaveLength(6);
    expect($<HTMLInputElement>(el, 'input[value=""]').checked).toBe(true);
    expect(fired).toBe(0);
  });

  it('has no version switch when there is nothing to switch', async () => {
    const el = await curriculum((e) => {
      e.curriculum = { ...enteringMentoring, variants: [enteringMentoring.variants[0]!], themes: enteringMentoring.themes.map((t) => ({ ...t, variants: undefined })) };
      e.workshops = curriculumWorkshops;
    });
    expect($$(el, 'input[type="radio"]')).toHaveLength(0);
    expect($$(el, '.legend-item')).toHaveLength(1);
    const bare = await curriculum((e) => (e.curriculum = mentorTrainingCore));
    expect($$(bare, '[part="variants"]')).toHaveLength(0);
  });

  it('takes curriculum and workshops properties, without reloading on every render', async () => {
    const el = await curriculum((e) => {
      e.curriculum = structuredClone(enteringMentoring);
      e.workshops = structuredClone(curriculumWorkshops);
    });
    const before = $(el, '[part="base"]');
    el.variant = 'mentee';
    await el.updateComplete;
    expect($(el, '[part="base"]')).toBe(before);
    expect(sessions(themeCard(el, 'Research Self-Efficacy'))).toEqual(['Mentoring Up: Research Self-Efficacy | Past']);
  });

  it('shows a loading state, then the curriculum fetched from src', async () => {
    let release: (r: Response) => void = () => {};
    fetchStub = stubFetch(() => new Promise<Response>((r) => (release = r)));
    const el = await curriculum((e) => (e.src = '/feeds/em.json'));
    expect(text($(el, '[part="loading"] [role="status"]'))).toBe('Loading the curriculum…');
    await expectAccessible(el);
    release(json(curriculumFeed()));
    await waitFor(() => themeTitles(el).length === 6);
  });

  it('shows an error with a retry when the feed cannot be fetched', async () => {
    fetchStub = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await curriculum((e) => (e.src = 'https://feeds.example.edu/em.json'));
    await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'));
    expect(text($(el, '[part="error"]'))).toContain('Check your connection and try again.');
    expect($(el, '[part="error"]').getAttribute('role')).toBe('alert');
    expect($$(el, '[part="error"] button')).toHaveLength(1);
    await expectAccessible(el);
  });

  it('names the curriculum id it cannot find', async () => {
    const el = await curriculum((e) => {
      e.catalog = curriculumFeed();
      e.setAttribute('curriculum-id', 'mentoring-101');
    });
    expect(text($(el, '[part="error"]'))).toContain('The feed has no curriculum with the id “mentoring-101” (it has: entering-mentoring, mentor-training-core).');
    expect($$(el, '[part="error"] button')).toHaveLength(0);
    await expectAccessible(el);
  });

  it('names the first problem of an invalid curriculum', async () => {
    const warnings = captureWarnings();
    const el = await curriculum((e) => (e.curriculum = { ...enteringMentoring, ordering: 'random' } as unknown as FeedCurriculum));
    expect(warnings[0]).toContain('curricula[0].ordering');
    await expectAccessible(el);
  });

  it('shows an empty state for a feed without curricula', async () => {
    const el = await curriculum((e) => (e.catalog = sampleFeed()));
    expect(text($(el, '[part="empty"]'))).toBe('No curriculum yet This catalog has not published a curriculum.');
    await expectAccessible(el);
  });

  it('shows the seed Mentoring Up curriculum with its mentee-only themes', async () => {
    const el = await curriculum((e) => (e.src = '/test/fixtures/mentoring-up.feed.json'));
    await waitFor(() => themeTitles(el).length > 0);
    expect(text($(el, 'h2'))).toBe('Entering Mentoring');
    expect(text(themeCard(el, 'Research Self-Efficacy').querySelector('[part="variant-badge"]'))).toBe('Mentee version (Mentoring Up) only');
    expect(sessions(themeCard(el, 'Aligning Expectations'))).toEqual(['Aligning Expectations | Past']);
    expect(sessions(themeCard(el, 'Fostering Independence'))).toEqual(['Fostering Independence | No date yet']);
    await expectAccessible(el);
  });

  it('has no violations in the dark theme, in every state', async () => {
    darkPage();
    const el = await curriculum((e) => {
      e.catalog = curriculumFeed();
      e.setAttribute('theme', 'dark');
      e.openObjectives = true;
    });
    expect(getComputedStyle(el).colorScheme).toBe('dark');
    await expectAccessible(el);
    el.catalog = { ...curriculumFeed(), curricula: [] };
    await el.updateComplete;
    await expectAccessible(el);
    el.catalog = { version: 2 } as unknown as Feed;
    await el.updateComplete;
    expect($$(el, '[part="error"]')).toHaveLength(1);
    await expectAccessible(el);
  });

  it('speaks Spanish under lang="es", dates included', async () => {
    const el = await curriculum((e) => {
      e.catalog = curriculumFeed();
      e.setAttribute('lang', 'es');
    });
    expect(text($(el, '.eyebrow'))).toBe('Currículo');
    const first = themeCard(el, 'Aligning Expectations').querySelector('[part="session"]')!;
    expect(text(first.querySelector('time'))).toMatch(/^mié, 11 feb 2026, 16:00.17:30 (GMT-8|PST)$/);
    expect(text(first.querySelector('[part="session-timing"]'))).toBe('Próxima');
    expect(text(themeCard(el, 'Research Self-Efficacy').querySelector('[part="variant-badge"]'))).toBe('Solo Mentee version');
    expect(text($(el, 'summary'))).toBe('3 objetivos de aprendizaje');
    await expectAccessible(el);
  });

  describe('what it builds on, its disciplines, objective, theme resources and stated lengths', () => {
    const feedWithAdaptation = (): Feed => {
      const feed = curriculumFeed();
      feed.curricula.push(structuredClone(mentoringUpAdaptation));
      return feed;
    };
    const adaptation = () =>
      curriculum((e) => {
        e.catalog = feedWithAdaptation();
        e.curriculumId = 'mentoring-up-adaptation';
      });
    const facts = (el: MkCurriculum) => Object.fromEntries($$(el, '[part="facts"] .fact').map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]));

    it('shows each delivery length as the author stated it: labels as given, ranges, days, never invented minutes', async () => {
      const el = await adaptation();
      const lengths = $$(el, '[part="delivery-duration"]').map(text);
      expect(lengths).toEqual(['Half day', 'Full day', 'Two days', '60–90 min', '2–3 days', '2 half days']);
      expect($$(el, '[part="delivery"] li').map(text)).toContain('Half-day format 2 half days · 2 sessions');
      expect(text($(el, '[part="delivery"]'))).not.toMatch(/\b(240|480|960)\b|hr/);
      // Only one exact amount in whole units gets a machine-readable duration.
      expect($$(el, '[part="delivery-duration"]').map((d) => d.getAttribute('datetime'))).toEqual([null, 'P1D', 'P2D', null, null, null]);
      await expectAccessible(el);
    });

    it('shows its objective and disciplines, and links what it builds on to that curriculum in the feed', async () => {
      const el = await adaptation();
      expect(text($(el, '[part="objective"]'))).toBe(`Objective ${mentoringUpAdaptation.objective}`);
      expect(facts(el)['Disciplines']).toBe('Biosciences and Any discipline');
      expect(facts(el)['Builds on']).toBe('Entering Mentoring');
      const link = $<HTMLButtonElement>(el, '[part="builds-on-link"]');
      expect(link.localName).toBe('button');
      await expectAccessible(el);
      link.focus();
      await userEvent.keyboard('{Enter}');
      await waitFor(() => text($(el, 'h2')) === 'Entering Mentoring');
      expect(el.curriculumId).toBe('entering-mentoring');
      expect(el.shadowRoot!.activeElement?.id).toBe('title');
      expect($$(el, '[part="builds-on-link"]')).toHaveLength(0);
    });

    it('names what it builds on without a link when that curriculum is not in the feed', async () => {
      const el = await curriculum((e) => (e.curriculum = mentoringUpAdaptation));
      expect(facts(el)['Builds on']).toBe('Entering Mentoring');
      expect($$(el, '[part="builds-on-link"]')).toHaveLength(0);
    });

    it('links the resources that hold each theme’s objectives', async () => {
      const el = await adaptation();
      const card = themeCard(el, 'Aligning Expectations');
      expect(text(card.querySelector('[part="theme-resources"]'))).toBe('Objectives in Mentoring Up facilitator guide, Expectations handout');
      expect([...card.querySelectorAll('[part="theme-resources"] a')].map((a) => [text(a), a.getAttribute('href')])).toEqual([
        ['Mentoring Up facilitator guide', 'https://example.edu/mentoring-up/guide.pdf'],
      ]);
      expect(themeCard(el, 'Maintaining Effective Communication').querySelector('[part="theme-resources"]')).toBeNull();
    });

    it('leaves the new parts out of a curriculum without them', async () => {
      const el = await curriculum();
      expect($$(el, '[part="objective"], [part="builds-on-link"], [part="theme-resources"]')).toHaveLength(0);
      expect(Object.keys(facts(el))).not.toContain('Disciplines');
    });

    it('speaks Spanish under lang="es", the author’s labels kept as written', async () => {
      const el = await curriculum((e) => {
        e.catalog = feedWithAdaptation();
        e.curriculumId = 'mentoring-up-adaptation';
        e.setAttribute('lang', 'es');
      });
      await waitFor(() => text($(el, '.eyebrow')) === 'Currículo');
      expect($$(el, '[part="delivery-duration"]').map(text)).toEqual(['Half day', 'Full day', 'Two days', expect.stringMatching(/^60\s?[-–]\s?90 min$/), expect.stringMatching(/^2\s?[-–]\s?3 días$/), '2 medias jornadas']);
      expect(facts(el)['Disciplinas']).toBe('Biosciences y Any discipline');
      expect(facts(el)['Se basa en']).toBe('Entering Mentoring');
      expect(text($(el, '[part="objective"] .objective-label'))).toBe('Objetivo');
      expect(text(themeCard(el, 'Aligning Expectations').querySelector('[part="theme-resources"] .label'))).toBe('Objetivos en');
      await expectAccessible(el);
    });
  });

  describe('script injection', () => {
    it(`renders ${MARKUP_PAYLOADS.length} payloads in every curriculum and session field as text, running nothing`, async () => {
      const runs = installXssProbe();
      for (const p of MARKUP_PAYLOADS) {
        const c: FeedCurriculum = {
          id: 'c',
          title: p,
          description: p,
          ordering: 'sequence',
          provenance: { authors: [p], organization: p, license: p, citation: p, url: 'https://example.org/c' },
          variants: [
            { id: 'v1', title: p, audiences: [{ id: 'a1', name: p }], description: p },
            { id: 'v2', title: 'Other', audiences: [] },
          ],
          themes: [
            { id: 't', title: p, description: p, variants: ['v1'], objectives: [{ id: 'o', statement: p, code: p }], resources: [{ id: 'r', title: p, url: 'https://example.org/r' }, { id: 'r2', title: p }] },
          ],
          delivery: [
            { kind: p, description: p, durationMinutes: 60 },
            { kind: 'half-day', duration: { unit: 'half-days', amount: 1, label: p } },
          ],
          objective: p,
          disciplines: [p, p],
          buildsOn: [{ id: 'other', title: p }],
        };
        const el = await curriculum((e) => {
          e.curriculum = c;
          e.workshops = [{ ...curriculumWorkshops[0]!, title: p, url: 'https://example.org/w', themes: [{ id: 't', title: p, curriculum: 'c' }] }];
          e.openObjectives = true;
        });
        expect(text($(el, 'h2'))).toBe(text({ textContent: p } as Node));
        const root = el.shadowRoot!;
        for (const node of root.querySelectorAll('*')) {
          expect(['script', 'img', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'link', 'style', 'x', 'template', 'math', 'noscript', 'svg', 'textarea', 'select']).not.toContain(
            node.localName,
          );
          for (const attr of node.getAttributeNames()) expect(attr.startsWith('on'), `${node.localName}[${attr}]`).toBe(false);
        }
        for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\/example\.org\//);
        el.remove();
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(runs()).toBe(0);
    });

    it('never links a non-http(s) provenance or workshop URL', async () => {
      for (const url of URL_PAYLOADS) {
        for (const setup of [
          (e: MkCurriculum) => (e.curriculum = { ...enteringMentoring, provenance: { authors: [], url } }),
          (e: MkCurriculum) => {
            e.curriculum = enteringMentoring;
            e.workshops = [{ ...curriculumWorkshops[0]!, url }];
          },
        ]) {
          const el = await curriculum(setup);
          expect($$(el, 'a[href]')).toHaveLength(0);
          expect($$(el, '[part="error"]')).toHaveLength(1);
          el.remove();
        }
      }
    });
  });
});
