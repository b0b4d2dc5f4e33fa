/**
 * Small rendering helpers shared by the resource and curriculum components (the states of a feed view
 * are in internal/feed-view.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { once } from '../../internal/memo.js';

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

/**
 * A heading element of `level` (clamped to 1–6), so a component fits the outline of the page around it.
 * Six plain templates: lit's static-html, which could choose the tag, would be a module of its own in the
 * bundle for this one use.
 */
export function heading(level: number, part: string, content: unknown, id?: string): TemplateResult {
  const idOrNothing = id ?? nothing;
  switch (Math.min(6, Math.max(1, level))) {
    case 1:
      return html`<h1 part=${part} class=${part} id=${idOrNothing}>${content}</h1>`;
    case 2:
      return html`<h2 part=${part} class=${part} id=${idOrNothing}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part} class=${part} id=${idOrNothing}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part} class=${part} id=${idOrNothing}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} class=${part} id=${idOrNothing}>${content}</h5>`;
    default:
      return html`<h6 part=${part} class=${part} id=${idOrNothing}>${content}</h6>`;
  }
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

/** "A, B and C" in the locale. */
export function joinList(items: readonly string[], locale: string, type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction'): string {
  return once(`list|${locale}|${type}`, () => new Intl.ListFormat(locale, { style: 'long', type })).format(items);
}
