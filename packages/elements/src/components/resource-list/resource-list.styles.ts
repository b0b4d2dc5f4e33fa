import { css } from 'lit';
import { feedViewStyles } from '../../internal/feed-view.styles.js';

const own = css`
  :host {
    --_list-gap: var(--mk-resource-list-gap, var(--_mk-space-5));
    --_list-min: var(--mk-resource-list-card-min-width, 19em);
    --_filters-bg: var(--mk-resource-list-filters-background, var(--_mk-surface-alt));
    --_chip-radius: var(--mk-resource-list-chip-radius, 999px);
    --_skeleton-min: var(--_list-min);
    --_skeleton-gap: var(--_list-gap);
    --_skeleton-height: 14em;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_mk-space-4) var(--_mk-space-5);
  }

  .kinds {
    flex: 1 1 28em;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .filter-label {
    display: block;
    margin-bottom: var(--_mk-space-2);
    padding: 0;
    color: var(--_mk-text);
    font-size: var(--_mk-font-size-sm);
    font-weight: 600;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mk-space-2);
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    /* 36px in its own 14px, like the select and the clear button. */
    min-height: 2.5715em;
    padding: 0.3em 0.85em 0.3em 0.7em;
    border: 1px solid var(--_mk-border);
    border-radius: var(--_chip-radius);
    background: var(--_mk-surface);
    color: var(--_mk-text);
    font: inherit;
    font-size: var(--_mk-font-size-sm);
    line-height: 1.2;
    cursor: pointer;
  }

  .chip:hover {
    border-color: var(--_mk-accent);
  }

  .chip[aria-pressed='true'] {
    border-color: var(--_mk-accent);
    background: var(--_mk-accent);
    color: var(--_mk-accent-contrast);
    font-weight: 600;
  }

  .chip .icon {
    flex: none;
    width: 1.1em;
    height: 1.1em;
  }

  .chip-count {
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_mk-surface-alt);
    color: var(--_mk-muted);
    font-size: 0.8125em;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }

  .chip[aria-pressed='true'] .chip-count {
    background: color-mix(in srgb, var(--_mk-accent-contrast) 22%, transparent);
    color: inherit;
  }

  .field {
    display: flex;
    flex-direction: column;
    flex: 0 1 16em;
    min-width: 12em;
  }

  .select {
    /* As wide as its field, not as its longest topic: a long topic must not widen a narrow column. */
    width: 100%;
    min-width: 0;
    min-height: 2.5715em;
    padding: 0.3em 0.6em;
    border: 1px solid var(--_mk-border);
    border-radius: var(--_mk-radius-sm);
    background: var(--_mk-surface);
    color: var(--_mk-text);
    font: inherit;
    font-size: var(--_mk-font-size-sm);
  }

  .clear {
    min-height: 2.5715em;
    padding: 0.3em 0.2em;
    border: 0;
    background: none;
    color: var(--_mk-accent);
    font: inherit;
    font-size: var(--_mk-font-size-sm);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_list-min)), 1fr));
    gap: var(--_list-gap);
    padding: 0;
    list-style: none;
  }

  .item {
    display: flex;
    min-width: 0;
  }

  .item > mk-resource-card {
    flex: 1;
  }
`;

export const resourceListStyles = [feedViewStyles, own];
