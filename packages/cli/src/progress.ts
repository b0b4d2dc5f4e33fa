import type { CliStream } from './io.js';

/**
 * One status line on a terminal, rewritten in place (`\r` + erase line) and at most every `interval` ms so
 * that drawing never costs more than the work it reports. Draws nothing when disabled.
 */
export class Progress {
  #last = 0;
  #drawn = false;

  constructor(
    private readonly stream: CliStream,
    private readonly enabled: boolean,
    private readonly interval = 80,
  ) {}

  update(text: string, force = false): void {
    if (!this.enabled) return;
    const t = performance.now();
    if (!force && t - this.#last < this.interval) return;
    this.#last = t;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    this.stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    this.#drawn = true;
  }

  /** Erases the line so that what follows starts clean. */
  done(): void {
    if (this.#drawn) this.stream.write('\r\x1b[2K');
    this.#drawn = false;
  }
}
