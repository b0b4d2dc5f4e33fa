import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FEED_VERSION, parseFeed, type Feed, type FeedIssue } from '@mentorkit/core/browser';
import { msg } from './localize.js';

/** Where a widget's data comes from; the first present wins: `catalog`, then the lists, then `src`. */
export interface FeedSource {
  /** URL of a feed JSON document. */
  src?: string | null | undefined;
  /** A whole feed object (validated like a fetched one). */
  catalog?: unknown;
  /** Only some lists; the rest of the feed is empty. */
  workshops?: unknown;
  resources?: unknown;
  curricula?: unknown;
}

export type FeedError =
  | { kind: 'http'; status: number; statusText: string; url: string }
  | { kind: 'network'; url: string; detail: string }
  | { kind: 'json'; url: string; detail: string }
  | { kind: 'invalid'; issues: FeedIssue[] };

export type FeedState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; feed: Feed }
  | { status: 'empty'; feed: Feed }
  | { status: 'error'; error: FeedError };

export interface FeedControllerOptions {
  /** Read when the host connects and before every host update; a changed value (by identity) starts a new load. */
  source: () => FeedSource;
  /** When a valid feed counts as empty for this widget (default: no workshops, resources or curricula). */
  isEmpty?: (feed: Feed) => boolean;
}

const defaultIsEmpty = (feed: Feed) => feed.workshops.length === 0 && feed.resources.length === 0 && feed.curricula.length === 0;

/** A feed holding only the lists a page passed as properties; the placeholders are never displayed. */
function feedOf(lists: Pick<FeedSource, 'workshops' | 'resources' | 'curricula'>): unknown {
  return {
    version: FEED_VERSION,
    generatedAt: '1970-01-01T00:00:00Z',
    window: { from: '1970-01-01T00:00:00Z', to: '1970-01-01T00:00:00Z' },
    catalog: { id: 'inline', title: '', language: 'en', defaultTimeZone: 'UTC' },
    vocabularies: { roles: [], fields: [] },
    programs: [],
    audiences: [],
    workshops: lists.workshops ?? [],
    resources: lists.resources ?? [],
    curricula: lists.curricula ?? [],
  };
}

/**
 * Loads and validates a widget's feed: fetches `src` (aborting a superseded request) or takes objects
 * passed as properties, and validates both with `parseFeed` so that a component only ever renders a
 * well-formed `Feed`. The host re-renders on every state change.
 *
 * Loading starts when the host connects, not at its first update: a widget whose first update waits
 * for its translation (see `MkElement.scheduleUpdate`) fetches its feed meanwhile.
 */
export class FeedController implements ReactiveController {
  state: FeedState = { status: 'idle' };
  private last: FeedSource = {};
  /** Leaves the shared load this controller waits for (which stops it when nobody else waits). */
  private leave: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FeedControllerOptions,
  ) {
    host.addController(this);
  }

  /** The feed when ready or empty. */
  get feed(): Feed | undefined {
    return this.state.status === 'ready' || this.state.status === 'empty' ? this.state.feed : undefined;
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    if (!this.leave) return;
    this.leave();
    this.leave = undefined;
    // The request may have been cut short: connecting again must start it again.
    this.last = {};
  }

  /** Loads again from the current source (e.g. a retry button after a network error), past any shared load. */
  reload(): void {
    if (this.last.src) forgetLoad(this.last.src);
    this.last = {};
    this.host.requestUpdate();
  }

  /** Starts a load when the source differs (by identity) from the one last loaded. */
  private sync(): void {
    const next = this.options.source();
    const last = this.last;
    if (next.src === last.src && next.catalog === last.catalog && next.workshops === last.workshops && next.resources === last.resources && next.curricula === last.curricula) {
      return;
    }
    this.last = { ...next };
    this.load(next);
  }

  private load(source: FeedSource): void {
    this.leave?.();
    this.leave = undefined;
    if (source.catalog !== undefined && source.catalog !== null) {
      this.accept(source.catalog);
    } else if (source.workshops != null || source.resources != null || source.curricula != null) {
      this.accept(feedOf(source));
    } else if (source.src) {
      void this.fetch(source.src);
    } else {
      this.set({ status: 'idle' });
    }
  }

  private accept(data: unknown, parsed: ParsedFeed = parseFeed(data)): void {
    if (!parsed.ok) {
      this.set({ status: 'error', error: { kind: 'invalid', issues: parsed.errors } });
      return;
    }
    const isEmpty = this.options.isEmpty ?? defaultIsEmpty;
    this.set({ status: isEmpty(parsed.feed) ? 'empty' : 'ready', feed: parsed.feed });
  }

  private async fetch(src: string): Promise<void> {
    const { outcome, leave } = joinLoad(src);
    let left = false;
    this.leave = () => {
      left = true;
      leave();
    };
    // A feed another widget already has is shown in the same update, without a loading state.
    const settled = settledLoads.get(outcome);
    if (settled) {
      this.leave();
      this.leave = undefined;
      this.show(settled);
      return;
    }
    this.set({ status: 'loading' });
    const result = await outcome;
    // Superseded by another source or cut short by a disconnect: the state is no longer this request's.
    if (left) return;
    this.leave = undefined;
    this.show(result);
  }

  private show(result: LoadOutcome): void {
    if (result.ok) this.accept(undefined, result.parsed);
    else this.set({ status: 'error', error: result.error });
  }

  private set(state: FeedState): void {
    if (state.status === 'error') console.warn(`mentorkit: ${feedErrorDetail(state.error)}`);
    this.state = state;
    this.host.requestUpdate();
  }
}

type ParsedFeed = ReturnType<typeof parseFeed>;
type LoadOutcome = { ok: true; parsed: ParsedFeed } | { ok: false; error: FeedError };

interface SharedLoad {
  outcome: Promise<LoadOutcome>;
  abort: AbortController;
  waiting: number;
  settled: boolean;
}

/**
 * Loads shared by every widget of the page: one request and one check per feed URL, however many
 * widgets show it. The request is an ordinary GET, so the browser's HTTP cache decides whether it goes
 * to the network; a feed that loaded stays shared for the page's life, a failed load is forgotten (so
 * "Try again" asks again), and a load nobody waits for any more is aborted. Kept per `fetch` function,
 * so a page (or a test) that replaces `fetch` gets loads of its own.
 */
const sharedLoads = new WeakMap<typeof fetch, Map<string, SharedLoad>>();
/** Outcomes already known, so that a widget arriving late renders the feed at once. */
const settledLoads = new WeakMap<Promise<LoadOutcome>, LoadOutcome>();

function loadsOfThisFetch(): Map<string, SharedLoad> {
  let loads = sharedLoads.get(globalThis.fetch);
  if (!loads) sharedLoads.set(globalThis.fetch, (loads = new Map<string, SharedLoad>()));
  return loads;
}

function absolute(src: string): string {
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    return src;
  }
}

function forgetLoad(src: string): void {
  loadsOfThisFetch().delete(absolute(src));
}

function joinLoad(src: string): { outcome: Promise<LoadOutcome>; leave: () => void } {
  const loads = loadsOfThisFetch();
  const key = absolute(src);
  let load = loads.get(key);
  if (!load) {
    const abort = new AbortController();
    const entry: SharedLoad = {
      abort,
      waiting: 0,
      settled: false,
      outcome: download(src, abort.signal).then((result): LoadOutcome => {
        const outcome: LoadOutcome = result.ok ? { ok: true, parsed: parseFeed(result.data) } : result;
        entry.settled = true;
        settledLoads.set(entry.outcome, outcome);
        if (!outcome.ok && loads.get(key) === entry) loads.delete(key);
        return outcome;
      }),
    };
    load = entry;
    loads.set(key, load);
  }
  const joined = load;
  joined.waiting += 1;
  let gone = false;
  return {
    outcome: joined.outcome,
    leave: () => {
      if (gone) return;
      gone = true;
      joined.waiting -= 1;
      if (joined.waiting === 0 && !joined.settled) {
        joined.abort.abort();
        if (loads.get(key) === joined) loads.delete(key);
      }
    },
  };
}

/** Fetches and parses a JSON document; failures come back as a `FeedError`, never thrown. */
async function download(url: string, signal: AbortSignal): Promise<{ ok: true; data: unknown } | { ok: false; error: FeedError }> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (error) {
    return { ok: false, error: { kind: 'network', url, detail: String((error as Error)?.message ?? error) } };
  }
  if (!response.ok) return { ok: false, error: { kind: 'http', status: response.status, statusText: response.statusText, url } };
  try {
    return { ok: true, data: JSON.parse(await response.text()) };
  } catch (error) {
    return { ok: false, error: { kind: 'json', url, detail: String((error as Error)?.message ?? error) } };
  }
}

/**
 * A sentence for readers saying what went wrong, in plain words (call while rendering, so it is
 * localised). What a web team needs — the URL, the HTTP status, the failing path — goes to the console
 * (`feedErrorDetail`), not to the page.
 */
export function describeFeedError(error: FeedError): string {
  if (error.kind === 'http' && (error.status === 404 || error.status === 410)) {
    return msg('The information for this part of the page was not found.', { id: 'feed-error-missing' });
  }
  if (error.kind === 'network') {
    return msg('The information for this part of the page could not be loaded. Check your connection and try again.', { id: 'feed-error-network' });
  }
  return msg('The information for this part of the page could not be read. Please try again later.', { id: 'feed-error-unreadable' });
}

/** The technical account of a feed error, for the console. */
export function feedErrorDetail(error: FeedError): string {
  switch (error.kind) {
    case 'http':
      return `the feed ${error.url} answered HTTP ${error.status}${error.statusText ? ` ${error.statusText}` : ''}`;
    case 'network':
      return `the feed ${error.url} could not be fetched (${error.detail}); for another origin, check its CORS headers and the page's connect-src`;
    case 'json':
      return `the feed ${error.url} is not valid JSON: ${error.detail}`;
    case 'invalid': {
      const more = error.issues.length - 1;
      const first = error.issues[0];
      return `the feed does not match the expected format${first ? ` at ${first.path}: ${first.message}` : ''}${more > 0 ? ` (and ${more} more problems)` : ''}`;
    }
  }
}
