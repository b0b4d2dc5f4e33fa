import { css } from 'lit';

/** The dark scheme's defaults, for `theme="dark"` and for `theme="auto"` on a dark system. */
const darkTokens = css`
  --_mk-accent: var(--mk-color-accent, #9cc2f5);
  --_mk-accent-contrast: var(--mk-color-accent-contrast, #0d1a2b);
  --_mk-surface: var(--mk-color-surface, #16191d);
  --_mk-surface-alt: var(--mk-color-surface-alt, #1f242a);
  --_mk-text: var(--mk-color-text, #e9ecf0);
  --_mk-muted: var(--mk-color-muted, #aab3be);
  --_mk-border: var(--mk-color-border, #3a434e);
  --_mk-danger: var(--mk-color-danger, #f4aaa5);
  --_mk-success: var(--mk-color-success, #86d69f);
  --_mk-warning: var(--mk-color-warning, #f2c46d);
  --_mk-shadow: var(--mk-shadow, 0 1px 2px rgb(0 0 0 / 0.4));
  color-scheme: dark;
`;

/** A widget whose scheme differs from the page behind it brings its own background. */
const ownSurface = css`
  background: var(--_mk-surface);
  padding: var(--_mk-space-3);
  border-radius: var(--_mk-radius);
`;

/**
 * Global design tokens. Pages theme every widget at once by setting the public `--mk-*` properties
 * anywhere above the widget (`:root`, a wrapper, the element itself); inside the shadow root only the
 * private `--_mk-*` copies are read, so a token set on `:root` is never shadowed by a default declared
 * on `:host`.
 *
 * `theme` attribute: absent — follows the host page (dark when the background behind the widget is
 * dark; `MkElement` sets the `mk-on-dark` custom state); `light`; `dark`; `auto` — follows
 * `prefers-color-scheme`. A theme that differs from the page behind it paints its own surface, so its
 * text never sits on a background it was not chosen for. In a forced-colours mode every colour token is
 * a system colour of the page's scheme.
 * Page values of `--mk-color-*` apply in both schemes; a page that wants different dark colours sets
 * them under its own `mk-*[theme=dark]` selector.
 *
 * Sizes are in `em` from a host font size of `medium` (the visitor's default size), not `rem`: many CMS
 * themes set `html { font-size: 62.5% }`, which would shrink a rem-based widget to 10px text.
 */
export const tokenStyles = css`
  :host {
    --_mk-accent: var(--mk-color-accent, #1d4f91);
    --_mk-accent-contrast: var(--mk-color-accent-contrast, #ffffff);
    --_mk-surface: var(--mk-color-surface, #ffffff);
    --_mk-surface-alt: var(--mk-color-surface-alt, #f4f6f9);
    --_mk-text: var(--mk-color-text, #1b1f24);
    --_mk-muted: var(--mk-color-muted, #545d69);
    --_mk-border: var(--mk-color-border, #d5dae1);
    --_mk-danger: var(--mk-color-danger, #b3261e);
    --_mk-success: var(--mk-color-success, #1b6e36);
    --_mk-warning: var(--mk-color-warning, #855400);
    --_mk-font: var(--mk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_mk-font-size: var(--mk-font-size, medium);
    --_mk-font-size-sm: var(--mk-font-size-sm, 0.875em);
    --_mk-font-size-lg: var(--mk-font-size-lg, 1.1875em);
    --_mk-font-size-xl: var(--mk-font-size-xl, 1.5em);
    --_mk-line-height: var(--mk-line-height, 1.5);
    --_mk-space-1: var(--mk-space-1, 0.25em);
    --_mk-space-2: var(--mk-space-2, 0.5em);
    --_mk-space-3: var(--mk-space-3, 0.75em);
    --_mk-space-4: var(--mk-space-4, 1em);
    --_mk-space-5: var(--mk-space-5, 1.5em);
    --_mk-radius: var(--mk-radius, 0.5em);
    --_mk-radius-sm: var(--mk-radius-sm, 0.25em);
    --_mk-focus-outline: var(--mk-focus-outline, 2px solid var(--_mk-accent));
    --_mk-shadow: var(--mk-shadow, 0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.08));
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  /* Separate rules: a browser without :state() drops only these. */
  :host(:not([theme]):state(mk-on-dark)) {
    ${darkTokens}
  }
  :host([theme='light']:state(mk-on-dark)) {
    ${ownSurface}
  }
  :host([theme='dark']:not(:state(mk-on-dark))) {
    ${ownSurface}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']:not(:state(mk-on-dark))) {
      ${ownSurface}
    }
  }
  @media not (prefers-color-scheme: dark) {
    :host([theme='auto']:state(mk-on-dark)) {
      ${ownSurface}
    }
  }
  /* High-contrast modes paint in the system's colours of the page's scheme: the tokens become those
     colours, so whatever the browser leaves unforced still matches what it forces, whatever the theme. */
  @media (forced-colors: active) {
    :host {
      --_mk-accent: LinkText !important;
      --_mk-accent-contrast: Canvas !important;
      --_mk-surface: Canvas !important;
      --_mk-surface-alt: Canvas !important;
      --_mk-text: CanvasText !important;
      --_mk-muted: CanvasText !important;
      --_mk-border: CanvasText !important;
      --_mk-danger: CanvasText !important;
      --_mk-success: CanvasText !important;
      --_mk-warning: CanvasText !important;
      color-scheme: inherit !important;
    }
  }
`;

/**
 * What every widget shares: the host resets what a page's CSS could leak in by inheritance
 * (`all: initial` leaves custom properties alone, so tokens still flow in), box sizing, focus ring,
 * visually hidden text, badges and buttons.
 */
export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    contain: layout style;
    font-family: var(--_mk-font);
    font-size: var(--_mk-font-size);
    line-height: var(--_mk-line-height);
    color: var(--_mk-text);
    text-align: start;
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: var(--_mk-focus-outline);
    outline-offset: 2px;
  }
  a {
    color: var(--_mk-accent);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  h2,
  h3,
  h4,
  p,
  ul,
  ol,
  dl,
  dd,
  figure {
    margin: 0;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_mk-space-2);
    min-height: 2.5em;
    padding: 0.45em 1em;
    border: 1px solid var(--_mk-accent);
    border-radius: var(--_mk-radius-sm);
    background: var(--_mk-accent);
    color: var(--_mk-accent-contrast);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    background: color-mix(in srgb, var(--_mk-accent) 88%, var(--_mk-text));
  }
  .button.secondary {
    background: transparent;
    color: var(--_mk-accent);
  }
  .button.secondary:hover {
    background: color-mix(in srgb, var(--_mk-accent) 10%, transparent);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: var(--_mk-font-size-sm);
    font-weight: 600;
    line-height: 1.4;
    white-space: nowrap;
    color: var(--_mk-muted);
    background: var(--_mk-surface);
  }
  .badge.danger {
    color: var(--_mk-danger);
  }
  .badge.success {
    color: var(--_mk-success);
  }
  .badge.warning {
    color: var(--_mk-warning);
  }
  .badge.accent {
    color: var(--_mk-accent);
  }
  /* On paper: no controls (nothing to press), every disclosure open, nothing left unrendered. */
  @media print {
    :host {
      padding: 0;
      background: none;
    }
    button,
    .button,
    input,
    select,
    textarea,
    .filters,
    .variant-switch,
    details.calendar,
    .skeleton {
      display: none !important;
    }
    details > summary {
      list-style: none;
    }
    details > summary::-webkit-details-marker {
      display: none;
    }
    [part~='item'],
    .item {
      content-visibility: visible;
      break-inside: avoid;
    }
  }
  @media print {
    details::details-content {
      content-visibility: visible;
      display: block;
    }
  }
`;
