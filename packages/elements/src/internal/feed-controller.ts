import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FEED_VERSION, FeedCurriculumSchema, FeedResourceSchema, FeedSchema, FeedWorkshopSchema, type Feed, type FeedIssue } from '@mentorkit/core/browser';
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
 * passed as properties, and validates both as `parseFeed` does (`checkFeed`: a long feed in slices that
 * yield to the page) so that a component only ever renders a well-formed `Feed`. The host re-renders on
 * every state change.
 *
 * Loading starts when the host connects, not at its first update: a widget whose first update waits
 * for its translation (see `MkElement.scheduleUpdate`) fetches its feed meanwhile.
 */
export class FeedController implements ReactiveController {
  state: FeedState = { status: 'idle' };
  /**
   * While a feed passed as a property is being checked in slices (a long one): settles when the state
   * is set. A host's `updateComplete` may wait for it.
   */
  pending: Promise<void> | undefined;
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
    this.pending = undefined;
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

  private accept(data: unknown): void {
    const checked = checkFeed(data);
    if (!(checked instanceof Promise)) {
      this.settle(checked);
      return;
    }
    // A long feed is checked in slices: the widget shows its loading state (or the page's fallback) meanwhile.
    this.set({ status: 'loading' });
    const pending: Promise<void> = checked.then((parsed) => {
      if (this.pending !== pending) return;
      this.pending = undefined;
      this.settle(parsed);
    });
    this.pending = pending;
  }

  private settle(parsed: ParsedFeed): void {
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
    if (result.ok) this.settle(result.parsed);
    else this.set({ status: 'error', error: result.error });
  }

  private set(state: FeedState): void {
    if (state.status === 'error') console.warn(`mentorkit: ${feedErrorDetail(state.error)}`);
    this.state = state;
    this.host.requestUpdate();
  }
}

type ParsedFeed = { ok: true; feed: Feed } | { ok: false; errors: FeedIssue[] };
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
      outcome: download(src, abort.signal).then(async (result): Promise<LoadOutcome> => {
        const outcome: LoadOutcome = result.ok ? { ok: true, parsed: await checkFeed(result.data) } : result;
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

/** Gives the page a turn: `scheduler.yield()` where there is one, else a new task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Time (ms) work may take before it yields to the page: well under the 50 ms of a long task. */
export const SLICE_BUDGET_MS = 10;

/**
 * Runs `steps` (a generator that yields between units of work) to its end: at once when it takes less
 * than `SLICE_BUDGET_MS`, so short work stays synchronous; otherwise in slices of about that long with
 * the page's turns in between, and the result comes as a promise.
 */
export function inSlices<T>(steps: Generator<void, T>): T | Promise<T> {
  const start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start > SLICE_BUDGET_MS) return restInSlices(steps);
  }
}

async function restInSlices<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    await yieldToPage();
    const start = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - start > SLICE_BUDGET_MS) break;
    }
  }
}

/** The feed's lists, which can be long: checked item by item. In `FeedSchema`'s order, so issues come in the same order. */
const LISTS = [
  ['workshops', FeedWorkshopSchema],
  ['resources', FeedResourceSchema],
  ['curricula', FeedCurriculumSchema],
] as const;
/** As `parseFeed`: the first 20 problems are reported. */
const MAX_ISSUES = 20;

/** What a schema of core's feed checker records its walk in (`path[0..depth)` locates the value). */
interface Walk {
  path: (string | number)[];
  issues: FeedIssue[];
}
type Check = (value: unknown, walk: Walk, depth: number) => void;

/**
 * Validates feed JSON as `parseFeed` does, with the same issues and paths (`workshops[412].title`), but
 * in slices that yield to the page: first everything but the long lists, then each list item by item
 * with its own schema. A short feed is checked at once (see `inSlices`).
 */
export function checkFeed(data: unknown): ParsedFeed | Promise<ParsedFeed> {
  return inSlices(checkSteps(data));
}

function* checkSteps(data: unknown): Generator<void, ParsedFeed> {
  const walk: Walk = { path: [], issues: [] };
  const record = data as Record<string, unknown> | null;
  const isRecord = typeof data === 'object' && data !== null && !Array.isArray(data);
  const lists = isRecord ? LISTS.filter(([key]) => Array.isArray(record![key])) : [];
  try {
    // The feed without its long lists (empty ones pass), then the lists' items.
    const envelope = isRecord ? { ...record } : data;
    for (const [key] of lists) (envelope as Record<string, unknown>)[key] = [];
    (FeedSchema as unknown as Check)(envelope, walk, 0);
    yield;
    for (const [key, schema] of lists) {
      const items = record![key] as unknown[];
      walk.path[0] = key;
      for (let i = 0; i < items.length; i++) {
        walk.path[1] = i;
        (schema as unknown as Check)(items[i], walk, 2);
        if (walk.issues.length >= MAX_ISSUES) return failed(walk);
        yield;
      }
    }
  } catch (error) {
    // Core's checker ends a walk with 20 issues by throwing the walk.
    if (error !== walk) throw error;
  }
  return walk.issues.length ? failed(walk) : { ok: true, feed: data as Feed };
}

function failed(walk: Walk): ParsedFeed {
  return { ok: false, errors: walk.issues.slice(0, MAX_ISSUES) };
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
