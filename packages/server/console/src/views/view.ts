/** What every view shares: the console's styles, a busy flag, one error and one notice line. */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { baseStyles } from '@mentorkit/elements/tokens';
import { consoleStyles } from '../styles.js';

export class ConsoleView extends LitElement {
  static override styles = [baseStyles, consoleStyles];

  static override properties = {
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  declare error: string | undefined;
  declare notice: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = undefined;
    this.notice = '';
    this.busy = false;
  }

  /** Runs a call, showing its failure as the view's error; the value, or undefined when it failed. */
  protected async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.error = undefined;
    try {
      return await work();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** The error (an alert) and the notice (a polite live region, present from the start so it is announced). */
  protected messages(): TemplateResult {
    return html`${this.error === undefined ? nothing : html`<p role="alert">${this.error}</p>`}
      <p class="notice" role="status">${this.notice}</p>`;
  }
}
