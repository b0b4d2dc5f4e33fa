import { css } from 'lit';

/**
 * The console's own layout on top of the widgets' tokens (`--_mk-*`, set once on <mk-console> and inherited
 * by every view). Touch targets are at least 44 px (2.75rem) for use on a phone at the door.
 */
export const consoleStyles = css`
  :host {
    display: block;
    color: var(--_mk-text);
  }
  h1 {
    font-size: var(--_mk-font-size-xl);
    line-height: 1.25;
    margin: 0 0 var(--_mk-space-3);
  }
  h1:focus {
    outline: none;
  }
  h2 {
    font-size: var(--_mk-font-size-lg);
    margin: var(--_mk-space-5) 0 var(--_mk-space-2);
  }
  p + p {
    margin-top: var(--_mk-space-2);
  }
  .muted {
    color: var(--_mk-muted);
  }
  .button,
  button,
  input,
  select,
  textarea {
    min-height: 2.75rem;
    font: inherit;
  }
  input,
  select,
  textarea {
    color: var(--_mk-text);
    background: var(--_mk-surface);
    border: 1px solid var(--_mk-muted);
    border-radius: var(--_mk-radius-sm);
    padding: 0.4em 0.6em;
    max-width: 100%;
  }
  textarea {
    min-height: 6em;
    width: 100%;
  }
  label {
    display: inline-flex;
    flex-direction: column;
    gap: var(--_mk-space-1);
    font-weight: 600;
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    font-weight: normal;
    min-height: 2.75rem;
  }
  label.inline input {
    min-height: auto;
    width: 1.25em;
    height: 1.25em;
  }
  .toolbar,
  .row-actions,
  form.inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mk-space-2);
    align-items: end;
  }
  .row-actions {
    align-items: center;
  }
  .button.small {
    min-height: 2.75rem;
    padding: 0.3em 0.7em;
    font-weight: 600;
  }
  .button.danger {
    background: transparent;
    border-color: var(--_mk-danger);
    color: var(--_mk-danger);
  }
  .panel {
    border: 1px solid var(--_mk-border);
    border-radius: var(--_mk-radius);
    padding: var(--_mk-space-4);
    background: var(--_mk-surface);
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--_mk-font-size-sm);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: var(--_mk-space-2);
  }
  th,
  td {
    text-align: start;
    padding: var(--_mk-space-2);
    border-bottom: 1px solid var(--_mk-border);
    vertical-align: top;
  }
  th button.sort {
    all: unset;
    cursor: pointer;
    font-weight: 700;
    min-height: 2.75rem;
    display: inline-flex;
    align-items: center;
  }
  th button.sort:focus-visible {
    outline: var(--_mk-focus-outline);
  }
  .bar {
    position: relative;
    height: 0.75em;
    min-width: 8em;
    border: 1px solid var(--_mk-muted);
    border-radius: 999px;
    overflow: hidden;
    background: var(--_mk-surface-alt);
  }
  .bar > span {
    position: absolute;
    inset: 0 auto 0 0;
    background: var(--_mk-accent);
  }
  .bar.full > span {
    background: var(--_mk-warning);
  }
  [role='alert'] {
    border-inline-start: 4px solid var(--_mk-danger);
    padding: var(--_mk-space-2) var(--_mk-space-3);
    margin: var(--_mk-space-3) 0;
    background: var(--_mk-surface-alt);
  }
  .notice {
    border-inline-start: 4px solid var(--_mk-accent);
    padding: var(--_mk-space-2) var(--_mk-space-3);
    margin: var(--_mk-space-3) 0;
    background: var(--_mk-surface-alt);
  }
  .notice:empty {
    display: none;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0;
  }
`;

/** Occurrence cards: a grid that becomes one column on a phone. */
export const cardStyles = css`
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
    gap: var(--_mk-space-4);
  }
  .cards h2 {
    margin-top: 0;
  }
  dl {
    display: grid;
    gap: var(--_mk-space-1);
    margin: var(--_mk-space-3) 0;
  }
  dl > div {
    display: grid;
    grid-template-columns: 7.5em 1fr;
    gap: var(--_mk-space-2);
  }
  dt {
    font-weight: 600;
  }
  .capacity {
    display: grid;
    max-width: 24rem;
    gap: var(--_mk-space-1);
  }
`;

export const formStyles = css`
  label.block {
    display: flex;
  }
  fieldset {
    border: 1px solid var(--_mk-border);
    border-radius: var(--_mk-radius-sm);
    margin: 0 0 var(--_mk-space-3);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mk-space-3);
  }
  form.panel p {
    margin-top: var(--_mk-space-3);
  }
`;
