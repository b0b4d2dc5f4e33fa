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
