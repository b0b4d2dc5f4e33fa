import { css } from 'lit';

export const resourceCardStyles = css`
  :host {
    --_card-bg: var(--mk-resource-card-background, var(--_mk-surface));
    --_card-border: var(--mk-resource-card-border-color, var(--_mk-border));
    --_card-radius: var(--mk-resource-card-radius, var(--_mk-radius));
    --_card-padding: var(--mk-resource-card-padding, var(--_mk-space-5));
    --_card-shadow: var(--mk-resource-card-shadow, var(--_mk-shadow));
    --_card-icon: var(--mk-resource-card-icon-color, var(--_mk-accent));
    --_card-title: var(--mk-resource-card-title-color, var(--_mk-accent));
    --_card-image-ratio: var(--mk-resource-card-image-aspect-ratio, 16 / 9);
    height: 100%;
  }

  .card {
    display: flex;
    flex-direction: column;
    height: 100%;
    overflow: hidden;
    background: var(--_card-bg);
    border: 1px solid var(--_card-border);
    border-radius: var(--_card-radius);
    box-shadow: var(--_card-shadow);
  }

  .image {
    display: block;
    width: 100%;
    aspect-ratio: var(--_card-image-ratio);
    object-fit: cover;
    background: var(--_mk-surface-alt);
    border-bottom: 1px solid var(--_card-border);
  }

  /* An image known only by its description: the text, in the image's place and shape. */
  .image-description {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--_mk-space-2);
    aspect-ratio: var(--_card-image-ratio);
    padding: var(--_mk-space-4);
    background: var(--_mk-surface-alt);
    border-bottom: 1px solid var(--_card-border);
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
    font-style: italic;
    text-align: center;
    overflow: auto;
    overflow-wrap: anywhere;
  }

  .image-description .icon {
    flex: none;
    width: 1.5em;
    height: 1.5em;
  }

  .body {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-3);
    padding: var(--_card-padding);
    min-width: 0;
  }

  .kind {
    display: flex;
    align-items: center;
    gap: var(--_mk-space-2);
    color: var(--_mk-muted);
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }

  /* In the 13px kind line: a 32px circle, 6px padding. Rounded up, as layout truncates to 1/64 px. */
  .kind .icon {
    flex: none;
    width: 2.462em;
    height: 2.462em;
    padding: 0.4616em;
    border-radius: 50%;
    color: var(--_card-icon);
    background: color-mix(in srgb, var(--_card-icon) 12%, var(--_card-bg));
  }

  .format {
    margin-inline-start: auto;
    padding: 0.1em 0.5em;
    border: 1px solid var(--_card-border);
    border-radius: var(--_mk-radius-sm);
    color: var(--_mk-text);
    letter-spacing: 0.04em;
    overflow-wrap: anywhere;
  }

  .title {
    font-size: var(--_mk-font-size-lg);
    font-weight: 650;
    line-height: 1.3;
    color: var(--_mk-text);
    text-wrap: balance;
    overflow-wrap: anywhere;
  }

  .title a {
    color: var(--_card-title);
    text-decoration: underline;
    text-decoration-color: color-mix(in srgb, var(--_card-title) 35%, transparent);
    text-decoration-thickness: 1px;
  }

  .title a:hover {
    text-decoration-color: currentColor;
  }

  .byline {
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
    overflow-wrap: anywhere;
  }

  .byline a {
    color: inherit;
  }

  .access {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_mk-space-1) var(--_mk-space-2);
    padding: var(--_mk-space-2) var(--_mk-space-3);
    border-inline-start: 3px solid var(--_mk-warning);
    border-radius: var(--_mk-radius-sm);
    background: color-mix(in srgb, var(--_mk-warning) 8%, var(--_card-bg));
    font-size: var(--_mk-font-size-sm);
  }

  .access-badge {
    background: transparent;
    border: 0;
    padding: 0;
    white-space: normal;
  }

  .access-badge .icon {
    width: 1.05em;
    height: 1.05em;
    align-self: center;
  }

  .access-note {
    color: var(--_mk-text);
    overflow-wrap: anywhere;
  }

  .description {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-2);
    overflow-wrap: anywhere;
  }

  .presenters,
  .related {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-1);
    padding: 0;
    list-style: none;
    overflow-wrap: anywhere;
  }

  .presenter .role,
  .related .relation {
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
    font-weight: 600;
    margin-inline-end: 0.4em;
  }

  .presenter-details,
  .citation {
    color: var(--_mk-muted);
  }

  .related cite {
    font-style: italic;
  }

  .footer {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-3);
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mk-space-2) var(--_mk-space-5);
    padding-top: var(--_mk-space-3);
    border-top: 1px solid var(--_card-border);
    font-size: var(--_mk-font-size-sm);
  }

  .audiences {
    display: flex;
    flex-direction: column;
  }

  .fact {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }

  /* 13px in the 14px facts, like the other labels; exactly, as text at a size a hair off 13px lays out differently. */
  .fact dt {
    color: var(--_mk-muted);
    font-size: calc(13em / 14);
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }

  .fact dd {
    display: flex;
    align-items: center;
    gap: 0.3em;
    overflow-wrap: anywhere;
  }

  .fact .icon {
    width: 1em;
    height: 1em;
    color: var(--_mk-muted);
  }

  .section {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-1);
  }

  .label {
    color: var(--_mk-muted);
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }

  .steps {
    padding: 0;
    list-style: none;
    counter-reset: step;
  }

  .step {
    counter-increment: step;
    display: grid;
    grid-template-columns: 1.75em 1fr auto;
    column-gap: var(--_mk-space-2);
    align-items: baseline;
    padding-block: 0.3em;
    border-bottom: 1px dashed var(--_card-border);
  }

  .step:last-child {
    border-bottom: 0;
  }

  .step::before {
    content: counter(step);
    grid-row: span 2;
    align-self: start;
    display: grid;
    place-items: center;
    /* Of its own 12px: 24px, 0.8px. */
    width: 2em;
    height: 2em;
    margin-top: 0.06667em;
    border-radius: 50%;
    background: var(--_mk-surface-alt);
    border: 1px solid var(--_card-border);
    color: var(--_mk-muted);
    font-size: 0.75em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .step-title {
    overflow-wrap: anywhere;
  }

  .item-duration {
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }

  .step-description {
    grid-column: 2 / -1;
    color: var(--_mk-muted);
    font-size: var(--_mk-font-size-sm);
  }

  .highlights {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-1);
    padding: 0;
    list-style: none;
  }

  .highlights li {
    display: flex;
    gap: var(--_mk-space-2);
    align-items: baseline;
  }

  .highlights .icon {
    flex: none;
    width: 1em;
    height: 1em;
    color: var(--_mk-success);
    transform: translateY(0.15em);
  }

  .topics {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_mk-space-1) var(--_mk-space-2);
    padding: 0;
    list-style: none;
  }

  .topic {
    padding: 0.05em 0.65em;
    border-radius: 999px;
    background: var(--_mk-surface-alt);
    border: 1px solid var(--_card-border);
    color: var(--_mk-text);
    font-size: 0.8125em;
    overflow-wrap: anywhere;
  }

  .error {
    padding: var(--_mk-space-3) var(--_mk-space-4);
    border: 1px solid var(--_mk-danger);
    border-radius: var(--_card-radius);
    color: var(--_mk-danger);
    background: var(--_card-bg);
    overflow-wrap: anywhere;
  }
`;
