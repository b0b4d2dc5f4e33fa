import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCatalog, type Catalog } from '../src/catalog/index.js';
import { toInstant } from '../src/time/zoned.js';
import {
  allStrings,
  curriculum,
  loadDemoCatalog,
  minutesBetween,
  objectiveStatements,
  program,
  readRepoFile,
  resource,
  scheduled,
  themesOfVariant,
  workshop,
} from './seed-helpers.js';

// The seed catalogs are the demo's data and the model's acceptance test: each expresses one real page.
const amp = loadDemoCatalog('advancing-mentorship.yaml');
const mu = loadDemoCatalog('mentoring-up.yaml');
const nu = loadDemoCatalog('mentoring-resources.yaml');

const sessionsOf = (c: Catalog) => c.workshops.flatMap((w) => (w.kind === 'scheduled' ? w.sessions : []));

describe('every seed catalog', () => {
  it.each([
    ['advancing-mentorship.yaml', '../../../packages/core/schema/catalog.schema.json'],
    ['mentoring-up.yaml', '../../../packages/core/schema/catalog.schema.json'],
    ['mentoring-resources.yaml', '../../../packages/core/schema/catalog.schema.json'],
  ])('%s parses and points editors at the JSON Schema', (name, schemaPath) => {
    const text = readRepoFile(`apps/demo/catalog/${name}`);
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schemaPath}`);
    const result = parseCatalog(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.catalog.$schema).toBe(schemaPath);
  });

  it.each([
    ['advancing-mentorship', amp],
    ['mentoring-up', mu],
    ['mentoring-resources', nu],
  ])('%s links only to sites whose addresses are public knowledge', (_, catalog) => {
    // The pages were copied without their links; a URL anywhere else would have been made up.
    const allowed = new Set([
      'cimerproject.org',
      'nrmnet.net',
      'www.aamc.org',
      'ctl.columbia.edu',
      'www.biomedpostdoc.ucla.edu',
      'www.northwestern.edu',
    ]);
    const hosts = allStrings(catalog)
      .filter((s) => /^https?:\/\//.test(s))
      .map((s) => new URL(s).hostname);
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.filter((h) => !allowed.has(h))).toEqual([]);
  });

  it.each([
    ['advancing-mentorship', amp],
    ['mentoring-up', mu],
    ['mentoring-resources', nu],
  ])('%s gives every undated workshop a schedule text or a last-held date', (_, catalog) => {
    const undated = catalog.workshops.filter((w) => w.kind === 'scheduled' && w.sessions.length === 0);
    expect(undated.length).toBeGreaterThan(0);
    for (const w of undated) {
      if (w.kind !== 'scheduled') continue;
      expect(w.scheduleText ?? w.lastHeld, w.id).toBeDefined();
    }
  });
});

describe('advancing-mentorship.yaml (Columbia, seed 000)', () => {
  it('is in New York time and holds the page’s workshops, sessions and resources', () => {
    expect(amp.defaultTimeZone).toBe('America/New_York');
    expect(amp.workshops).toHaveLength(16);
    expect(amp.workshops.filter((w) => w.kind === 'scheduled')).toHaveLength(10);
    expect(amp.workshops.filter((w) => w.kind === 'request-only')).toHaveLength(6);
    expect(sessionsOf(amp)).toHaveLength(5);
    expect(amp.resources).toHaveLength(7);
    expect(amp.people.map((p) => p.id)).toEqual(['ruben-gonzalez', 'helen-lu', 'kristin-myers', 'lisa-fain']);
  });

  it('dates the four upcoming workshops as published, one hour each', () => {
    const upcoming = ['preparing-new-semester-2026', 'em-equity-inclusion-2026', 'em-fostering-independence-2026', 'em-assessing-understanding-2026'];
    const starts = upcoming.map((id) => {
      const [s] = scheduled(amp, id).sessions;
      expect(s?.timeZone).toBe('America/New_York');
      expect(minutesBetween(s!.start, s!.end, s!.timeZone)).toBe(60);
      return s!.start;
    });
    expect(starts).toEqual(['2026-01-08T15:00', '2026-02-03T10:00', '2026-03-06T13:30', '2026-04-07T15:00']);
  });

  it('starts "Entering Mentoring: Fostering Independence" at 13:30 New York time on 6 March 2026 for 60 minutes', () => {
    const w = scheduled(amp, 'em-fostering-independence-2026');
    expect(w.title).toBe('Entering Mentoring: Fostering Independence');
    const [s] = w.sessions;
    expect(s).toMatchObject({ start: '2026-03-06T13:30', timeZone: 'America/New_York' });
    const start = toInstant(s!.start, s!.timeZone);
    const end = toInstant(s!.end, s!.timeZone);
    // Two days before the clocks change: still EST (UTC−5).
    expect(start.toUTC().toISO()).toBe('2026-03-06T18:30:00.000Z');
    expect(end.diff(start, 'minutes').minutes).toBe(60);
  });

  it('keeps each workshop’s objectives with the page’s lead-in, resolving curriculum references', () => {
    const counts = Object.fromEntries(amp.workshops.filter((w) => w.objectives.length > 0).map((w) => [w.id, w.objectives.length]));
    expect(counts).toEqual({
      'preparing-new-semester-2026': 3,
      'em-equity-inclusion-2026': 2,
      'em-fostering-independence-2026': 2,
      'em-assessing-understanding-2026': 2,
      'preparing-new-semester-past': 3,
    });
    const equity = workshop(amp, 'em-equity-inclusion-2026');
    expect(equity.objectivesIntro).toBe('In this session research mentors will:');
    expect(equity.objectives).toEqual([{ ref: 'em-aei-1' }, { ref: 'em-aei-2' }]);
    expect(objectiveStatements(amp, workshop(amp, 'em-fostering-independence-2026'))[0]).toBe(
      'Define independence, its core elements, and how those elements change over the course of a mentoring relationship.',
    );
    expect(workshop(amp, 'preparing-new-semester-past').objectivesIntro).toBe('In this workshop, mentors learned how to:');
  });

  it('gives the Entering Mentoring workshops a structured audience and the audience as published', () => {
    const w = workshop(amp, 'em-assessing-understanding-2026');
    expect(w.audiences).toEqual(['research-mentors-se-hs']);
    expect(amp.audiences.find((a) => a.id === 'research-mentors-se-hs')).toMatchObject({
      roles: ['faculty', 'research-officer'],
      fields: ['science-engineering', 'health-sciences'],
      mentoring: ['graduate-student', 'postdoc'],
    });
    expect(w.audienceText).toBe(
      'faculty and research officers mentoring graduate students and postdoc researchers in Science and Engineering and the Health Sciences',
    );
    expect(w.programs).toEqual(['advancing-mentorship-practices', 'entering-mentoring-series']);
    expect(w.basedOn).toEqual({ curriculum: 'entering-mentoring', themes: ['assessing-understanding'], variant: 'mentor' });
  });

  it('names the panelists, performers and keynote speaker of past events', () => {
    const panel = workshop(amp, 'making-the-most-of-mentorship');
    expect(panel.presenters.map((p) => p.role)).toEqual(['panelist', 'panelist', 'panelist', 'panelist']);
    expect(panel.presenters.map((p) => p.person ?? p.name)).toEqual([
      'ruben-gonzalez',
      'helen-lu',
      'kristin-myers',
      'selected mentees accompanying these mentors',
    ]);
    expect(amp.people.find((p) => p.id === 'helen-lu')?.title).toBe(
      'Hudson Professor of Biomedical Engineering and Senior Vice Dean of Faculty Affairs and Advancement',
    );
    expect(panel.notes).toEqual(['Breakfast was provided to registered participants.']);

    expect(workshop(amp, 'everything-is-fine').presenters).toEqual([{ role: 'performer', organization: 'crlt-players' }]);
    expect(amp.organizations.find((o) => o.id === 'crlt-players')?.partOf).toBe('umich');
    expect(workshop(amp, 'keynote-bridging-differences').presenters).toEqual([{ role: 'keynote', person: 'lisa-fain' }]);
    expect(amp.people.find((p) => p.id === 'lisa-fain')).toMatchObject({ title: 'CEO', affiliation: 'center-for-mentoring-excellence' });
  });

  it('keeps past events undated with their recaps, and upcoming ones without', () => {
    const past = ['preparing-new-semester-past', 'making-the-most-of-mentorship', 'bridging-differences-workshop', 'everything-is-fine', 'keynote-bridging-differences'];
    for (const id of past) {
      const w = scheduled(amp, id);
      expect(w.sessions, id).toEqual([]);
      expect(w.recap, id).toBeDefined();
    }
    expect(scheduled(amp, 'preparing-new-semester-2026').recap).toBeUndefined();
    expect(scheduled(amp, 'keynote-bridging-differences').lastHeld).toBe('2022-09-28');
  });

  it('records both recordings behind a Columbia login on Panopto, without a made-up link', () => {
    const recordings = amp.resources.filter((r) => r.kind === 'recording');
    expect(recordings.map((r) => r.workshops)).toEqual([['bridging-differences-workshop'], ['keynote-bridging-differences']]);
    for (const r of recordings) {
      expect(r.url).toBeUndefined();
      expect(r.access).toEqual({
        level: 'institutional',
        platform: 'Panopto',
        note: 'To access the recording available on Panopto, please authenticate using your Columbia UNI and password.',
      });
    }
  });

  it('expresses Mentoring Monday as one session recurring on four dates, a topic per date', () => {
    const [s, ...rest] = scheduled(amp, 'mentoring-monday-conversations').sessions;
    expect(rest).toEqual([]);
    expect(s?.recurrence?.rdates).toHaveLength(3);
    expect(s?.timeUnknown).toBe(true);
    const topics = Object.fromEntries(s!.overrides.map((o) => [o.occurrence.slice(0, 10), o.topic]));
    expect(topics).toEqual({
      '2025-02-06': 'Assumptions and Expectations',
      '2025-03-06': 'Mentoring and Mental Health',
      '2025-04-10': 'Addressing Challenging Moments',
      '2025-05-01': 'Building Trust and Giving Feedback',
    });
    // Every occurrence has an override: the start itself and each RDATE.
    expect(s!.overrides.map((o) => o.occurrence)).toEqual([s!.start, ...s!.recurrence!.rdates]);
    // The page's dates fall on Thursdays; the catalog keeps them and says so.
    const weekdays = s!.overrides.map((o) => DateTime.fromISO(o.occurrence, { zone: s!.timeZone }).weekdayLong);
    expect(new Set(weekdays)).toEqual(new Set(['Thursday']));
    expect(workshop(amp, 'mentoring-monday-conversations').assumptions?.join(' ')).toMatch(/Thursdays/);
  });

  it('offers the five Workshops To Go on request by department chairs and program directors, in 60 or 90 minutes', () => {
    const wtg = amp.workshops.filter((w) => w.programs.includes('entering-mentoring-wtg'));
    expect(wtg).toHaveLength(5);
    for (const w of wtg) {
      expect(w.kind).toBe('request-only');
      expect(w.formats.map((f) => f.durationMinutes)).toEqual([60, 90]);
      if (w.kind === 'request-only') {
        expect(w.request.eligibility).toEqual({ fact: 'role', operator: 'in', value: ['department-chair', 'program-director'] });
      }
    }
    // Together they cover every theme of the curriculum.
    const covered = new Set(wtg.flatMap((w) => w.basedOn?.themes ?? []));
    expect(covered).toEqual(new Set(curriculum(amp, 'entering-mentoring').themes.map((t) => t.id)));
    expect(workshop(amp, 'ctl-consultations').kind).toBe('request-only');
  });

  it('describes Entering Mentoring as CIMER’s curriculum with its objectives on the themes', () => {
    const em = curriculum(amp, 'entering-mentoring');
    expect(em.provenance).toMatchObject({ organization: 'cimer', url: 'https://cimerproject.org' });
    expect(em.themes.map((t) => t.title)).toEqual([
      'Aligning Expectations',
      'Assessing Understanding',
      'Maintaining Effective Communication',
      'Addressing Equity and Inclusion',
      'Fostering Independence',
    ]);
    expect(em.themes.map((t) => t.objectives.length)).toEqual([0, 2, 0, 2, 2]);
    expect(themesOfVariant(em, 'mentor')).toHaveLength(5);
  });

  it('lists the self-paced course with its four modules and 90-minute total', () => {
    const course = resource(amp, 'building-effective-mentoring-relationships');
    expect(course.kind).toBe('course');
    if (course.kind !== 'course') return;
    expect(course.modules.map((m) => m.title)).toEqual([
      'Preparing to Mentor',
      'Co-Constructing a Mentoring Plan',
      'Enabling Growth through Feedback',
      'Reviewing Your Mentoring Relationship',
    ]);
    expect(Duration.fromISO(course.totalDuration!).as('minutes')).toBe(90);
    expect(course).toMatchObject({ selfPaced: true, platform: 'CourseWorks' });
  });

  it('lists the video series, the belonging guide with its four strategies, and the two books', () => {
    expect(amp.resources.map((r) => r.kind)).toEqual(['video-series', 'course', 'guide', 'book', 'book', 'recording', 'recording']);
    expect(resource(amp, 'voices-on-mentoring').topics).toEqual([
      'setting expectations',
      'fostering belonging',
      'maintaining communication',
      'building trust',
    ]);
    expect(resource(amp, 'fostering-belonging-guide').highlights).toEqual([
      'Clarify the values and norms of your lab',
      'Create opportunities for connection among lab members',
      'Promote collaborative and interdependent work',
      'Encourage both formal and informal mentoring relationships',
    ]);
    const book = resource(amp, 'bridging-differences-book');
    expect(book.kind === 'book' && book.year).toBe(2020);
  });
});

describe('mentoring-up.yaml (Mentoring Up series, seed 001)', () => {
  it('is in Pacific time and says why', () => {
    expect(mu.defaultTimeZone).toBe('America/Los_Angeles');
    expect(mu.assumptions?.join(' ')).toMatch(/quarter/);
  });

  it('has six sessions’ worth of workshops, three of them dated, each 90 minutes on Zoom', () => {
    expect(mu.workshops).toHaveLength(6);
    const sessions = sessionsOf(mu);
    expect(sessions.map((s) => s.start)).toEqual(['2022-10-19T16:00', '2023-02-01T16:00', '2023-04-11T09:00']);
    for (const s of sessions) {
      expect(minutesBetween(s.start, s.end, s.timeZone)).toBe(90);
      expect(s.location).toEqual({ kind: 'online', platform: 'Zoom' });
    }
    for (const id of ['mu-equity-inclusion', 'mu-fostering-independence', 'mu-professional-development']) {
      expect(scheduled(mu, id)).toMatchObject({ sessions: [], scheduleText: 'Date and time not published.' });
    }
  });

  it('keeps every objective and its lead-in', () => {
    expect(mu.workshops.map((w) => w.objectives.length)).toEqual([3, 4, 5, 2, 2, 3]);
    expect(new Set(mu.workshops.map((w) => w.objectivesIntro))).toEqual(new Set(['Mentees will have the knowledge and skills to:']));
    expect(objectiveStatements(mu, workshop(mu, 'mu-professional-development'))[1]).toBe('Develop or revise their individual development plan IDP');
  });

  it('lists the self-efficacy workshop in two programs', () => {
    const w = workshop(mu, 'mu-research-self-efficacy');
    expect(w.programs).toEqual(['mentoring-up', 'leadership-training-program']);
    expect(program(mu, 'leadership-training-program').title).toBe('Leadership Training Program for Graduate Students & Postdoctoral Scholars');
  });

  it('admits graduate students and postdocs, biosciences first', () => {
    const policy = mu.policies[0]!;
    expect(program(mu, 'mentoring-up').rsvpPolicy).toBe(policy.id);
    expect(policy.eligibility).toMatchObject({ fact: 'role', operator: 'in', value: ['graduate-student', 'postdoc'] });
    expect(policy.eligibilityText).toBe('You must be a graduate student or postdoc.');
    expect(policy.priority.map((t) => t.id)).toEqual(['biosciences', 'any-discipline']);
    expect(policy.priority[0]!.when).toEqual({
      all: [
        { fact: 'role', operator: 'in', value: ['graduate-student', 'postdoc'] },
        { fact: 'field', operator: 'equals', value: 'biosciences' },
      ],
    });
    expect(policy.priority[1]!.when).toEqual({ fact: 'role', operator: 'in', value: ['graduate-student', 'postdoc'] });
    expect(policy.fields).toEqual(expect.arrayContaining(['role', 'field']));
  });

  it('opens RSVP at the start of the quarter that holds each session', () => {
    const policy = mu.policies[0]!;
    expect(policy.window.opens).toEqual({ kind: 'term', calendar: 'academic-quarters', edge: 'start', term: 'containing' });
    const [calendar] = mu.calendars;
    expect(calendar?.terms.map((t) => t.kind)).toEqual(['quarter', 'quarter', 'quarter']);
    // Each dated session must fall in a quarter, or its window could not be computed.
    const terms = sessionsOf(mu).map((s) => calendar!.terms.find((t) => t.start <= s.start.slice(0, 10) && s.start.slice(0, 10) <= t.end)?.id);
    expect(terms).toEqual(['fall-2022', 'winter-2023', 'spring-2023']);
  });

  it('can be taken in any order, with outcomes, FAQ and a contact per role', () => {
    const p = program(mu, 'mentoring-up');
    expect(p.ordering).toBe('any');
    expect(curriculum(mu, 'entering-mentoring').ordering).toBe('any');
    expect(p.outcomesIntro).toBe('Mentee success is defined as mentees having gained…');
    expect(p.outcomes).toHaveLength(3);
    expect(p.faq).toHaveLength(7);
    expect(p.faq.map((f) => f.answer)).toContain('RSVP opens at the start of each quarter.');
    expect(p.contacts).toEqual([
      { person: 'lynn-talton', for: 'Postdocs' },
      { person: 'diana-azurdia', for: 'Graduate students' },
    ]);
    // The emails were cut off on the page: none is recorded, and the program says so.
    expect(mu.people.map((x) => x.email)).toEqual([undefined, undefined]);
    expect(p.assumptions?.join(' ')).toMatch(/no\s+email/);
  });

  it('offers themes per variant: mentees get self-efficacy and professional development, mentors assessing understanding', () => {
    const em = curriculum(mu, 'entering-mentoring');
    expect(em.variants.map((v) => v.id)).toEqual(['mentor', 'mentee']);
    expect(themesOfVariant(em, 'mentee')).toHaveLength(6);
    expect(themesOfVariant(em, 'mentor')).toHaveLength(5);
    expect(themesOfVariant(em, 'mentee')).not.toContain('assessing-understanding');
    expect(themesOfVariant(em, 'mentor')).not.toContain('research-self-efficacy');
    expect(themesOfVariant(em, 'mentor')).not.toContain('promoting-professional-development');
    // Every workshop follows the mentee version.
    expect(new Set(mu.workshops.map((w) => w.basedOn?.variant))).toEqual(new Set(['mentee']));
  });

  it('keeps the CMS placeholder text where the page has it', () => {
    expect(workshop(mu, 'mu-equity-inclusion').notes[0]).toMatch(/^I am text block\. Click edit button to change this text\. Lorem ipsum/);
    const placeholders = allStrings(mu).filter((s) => s.includes('Lorem ipsum'));
    expect(placeholders).toHaveLength(1);
  });
});

describe('mentoring-resources.yaml (Northwestern, seed 002)', () => {
  it('lists the page’s nine resources, each with a description and a provider in the catalog', () => {
    expect(nu.defaultTimeZone).toBe('America/Chicago');
    expect(nu.resources).toHaveLength(9);
    const kinds = nu.resources.reduce<Record<string, number>>((n, r) => ({ ...n, [r.kind]: (n[r.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ website: 4, guide: 1, checklist: 1, template: 3 });
    const organizations = new Set(nu.organizations.map((o) => o.id));
    for (const r of nu.resources) {
      expect(r.description, r.id).toBeDefined();
      expect(organizations.has(r.provider!), r.id).toBe(true);
    }
  });

  it('links only the providers whose addresses are public knowledge', () => {
    expect(resource(nu, 'nrmn').url).toBe('https://nrmnet.net');
    expect(resource(nu, 'cimer').url).toBe('https://cimerproject.org');
    expect(nu.organizations.find((o) => o.id === 'aamc')?.url).toBe('https://www.aamc.org');
    expect(nu.resources.filter((r) => r.url !== undefined).map((r) => r.id)).toEqual(['nrmn', 'cimer']);
    const compacts = nu.resources.filter((r) => r.kind === 'template');
    expect(compacts.map((r) => r.kind === 'template' && r.templateFor)).toEqual(['compact', 'compact', 'compact']);
  });

  it('offers Foundational Principles twice a year to STEM and to humanities and social-science faculty', () => {
    const fp = curriculum(nu, 'foundational-principles');
    expect(fp.variants.map((v) => v.audiences)).toEqual([['stem-faculty'], ['hss-faculty']]);
    expect(themesOfVariant(fp, 'stem')).toHaveLength(5);
    expect(themesOfVariant(fp, 'hss')).toEqual(themesOfVariant(fp, 'stem'));
    const runs = ['foundational-principles-stem', 'foundational-principles-hss'].map((id) => scheduled(nu, id));
    expect(runs.map((w) => w.basedOn?.variant)).toEqual(['stem', 'hss']);
    for (const w of runs) {
      expect(w.sessions).toEqual([]);
      expect(w.scheduleText).toMatch(/twice a year/);
      expect(w.hosts).toEqual(['tgs']);
    }
    expect(nu.audiences.find((a) => a.id === 'hss-faculty')?.fields).toEqual(['humanities', 'social-sciences']);
  });

  it('extends the field vocabulary with biomedical sciences under biosciences', () => {
    expect(nu.vocabularies.fields).toEqual([{ id: 'biomedical-sciences', label: 'Biomedical sciences', broader: ['biosciences'] }]);
    expect(nu.audiences.find((a) => a.id === 'biomedical-scientists')?.roles).toEqual(['undergraduate', 'graduate-student', 'postdoc', 'faculty']);
  });
});

describe('docs/catalog.md', () => {
  it('opens with a complete example that parses', () => {
    const doc = readRepoFile('docs/catalog.md');
    const block = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const result = parseCatalog(block!);
    if (!result.ok) expect.fail(result.errors.map((e) => `${e.line ?? '?'}: ${e.pathText}: ${e.message}`).join('\n'));
    expect(result.ok && result.catalog.workshops.length).toBeGreaterThan(0);
  });
});
