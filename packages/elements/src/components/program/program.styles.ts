import { css } from 'lit';
import { feedViewStyles } from '../../internal/feed-view.styles.js';

const own = css`
  :host {
    --_max: var(--mk-program-max-width, 52em);
    --_question-border: var(--mk-program-question-border-color, var(--_mk-border));
  }

  .program {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-3);
    max-width: var(--_max);
  }

  .program > :is(h1, h2, h3, h4, h5, h6),
  .program p,
  .program ul {
    margin: 0;
  }

  .description {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-2);
  }

  .section-title {
    margin-top: var(--_mk-space-3);
  }

  ul.outcomes,
  ul.delivery,
  ul.contacts {
    padding-inline-start: 1.25em;
  }

  .faq {
    border-top: 1px solid var(--_question-border);
  }

  .question {
    border-bottom: 1px solid var(--_question-border);
    padding-block: var(--_mk-space-2);
  }

  .question summary {
    cursor: pointer;
    font-weight: 600;
  }

  .answer {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space-2);
    padding-block-start: var(--_mk-space-2);
  }

  .contact-for {
    font-weight: 600;
  }

  a {
    overflow-wrap: anywhere;
  }
`;

export const programStyles = [feedViewStyles, own];
