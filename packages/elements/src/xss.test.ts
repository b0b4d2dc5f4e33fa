/**
 * Catalog text and form input are only ever text: an XSS corpus through every catalog field the widgets
 * render and through the form's inputs renders literally, creates no elements or handlers, runs nothing,
 * and `javascript:` (or any non-http) URLs never become links.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedWorkshop } from '@mentorkit/core/browser';
import './define/all.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { XSS_FLAG, XSS_PAYLOADS } from '../test/xss-payloads.js';
import { $, $$, captureWarnings, json, mount, stubFetch, text } from '../test/helpers.js';

const flag = () => (window as unknown as Record<string, unknown>)[XSS_FLAG];
const norm = (s: string) => s.replace(/[\u202f\u00a0\u2009]/g, ' ').replace(/\s+/g, ' ').trim();

/** Elements the widgets are allowed to create; anything else came from a payload. */
const ALLOWED = new Set([
  'style', 'div', 'p', 'span', 'ul', 'ol', 'li', 'a', 'button', 'form', 'label', 'input', 'select', 'option', 'textarea',
  'fieldset', 'legend', 'details', 'summary', 'h2', 'h3', 'strong', 'em', 'dl', 'dt', 'dd', 'section', 'header', 'footer',
  'article', 'nav', 'svg', 'path', 'circle', 'rect', 'line', 'polyline', 'g', 'title', 'time', 'br', 'small', 'figure', 'figcaption', 'cite', 'abbr',
]);

function assertInert(host: Element): void {
  const root = host.shadowRoot!;
  for (const el of root.querySelectorAll('*')) {
    expect(ALLOWED.has(el.localName), `unexpected <${el.localName}>`).toBe(true);
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `event handler attribute ${attr.name} on <${el.localName}>`).toBe(false);
    }
    const href = el.getAttribute('href');
    if (href !== null) expect(href, `link ${href}`).toMatch(/^(https?:|mailto:|#)/i);
  }
}

beforeAll(() => {
  Reflect.deleteProperty(window, XSS_FLAG);
});
afterEach(() => document.body.replaceChildren());
afterAll(() => expect(flag()).toBeUndefined());

function hostile(base: FeedWorkshop, payload: string, i: number): FeedWorkshop {
  const w = structuredClone(base);
  w.id = `w${i}`;
  w.title = `T ${payload}`;
  w.summary = `S ${payload}`;
  w.audiences = [{ id: 'a', name: `A ${payload}` }];
  w.objectives = [{ statement: `O ${payload}` }];
  w.objectivesIntro = `I ${payload}`;
  w.presenters = [{ role: payload, name: `P ${payload}`, title: `PT ${payload}`, affiliation: `PA ${payload}` }];
  w.programs = [{ id: 'p', title: `PR ${payload}` }];
  w.themes = [{ id: 't', title: `TH ${payload}`, curriculum: 'c' }];
  w.formats = [{ durationMinutes: 60, label: `F ${payload}` }];
  const o = w.occurrences[0]!;
  o.id = `o${i}`;
  o.title = `OT ${payload}`;
  o.topic = `OP ${payload}`;
  o.statusNote = `SN ${payload}`;
  // Not 'scheduled', so the status note is shown too.
  o.status = 'rescheduled';
  o.location = { kind: 'hybrid', venue: `V ${payload}`, room: `R ${payload}`, platform: `PL ${payload}`, instructions: `IN ${payload}` };
  return w;
}

describe('XSS corpus', () => {
  it(`has at least 50 payloads (${XSS_PAYLOADS.length})`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it('renders every payload in every <mk-workshop-list> field as text', async () => {
    const feed = sampleFeed();
    const base = feed.workshops.find((w) => w.id === 'new-semester')!;
    const request = feed.workshops.find((w) => w.id === 'lab-workshop')!;
    feed.workshops = XSS_PAYLOADS.flatMap((p, i) => {
      const r = structuredClone(request);
      r.id = `r${i}`;
      r.title = `RT ${p}`;
      r.request = { method: 'email', email: p, whoText: `W ${p}`, instructions: `RI ${p}`, leadTime: `L ${p}` };
      return [hostile(base, p, i), r];
    });
    const el = await mount(() => {
      const e = document.createElement('mk-workshop-list');
      e.now = SAMPLE_NOW;
      e.viewerTimeZone = 'UTC';
      e.catalog = feed;
      e.setAttribute('search', '');
      return e;
    });
    // Open every calendar menu so its links are generated too.
    for (const d of $$<HTMLDetailsElement>(el, 'details')) d.open = true;
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const shown = norm(el.shadowRoot!.textContent ?? '');
    for (const p of XSS_PAYLOADS) {
      for (const prefix of ['T', 'S', 'A', 'O', 'I', 'P', 'PT', 'PA', 'PR', 'OT', 'OP', 'SN', 'V', 'R', 'PL', 'IN', 'RT', 'W', 'RI', 'L']) {
        expect(shown, `${prefix} ${p}`).toContain(norm(`${prefix} ${p}`));
      }
    }
    // A payload as a request e-mail is never a mailto: link.
    expect($$(el, '[part="request"] a')).toHaveLength(0);
    assertInert(el);
    await new Promise((r) => setTimeout(r, 100));
    expect(flag()).toBeUndefined();
  });

  it('rejects non-http URLs at the feed boundary instead of linking them', async () => {
    const urlPayloads = XSS_PAYLOADS.filter((p) => /script:|data:/i.test(p));
    expect(urlPayloads.length).toBeGreaterThan(5);
    const warnings = captureWarnings();
    for (const p of urlPayloads) {
      for (const set of [
        (w: FeedWorkshop) => (w.url = p),
        (w: FeedWorkshop) => (w.presenters = [{ role: 'speaker', name: 'n', url: p }]),
        (w: FeedWorkshop) => (w.occurrences[0]!.recording = { url: p, access: { level: 'public' } }),
        (w: FeedWorkshop) => (w.occurrences[0]!.location = { kind: 'online', url: p }),
      ]) {
        const feed = sampleFeed();
        set(feed.workshops[0]!);
        const el = await mount(() => {
          const e = document.createElement('mk-workshop-list');
          e.now = SAMPLE_NOW;
          e.catalog = feed;
          return e;
        });
        expect(text($(el, '[part="error"]'))).toContain('could not be read');
        expect(warnings.pop()).toContain('workshops[0].');
        assertInert(el);
        el.remove();
      }
    }
  });

  it('rsvp-href never becomes a javascript: link', async () => {
    for (const p of XSS_PAYLOADS.filter((x) => /script:|data:/i.test(x))) {
      const el = await mount(() => {
        const e = document.createElement('mk-workshop-list');
        e.now = SAMPLE_NOW;
        e.catalog = sampleFeed();
        e.rsvpHref = p;
        return e;
      });
      assertInert(el);
      el.remove();
    }
  });

  it('renders payloads in <mk-rsvp-form> policy text, questions, typed input and server messages as text', async () => {
    const stub = stubFetch(() => json({}, 404));
    try {
      for (const [i, p] of XSS_PAYLOADS.entries()) {
        const feed = sampleFeed();
        const w = feed.workshops.find((x) => x.id === 'mentoring-up-expectations')!;
        w.title = `T ${p}`;
        w.rsvp!.eligibilityText = `E ${p}`;
        w.rsvp!.tiers[0]!.label = `TL ${p}`;
        w.rsvp!.questions = [
          { id: 'q1', type: 'select', label: `QL ${p}`, required: true, options: [`QO ${p}`] },
          { id: 'q2', type: 'text', label: `QT ${p}`, help: `QH ${p}`, required: false },
          { id: 'q3', type: 'multi-select', label: `QM ${p}`, required: false, options: [`MO ${p}`] },
          { id: 'q4', type: 'checkbox', label: `QC ${p}`, required: true },
        ];
        feed.vocabularies.roles.push({ id: 'x', label: `RL ${p}` });
        const el = await mount(() => {
          const e = document.createElement('mk-rsvp-form');
          e.catalog = feed;
          e.workshopId = w.id;
          e.now = new Date('2026-01-21T00:00:00Z');
          e.endpoint = '/rsvp';
          return e;
        });
        const role = $<HTMLSelectElement>(el, '#f-role');
        role.value = 'x';
        role.dispatchEvent(new Event('change'));
        for (const id of ['f-name', 'f-institution', 'f-q_q2']) {
          const input = $<HTMLInputElement>(el, `#${id}`);
          input.value = p;
          input.dispatchEvent(new Event('input'));
        }
        await el.updateComplete;
        $(el, '[part="submit"]').click();
        await el.updateComplete;
        const shown = norm(el.shadowRoot!.textContent ?? '');
        for (const prefix of ['T', 'E', 'QL', 'QO', 'QT', 'QH', 'QM', 'MO', 'QC']) expect(shown, `${prefix} ${p} (#${i})`).toContain(norm(`${prefix} ${p}`));
        // Single-line inputs drop line breaks; everything else is kept as typed.
        expect($<HTMLInputElement>(el, '#f-name').value).toBe(p.replace(/[\n\r]/g, ''));
        assertInert(el);
        el.setResult({ status: 'declined', reason: { code: 'x', message: `M ${p}` } });
        await el.updateComplete;
        expect(norm(text($(el, '[part="result"]')))).toContain(norm(`M ${p}`));
        assertInert(el);
        el.remove();
      }
    } finally {
      stub.restore();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(flag()).toBeUndefined();
  });
});
