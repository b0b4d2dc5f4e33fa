import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { FeedProgram } from '@mentorkit/core/browser';
import './program.js';
import type { MkProgram } from './program.component.js';
import { fullProgram, programFeed } from './program.fixtures.js';
import { installXssProbe, MARKUP_PAYLOADS, URL_PAYLOADS } from '../resource-card/xss.fixtures.js';
import { $, $$, captureWarnings, expectAccessible, json, mount, stubFetch, text, waitFor } from '../../../test/helpers.js';

function program(setup: (el: MkProgram) => void = (e) => (e.catalog = programFeed())) {
  return mount(() => {
    const el = document.createElement('mk-program');
    setup(el);
    return el;
  });
}

const headings = (el: MkProgram) => $$(el, 'h2, h3').map(text);

function darkPage() {
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

describe('<mk-program>', () => {
  it('shows every section of the program, in the fallback’s order, with no violations', async () => {
    const el = await program();
    expect(headings(el)).toEqual(['Mentoring-Up Training Series', 'Outcomes', 'Questions', 'Contact']);
    expect($(el, 'h2 a').getAttribute('href')).toBe('https://example.edu/mentoring-up');
    expect(text($(el, '[part="summary"]'))).toBe(fullProgram.summary);
    expect($$(el, '[part="description"] p').map(text)).toEqual(['Mentoring is collaborative.', 'Each session addresses challenges mentees meet throughout their career.']);
    expect(text($(el, '[part="hosts"]'))).toBe('Hosted by Office of Postdoctoral Affairs and Graduate Division.');
    expect(text($(el, '[part="audiences"]'))).toBe('For Graduate students and postdocs.');
    expect(text($(el, '.outcomes-intro'))).toBe(fullProgram.outcomesIntro);
    expect($$(el, '[part="outcomes"] li').map(text)).toEqual(fullProgram.outcomes);
    expect($$(el, '[part="question-summary"]').map(text)).toEqual(['Who can take part?', 'Who is given priority?']);
    expect($$(el, '[part="question"]')[1]!.querySelectorAll('[part="answer"] p')).toHaveLength(2);
    const contacts = $$(el, '[part="contact"]');
    expect(contacts.map(text)).toEqual([
      'Postdocs: Dr. Lynn Talton lynn@example.edu',
      'Graduate students: Dr. Diana Azurdia https://example.edu/contact (questions about RSVP)',
    ]);
    expect(contacts[0]!.querySelector('a')!.getAttribute('href')).toBe('mailto:lynn@example.edu');
    expect(contacts[1]!.querySelector('a')!.getAttribute('href')).toBe('https://example.edu/contact');
    await expectAccessible(el);
  });

  it('shows the delivery options of the program’s curriculum', async () => {
    const feed = programFeed([{ ...fullProgram, curriculum: 'c1' }]);
    feed.curricula = [
      { id: 'c1', title: 'C', ordering: 'any', variants: [], themes: [], delivery: [{ kind: 'half-day', description: 'Two half-day sessions.', durationMinutes: 180 }, { kind: 'self-paced' }] },
    ];
    const el = await program((e) => (e.catalog = feed));
    expect(headings(el)).toEqual(['Mentoring-Up Training Series', 'Outcomes', 'Ways to take part', 'Questions', 'Contact']);
    expect($$(el, '[part="delivery"] li').map(text)).toEqual(['Two half-day sessions. (3 hr)', 'self paced']);
  });

  it('leaves out every section the feed does not carry, headings included', async () => {
    const el = await program((e) => (e.catalog = programFeed([{ id: 'p', title: 'Only a title' }])));
    expect(headings(el)).toEqual(['Only a title']);
    for (const part of ['summary', 'description', 'hosts', 'audiences', 'outcomes', 'delivery', 'faq', 'contacts']) expect($$(el, `[part="${part}"]`), part).toHaveLength(0);
    expect($$(el, 'h2 a')).toHaveLength(0);
    await expectAccessible(el);
  });

  it('has no violations in the dark theme', async () => {
    darkPage();
    const el = await program((e) => {
      e.catalog = programFeed();
      e.setAttribute('theme', 'dark');
      e.openAnswers = true;
    });
    expect(getComputedStyle(el).colorScheme).toBe('dark');
    await expectAccessible(el);
  });

  it('opens and closes each answer from the keyboard', async () => {
    const el = await program();
    const [first, second] = $$<HTMLDetailsElement>(el, '[part="question"]');
    expect(first!.open).toBe(false);
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe($(el, 'h2 a'));
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(first!.querySelector('summary'));
    await userEvent.keyboard('{Enter}');
    expect(first!.open).toBe(true);
    expect(first!.querySelector('[part="answer"]')!.checkVisibility()).toBe(true);
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(second!.querySelector('summary'));
    await userEvent.keyboard(' ');
    expect(second!.open).toBe(true);
    await userEvent.keyboard(' ');
    expect(second!.open).toBe(false);
  });

  it('speaks Spanish under lang="es"', async () => {
    const el = await program((e) => {
      e.catalog = programFeed();
      e.setAttribute('lang', 'es');
    });
    expect(headings(el)).toEqual(['Mentoring-Up Training Series', 'Resultados', 'Preguntas', 'Contacto']);
    expect(text($(el, '[part="hosts"]'))).toBe('Organizado por Office of Postdoctoral Affairs y Graduate Division.');
    expect(text($(el, '[part="audiences"]'))).toBe('Para Graduate students and postdocs.');
    await expectAccessible(el);
  });

  describe('hide-title', () => {
    /** Every heading of the page in document order, the widget's shadow root included, as "h2 Outcomes". */
    const outline = (root: ParentNode): string[] =>
      [...root.querySelectorAll('h1, h2, h3, h4, h5, h6, mk-program')].flatMap((node) =>
        node.localName === 'mk-program' ? outline(node.shadowRoot!) : [`${node.localName} ${text(node)}`],
      );

    it('leaves the title to the page’s heading: sections at heading-level, the region named by the title, no violations', async () => {
      const page = document.createElement('main');
      page.innerHTML = `<h1>${fullProgram.title}</h1>`;
      document.body.append(page);
      const el = await mount(() => {
        const e = document.createElement('mk-program');
        e.catalog = programFeed();
        e.setAttribute('hide-title', '');
        return e;
      }, page);
      expect(el.hideTitle).toBe(true);
      expect($$(el, '[part="title"]')).toHaveLength(0);
      expect(text(el.shadowRoot)).not.toContain(fullProgram.title);
      expect(outline(page)).toEqual(['h1 Mentoring-Up Training Series', 'h2 Outcomes', 'h2 Questions', 'h2 Contact']);
      const base = $(el, '[part="base"]');
      expect(base.localName).toBe('section');
      expect(base.getAttribute('aria-label')).toBe(fullProgram.title);
      expect(base.hasAttribute('aria-labelledby')).toBe(false);
      // The rest of the program is unchanged, and the first stop of the keyboard is the first question.
      expect(text($(el, '[part="summary"]'))).toBe(fullProgram.summary);
      expect($$(el, '[part="question-summary"]').map(text)).toEqual(['Who can take part?', 'Who is given priority?']);
      await userEvent.tab();
      expect(el.shadowRoot!.activeElement).toBe($$(el, '[part="question-summary"]')[0]);
      await expectAccessible(page);
    });

    it('puts the sections at heading-level, and gives the title back when hideTitle is turned off', async () => {
      const el = await program((e) => {
        e.catalog = programFeed();
        e.hideTitle = true;
        e.headingLevel = 3;
      });
      expect(outline(document.body)).toEqual(['h3 Outcomes', 'h3 Questions', 'h3 Contact']);
      el.setAttribute('heading-level', '1');
      await el.updateComplete;
      expect(outline(document.body)).toEqual(['h1 Outcomes', 'h1 Questions', 'h1 Contact']);
      el.hideTitle = false;
      await el.updateComplete;
      expect(outline(document.body)).toEqual(['h1 Mentoring-Up Training Series', 'h2 Outcomes', 'h2 Questions', 'h2 Contact']);
      expect($(el, '[part="base"]').getAttribute('aria-labelledby')).toBe('title');
      expect($(el, '[part="base"]').hasAttribute('aria-label')).toBe(false);
      await expectAccessible(el);
    });

    it('speaks Spanish under lang="es", the region still named by the catalog’s title', async () => {
      const el = await program((e) => {
        e.catalog = programFeed();
        e.setAttribute('hide-title', '');
        e.setAttribute('lang', 'es');
      });
      expect(outline(document.body)).toEqual(['h2 Resultados', 'h2 Preguntas', 'h2 Contacto']);
      expect($(el, '[part="base"]').getAttribute('aria-label')).toBe(fullProgram.title);
      expect(text($(el, '[part="hosts"]'))).toBe('Organizado por Office of Postdoctoral Affairs y Graduate Division.');
      await expectAccessible(el);
    });
  });

  it('says which program-id is unknown and which the feed has', async () => {
    const el = await program((e) => {
      e.catalog = programFeed([fullProgram, { id: 'amp', title: 'AMP' }]);
      e.programId = 'nope';
    });
    const error = $(el, '[part="error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toBe('The program could not be shown The feed has no program with the id “nope” (it has: mentoring-up, amp).');
    el.programId = 'amp';
    await el.updateComplete;
    expect(text($(el, 'h2'))).toBe('AMP');
    el.programId = undefined;
    await el.updateComplete;
    expect(text($(el, '[part="error"]'))).toContain('set program-id to one of them (mentoring-up, amp)');
    el.setAttribute('lang', 'es');
    await waitFor(() => text($(el, '[part="error"]')).includes('varios programas'));
    await expectAccessible(el);
  });

  it('says when the feed has no program', async () => {
    const el = await program((e) => (e.catalog = programFeed([])));
    expect(text($(el, '[part="empty"]'))).toBe('No program yet This catalog has not published a program.');
  });

  it('keeps the page’s fallback until the feed arrives, then replaces it in place', async () => {
    let release: (r: Response) => void = () => undefined;
    fetchStub = stubFetch(() => new Promise<Response>((r) => (release = r)));
    const el = await program((e) => {
      e.src = '/program-feed.json';
      e.innerHTML = '<section class="mk-fallback"><h2>Mentoring-Up Training Series</h2><p>Fallback text</p></section>';
    });
    expect($(el, '[part="fallback"]').querySelector('slot')).not.toBeNull();
    expect($$(el, '[part="base"]')).toHaveLength(0);
    release(json(programFeed()));
    await waitFor(() => $$(el, '[part="base"]').length === 1);
    expect($$(el, '[part="fallback"]')).toHaveLength(0);
    expect(fetchStub.calls.map((c) => c.url)).toEqual(['/program-feed.json']);
  });

  it('shares one feed request with the other widgets of the page', async () => {
    fetchStub = stubFetch(() => json(programFeed()));
    const a = await program((e) => (e.src = '/shared-program-feed.json'));
    const b = await program((e) => (e.src = '/shared-program-feed.json'));
    await waitFor(() => $$(a, '[part="base"]').length === 1 && $$(b, '[part="base"]').length === 1);
    expect(fetchStub.calls).toHaveLength(1);
  });

  describe('script injection', () => {
    it(`renders ${MARKUP_PAYLOADS.length} payloads in every text field as text, running nothing`, async () => {
      const runs = installXssProbe();
      for (const p of MARKUP_PAYLOADS) {
        const hostile: FeedProgram = {
          id: 'x',
          title: p,
          summary: p,
          url: 'https://example.org/p',
          description: p,
          outcomesIntro: p,
          outcomes: [p],
          audiences: [{ id: 'a', name: p }],
          hosts: [p],
          partners: [p],
          faq: [{ question: p, answer: p }, { answer: p }],
          contacts: [{ name: p, for: p, purpose: p, email: p, phone: p, url: 'https://example.org/c' }],
        };
        const el = await program((e) => {
          e.catalog = programFeed([hostile]);
          e.openAnswers = true;
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

    it('never links a non-http(s) program or contact URL', async () => {
      const warnings = captureWarnings();
      for (const url of URL_PAYLOADS) {
        const el = await program((e) => (e.catalog = programFeed([{ id: 'p', title: 'P', url, contacts: [{ name: 'N', url }] }])));
        expect($$(el, 'a[href]')).toHaveLength(0);
        expect($$(el, '[part="error"]')).toHaveLength(1);
        el.remove();
      }
      expect(warnings).toHaveLength(URL_PAYLOADS.length);
    });
  });
});
