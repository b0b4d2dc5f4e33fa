/**
 * `@mentorkit/elements/tokens`: the widgets' design tokens and base styles as Lit `css`, for other front ends
 * that should look like the widgets (the organizer console). Importing it registers no tag.
 */
export { baseStyles, tokenStyles } from './internal/tokens.styles.js';
