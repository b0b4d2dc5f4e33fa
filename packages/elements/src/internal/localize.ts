/**
 * Localisation with @lit/localize's runtime-mode message format, scoped per element.
 *
 * `configureLocalization` is a page-wide singleton that may be configured only once, and the host page
 * may already use it; a widget also takes its language from its own nearest `lang` attribute, so two
 * widgets on one page can speak different languages. So instead of installing the global runtime, this
 * module exports a `msg` with the same type (lit-localize-tools still extracts its calls) that looks
 * messages up in the locale of the element currently rendering (`withMessagesLocale`).
 */
import type { MsgFn, MsgOptions, TemplateMap } from '@lit/localize/internal/types.js';
import { joinStringsAndValues, type StrResult } from '@lit/localize/internal/str-tag.js';
import type { ReasonMessages } from '@mentorkit/core/browser';

export { str } from '@lit/localize/internal/str-tag.js';

export const SOURCE_LOCALE = 'en';
export const TARGET_LOCALES = ['es'] as const;
export type MessagesLocale = typeof SOURCE_LOCALE | (typeof TARGET_LOCALES)[number];

/** A language's messages: the components' own, and the templates of core's eligibility reasons. */
interface Catalogue {
  templates: TemplateMap;
  reasons: ReasonMessages;
}

// Translations are fetched on first use, so English pages do not download them. Every module a loader
// imports is named `…/locales/<lang>.js`: the CDN build puts them all in one file beside the bundle.
const loaders: Record<Exclude<MessagesLocale, typeof SOURCE_LOCALE>, () => Promise<Catalogue>> = {
  es: () =>
    Promise.all([import('../generated/locales/es.js'), import('../components/rsvp-form/locales/es.js')]).then(([messages, reasons]) => ({
      templates: messages.templates,
      reasons: reasons.reasonMessages,
    })),
};
const catalogs: Partial<Record<MessagesLocale, Catalogue>> = {};
const loading = new Map<MessagesLocale, Promise<void>>();
let active: MessagesLocale = SOURCE_LOCALE;

/** Whether the messages of `locale` can be shown now (English always can). */
export function hasMessages(locale: MessagesLocale): boolean {
  return locale === SOURCE_LOCALE || catalogs[locale] !== undefined;
}

/**
 * Loads the messages of `locale` once. A failed load is forgotten, so a later call retries, and
 * rejects: the caller renders in English meanwhile.
 */
export function loadMessages(locale: MessagesLocale): Promise<void> {
  if (locale === SOURCE_LOCALE || catalogs[locale]) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then(
      (catalogue) => {
        catalogs[locale] = catalogue;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * For tests: makes `locale`'s catalogue load only once `gate` settles, so that a test can see what
 * happens while a translation is on its way. Returns a function restoring the loader. The package's
 * entry points do not export it.
 * @internal
 */
export function holdMessagesUntil(locale: Exclude<MessagesLocale, typeof SOURCE_LOCALE>, gate: Promise<unknown>): () => void {
  const load = loaders[locale];
  loaders[locale] = () => gate.then(load);
  return () => {
    loaders[locale] = load;
  };
}

/**
 * Translates a message into the locale of the element being rendered (English outside a render).
 * Messages are found by their `id`, which every message has (test/localize.test.ts and the CDN build
 * insist), so this does without @lit/localize's `runtimeMsg`, which can also find one by a hash of its
 * text; `html` messages, which the widgets do not use, are not supported.
 */
export const msg = ((template: string | StrResult, options?: MsgOptions): string => {
  const translation = options?.id === undefined ? undefined : catalogs[active]?.templates[options.id];
  if (translation) {
    if (typeof translation === 'string') return translation;
    // A translated str`` holds the indexes of the source's values, which translators may reorder.
    if ('strTag' in translation) return joinStringsAndValues(translation.strings, (template as StrResult).values, translation.values as number[]);
  }
  return typeof template === 'string' ? template : joinStringsAndValues(template.strings, template.values);
}) as MsgFn;

/**
 * Templates for core's eligibility reasons in the locale of the element being rendered; undefined for
 * English, core's default.
 */
export function reasonMessages(): ReasonMessages | undefined {
  return catalogs[active]?.reasons;
}

/** Runs `fn` with messages looked up in `locale`; nested calls restore the outer locale. */
export function withMessagesLocale<T>(locale: MessagesLocale, fn: () => T): T {
  const previous = active;
  active = locale;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** The message catalogue for a BCP 47 tag: `es-MX` → `es`; anything untranslated → English. */
export function messagesLocaleFor(lang: string): MessagesLocale {
  const base = lang.toLowerCase().split(/[-_]/)[0];
  return (TARGET_LOCALES as readonly string[]).includes(base ?? '') ? (base as MessagesLocale) : SOURCE_LOCALE;
}

/** A valid BCP 47 tag for `Intl` from an attribute value; invalid or empty values fall back to `fallback`. */
export function canonicalLocale(lang: string | null | undefined, fallback = 'en'): string {
  if (!lang) return fallback;
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * The language of an element: its own or its nearest ancestor's `lang` attribute, crossing shadow
 * roots, then the document's.
 */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return canonicalLocale(lang);
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return canonicalLocale(element.ownerDocument.documentElement.lang);
}
