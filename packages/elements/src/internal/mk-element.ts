import { LitElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { baseStyles, tokenStyles } from './tokens.styles.js';
import { hasMessages, loadMessages, messagesLocaleFor, resolveLang, withMessagesLocale, type MessagesLocale } from './localize.js';

export type Theme = 'light' | 'dark' | 'auto';

// One observer for the whole page: a change of <html lang> re-renders every connected widget.
const connected = new Set<MkElement>();
let documentLangObserver: MutationObserver | undefined;

function observeDocumentLang(): void {
  if (documentLangObserver || typeof MutationObserver === 'undefined') return;
  documentLangObserver = new MutationObserver(() => connected.forEach((el) => el.requestUpdate()));
  documentLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
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
   * Colour scheme: `light` (default), `dark`, or `auto` to follow the visitor's system setting.
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

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    observeDocumentLang();
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
    withMessagesLocale(hasMessages(locale) ? locale : 'en', () => super.update(changed));
  }
}
