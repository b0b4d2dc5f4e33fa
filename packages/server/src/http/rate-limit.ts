/**
 * A per-address limit on requests that write (RSVPs, cancellations): a fixed window per client address,
 * kept in memory, so each instance counts its own share. Behind a proxy, set `trustProxy` so the address
 * is read from X-Forwarded-For's first entry.
 */
export interface RateLimitOptions {
  /** Requests allowed per window (default 20). */
  max?: number | undefined;
  /** Window length in ms (default 60,000). */
  windowMs?: number | undefined;
}

export class RateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #hits = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimitOptions = {}) {
    this.#max = options.max ?? 20;
    this.#windowMs = options.windowMs ?? 60_000;
  }

  /** Counts one request; returns the seconds to wait when over the limit, else undefined. */
  hit(key: string, now = Date.now()): number | undefined {
    let entry = this.#hits.get(key);
    if (entry === undefined || now - entry.start >= this.#windowMs) {
      if (this.#hits.size > 50_000) this.#sweep(now);
      entry = { start: now, count: 0 };
      this.#hits.set(key, entry);
    }
    entry.count++;
    if (entry.count <= this.#max) return undefined;
    return Math.max(1, Math.ceil((entry.start + this.#windowMs - now) / 1000));
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#hits) if (now - entry.start >= this.#windowMs) this.#hits.delete(key);
  }
}
