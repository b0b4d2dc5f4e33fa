/** A widget's own fallback content (the no-JS HTML `mentorkit build` writes) stays in place until the widget can show data. */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import './define/all.js';
import { SAMPLE_NOW, sampleFeed } from '../test/sample-feed.js';
import { captureWarnings, json, stubFetch, waitFor } from '../test/helpers.js';

afterEach(() => document.body.replaceChildren());

function pendingFeed() {
  let answer: (r: Response) => void = () => {};
  const stub = stubFetch(() => new Promise<Response>((r) => (answer = r)));
  onTestFinished(() => {
    stub.restore();
  });
  return { answer: (r: Response) => answer(r) };
}

const visible = (el: Element | null) => Boolean(el?.checkVisibility());

describe('fallback content inside the tag', () => {
  for (const tag of ['mk-workshop-list', 'mk-resource-list', 'mk-curriculum', 'mk-rsvp-form'] as const) {
    it(`<${tag}> shows it, at its size, until the feed is there, then replaces it in place`, async () => {
      const feed = pendingFeed();
      document.body.innerHTML = `<${tag} src="/feed.json" workshop-id="new-semester" now="${SAMPLE_NOW.toISOString()}"><ul id="fb"><li>Published list</li><li>Second</li></ul></${tag}><p id="below">Below</p>`;
      const el = document.querySelector(tag)!;
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const fallback = document.getElementById('fb')!;
      expect(visible(fallback)).toBe(true);
      expect(el.shadowRoot!.querySelector('[part="fallback"] slot')).not.toBeNull();
      expect(el.shadowRoot!.querySelector('[part="loading"]')).toBeNull();
      const below = document.getElementById('below')!.getBoundingClientRect().top;
      expect(below).toBeGreaterThanOrEqual(fallback.getBoundingClientRect().bottom);
      feed.answer(json(sampleFeed()));
      await waitFor(() => !el.shadowRoot!.querySelector('[part="fallback"]'));
      expect(visible(fallback)).toBe(false);
    });
  }

  it('stays when the feed cannot be loaded (the console says why)', async () => {
    const warnings = captureWarnings();
    const feed = pendingFeed();
    document.body.innerHTML = `<mk-workshop-list src="/feed.json"><p id="fb">Published list</p></mk-workshop-list>`;
    const el = document.querySelector('mk-workshop-list')!;
    await el.updateComplete;
    feed.answer(new Response('no', { status: 503 }));
    await waitFor(() => warnings.length > 0);
    await el.updateComplete;
    expect(visible(document.getElementById('fb'))).toBe(true);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
  });

  it('a JSON-LD block alone is not fallback content: the loading state shows', async () => {
    pendingFeed();
    document.body.innerHTML = `<mk-workshop-list src="/feed.json"><script type="application/ld+json">{}</script></mk-workshop-list>`;
    const el = document.querySelector('mk-workshop-list')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="loading"]')).not.toBeNull();
  });
});
