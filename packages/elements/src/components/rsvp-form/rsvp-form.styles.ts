import { css } from 'lit';

export const styles = css`
  :host {
    --_bg: var(--mk-rsvp-form-background, var(--_mk-surface));
    --_border: var(--mk-rsvp-form-border, 1px solid var(--_mk-border));
    --_radius: var(--mk-rsvp-form-radius, var(--_mk-radius));
    --_padding: var(--mk-rsvp-form-padding, var(--_mk-space-5));
    --_control-border: var(--mk-rsvp-form-control-border, 1px solid color-mix(in srgb, var(--_mk-border) 45%, var(--_mk-text)));
    max-width: var(--mk-rsvp-form-max-width, 40em);
  }
  .card {
    display: grid;
    gap: var(--_mk-space-4);
    padding: var(--_padding);
    border: var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: var(--_mk-shadow);
  }
  .header {
    display: grid;
    gap: var(--_mk-space-1);
    padding-block-end: var(--_mk-space-3);
    border-block-end: 1px solid var(--_mk-border);
  }
  .eyebrow {
    color: var(--_mk-accent);
    font-size: var(--_mk-font-size-sm);
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  .title {
    font-size: var(--_mk-font-size-xl);
    font-weight: 700;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .time {
    font-weight: 600;
  }
  .local-time,
  .hint {
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
  }
  .notice {
    display: grid;
    gap: var(--_mk-space-1);
    padding: var(--_mk-space-3) var(--_mk-space-4);
    border: 1px solid var(--_mk-border);
    border-inline-start: 4px solid var(--_mk-muted);
    border-radius: var(--_mk-radius-sm);
    background: var(--_mk-surface-alt);
  }
  .notice.success {
    border-inline-start-color: var(--_mk-success);
  }
  .notice.warning {
    border-inline-start-color: var(--_mk-warning);
  }
  .notice.danger {
    border-inline-start-color: var(--_mk-danger);
  }
  .link-button {
    background: none;
    border: none;
    padding: 0;
    color: inherit;
    font: inherit;
    text-decoration: underline;
    text-transform: none;
    cursor: pointer;
  }
  .notice-title {
    font-weight: 700;
  }
  .notice:focus-visible,
  .error-summary:focus-visible {
    outline: var(--_mk-focus-outline);
    outline-offset: 2px;
  }
  .notice .button {
    justify-self: start;
    margin-block-start: var(--_mk-space-2);
  }
  .tier-openings,
  .tiers ol {
    margin: var(--_mk-space-1) 0 0;
    padding-inline-start: 1.3em;
  }
  details > summary {
    cursor: pointer;
    color: var(--_mk-accent);
    font-weight: 600;
  }
  .error-summary {
    display: grid;
    gap: var(--_mk-space-2);
    padding: var(--_mk-space-4);
    border: 2px solid var(--_mk-danger);
    border-radius: var(--_mk-radius-sm);
  }
  .error-summary .notice-title {
    color: var(--_mk-danger);
  }
  .error-summary ul {
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: var(--_mk-danger);
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: var(--_mk-space-1);
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .field.invalid {
    padding-inline-start: var(--_mk-space-3);
    border-inline-start: 4px solid var(--_mk-danger);
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-block-end: var(--_mk-space-1);
  }
  .req {
    color: var(--_mk-danger);
  }
  .field-error {
    color: var(--_mk-danger);
    font-weight: 600;
    font-size: var(--_mk-font-size-sm);
  }
  input[type='text'],
  input[type='email'],
  select,
  textarea {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.7em;
    border: var(--_control-border);
    border-radius: var(--_mk-radius-sm);
    background: var(--_mk-surface);
    color: var(--_mk-text);
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_mk-danger);
    border-width: 2px;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: var(--_mk-focus-outline);
    outline-offset: 1px;
  }
  .check-row {
    display: flex;
    align-items: flex-start;
    gap: var(--_mk-space-2);
  }
  .check-row label {
    font-weight: 400;
  }
  input[type='checkbox'] {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0.15em 0 0;
    accent-color: var(--_mk-accent);
  }
  .hp {
    position: absolute !important;
    left: -10000px !important;
    width: 1px !important;
    height: 1px !important;
    overflow: hidden !important;
  }
  .submit-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mk-space-3);
    padding-block-start: var(--_mk-space-2);
  }
  /* Printed, the form keeps what it says about the session and the window; its fields are for screens. */
  @media print {
    .field,
    .submit-row,
    .error-summary,
    .hp,
    .hint,
    [part='eligibility'] {
      display: none !important;
    }
  }
`;
