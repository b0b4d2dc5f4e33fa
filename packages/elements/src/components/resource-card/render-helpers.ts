/**
 * Small rendering helpers shared by the resource and curriculum components.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, literal } from 'lit/static-html.js';

/**
 * An href for catalog data: only absolute http(s) URLs ever become links. The feed schema already
 * requires them; this is the second line for objects a page passes as properties.
 */
export function httpHref(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const HEADINGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`] as const;

/** An attribute value as a heading level 1–6; anything else gives `fallback`. */
export function toHeadingLevel(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : fallback;
}

/** A heading element of `level` (clamped to 1–6), so a component fits the outline of the page around it. */
export function heading(level: number, part: string, content: unknown, id?: string): TemplateResult {
  const tag = HEADINGS[Math.min(6, Math.max(1, level)) - 1]!;
  return staticHtml`<${tag} part=${part} class=${part} id=${id ?? nothing}>${content}</${tag}>`;
}

/** Text with blank lines as paragraphs (catalog descriptions are plain text, never HTML). */
export function paragraphs(text: string | undefined, part: string): TemplateResult | typeof nothing {
  if (!text?.trim()) return nothing;
  const blocks = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return html`<div part=${part} class=${part}>${blocks.map((p) => html`<p>${p}</p>`)}</div>`;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "A, B and C" in the locale. */
export function joinList(items: readonly string[], locale: string, type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction'): string {
  const key = `${locale}|${type}`;
  let f = listFormats.get(key);
  if (!f) {
    f = new Intl.ListFormat(locale, { style: 'long', type });
    listFormats.set(key, f);
  }
  return f.format(items);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count in the locale ("1,234"). */
export function formatCount(n: number, locale: string): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** Whether `n` takes the singular form in the locale. */
export function isOne(n: number, locale: string): boolean {
  let r = pluralRules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    pluralRules.set(locale, r);
  }
  return r.select(n) === 'one';
}
