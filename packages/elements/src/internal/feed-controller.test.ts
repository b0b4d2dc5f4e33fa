import { afterEach, describe, expect, it } from 'vitest';
import { html } from 'lit';
import { MkElement } from './mk-element.js';
import { FeedController } from './feed-controller.js';
import { hasMessages, holdMessagesUntil, msg } from './localize.js';
import { json, stubFetch, waitFor } from '../../test/helpers.js';
import { sampleFeed } from '../../test/sample-feed.js';

/** A widget reduced to its data: renders the feed's state and one translated message. */
class MkFeedProbe extends MkElement {
  static override properties = { src: {}, note: {} };
  declare src: string | undefined;
  /** Not a source: changing it re-renders without reloading. */
  declare note: string | undefined;
  readonly data = new FeedController(this, { source: () => ({ src: this.src }) });
  /** What each render showed, in order. */
  rendered: string[] = [];

  override render() {
    const line = `${this.data.state.status}: ${msg('Try again', { id: 'try-again' })}`;
    this.rendered.push(line);
    return html`<p>${line}</p>`;
  }
}
customElements.define('mk-feed-probe', MkFeedProbe);

declare global {
  interface HTMLElementTagNameMap {
    'mk-feed-probe': MkFeedProbe;
  }
}

function probe(src: string, lang?: string): MkFeedProbe {
  const el = document.createElement('mk-feed-probe');
  el.src = src;
  if (lang) el.lang = lang;
  return el;
}

/** A promise and the function that settles it. */
function gate() {
  let open: () => void = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

let fetchStub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => {
  fetchStub?.restore();
  fetchStub = undefined;
  document.body.replaceChildren();
});

describe('FeedController', () => {
  // First in the file: the Spanish catalogue is module state, loaded at most once per page.
  it('fetches a Spanish widget’s feed while its translation is still loading, and renders neither before both', async () => {
    const translation = gate();
    const release = holdMessagesUntil('es', translation.promise);
    try {
      fetchStub = stubFetch(() => json(sampleFeed()));
      const el = probe('/feeds/sample.json', 'es');
      document.body.append(el);
      // Asked for on connecting, not after the first update (which waits for the catalogue).
      expect(fetchStub.calls.map((c) => c.url)).toEqual(['/feeds/sample.json']);
      await waitFor(() => el.data.state.status === 'ready');
      expect(hasMessages('es')).toBe(false);
      expect(el.rendered).toEqual([]);
      translation.open();
      await el.updateComplete;
      expect(el.rendered).toEqual(['ready: Reintentar']);
      expect(fetchStub.calls).toHaveLength(1);
    } finally {
      release();
    }
  });

  it('does not fetch the same source again when the host updates, but does on reload()', async () => {
    fetchStub = stubFetch(() => json(sampleFeed()));
    const el = probe('/feeds/sample.json');
    document.body.append(el);
    await waitFor(() => el.data.state.status === 'ready');
    el.note = 'changed';
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(fetchStub.calls).toHaveLength(1);
    el.data.reload();
    await el.updateComplete;
    expect(fetchStub.calls).toHaveLength(2);
    await waitFor(() => el.data.state.status === 'ready');
  });

  it('aborts a request superseded by a new src and keeps only the newer feed', async () => {
    const first = gate();
    fetchStub = stubFetch(async (url) => {
      if (url === '/feeds/old.json') await first.promise;
      return json(url === '/feeds/old.json' ? sampleFeed() : { ...sampleFeed(), workshops: [], resources: [], curricula: [] });
    });
    const el = probe('/feeds/old.json');
    document.body.append(el);
    el.src = '/feeds/new.json';
    await waitFor(() => el.data.state.status === 'empty');
    expect(fetchStub.calls.map((c) => [c.url, c.init?.signal?.aborted])).toEqual([
      ['/feeds/old.json', true],
      ['/feeds/new.json', false],
    ]);
    first.open();
    await new Promise((r) => setTimeout(r, 20));
    expect(el.data.state.status).toBe('empty');
  });

  it('starts a request cut short by a disconnect again on reconnecting, and keeps a loaded feed', async () => {
    const response = gate();
    fetchStub = stubFetch(async () => {
      await response.promise;
      return json(sampleFeed());
    });
    const el = probe('/feeds/sample.json');
    document.body.append(el);
    el.remove();
    expect(fetchStub.calls[0]?.init?.signal?.aborted).toBe(true);
    document.body.append(el);
    expect(fetchStub.calls).toHaveLength(2);
    response.open();
    await waitFor(() => el.data.state.status === 'ready');
    el.remove();
    document.body.append(el);
    await el.updateComplete;
    expect(fetchStub.calls).toHaveLength(2);
    expect(el.data.state.status).toBe('ready');
  });
});

describe('FeedController: one load per feed on a page', () => {
  it('three widgets of one feed make one request; a widget added later makes none and shows it at once', async () => {
    let answer: (r: Response) => void = () => {};
    fetchStub = stubFetch(() => new Promise<Response>((r) => (answer = r)));
    const widgets = ['/mentoring/feed.json', '/mentoring/feed.json', `${location.origin}/mentoring/feed.json`].map((src) => probe(src));
    document.body.append(...widgets);
    await Promise.all(widgets.map((w) => w.updateComplete));
    expect(widgets.map((w) => w.data.state.status)).toEqual(['loading', 'loading', 'loading']);
    answer(json(sampleFeed()));
    await waitFor(() => widgets.every((w) => w.data.state.status === 'ready'));
    expect(fetchStub.calls).toHaveLength(1);
    // Requests go through the browser's HTTP cache as usual: no cache mode is forced.
    expect(fetchStub.calls[0]!.init?.cache).toBeUndefined();
    // One check of the feed, shared: every widget holds the same parsed object.
    expect(new Set(widgets.map((w) => w.data.feed)).size).toBe(1);

    const late = probe('/mentoring/feed.json');
    document.body.append(late);
    await late.updateComplete;
    expect(late.rendered[0]).toMatch(/^ready/);
    expect(fetchStub.calls).toHaveLength(1);
  });

  it('forgets a failed load, so trying again asks again; reload asks again even after success', async () => {
    let fail = true;
    fetchStub = stubFetch(() => (fail ? new Response('no', { status: 503 }) : json(sampleFeed())));
    const a = probe('/feed-503.json');
    document.body.append(a);
    await waitFor(() => a.data.state.status === 'error');
    fail = false;
    const b = probe('/feed-503.json');
    document.body.append(b);
    await waitFor(() => b.data.state.status === 'ready');
    expect(fetchStub.calls).toHaveLength(2);
    a.data.reload();
    await waitFor(() => a.data.state.status === 'ready');
    expect(fetchStub.calls).toHaveLength(3);
  });

  it('aborts a shared request only when no widget waits for it any more', async () => {
    const signals: AbortSignal[] = [];
    fetchStub = stubFetch((_url, init) => {
      signals.push(init!.signal!);
      return new Promise<Response>(() => {});
    });
    const a = probe('/slow.json');
    const b = probe('/slow.json');
    document.body.append(a, b);
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(signals).toHaveLength(1);
    a.remove();
    expect(signals[0]!.aborted).toBe(false);
    b.src = '/other.json';
    await b.updateComplete;
    expect(signals[0]!.aborted).toBe(true);
  });
});
