import { LitElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { baseStyles, tokenStyles } from './tokens.styles.js';
import { replacingFallback } from './feed-view.js';
import { hasMessages, loadMessages, messagesLocaleFor, resolveLang, withMessagesLocale, type MessagesLocale } from './localize.js';

export type Theme = 'light' | 'dark' | 'auto';

// One observer for the whole page: a change of <html lang> re-renders every connected widget; a change
// of <html> or <body> attributes (a site's dark-mode class, say) or of the system's colour scheme makes
// every widget look at the page behind it again.
const connected = new Set<MkElement>();
let documentObserver: MutationObserver | undefined;

function observeDocument(): void {
  if (documentObserver || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver((records) => {
    if (records.some((r) => r.target === document.documentElement && r.attributeName === 'lang')) connected.forEach((el) => el.requestUpdate());
    connected.forEach((el) => el.checkHostScheme());
  });
  documentObserver.observe(document.documentElement, { attributes: true });
  if (document.body) documentObserver.observe(document.body, { attributes: true });
  matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => connected.forEach((el) => el.checkHostScheme()));
}

/** `rgb(…)`/`rgba(…)` as numbers, or undefined for anything else (a colour function this does not read). */
function rgba(color: string): [number, number, number, number] | undefined {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(color);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Whether the page behind `element` is dark: the first mostly opaque background colour among its
 * ancestors (through shadow roots) decides; a background image without a colour, or no background at
 * all, is judged by the text colour the page gives the element (light text means a dark page).
 */
export function pageIsDark(element: Element): boolean {
  let node: Element | null = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
  while (node) {
    const style = getComputedStyle(node);
    const background = rgba(style.backgroundColor);
    if (background && background[3] >= 0.5) return luminance(background) < 0.18;
    if (style.backgroundImage !== 'none') break;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  const text = element.parentElement ? rgba(getComputedStyle(element.parentElement).color) : undefined;
  return text ? luminance(text) > 0.4 : false;
}

/**
 * The base of every mentorkit widget: shared tokens and base styles, the `theme` attribute, and the
 * locale from the nearest `lang` (re-rendering when the element's or the document's `lang` changes).
 * Messages (`msg()`) called while the element renders come out in its locale.
 *
 * @attr lang - The language of the text and dates; without it, the nearest ancestor's `lang` (usually the
 * page's). Text comes in English or Spanish; dates and numbers in any language `Intl` knows.
 */
export class MkElement extends LitElement {
  static override styles: CSSResultGroup = [tokenStyles, baseStyles];

  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
  };

  /**
   * Colour scheme. Unset: the host page's (dark when the background behind the widget is dark, light
   * otherwise). `light`, `dark`, or `auto` to follow the visitor's system setting; a scheme unlike the
   * page's behind the widget paints its own surface, so the widget stays legible.
   * @attr theme
   */
  declare theme: Theme | undefined;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /** The BCP 47 locale used for dates and numbers (from the nearest `lang`). */
  get locale(): string {
    return resolveLang(this);
  }

  /** The message catalogue used for text (`es` for any Spanish `lang`, else English). */
  get messagesLocale(): MessagesLocale {
    return messagesLocaleFor(this.locale);
  }

  /** Holds the `mk-on-dark` custom state; so subclasses must not call `attachInternals()` themselves. */
  #internals: ElementInternals | undefined = this.attachInternals?.();

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    observeDocument();
    this.checkHostScheme();
  }

  /**
   * Looks at the page behind the widget again (done on connecting, and when the page's `<html>` or
   * `<body>` attributes or the system's colour scheme change). Call it after restyling a section
   * around a widget. With `theme` unset the widget takes the page's scheme; with a theme that differs
   * from it, the widget paints its own surface.
   */
  checkHostScheme(): void {
    const states = this.#internals?.states;
    if (!states || !this.isConnected) return;
    try {
      if (pageIsDark(this)) states.add('mk-on-dark');
      else states.delete('mk-on-dark');
    } catch {
      // A browser that does not know custom states keeps the light default.
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  /**
   * Waits for the element's message catalogue before rendering, so a Spanish widget never flashes
   * English; `updateComplete` includes the wait. If the catalogue cannot be loaded, it renders in English.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = this.messagesLocale;
    if (hasMessages(locale)) return super.scheduleUpdate();
    return loadMessages(locale).then(
      () => super.scheduleUpdate(),
      () => super.scheduleUpdate(),
    );
  }

  protected override update(changed: PropertyValues): void {
    const locale = this.messagesLocale;
    // Replacing the page's fallback content keeps its height while in view, so the page does not jump.
    const replaced = replacingFallback(this);
    withMessagesLocale(hasMessages(locale) ? locale : 'en', () => super.update(changed));
    replaced();
  }

  /**
   * Work the element is still doing between renders (a long feed checked in slices, a long list
   * rendered in slices): `updateComplete` waits for it, and for the render after it, until none is left.
   */
  protected pendingWork(): Promise<unknown> | undefined {
    return undefined;
  }

  /** Resolves once the element has rendered and has no pending work (see `pendingWork`). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let wait = this.pendingWork(); wait; wait = this.pendingWork()) {
      await wait;
      result = await super.getUpdateComplete();
    }
    return result;
  }
}
