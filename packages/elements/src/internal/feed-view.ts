/**
 * What the views of a feed (workshop list, resource list, curriculum) render alike: counts in the
 * visitor's locale and the loading, empty and error states, whose styles are in feed-view.styles.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from './localize.js';
import { once } from './memo.js';

/** A count in the locale ("1,234"). */
export function formatCount(n: number, locale: string): string {
  return once(`count|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** Whether `n` takes the singular form in the locale. */
export function isOne(n: number, locale: string): boolean {
  return once(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(n) === 'one';
}

/** While the feed loads: a status line over a skeleton shaped by the component's styles. */
export function loadingState(text: string): TemplateResult {
  return html`<div part="loading" aria-busy="true">
    <p class="count" role="status">${text}</p>
    <div class="skeleton" aria-hidden="true"><div></div><div></div><div></div></div>
  </div>`;
}

/**
 * Whether the page put content of its own inside the widget's tag (the no-JS fallback `mentorkit build`
 * writes, or server-rendered HTML): text or elements other than scripts (a JSON-LD block alone is not
 * content).
 */
export function hasFallback(host: Element): boolean {
  for (const node of host.childNodes) {
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
    if (node.nodeType === Node.ELEMENT_NODE && !['script', 'template', 'style'].includes((node as Element).localName)) return true;
  }
  return false;
}

/**
 * While the feed loads (or when it cannot be loaded): the page's own content stays where it is, shown
 * through a slot, so nothing jumps; without any, the loading state.
 */
export function fallbackOr(host: Element, otherwise: () => TemplateResult): TemplateResult {
  return hasFallback(host) ? html`<div part="fallback" aria-busy="true"><slot></slot></div>` : otherwise();
}

/** A feed with nothing to show. */
export function emptyState(title: string, text: string): TemplateResult {
  return html`<div class="state" part="empty">
    <p class="state-title">${title}</p>
    <p>${text}</p>
  </div>`;
}

/** A feed that could not be shown; `retry`, when given, is offered as a "Try again" button. */
export function errorState(title: string, text: string, retry?: () => void): TemplateResult {
  return html`<div class="state error" part="error" role="alert">
    <p class="state-title">${title}</p>
    <p>${text}</p>
    ${retry ? html`<button type="button" class="button secondary" @click=${retry}>${msg('Try again', { id: 'try-again' })}</button>` : nothing}
  </div>`;
}
