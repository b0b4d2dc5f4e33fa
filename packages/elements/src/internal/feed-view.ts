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
 * through a slot, so nothing jumps; without any, the loading state, whose space is then held (see
 * `holdSpace`).
 */
export function fallbackOr(host: Element, otherwise: () => TemplateResult): TemplateResult {
  if (hasFallback(host)) {
    showingFallback.add(host);
    return html`<div part="fallback" aria-busy="true"><slot></slot></div>`;
  }
  holdSpace(host);
  return otherwise();
}

/** Widgets whose last render showed the page's fallback content (see `replacingFallback`). */
const showingFallback = new WeakSet<Element>();

/**
 * Call around a widget's update: when the update replaces the page's fallback content with the widget's
 * own, the space the fallback took is held (`holdFallbackHeight`), so what follows does not move up.
 * Returns the function to call after the update.
 */
export function replacingFallback(host: Element): () => void {
  if (!showingFallback.delete(host)) return () => {};
  const height = host.getBoundingClientRect().height;
  return () => {
    if (!showingFallback.has(host)) holdFallbackHeight(host, height);
  };
}

/** Per widget whose space is held, the style sheet holding it (in its shadow root). */
const holds = new WeakMap<Element, CSSStyleSheet>();
let leaving: IntersectionObserver | undefined;
let settling: ResizeObserver | undefined;

/**
 * Holds the space a widget without fallback content takes while it loads, `--mk-reserve-height` when the
 * page sets it (mentorkit.css sets `100vh`, so that whatever follows starts below the fold and content
 * taller than that moves nothing in view either), and keeps holding it after the content arrives until the
 * widget is out of view: content shorter than the space would otherwise pull up what follows. Out of view,
 * the space is given back when that moves nothing the reader sees (see `release`). The hold is a `:host`
 * rule in the widget's own shadow root, so the page's element is left alone and a page's own `min-height`
 * on it still wins.
 */
function holdSpace(host: Element): void {
  if (!host.shadowRoot || holds.has(host)) return;
  const style = getComputedStyle(host);
  // Only when the page asks for it (mentorkit.css does): a guess would leave a short widget with a gap
  // below it. A hidden widget (a form shown when first needed) takes no space to hold.
  if (style.display === 'none' || style.getPropertyValue('--mk-reserve-height').trim() === '') return;
  hold(host, 'var(--mk-reserve-height)');
}

/**
 * Keeps the height the widget's fallback content had (measured just before the widget replaced it) while
 * its own content is shorter, until the widget is out of view: what follows on the page does not move up
 * in the reader's view when the data arrives. Content taller than the fallback still pushes it down.
 */
export function holdFallbackHeight(host: Element, height: number): void {
  const { top, bottom } = host.getBoundingClientRect();
  if (height <= 0 || holds.has(host) || bottom <= 0 || top >= innerHeight) return;
  hold(host, `${height}px`);
}

function hold(host: Element, minHeight: string): void {
  const root = host.shadowRoot;
  if (!root || typeof IntersectionObserver === 'undefined' || !('adoptedStyleSheets' in root)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host { min-height: ${minHeight}; }`);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  holds.set(host, sheet);
  // Leaving the viewport after the content arrived gives the space back.
  leaving ??= new IntersectionObserver((entries) => {
    for (const entry of entries) if (!entry.isIntersecting && !isLoading(entry.target)) release(entry.target);
  });
  leaving.observe(host);
  // Content arriving while the widget is already out of view gives it back at once.
  settling ??= new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (isLoading(target)) continue;
      settling?.unobserve(target);
      const { top, bottom } = target.getBoundingClientRect();
      if (bottom <= 0 || top >= innerHeight) release(target);
    }
  });
  settling.observe(host);
}

/** Whether a widget shows its loading state (a shadow root is no element, so `:scope >` would not do). */
function isLoading(host: Element): boolean {
  for (const child of host.shadowRoot?.children ?? []) if (child.getAttribute('part') === 'loading') return true;
  return false;
}

/**
 * Gives a widget's held space back, unless that would move something the reader sees: out of view below,
 * what follows is out of view too; above, the browser's scroll anchoring keeps the reader's place, but not
 * in every layout (beside a sidebar, anchoring to one column moves the other). Layout is read before and
 * after in the same task, so a release put back is never painted; it is tried again as the reader scrolls.
 */
function release(host: Element): void {
  const sheet = holds.get(host);
  const root = host.shadowRoot;
  if (!sheet || !root) return;
  if (!host.isConnected) return forget(host, sheet);
  // One release per frame: what the browser reports as moved is compared across frames, and two releases in
  // one frame (a sidebar's widget and the main column's, say) can move what one alone would not.
  if (releasing) {
    retryOnScroll(host);
    return onScroll();
  }
  const before = inView();
  const { scrollX: left, scrollY: top } = window;
  root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  const after = inView();
  if (after.length !== before.length || after.some((seen, i) => seen.element !== before[i]!.element || Math.abs(seen.top - before[i]!.top) > 0.5)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    // Scroll anchoring may have moved the page for either change: put the reader back where they were.
    host.getBoundingClientRect();
    if (scrollX !== left || scrollY !== top) scrollTo({ left, top, behavior: 'instant' });
    retryOnScroll(host);
    return;
  }
  releasing = requestAnimationFrame(() => (releasing = 0));
  forget(host, sheet);
}

function forget(host: Element, sheet: CSSStyleSheet): void {
  const root = host.shadowRoot;
  if (root?.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  holds.delete(host);
  retrying.delete(host);
  leaving?.unobserve(host);
  settling?.unobserve(host);
}

/**
 * What the reader sees of the page: the elements in view and where, taken apart while taller than the view
 * (a column's box stretched along the whole page moves with the scroll, not with its content).
 */
function inView(): { element: Element; top: number }[] {
  const found: { element: Element; top: number }[] = [];
  const visit = (element: Element): void => {
    const { top, bottom, height } = element.getBoundingClientRect();
    if (bottom <= 0 || top >= innerHeight || found.length >= 200) return;
    if ((top < 0 || bottom > innerHeight) && element.firstElementChild) for (const child of element.children) visit(child);
    else if (height > 0) found.push({ element, top });
  };
  visit(document.body);
  return found;
}

/** Widgets out of view whose space could not yet be given back, tried again once per frame of scrolling. */
const retrying = new Set<Element>();
let retryFrame = 0;
/** Set until the next frame once a widget's space has been given back. */
let releasing = 0;

function retryOnScroll(host: Element): void {
  if (retrying.size === 0) addEventListener('scroll', onScroll, { passive: true });
  retrying.add(host);
}

function onScroll(): void {
  if (retryFrame) return;
  retryFrame = requestAnimationFrame(() => {
    retryFrame = 0;
    for (const host of retrying) {
      const { top, bottom } = host.getBoundingClientRect();
      if (bottom <= 0 || top >= innerHeight) release(host);
    }
    if (retrying.size === 0) removeEventListener('scroll', onScroll);
  });
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
