/**
 * The catalog is the source of truth for what exists. The store reads the catalog files with core's
 * `parseCatalog`, builds each one's feed (the widgets' data, with occurrences and RSVP windows as instants),
 * and indexes occurrences for the RSVP service. A reload that fails keeps the last good catalogs and keeps
 * the errors for the health check; a reload that succeeds tells its listeners, which reconcile the database.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  buildFeed,
  effectivePolicy,
  parseCatalog,
  type Catalog,
  type Feed,
  type FeedOccurrence,
  type FeedWorkshop,
  type RsvpPolicy,
} from '@mentorkit/core';
import type { Clock } from '../clock.js';

export interface LoadedCatalog {
  file: string;
  catalog: Catalog;
  feed: Feed;
  /** The feed as served, and its strong ETag. */
  feedJson: string;
  etag: string;
}

export interface WorkshopEntry {
  catalogId: string;
  workshop: FeedWorkshop;
  /** The full policy (the feed carries a plainer copy); undefined when the workshop takes no RSVPs. */
  policy: RsvpPolicy | undefined;
  occurrences: Map<string, FeedOccurrence>;
  /** The program's name and contact, for messages. */
  programTitle: string;
}

export interface CatalogProblem {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  path: string;
  message: string;
}

export interface CatalogSnapshot {
  catalogs: LoadedCatalog[];
  workshops: Map<string, WorkshopEntry>;
  loadedAt: Date;
}

export interface CatalogStoreOptions {
  files: readonly string[];
  clock: Clock;
  /** How far back and ahead of the clock occurrences are expanded (days; default 730 each way). */
  pastDays?: number | undefined;
  futureDays?: number | undefined;
}

export class CatalogLoadError extends Error {
  override readonly name = 'CatalogLoadError';
  constructor(readonly problems: CatalogProblem[]) {
    super(problems.map((p) => `${p.file}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ''} ${p.path}: ${p.message}`).join('\n'));
  }
}

type Listener = (next: CatalogSnapshot, previous: CatalogSnapshot | undefined) => void | Promise<void>;

export class CatalogStore {
  #current: CatalogSnapshot | undefined;
  #problems: CatalogProblem[] = [];
  #lastAttempt: Date | undefined;
  readonly #listeners = new Set<Listener>();
  readonly #options: CatalogStoreOptions;

  constructor(options: CatalogStoreOptions) {
    if (options.files.length === 0) throw new RangeError('give at least one catalog file');
    this.#options = options;
  }

  /** The last good catalogs; throws before the first successful load. */
  get current(): CatalogSnapshot {
    if (this.#current === undefined) throw new CatalogLoadError(this.#problems);
    return this.#current;
  }

  get loaded(): boolean {
    return this.#current !== undefined;
  }

  /** Errors of the last attempt (empty when it succeeded). */
  get problems(): readonly CatalogProblem[] {
    return this.#problems;
  }

  get lastAttempt(): Date | undefined {
    return this.#lastAttempt;
  }

  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Reads and parses every file. On success the new snapshot replaces the old and listeners run (awaited,
   * in order); on failure the old snapshot stays and the errors are kept and thrown.
   */
  async reload(): Promise<CatalogSnapshot> {
    const now = this.#options.clock();
    this.#lastAttempt = now;
    const problems: CatalogProblem[] = [];
    const catalogs: LoadedCatalog[] = [];
    for (const file of this.#options.files) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        problems.push({ file, path: '(file)', message: `cannot read the file: ${(error as Error).message}` });
        continue;
      }
      const parsed = parseCatalog(text);
      if (!parsed.ok) {
        for (const e of parsed.errors) problems.push({ file, line: e.line, column: e.column, path: e.pathText, message: e.message });
        continue;
      }
      try {
        const day = 86_400_000;
        const feed = buildFeed(parsed.catalog, {
          now,
          from: new Date(now.getTime() - (this.#options.pastDays ?? 730) * day),
          to: new Date(now.getTime() + (this.#options.futureDays ?? 730) * day),
        });
        // The feed's generatedAt changes on every build; the ETag names the content people see.
        const feedJson = JSON.stringify(feed);
        const etag = `"${createHash('sha256').update(JSON.stringify({ ...feed, generatedAt: undefined })).digest('base64url').slice(0, 27)}"`;
        catalogs.push({ file, catalog: parsed.catalog, feed, feedJson, etag });
      } catch (error) {
        problems.push({ file, path: '(root)', message: (error as Error).message });
      }
    }
    const workshops = new Map<string, WorkshopEntry>();
    for (const loaded of catalogs) {
      for (const workshop of loaded.feed.workshops) {
        const other = workshops.get(workshop.id);
        if (other !== undefined) {
          problems.push({ file: loaded.file, path: `workshops (${workshop.id})`, message: `workshop id ${JSON.stringify(workshop.id)} is also used by catalog ${JSON.stringify(other.catalogId)}: ids must be unique across the catalogs one server runs` });
          continue;
        }
        const source = loaded.catalog.workshops.find((w) => w.id === workshop.id)!;
        workshops.set(workshop.id, {
          catalogId: loaded.catalog.id,
          workshop,
          policy: effectivePolicy(loaded.catalog, source),
          occurrences: new Map(workshop.occurrences.map((o) => [o.id, o])),
          programTitle: workshop.programs[0]?.title ?? loaded.catalog.title,
        });
      }
    }
    const ids = new Map<string, string>();
    for (const loaded of catalogs) {
      const seen = ids.get(loaded.catalog.id);
      if (seen !== undefined) problems.push({ file: loaded.file, path: 'id', message: `catalog id ${JSON.stringify(loaded.catalog.id)} is also the id of ${basename(seen)}` });
      ids.set(loaded.catalog.id, loaded.file);
    }
    this.#problems = problems;
    if (problems.length > 0) throw new CatalogLoadError(problems);
    const previous = this.#current;
    const next: CatalogSnapshot = { catalogs, workshops, loadedAt: now };
    this.#current = next;
    for (const listener of this.#listeners) await listener(next, previous);
    return next;
  }

  /** A catalog by id, or the first (the one `/feed.json` serves). */
  catalog(id?: string): LoadedCatalog | undefined {
    const catalogs = this.current.catalogs;
    return id === undefined ? catalogs[0] : catalogs.find((c) => c.catalog.id === id);
  }
}
