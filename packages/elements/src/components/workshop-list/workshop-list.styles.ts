import { css } from 'lit';
import { feedViewStyles } from '../../internal/feed-view.styles.js';

const own = css`
  :host {
    --_item-bg: var(--mk-workshop-list-item-background, var(--_mk-surface));
    --_item-border: var(--mk-workshop-list-item-border, 1px solid var(--_mk-border));
    --_item-radius: var(--mk-workshop-list-item-radius, var(--_mk-radius));
    --_item-padding: var(--mk-workshop-list-item-padding, var(--_mk-space-4) var(--_mk-space-5));
    --_gap: var(--mk-workshop-list-gap, var(--_mk-space-4));
    --_title-size: var(--mk-workshop-list-title-size, var(--_mk-font-size-lg));
    --_title-color: var(--mk-workshop-list-title-color, var(--_mk-text));
    --_date-bg: var(--mk-workshop-list-date-background, color-mix(in srgb, var(--_mk-accent) 10%, var(--_mk-surface)));
    --_date-color: var(--mk-workshop-list-date-color, var(--_mk-accent));
    --_skeleton-gap: var(--_gap);
    --_skeleton-radius: var(--_item-radius);
    container-type: inline-size;
  }

  /* Filters */
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
    gap: var(--_mk-space-3) var(--_mk-space-4);
    align-items: end;
  }
  .field {
    display: grid;
    gap: var(--_mk-space-1);
    min-width: 0;
  }
  .field.search {
    grid-column: 1 / -1;
  }
  label,
  legend {
    font-size: var(--_mk-font-size-sm);
    font-weight: 600;
    color: var(--_mk-text);
  }
  input[type='search'],
  select {
    width: 100%;
    min-height: 2.5em;
    padding: 0.4em 0.6em;
    border: 1px solid color-mix(in srgb, var(--_mk-border) 60%, var(--_mk-text));
    border-radius: var(--_mk-radius-sm);
    background: var(--_mk-surface);
    color: var(--_mk-text);
    font: inherit;
  }
  input[type='search']:focus-visible,
  select:focus-visible {
    outline: var(--_mk-focus-outline);
    outline-offset: 1px;
  }
  fieldset.view {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mk-space-3);
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  fieldset.view legend {
    float: inline-start;
    margin-inline-end: var(--_mk-space-2);
    padding: 0;
  }
  .segmented {
    display: inline-flex;
    /* Longer labels (Spanish) on a narrow phone column: tighter options first, a second row at worst. */
    flex-wrap: wrap;
    max-width: 100%;
    border: 1px solid var(--_mk-accent);
    border-radius: var(--_mk-radius-sm);
  }
  /* Rounded ends rather than clipping the options: a clip would cut their focus ring off too. */
  .segmented label:first-child {
    border-start-start-radius: calc(var(--_mk-radius-sm) - 1px);
    border-end-start-radius: calc(var(--_mk-radius-sm) - 1px);
  }
  .segmented label:last-child {
    border-start-end-radius: calc(var(--_mk-radius-sm) - 1px);
    border-end-end-radius: calc(var(--_mk-radius-sm) - 1px);
  }
  .segmented label {
    position: relative;
    display: inline-flex;
    align-items: center;
    padding: 0.35em clamp(0.5em, 3cqi, 0.9em);
    font-weight: 600;
    color: var(--_mk-accent);
    cursor: pointer;
  }
  .segmented label + label {
    border-inline-start: 1px solid var(--_mk-accent);
  }
  .segmented input {
    position: absolute;
    inset: 0;
    opacity: 0;
    margin: 0;
    cursor: pointer;
  }
  .segmented label:has(input:checked) {
    background: var(--_mk-accent);
    color: var(--_mk-accent-contrast);
  }
  .segmented label:has(input:focus-visible) {
    outline: var(--_mk-focus-outline);
    outline-offset: 2px;
    z-index: 1;
  }
  /* High-contrast modes replace the accent fill with the page colour and paint the page colour behind
     text: the choice is marked in the system's selection colours instead, left as they are (so its
     focus ring, too, is given a system colour). */
  @media (forced-colors: active) {
    .segmented label:has(input:checked) {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
      outline-color: CanvasText;
    }
  }
  .filter-actions {
    display: flex;
    justify-content: flex-end;
  }

  /* Items */
  /* Block flow rather than a grid: re-laying out a thousand items after a filter change is cheaper.
     Each item's bottom margin makes the gap; the list's negative margin takes back the last one. */
  .list {
    display: flow-root;
    margin: 0 0 calc(-1 * var(--_gap));
    padding: 0;
    list-style: none;
  }
  .item {
    margin-block-end: var(--_gap);
    display: grid;
    grid-template-columns: 4.25em minmax(0, 1fr);
    gap: var(--_mk-space-4);
    padding: var(--_item-padding);
    border: var(--_item-border);
    border-radius: var(--_item-radius);
    background: var(--_item-bg);
    box-shadow: var(--_mk-shadow);
    content-visibility: auto;
    contain-intrinsic-size: auto 14em;
  }
  .item.undated {
    grid-template-columns: minmax(0, 1fr);
  }
  .item.cancelled .title {
    text-decoration: line-through;
    text-decoration-thickness: 1px;
  }
  .leaf {
    display: grid;
    align-content: start;
    justify-items: center;
    height: max-content;
    padding: var(--_mk-space-2) 0;
    border-radius: var(--_mk-radius-sm);
    background: var(--_date-bg);
    color: var(--_date-color);
    line-height: 1.1;
    text-align: center;
  }
  .leaf .month {
    font-size: 0.75em;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  .leaf .day {
    font-size: 1.6em;
    font-weight: 700;
  }
  .leaf .weekday {
    font-size: 0.75em;
  }
  .body {
    display: grid;
    /* One track no wider than the item: a control's min-content (a long Spanish label) must not widen it. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_mk-space-2);
    min-width: 0;
    /* Long words, addresses and links wrap rather than widen a narrow column. */
    overflow-wrap: anywhere;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_mk-space-1) var(--_mk-space-3);
  }
  .title {
    font-size: var(--_title-size);
    font-weight: 700;
    line-height: 1.3;
    color: var(--_title-color);
  }
  a:not([href]) {
    color: inherit;
    text-decoration: none;
  }
  .title a {
    color: inherit;
    text-decoration-color: color-mix(in srgb, currentColor 35%, transparent);
  }
  .title a:hover {
    color: var(--_mk-accent);
  }
  .badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_mk-space-1);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_mk-space-2);
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
  }
  .recap {
    padding-inline-start: var(--_mk-space-3);
    border-inline-start: 3px solid var(--_mk-border);
    color: var(--_mk-muted);
  }
  .label {
    font-weight: 600;
  }
  .sessions {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_mk-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .session {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_mk-space-1);
    padding: var(--_mk-space-3);
    border-radius: var(--_mk-radius-sm);
    background: var(--_mk-surface-alt);
  }
  .time {
    font-weight: 600;
  }
  .rsvp-note {
    align-self: center;
  }
  details.calendar[open] ~ .rsvp-note {
    align-self: flex-start;
    padding-block-start: 0.6em;
  }
  .local-time,
  .where,
  .note,
  .rsvp-note {
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
  }
  .status-note {
    color: var(--_mk-text);
    font-size: var(--_mk-font-size-sm);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    /* Top-aligned so that opening the calendar menu grows the row downwards only. */
    align-items: flex-start;
    gap: var(--_mk-space-2) var(--_mk-space-3);
    margin-block-start: var(--_mk-space-1);
  }
  details.calendar {
    position: relative;
    min-width: 0;
    max-width: 100%;
  }
  details > summary {
    cursor: pointer;
    width: max-content;
    max-width: 100%;
    color: var(--_mk-accent);
    font-weight: 600;
  }
  details.calendar > summary {
    list-style: none;
    display: inline-flex;
    align-items: center;
    min-height: 2.5em;
    padding: 0.45em 1em;
    border: 1px solid var(--_mk-accent);
    border-radius: var(--_mk-radius-sm);
    line-height: 1.2;
  }
  details.calendar > summary::-webkit-details-marker {
    display: none;
  }
  details.calendar > summary::after {
    content: '';
    width: 0.45em;
    height: 0.45em;
    margin-inline-start: 0.6em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
  }
  details.calendar[open] > summary::after {
    transform: translateY(25%) rotate(-135deg);
  }
  details.calendar ul {
    display: grid;
    gap: var(--_mk-space-1);
    margin: var(--_mk-space-2) 0 0;
    padding: var(--_mk-space-2);
    min-width: 14em;
    list-style: none;
    border: 1px solid var(--_mk-border);
    border-radius: var(--_mk-radius-sm);
    background: var(--_mk-surface);
  }
  details.calendar li > a,
  details.calendar li > button {
    display: block;
    width: 100%;
    padding: 0.35em 0.5em;
    border: 0;
    border-radius: var(--_mk-radius-sm);
    background: none;
    color: var(--_mk-accent);
    font: inherit;
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }
  details.calendar li > a:hover,
  details.calendar li > button:hover {
    background: color-mix(in srgb, var(--_mk-accent) 10%, transparent);
  }
  .objectives ol,
  .presenters {
    margin: var(--_mk-space-2) 0 0;
    padding-inline-start: 1.4em;
  }
  .objectives ol {
    list-style: decimal;
  }
  .objectives li + li {
    margin-block-start: var(--_mk-space-1);
  }
  .presenters {
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_mk-space-1);
  }
  .presenters .role {
    color: var(--_mk-muted);
  }
  .recording {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mk-space-2);
  }
  .request {
    display: grid;
    gap: var(--_mk-space-1);
    padding: var(--_mk-space-3);
    border-radius: var(--_mk-radius-sm);
    background: var(--_mk-surface-alt);
  }
  .section-title {
    margin: var(--_mk-space-5) 0 var(--_mk-space-3);
    font-size: var(--_mk-font-size-lg);
    font-weight: 700;
  }

  @container (max-width: 30em) {
    .item {
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_mk-space-2);
    }
    .leaf {
      display: flex;
      gap: var(--_mk-space-2);
      justify-content: start;
      width: max-content;
      padding: var(--_mk-space-1) var(--_mk-space-2);
    }
    .leaf .day {
      font-size: 1em;
    }
  }
`;

export const styles = [feedViewStyles, own];
