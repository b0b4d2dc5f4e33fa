import { css } from 'lit';

/**
 * What the widgets that show a feed (workshop list, resource list, curriculum) share: the filter panel,
 * the status line, and the loading, error and empty states. Not in the base styles, so that the card
 * and the form, which show none of these, do not carry them. The states' markup:
 *
 * ```html
 * <div part="loading" aria-busy="true">
 *   <p class="count" role="status">…</p>
 *   <div class="skeleton" aria-hidden="true"><div></div><div></div><div></div></div>
 * </div>
 * <div class="state error" part="error" role="alert"><p class="state-title">…</p><p>…</p><button class="button secondary">…</button></div>
 * <div class="state" part="empty"><p class="state-title">…</p><p>…</p></div>
 * ```
 *
 * While it loads, a widget without fallback content holds `--mk-reserve-height` (public; unset unless the
 * page, or the mentorkit.css it links, sets it) for its content, so that whatever follows is not moved by
 * the content arriving.
 *
 * A component shapes the skeleton like its content with private properties on `:host`:
 * `--_skeleton-min` (narrowest block before the grid adds a column; default one column),
 * `--_skeleton-height`, `--_skeleton-gap` and `--_skeleton-radius`; `--_filters-bg` colours the
 * filter panel.
 */
export const feedViewStyles = css`
  .filters {
    margin-block-end: var(--_mk-space-4);
    padding: var(--_mk-space-4);
    border: 1px solid var(--_mk-border);
    border-radius: var(--_mk-radius);
    background: var(--_filters-bg, var(--_mk-surface-alt));
  }
  .count {
    margin-block-end: var(--_mk-space-3);
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
  }
  .state {
    display: grid;
    justify-items: start;
    gap: var(--_mk-space-3);
    padding: var(--_mk-space-5);
    border: 1px dashed var(--_mk-border);
    border-radius: var(--_mk-radius);
    background: var(--_mk-surface);
    overflow-wrap: anywhere;
  }
  .state-title {
    font-size: var(--_mk-font-size-lg);
    font-weight: 700;
  }
  .state.error {
    border: 1px solid var(--_mk-danger);
    border-inline-start-width: 4px;
  }
  .state.error .state-title {
    color: var(--_mk-danger);
  }
  [part='loading'] {
    /* Within the space the widget holds while it loads (see holdSpace in feed-view.ts). */
    max-height: var(--mk-reserve-height, none);
    overflow: hidden;
  }
  .skeleton {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_skeleton-min, 100%)), 1fr));
    gap: var(--_skeleton-gap, var(--_mk-space-4));
  }
  .skeleton > div {
    height: var(--_skeleton-height, 7em);
    border-radius: var(--_skeleton-radius, var(--_mk-radius));
    background: linear-gradient(90deg, var(--_mk-surface-alt), color-mix(in srgb, var(--_mk-border) 50%, var(--_mk-surface-alt)), var(--_mk-surface-alt)) 0 0 / 200% 100%;
    animation: mk-shimmer 1.4s ease-in-out infinite;
  }
  @keyframes mk-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton > div {
      animation: none;
    }
  }
`;
