/** The global tokens a page sets for every mentorkit widget, as the theming playground offers them. */

export interface TokenArgs {
  theme?: string;
  accent: string;
  accentContrast: string;
  surface: string;
  surfaceAlt: string;
  text: string;
  muted: string;
  border: string;
  /** Corner radius in pixels (`--mk-radius`; the small radius is half of it). */
  radius: number;
  font: string;
}

/** The defaults in packages/elements/src/internal/tokens.styles.ts (light scheme). */
export const DEFAULT_TOKENS: Omit<TokenArgs, 'theme'> = {
  accent: '#1d4f91',
  accentContrast: '#ffffff',
  surface: '#ffffff',
  surfaceAlt: '#f4f6f9',
  text: '#1b1f24',
  muted: '#545d69',
  border: '#d5dae1',
  radius: 8,
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
};

/** Font stacks offered by the playground (system fonts only: nothing to download). */
export const FONTS: Record<string, string> = {
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif": 'System (default)',
  "Georgia, 'Times New Roman', serif": 'Georgia (serif)',
  "'Trebuchet MS', 'Lucida Grande', sans-serif": 'Trebuchet (humanist sans)',
  "ui-monospace, 'SFMono-Regular', Menlo, monospace": 'Monospace',
};

/** The CSS a page puts on an ancestor of the widgets for these args. */
export function tokenCss(args: Omit<TokenArgs, 'theme'>): Record<string, string> {
  return {
    '--mk-color-accent': args.accent,
    '--mk-color-accent-contrast': args.accentContrast,
    '--mk-color-surface': args.surface,
    '--mk-color-surface-alt': args.surfaceAlt,
    '--mk-color-text': args.text,
    '--mk-color-muted': args.muted,
    '--mk-color-border': args.border,
    '--mk-radius': `${args.radius}px`,
    '--mk-radius-sm': `${Math.round(args.radius / 2)}px`,
    '--mk-font-family': args.font,
  };
}
