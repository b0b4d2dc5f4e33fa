import { afterEach, describe, expect, it } from 'vitest';
import type { FeedResource } from '@mentorkit/core/browser';
import './resource-card.js';
import type { MkResourceCard } from './resource-card.component.js';
import { RESOURCE_KINDS } from './icons.js';
import { httpHref } from './render-helpers.js';
import { book, course, document as pdfDocument, everyKind, guide, handout, presentedRecording, recording, slides, videoSeries, website } from './resource-card.fixtures.js';
import { installXssProbe, MARKUP_PAYLOADS, URL_PAYLOADS } from './xss.fixtures.js';
import { $, $$, expectAccessible, mount, text } from '../../../test/helpers.js';

function card(resource: FeedResource | undefined, setup: (el: MkResourceCard) => void = () => {}) {
  return mount(() => {
    const el = document.createElement('mk-resource-card');
    el.resource = structuredClone(resource);
    setup(el);
    return el;
  });
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

describe('<mk-resource-card>', () => {
  it('has a fixture for every kind', () => {
    expect(new Set(everyKind.map((r) => r.kind))).toEqual(new Set(RESOURCE_KINDS));
  });

  describe.each(everyKind.map((r) => [r.kind, r] as const))('kind %s', (kind, resource) => {
    it('shows the kind as text beside a hidden icon, the title and no violations', async () => {
      const el = await card(resource);
      const kindLine = $(el, '[part="kind"]');
      expect(text(kindLine)).not.toBe('');
      const icon = kindLine.querySelector('svg')!;
      expect(icon.getAttribute('aria-hidden')).toBe('true');
      expect(icon.getAttribute('focusable')).toBe('false');
      expect(text($(el, 'h3'))).toBe(resource.title);
      await expectAccessible(el);
    });
  });

  it('gives every kind its own icon and label', async () => {
    const seen = new Map<string, string>();
    for (const resource of everyKind) {
      const el = await card(resource);
      const svg = $(el, '[part="kind"] svg').innerHTML.replace(/<!--.*?-->/g, '');
      seen.set(text($(el, '[part="kind"]')), svg);
      el.remove();
    }
    expect(seen.size).toBe(RESOURCE_KINDS.length);
    expect(new Set(seen.values()).size).toBe(RESOURCE_KINDS.length);
    expect([...seen.keys()]).toContain('Video series');
  });

  it('links the title only when the resource has a URL', async () => {
    const linked = await card(website);
    expect($(linked, 'h3 a').getAttribute('href')).toBe('https://nrmnet.example.net/');
    const plain = await card(book);
    expect($$(plain, 'h3 a')).toHaveLength(0);
    expect(text($(plain, 'h3'))).toBe(book.title);
  });

  it('puts its heading at the level asked for, defaulting to 3', async () => {
    const el = await card(guide, (e) => e.setAttribute('heading-level', '2'));
    expect($$(el, 'h2')).toHaveLength(1);
    expect($$(el, 'h3')).toHaveLength(0);
    el.setAttribute('heading-level', 'seven');
    await el.updateComplete;
    expect($$(el, 'h3')).toHaveLength(1);
    el.headingLevel = 5;
    await el.updateComplete;
    expect($$(el, 'h5')).toHaveLength(1);
  });

  it('marks institutional access with a badge described by its note', async () => {
    const el = await card(recording);
    const access = $(el, '[part="access"]');
    expect(text(access.querySelector('[part="access-badge"]'))).toBe('Institution login required');
    expect(text(access.querySelector('[part="access-note"]'))).toBe(recording.access.note);
    // The link announces the access note as its description.
    const link = $(el, 'h3 a');
    expect(link.getAttribute('aria-describedby')).toBe(access.id);
    await expectAccessible(el);
  });

  it('names the platform when an institutional resource has no note', async () => {
    const el = await card({ ...course, access: { level: 'institutional', platform: 'CourseWorks' } });
    expect(text($(el, '[part="access-note"]'))).toBe('Available on CourseWorks.');
  });

  it('shows no access badge for public resources and a matching one for other levels', async () => {
    expect($$(await card(website), '[part="access"]')).toHaveLength(0);
    expect(text($(await card({ ...website, access: { level: 'registered' } }), '[part="access-badge"]'))).toBe('Registration required');
    expect(text($(await card({ ...website, access: { level: 'restricted' } }), '[part="access-badge"]'))).toBe('Restricted access');
  });

  it('lists a course’s modules in order with durations, the total, platform and pace', async () => {
    const el = await card(course);
    const modules = $$(el, '[part="modules"] > li');
    expect(modules.map((m) => text(m.querySelector('.step-title')))).toEqual(course.modules!.map((m) => m.title));
    expect($(el, '[part="modules"]').localName).toBe('ol');
    expect(modules.map((m) => m.querySelector('time')?.getAttribute('datetime'))).toEqual(['PT20M', 'PT25M', 'PT25M', 'PT20M']);
    const facts = Object.fromEntries($$(el, '.fact').map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]));
    expect(facts).toMatchObject({ 'Total time': '90 min', Platform: 'CourseWorks', Pace: 'Self-paced' });
    expect($(el, '.fact time').getAttribute('datetime')).toBe('PT90M');
  });

  it('adds up module durations when a course gives no total', async () => {
    const el = await card({ ...course, duration: undefined, modules: [{ title: 'One', duration: 'PT45M' }, { title: 'Two', duration: 'PT1H' }] });
    expect($(el, '.fact time').getAttribute('datetime')).toBe('PT1H45M');
    const none = await card({ ...course, duration: undefined, modules: [{ title: 'One', duration: 'PT45M' }, { title: 'Two' }] });
    expect($$(none, '.fact time')).toHaveLength(0);
  });

  it('lists a video series’ episodes with links and lengths', async () => {
    const el = await card(videoSeries);
    const episodes = $$(el, '[part="episodes"] > li');
    expect(episodes).toHaveLength(3);
    expect(episodes[0]!.querySelector('a')?.getAttribute('href')).toBe('https://ctl.example.edu/voices/1');
    expect(episodes[2]!.querySelector('a')).toBeNull();
    expect(text(episodes[1]!.querySelector('time'))).toBe('7 min, 30 sec');
  });

  it('shows highlights, topics with themes once, and each audience', async () => {
    const el = await card({ ...guide, topics: ['lab culture', 'addressing equity and inclusion'] });
    expect($$(el, '[part="highlights"] li').map(text)).toEqual(guide.highlights);
    expect($$(el, '[part="topic"]').map(text)).toEqual(['lab culture', 'addressing equity and inclusion']);
    expect($(el, '[part="topics"]').getAttribute('aria-label')).toBe('Topics');
    const template = await card(everyKind.find((r) => r.kind === 'template'));
    expect($$(template, '.audiences > span').map(text)).toEqual([
      'Graduate students and postdoctoral scholars',
      'Faculty and research officers mentoring graduate students and postdocs',
    ]);
  });

  it('credits provider, authors, publisher and date', async () => {
    const el = await card(everyKind.find((r) => r.kind === 'report'));
    expect(text($(el, '[part="byline"]'))).toBe('National Academies of Sciences, Engineering, and Medicine, October 2019');
    const b = await card(book);
    expect(text($(b, '[part="byline"]'))).toBe('By Lisa Z. Fain and Lois J. Zachary · 2020');
  });

  it('gives an image its alt text, and a decorative one an empty alt', async () => {
    const src = new URL('/favicon.ico', location.href).href;
    const el = await card({ ...guide, image: { url: src, alt: 'Lab members around a bench' } });
    expect($(el, 'img').getAttribute('alt')).toBe('Lab members around a bench');
    const deco = await card({ ...guide, image: { url: src, alt: 'ignored', decorative: true } });
    expect($(deco, 'img').getAttribute('alt')).toBe('');
    await expectAccessible(deco);
  });

  describe('presenters, related works, format and described images', () => {
    it('lists presenters with their roles as the catalog labels them, linking only http(s) pages', async () => {
      const el = await card(presentedRecording);
      const items = $$(el, '[part="presenter"]');
      expect(items.map(text)).toEqual([
        'Keynote speaker: Lisa Fain, CEO of Center for Mentoring Excellence',
        'Moderator: Helen Lu, Hudson Professor of Biomedical Engineering',
      ]);
      expect(items.map((li) => text(li.querySelector('.role')))).toEqual(['Keynote speaker', 'Moderator']);
      expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe('https://example.org/lisa-fain');
      expect(items[1]!.querySelector('a')).toBeNull();
      expect($(el, '[part="presenters"]').getAttribute('aria-labelledby')).toBe('presenters-label');
      expect(text(el.shadowRoot!.getElementById('presenters-label'))).toBe('Presenters');
      await expectAccessible(el);
    });

    it('shows no presenters list for a resource without presenters', async () => {
      expect($$(await card(recording), '[part="presenters"]')).toHaveLength(0);
      expect($$(await card(recording), '[part="related"]')).toHaveLength(0);
    });

    it('names related works by their own titles, with the relation and the citation', async () => {
      const el = await card(presentedRecording);
      const items = $$(el, '[part="related"] > li');
      expect(items.map(text)).toEqual([
        'Recording of Keynote: Bridging Differences for Better Mentoring',
        'Based on Bridging Differences for Better Mentoring: Lean Forward, Learn, Leverage (Fain and Zachary, 2020)',
      ]);
      expect(items[0]!.querySelector('cite a')?.getAttribute('href')).toBe('https://ctl.example.edu/keynote');
      expect(items[1]!.querySelector('a')).toBeNull();
      expect(text($(await card(handout), '[part="related"] .relation'))).toBe('Accompanies');
    });

    it('shows the file format as a badge on the kind line', async () => {
      expect(text($(await card(pdfDocument), '[part="format"]'))).toBe('PDF');
      expect(text($(await card(pdfDocument), '[part="kind"]'))).toBe('Document PDF');
      expect(text($(await card(slides), '[part="format"]'))).toBe('PPTX');
      expect($$(await card(guide), '[part="format"]')).toHaveLength(0);
      await expectAccessible(await card(pdfDocument));
    });

    it('shows an image known only by its description as that text, and no <img>', async () => {
      const el = await card(presentedRecording);
      expect($$(el, 'img')).toHaveLength(0);
      const description = $(el, '[part="image-description"]');
      expect(text(description)).toBe('Image: Lisa Fain speaking at a lectern in front of faculty');
      expect(text(description.querySelector('.visually-hidden'))).toBe('Image:');
      // Before the body, where the image would be.
      expect(description.nextElementSibling?.getAttribute('part')).toBe('body');
      await expectAccessible(el);
    });

    it('shows nothing for an image without url that has no description to show', async () => {
      const el = await card({ ...guide, image: { alt: '  ' } });
      expect($$(el, 'img, [part="image-description"]')).toHaveLength(0);
    });

    it('renders a description in paragraphs, one <p> per blank-line-separated paragraph', async () => {
      const el = await card(presentedRecording);
      const paragraphs = $$(el, '[part="description"] > p');
      expect(paragraphs).toHaveLength(2);
      expect(text(paragraphs[0])).toMatch(/^Most institutions today/);
      expect(text(paragraphs[1])).toMatch(/^This interactive, entertaining/);
    });

    it('speaks Spanish: kinds, relations, the presenters label and the image description', async () => {
      const el = await card(presentedRecording, (e) => e.setAttribute('lang', 'es'));
      expect(text(el.shadowRoot!.getElementById('presenters-label'))).toBe('Ponentes');
      expect($$(el, '[part="related"] .relation').map(text)).toEqual(['Grabación de', 'Basado en']);
      expect(text($(el, '[part="image-description"] .visually-hidden'))).toBe('Imagen:');
      // Roles are the catalog's own words, shown as written.
      expect(text($(el, '[part="presenter"] .role'))).toBe('Keynote speaker');
      expect(text($(await card(handout, (e) => e.setAttribute('lang', 'es')), '[part="kind"]'))).toBe('Material de apoyo DOCX');
      expect(text($(await card(slides, (e) => e.setAttribute('lang', 'es')), '[part="related"] .relation'))).toBe('Acompaña a');
    });
  });

  it('shows why a resource that does not match the schema cannot be shown', async () => {
    const el = await card({ ...book, kind: 'podcast' } as unknown as FeedResource);
    expect(text($(el, '[part="error"]'))).toMatch(/^This resource cannot be shown \(kind: .+\)\.$/);
    expect($$(el, 'article')).toHaveLength(0);
    await expectAccessible(el);
  });

  it('renders nothing without a resource', async () => {
    const el = await card(undefined);
    expect(el.shadowRoot!.children).toHaveLength(0);
  });

  it('has no violations in the dark theme', async () => {
    for (const resource of [course, recording, videoSeries]) {
      const el = await card(resource, (e) => e.setAttribute('theme', 'dark'));
      expect(getComputedStyle($(el, 'article')).backgroundColor).toBe('rgb(22, 25, 29)');
      await expectAccessible(el);
    }
  });

  describe('in Spanish', () => {
    it('takes lang from the page and formats text, dates and durations in Spanish', async () => {
      document.documentElement.lang = 'es';
      const el = await card(course);
      expect(text($(el, '[part="kind"]'))).toBe('Curso');
      expect(text($(el, '[part="access-badge"]'))).toBe('Requiere acceso institucional');
      const facts = Object.fromEntries($$(el, '.fact').map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]));
      expect(facts).toMatchObject({ 'Duración total': '90 min', Plataforma: 'CourseWorks', Ritmo: 'A tu ritmo' });
      await expectAccessible(el);
    });

    it('follows its own lang attribute and re-renders when it changes', async () => {
      const el = await card(everyKind.find((r) => r.kind === 'report'), (e) => e.setAttribute('lang', 'es-MX'));
      expect(text($(el, '[part="byline"]'))).toBe('National Academies of Sciences, Engineering, and Medicine, octubre de 2019');
      expect(text($(el, '[part="kind"]'))).toBe('Informe');
      el.setAttribute('lang', 'en');
      await el.updateComplete;
      expect(text($(el, '[part="kind"]'))).toBe('Report');
    });

    it('joins authors the Spanish way', async () => {
      const el = await card(book, (e) => e.setAttribute('lang', 'es'));
      expect(text($(el, '[part="byline"]'))).toBe('De Lisa Z. Fain y Lois J. Zachary · 2020');
    });
  });

  describe('script injection', () => {
    it(`renders ${MARKUP_PAYLOADS.length} markup payloads in every text field as text, running nothing`, async () => {
      const runs = installXssProbe();
      for (const payload of MARKUP_PAYLOADS) {
        const resource: FeedResource = {
          ...course,
          url: 'https://example.org/r',
          title: payload,
          description: payload,
          provider: { id: 'p', name: payload, url: 'https://example.org/' },
          authors: [payload],
          publisher: payload,
          published: payload,
          image: { url: new URL('/favicon.ico', location.href).href, alt: payload },
          access: { level: 'institutional', note: payload, platform: payload },
          topics: [payload],
          themes: [{ id: payload, title: `${payload} ` }],
          audiences: [{ id: 'a', name: payload }],
          highlights: [payload],
          modules: [{ title: payload, description: payload, duration: payload }],
          episodes: [{ title: payload, url: 'https://example.org/e', duration: 'PT5M' }],
          platform: payload,
          presenters: [{ role: payload, name: payload, title: payload, affiliation: payload, note: payload, url: 'https://example.org/p' }],
          related: [{ relation: 'based-on', title: payload, url: 'https://example.org/w', citation: payload }],
          format: payload,
        };
        const el = await card(resource);
        const root = el.shadowRoot!;
        expect(text($(el, 'h3'))).toBe(text({ textContent: payload } as Node));
        expect($(el, 'img').getAttribute('alt')).toBe(payload);
        for (const node of root.querySelectorAll('*')) {
          expect(['script', 'iframe', 'object', 'embed', 'form', 'input', 'base', 'meta', 'link', 'style', 'x', 'lit-part', 'template', 'math', 'noscript']).not.toContain(node.localName);
          for (const attr of node.getAttributeNames()) expect(attr.startsWith('on'), `${node.localName}[${attr}]`).toBe(false);
        }
        for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\/example\.org\//);
        expect($$(el, 'img')).toHaveLength(1);
        el.remove();
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(runs()).toBe(0);
    });

    it(`never turns ${URL_PAYLOADS.length} non-http(s) URLs into links or image sources`, async () => {
      const runs = installXssProbe();
      for (const payload of URL_PAYLOADS) {
        expect(httpHref(payload)).toBeUndefined();
        for (const resource of [
          { ...course, url: payload },
          { ...course, provider: { id: 'p', name: 'P', url: payload } },
          { ...videoSeries, episodes: [{ title: 'E', url: payload }] },
          { ...guide, image: { url: payload, alt: 'x' } },
          { ...guide, presenters: [{ role: 'Presenter', name: 'P', url: payload }] },
          { ...guide, related: [{ relation: 'part-of' as const, title: 'W', url: payload }] },
        ]) {
          const el = await card(resource);
          expect($$(el, 'a[href], img[src]')).toHaveLength(0);
          expect($$(el, '[part="error"]')).toHaveLength(1);
          el.remove();
        }
      }
      expect(runs()).toBe(0);
    });

    it('shows payloads in the description of an image without url as text, with no <img>', async () => {
      const runs = installXssProbe();
      for (const payload of MARKUP_PAYLOADS) {
        const el = await card({ ...guide, image: { alt: payload } });
        expect($$(el, 'img')).toHaveLength(0);
        expect(text($(el, '[part="image-description"]'))).toBe(`Image: ${text({ textContent: payload } as Node)}`);
        el.remove();
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(runs()).toBe(0);
    });

    it('keeps http(s) URLs with quotes and brackets inside the attribute', async () => {
      const url = 'https://example.org/x?"><img/src=x/onerror=mkXss()>';
      const runs = installXssProbe();
      const el = await card({ ...website, url });
      expect($(el, 'h3 a').getAttribute('href')).toBe(new URL(url).href);
      expect($$(el, 'img')).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 50));
      expect(runs()).toBe(0);
    });
  });
});
