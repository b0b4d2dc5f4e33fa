import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { FeedResource } from '@mentorkit/core/browser';

export type ResourceKind = FeedResource['kind'];

/** Every kind, in the order filters list them. */
export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'course',
  'video',
  'video-series',
  'recording',
  'article',
  'report',
  'book',
  'guide',
  'document',
  'slides',
  'handout',
  'worksheet',
  'template',
  'checklist',
  'website',
];

// 24×24 line drawings stroked in currentColor, so they follow the text colour in light and dark themes.
const paths: Record<ResourceKind, SVGTemplateResult> = {
  video: svg`<rect x="3" y="5" width="18" height="14" rx="2.5"/><path d="M10 9.2v5.6l4.8-2.8z" fill="currentColor"/>`,
  'video-series': svg`<rect x="3" y="8" width="15" height="12" rx="2"/><path d="M6.5 5h11.5a3 3 0 0 1 3 3v8.5"/><path d="M9 11.2v5.6l4.6-2.8z" fill="currentColor"/>`,
  article: svg`<path d="M6 3h8.5L19 7.5V21H6z"/><path d="M14 3v5h5"/><path d="M9 12h7M9 15.5h7M9 8.5h2.5"/>`,
  report: svg`<path d="M5 3h14v18H5z"/><path d="M9 17v-3.5M12 17V9.5M15 17v-6"/>`,
  book: svg`<path d="M4 19V5.5A2.5 2.5 0 0 1 6.5 3H20v13.5H6.5A2.5 2.5 0 0 0 4 19a2 2 0 0 0 2 2h14v-4.5"/><path d="M8.5 7.5h7"/>`,
  guide: svg`<path d="M12 2.5v19"/><path d="M5 5h11l3 2.5L16 10H5z"/><path d="M19 12.5H8l-3 2.5 3 2.5h11z"/>`,
  worksheet: svg`<path d="M14 3H6v18h12V7z"/><path d="M14 3v4h4"/><path d="M9 17.5l.8-2.8 4.7-4.7 2 2-4.7 4.7z"/>`,
  course: svg`<path d="M2 9.5 12 4.5l10 5-10 5z"/><path d="M6 11.5V16c0 1.4 2.7 3 6 3s6-1.6 6-3v-4.5"/><path d="M22 9.5V15"/>`,
  website: svg`<circle cx="12" cy="12" r="9"/><path d="M3 12h18"/><path d="M12 3c2.5 2.6 3.8 5.6 3.8 9S14.5 18.4 12 21c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/>`,
  recording: svg`<rect x="2.5" y="5" width="15" height="14" rx="2.5"/><path d="m17.5 10 4-2.5v9l-4-2.5"/><circle cx="10" cy="12" r="2.6" fill="currentColor"/>`,
  template: svg`<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M3 9h18M9 9v12"/>`,
  checklist: svg`<path d="m3.5 6.5 1.8 1.8L8.5 5M3.5 12.5l1.8 1.8 3.2-3.3M3.5 18.5l1.8 1.8 3.2-3.3"/><path d="M11.5 7h9M11.5 13h9M11.5 19h9"/>`,
  document: svg`<path d="M14 3H6v18h12V7z"/><path d="M14 3v4h4"/><path d="M9 12h6M9 15h6M9 18h4"/>`,
  slides: svg`<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M12 16v4M8.5 20h7"/><path d="M7 8.5h6M7 11.5h10"/>`,
  handout: svg`<path d="M7 3h11v14H7z"/><path d="M4 6v15h11"/><path d="M10 7.5h5M10 10.5h5M10 13.5h3"/>`,
};

const picture = svg`<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="8.5" cy="9.5" r="1.8"/><path d="m3.5 17.5 5-5 4 4 2.5-2.5 5.5 5"/>`;

const lock = svg`<rect x="5" y="10.5" width="14" height="10" rx="2"/><path d="M8 10.5V8a4 4 0 0 1 8 0v2.5"/>`;
const check = svg`<path d="m4.5 12.5 4.5 4.5 10.5-10.5"/>`;
const clock = svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/>`;

function icon(body: SVGTemplateResult, part?: string): TemplateResult {
  return html`<svg part=${part ?? nothing} class="icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
}

/** The decorative icon of a kind; the kind is always also given as text beside it. */
export function kindIcon(kind: ResourceKind): TemplateResult {
  return icon(paths[kind] ?? paths.website, 'icon');
}

export const lockIcon = (): TemplateResult => icon(lock);
export const checkIcon = (): TemplateResult => icon(check);
export const clockIcon = (): TemplateResult => icon(clock);
export const pictureIcon = (): TemplateResult => icon(picture);
