import { css } from 'lit';
import { feedViewStyles } from '../../internal/feed-view.styles.js';

const own = css`
  :host {
    --_theme-bg: var(--mk-curriculum-theme-background, var(--_mk-surface));
    --_theme-border: var(--mk-curriculum-theme-border-color, var(--_mk-border));
    --_theme-radius: var(--mk-curriculum-theme-radius, var(--_mk-radius));
    --_theme-min: var(--mk-curriculum-theme-min-width, 18em);
    --_gap: var(--mk-curriculum-gap, var(--_mk-space-4));
    --_number-bg: var(--mk-curriculum-number-background, var(--_mk-accent));
    --_number-fg: var(--mk-curriculum-number-color, var(--_mk-accent-contrast));
    --_variant: var(--mk-curriculum-variant-color, var(--_mk-accent));
    --_skeleton-min: var(--_theme-min);
    --_skeleton-gap: var(--_gap);
    --_skeleton-height: 10em;
    --_skeleton-radius: var(--_theme-radius);
  }

  .curriculum {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-5);
  }

  .header {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-2);
    max-width: 52em;
  }

  .eyebrow {
    color: var(--_mk-muted);
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.08em;
    text-transform: uppercase;
  }

  .title {
    font-size: var(--_mk-font-size-xl);
    font-weight: 650;
    line-height: 1.2;
    text-wrap: balance;
    overflow-wrap: anywhere;
  }

  .description {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-2);
    color: var(--_mk-text);
    overflow-wrap: anywhere;
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mk-space-2) var(--_mk-space-5);
    margin-top: var(--_mk-space-2);
    font-size: var(--_mk-font-size-sm);
  }

  .fact {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }

  .fact dt,
  .label,
  .variants-label {
    color: var(--_mk-muted);
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }

  /* 13px in the 14px facts, like the other labels; exactly, as text at a size a hair off 13px lays out differently. */
  .fact dt {
    font-size: calc(13em / 14);
  }

  .fact dd {
    overflow-wrap: anywhere;
  }

  .objective {
    overflow-wrap: anywhere;
  }

  .objective-label {
    font-weight: 650;
  }

  /* Names another curriculum and shows it in place: a button (it changes this view), dressed as a link. */
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_mk-accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  .theme-resources {
    font-size: var(--_mk-font-size-sm);
    overflow-wrap: anywhere;
  }

  /* Versions */
  .variants {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-3);
    padding: var(--_mk-space-4);
    border: 1px solid var(--_mk-border);
    border-radius: var(--_mk-radius);
    background: var(--_mk-surface-alt);
  }

  .variant-switch {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .variants-label {
    margin-bottom: var(--_mk-space-2);
    padding: 0;
  }

  .segments {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mk-space-2);
  }

  .segment {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    /* 36px in its own 14px. */
    min-height: 2.5715em;
    padding: 0.3em 0.9em 0.3em 0.7em;
    border: 1px solid var(--_mk-border);
    border-radius: 999px;
    background: var(--_mk-surface);
    font-size: var(--_mk-font-size-sm);
    cursor: pointer;
  }

  .segment:hover {
    border-color: var(--_mk-accent);
  }

  .segment input {
    margin: 0;
    width: 1em;
    height: 1em;
    accent-color: var(--_mk-accent);
  }

  .segment:has(input:checked) {
    border-color: var(--_mk-accent);
    background: color-mix(in srgb, var(--_mk-accent) 10%, var(--_mk-surface));
    font-weight: 600;
  }

  .segment:has(input:focus-visible) {
    outline: var(--_mk-focus-outline);
    outline-offset: 2px;
  }

  .segment input:focus-visible {
    outline: none;
  }

  .legend {
    display: grid;
    /* 256px in its own 14px. */
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18.286em), 1fr));
    gap: var(--_mk-space-2) var(--_mk-space-4);
    padding: 0;
    list-style: none;
    font-size: var(--_mk-font-size-sm);
  }

  .legend-item {
    display: flex;
    flex-direction: column;
    padding-inline-start: var(--_mk-space-3);
    border-inline-start: 3px solid var(--_variant);
  }

  .legend-title {
    font-weight: 650;
  }

  .legend-audience,
  .legend-description {
    color: var(--_mk-muted);
  }

  .status-line {
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
  }

  /* Themes */
  .themes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_theme-min)), 1fr));
    gap: var(--_gap);
    padding: 0;
    list-style: none;
  }

  .theme {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-3);
    min-width: 0;
    padding: var(--_mk-space-4);
    border: 1px solid var(--_theme-border);
    border-top: 4px solid color-mix(in srgb, var(--_mk-accent) 70%, var(--_theme-bg));
    border-radius: var(--_theme-radius);
    background: var(--_theme-bg);
    box-shadow: var(--_mk-shadow);
  }

  .theme.limited {
    border-top-style: dashed;
    border-top-color: var(--_variant);
  }

  .theme-head {
    display: flex;
    align-items: flex-start;
    gap: var(--_mk-space-3);
  }

  .number {
    flex: none;
    display: grid;
    place-items: center;
    /* 30.4px in its own 15px. */
    width: 2.0267em;
    height: 2.0267em;
    border-radius: 50%;
    background: var(--_number-bg);
    color: var(--_number-fg);
    font-weight: 700;
    font-size: 0.9375em;
    font-variant-numeric: tabular-nums;
  }

  .theme-title {
    align-self: center;
    font-size: var(--_mk-font-size-lg);
    font-weight: 650;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .variant-badge {
    align-self: flex-start;
    color: var(--_variant);
    white-space: normal;
  }

  .variant-badge::before {
    content: '';
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: currentColor;
  }

  .theme-description {
    color: var(--_mk-text);
    overflow-wrap: anywhere;
  }

  .objectives {
    border: 1px solid var(--_theme-border);
    border-radius: var(--_mk-radius-sm);
    background: var(--_mk-surface-alt);
  }

  .objectives summary {
    padding: var(--_mk-space-2) var(--_mk-space-3);
    font-size: var(--_mk-font-size-sm);
    font-weight: 600;
    cursor: pointer;
    border-radius: var(--_mk-radius-sm);
  }

  .objectives summary:hover {
    color: var(--_mk-accent);
  }

  .objectives ul {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-2);
    padding: 0 var(--_mk-space-3) var(--_mk-space-3) calc(var(--_mk-space-3) + 1.1em);
    font-size: var(--_mk-font-size-sm);
    overflow-wrap: anywhere;
  }

  .code {
    color: var(--_mk-muted);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  .sessions-block {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-1);
  }

  .sessions {
    display: flex;
    flex-direction: column;
    padding: 0;
    list-style: none;
  }

  .session {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 var(--_mk-space-2);
    padding-block: var(--_mk-space-2);
    border-top: 1px solid var(--_theme-border);
    font-size: var(--_mk-font-size-sm);
  }

  .session-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .session-when {
    grid-column: 1;
    color: var(--_mk-muted);
  }

  .timing {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: start;
  }

  .timing.upcoming,
  .timing.now {
    color: var(--_mk-success);
  }

  .timing.cancelled {
    color: var(--_mk-danger);
  }

  .session.past .session-title {
    font-weight: 500;
  }

  .more,
  .no-sessions {
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
  }

  .no-sessions {
    padding-top: var(--_mk-space-2);
    border-top: 1px solid var(--_theme-border);
  }

  /* Delivery */
  .delivery {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-2);
  }

  .delivery-title {
    font-size: var(--_mk-font-size);
    font-weight: 650;
  }

  .delivery ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
    gap: var(--_mk-space-2) var(--_mk-space-4);
    padding: 0;
    list-style: none;
  }

  .delivery-item {
    display: flex;
    flex-direction: column;
    padding: var(--_mk-space-3);
    border: 1px solid var(--_mk-border);
    border-radius: var(--_mk-radius-sm);
    font-size: var(--_mk-font-size-sm);
  }

  .delivery-kind {
    font-weight: 650;
  }

  .delivery-details,
  .delivery-description {
    color: var(--_mk-muted);
  }
`;

export const curriculumStyles = [feedViewStyles, own];
