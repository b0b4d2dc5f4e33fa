import type { Feed, FeedOccurrence, FeedWorkshop } from '@mentorkit/core';
import { describe, expect, it } from 'vitest';
import { renderFallbacks } from './fallback.js';

// A session dated January 8 whose time is unknown: its placeholder 00:00–01:00 in New York is never shown.
const occurrence = {
  id: 'w-2026-01-08',
  sessionId: 's1',
  start: '2026-01-08T00:00:00.000-05:00',
  end: '2026-01-08T01:00:00.000-05:00',
  timeZone: 'America/New_York',
  localStart: '2026-01-08T00:00',
  localEnd: '2026-01-08T01:00',
  status: 'scheduled',
  timeUnknown: true,
} as FeedOccurrence;

const workshop = {
  id: 'w',
  kind: 'scheduled',
  title: 'Dated, not timed',
  programs: [],
  audiences: [],
  objectives: [],
  themes: [],
  presenters: [],
  hosts: [],
  formats: [],
  notes: [],
  occurrences: [occurrence],
} as unknown as FeedWorkshop;

const feed = { catalog: { id: 'c', title: 'C', language: 'en' }, workshops: [workshop], programs: [], curricula: [], resources: [] } as unknown as Feed;

const list = (now: string) => renderFallbacks(feed, new Date(now)).find((f) => f.path === 'fallback/workshop-list.html')!.content.replace(/\s+/g, ' ');

describe('the workshop fallback, for a session whose time is unknown', () => {
  it('shows the date in the session’s zone and "time to be announced", never a clock time', () => {
    const page = list('2026-01-05T12:00:00Z');
    expect(page).toContain('<time datetime="2026-01-08">Thursday, January 8, 2026</time>, time to be announced');
    expect(page).not.toMatch(/\d{1,2}:\d{2}|\b(AM|PM)\b/);
  });

  it('lists it as upcoming until its date has passed in its zone', () => {
    const upcoming = (now: string) => {
      const page = list(now);
      const at = page.indexOf('Dated, not timed');
      const past = page.indexOf('Past workshops');
      return past === -1 || at < past;
    };
    // After the placeholder end, but still January 8 in New York.
    expect(upcoming('2026-01-08T20:00:00Z')).toBe(true);
    expect(upcoming('2026-01-09T04:59:00Z')).toBe(true);
    expect(upcoming('2026-01-09T05:00:00Z')).toBe(false);
  });
});

describe('the curriculum fallback', () => {
  const curriculumFeed = (language: string) =>
    ({
      catalog: { id: 'c', title: 'C', language },
      workshops: [],
      programs: [],
      resources: [],
      curricula: [
        {
          id: 'mentoring-up',
          title: 'Mentoring Up',
          ordering: 'any',
          variants: [],
          objective: 'Mentees <b>navigate</b> their mentoring relationships.',
          disciplines: ['Biosciences', 'Any discipline'],
          buildsOn: [{ id: 'entering-mentoring', title: 'Entering Mentoring' }],
          themes: [
            {
              id: 'ae',
              title: 'Aligning Expectations',
              objectives: [{ id: 'o1', statement: 'Align expectations.' }],
              resources: [
                { id: 'guide', title: 'Facilitator guide', url: 'https://example.edu/guide.pdf' },
                { id: 'bad', title: 'Handout <script>alert(1)</script>', url: 'javascript:alert(1)' },
              ],
            },
          ],
          delivery: [
            { kind: 'half-day', duration: { unit: 'half-days', amount: 1, label: 'Half day' } },
            { kind: 'full-day', duration: { unit: 'days', amount: 1 } },
            { kind: 'multi-day', duration: { unit: 'days', amount: 2, label: 'Two days' } },
            { kind: 'standalone-workshops', duration: { unit: 'minutes', min: 60, max: 90 } },
            { kind: 'standalone-workshops', durationMinutes: 90 },
            { kind: 'half-day', duration: { unit: 'half-days', amount: 1 } },
          ],
        },
      ],
    }) as unknown as Feed;
  const page = (language: string) => renderFallbacks(curriculumFeed(language), new Date('2026-01-05T12:00:00Z')).find((f) => f.path === 'fallback/curriculum-mentoring-up.html')!.content.replace(/\s+/g, ' ');

  it('shows the objective, disciplines, what it builds on and where each theme’s objectives are, as text', () => {
    const html = page('en');
    expect(html).toContain('<p class="mk-objective">Objective: Mentees &lt;b&gt;navigate&lt;/b&gt; their mentoring relationships.</p>');
    expect(html).toContain('<p class="mk-disciplines">Disciplines: Biosciences and Any discipline</p>');
    expect(html).toContain('<p class="mk-builds-on">Builds on: Entering Mentoring</p>');
    expect(html).toContain('Objectives in: <a href="https://example.edu/guide.pdf">Facilitator guide</a>, Handout &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('javascript:');
  });

  it('gives each delivery option its length as the author stated it, never in invented minutes', () => {
    const html = page('en');
    for (const length of ['(Half day)', '(1 day)', '(Two days)', '(60–90 min)', '(90 min)']) expect(html).toContain(length);
    expect(html).not.toMatch(/\b(240|480|960) ?min/);
    const es = page('es');
    expect(es).toContain('(Media jornada)');
    expect(es).toContain('(1 día)');
    expect(es).toContain('(Two days)');
  });
});

describe('the resource list fallback', () => {
  const resource = {
    id: 'keynote',
    kind: 'recording',
    title: 'Keynote <script>alert(1)</script>',
    description: 'First paragraph.\n\nSecond <b>paragraph</b>.',
    authors: [],
    access: { level: 'public' },
    topics: [],
    themes: [],
    audiences: [],
    highlights: [],
    image: { alt: 'Lisa Fain at a lectern <img src=x onerror=alert(1)>' },
    format: 'PDF',
    presenters: [
      { role: 'Keynote speaker', name: 'Lisa Fain', note: 'CEO of Center for Mentoring Excellence', url: 'https://example.org/lisa' },
      { role: 'Moderator <i>', name: 'Helen Lu', url: 'javascript:alert(1)' },
    ],
    related: [
      { relation: 'recording-of', title: 'Keynote: Bridging Differences', url: 'https://example.edu/keynote' },
      { relation: 'accompanies', title: 'Bridging Differences for Better Mentoring', citation: 'Fain and Zachary, 2020' },
    ],
  };
  const render = (r: unknown) =>
    renderFallbacks({ catalog: { id: 'c', title: 'C', language: 'en' }, workshops: [], programs: [], curricula: [], resources: [r] } as unknown as Feed, new Date('2026-01-05T12:00:00Z'))
      .find((f) => f.path === 'fallback/resource-list.html')!
      .content.replace(/\s+/g, ' ');

  it('shows presenters with roles, related works, the format, and the description in paragraphs', () => {
    const html = render(resource);
    expect(html).toContain('<p class="mk-meta">Recording · PDF</p>');
    expect(html).toContain('<p>First paragraph.</p> <p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>');
    expect(html).toContain('<li><span class="mk-role">Keynote speaker</span>: <a href="https://example.org/lisa">Lisa Fain</a>, CEO of Center for Mentoring Excellence</li>');
    expect(html).toContain('<li><span class="mk-role">Moderator &lt;i&gt;</span>: Helen Lu</li>');
    expect(html).toContain('<li>Recording of <cite><a href="https://example.edu/keynote">Keynote: Bridging Differences</a></cite></li>');
    expect(html).toContain('<li>Accompanies <cite>Bridging Differences for Better Mentoring</cite> (Fain and Zachary, 2020)</li>');
    expect(html).not.toContain('javascript:');
  });

  it('shows an image known only by its description as text, never an <img>', () => {
    const html = render(resource);
    expect(html).toContain('<p class="mk-image-description">Image: Lisa Fain at a lectern &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });

  it('adds nothing for a resource without the new fields', () => {
    const html = render({ ...resource, image: undefined, format: undefined, presenters: undefined, related: undefined, description: 'One.' });
    for (const cls of ['mk-image-description', 'mk-presenters', 'mk-related']) expect(html).not.toContain(cls);
    expect(html).toContain('<p class="mk-meta">Recording</p>');
  });
});

describe('the program fallback', () => {
  const program = {
    id: 'mentoring-up',
    title: 'Mentoring Up & "Down" <i>',
    summary: 'Training for postdocs.',
    url: 'https://example.edu/mentoring-up',
    description: 'First paragraph.\n\nSecond paragraph.',
    outcomes: ['Competencies.'],
    faq: [{ question: 'Who can take part?', answer: 'Postdocs.' }],
    contacts: [{ name: 'Dr. Lynn Talton', email: 'lynn@example.edu' }],
  };
  const files = (programs: unknown[]) =>
    renderFallbacks({ catalog: { id: 'c', title: 'C', language: 'en' }, workshops: [], programs, curricula: [], resources: [] } as unknown as Feed, new Date('2026-01-05T12:00:00Z'));
  const file = (path: string) => files([program]).find((f) => f.path === path)?.content.replace(/\s+/g, ' ');
  const headings = (html: string) => [...html.matchAll(/<(h[1-6])>(.*?)<\/h[1-6]>/g)].map(([, tag, text]) => `${tag} ${text}`);

  it('carries the title as an h2 and the sections one level below, as <mk-program> does by default', () => {
    const html = file('fallback/program-mentoring-up.html')!;
    expect(headings(html)).toEqual([
      'h2 <a href="https://example.edu/mentoring-up">Mentoring Up &amp; &quot;Down&quot; &lt;i&gt;</a>',
      'h3 Outcomes',
      'h3 Questions',
      'h3 Contact',
    ]);
    expect(html).toContain('<section class="mk-fallback mk-fallback-program" lang="en">');
  });

  it('writes a hide-title fallback for <mk-program hide-title>: no title, sections at h2, the section named by the title', () => {
    const html = file('fallback/hide-title/program-mentoring-up.html')!;
    expect(headings(html)).toEqual(['h2 Outcomes', 'h2 Questions', 'h2 Contact']);
    expect(html).toContain('<section class="mk-fallback mk-fallback-program" lang="en" aria-label="Mentoring Up &amp; &quot;Down&quot; &lt;i&gt;">');
    expect(html).not.toContain('<i>');
    expect(html).not.toContain('href="https://example.edu/mentoring-up"');
    // Everything else is what the page with the title shows.
    const titled = file('fallback/program-mentoring-up.html')!;
    const body = (s: string) => s.slice(s.indexOf('<p class="mk-summary">')).replace(/<(\/?)h[23]>/g, '<$1h>');
    expect(body(html)).toBe(body(titled));
  });

  it('gives every program both fallbacks, under names no program id can share', () => {
    const paths = files([program, { id: 'mentoring-up-hide-title', title: 'Other' }, { id: 'hide-title', title: 'Another' }]).map((f) => f.path);
    expect(paths.filter((p) => p.includes('program-'))).toEqual([
      'fallback/program-mentoring-up.html',
      'fallback/hide-title/program-mentoring-up.html',
      'fallback/program-mentoring-up-hide-title.html',
      'fallback/hide-title/program-mentoring-up-hide-title.html',
      'fallback/program-hide-title.html',
      'fallback/hide-title/program-hide-title.html',
    ]);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
