import type { Feed } from '@mentorkit/core/browser';

/** A deterministic feed of `n` workshops for benchmarks and scale tests (see large-feed.mjs). */
export declare function largeFeed(n: number, now: Date): Feed;
