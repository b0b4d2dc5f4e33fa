/**
 * What `<mk-curriculum>` shows, computed from the feed and a clock: for each theme (in the chosen
 * variant), the sessions that teach it, each marked past or upcoming. Pure, so it is tested without a
 * browser and never reads the wall clock.
 */
import type { FeedCurriculum, FeedOccurrence, FeedWorkshop } from '@mentorkit/core/browser';

export type CurriculumTheme = FeedCurriculum['themes'][number];
export type CurriculumVariant = FeedCurriculum['variants'][number];

/** `upcoming`: starts after now; `now`: under way; `past`: ended; `on-request`: booked on request; `undated`: no session in the feed's window. */
export type SessionTiming = 'upcoming' | 'now' | 'past' | 'on-request' | 'undated';

export interface ThemeSession {
  workshop: FeedWorkshop;
  occurrence: FeedOccurrence | undefined;
  timing: SessionTiming;
}

export interface ThemeView {
  theme: CurriculumTheme;
  /** The variants the theme is limited to (known ones only); empty: every variant. */
  onlyIn: CurriculumVariant[];
  /** Upcoming sessions first (soonest first), then undated and on-request offerings, then past (latest first). */
  sessions: ThemeSession[];
}

export interface CurriculumView {
  themes: ThemeView[];
  /** Themes left out because they are not in the chosen variant. */
  hidden: number;
  variant: CurriculumVariant | undefined;
}

/** Whether a theme belongs to a variant (a theme without `variants` belongs to all). */
export function themeInVariant(theme: CurriculumTheme, variantId: string): boolean {
  return !theme.variants?.length || theme.variants.includes(variantId);
}

/** Where an occurrence stands relative to `now`. */
export function timingOf(occurrence: FeedOccurrence, now: Date): SessionTiming {
  const t = now.getTime();
  if (Date.parse(occurrence.end) <= t) return 'past';
  if (Date.parse(occurrence.start) <= t) return 'now';
  return 'upcoming';
}

/**
 * Whether a workshop is meant for another variant than `variant`: its audiences meet another
 * variant's audiences and none of this one's. A workshop whose audience no variant names (a local
 * audience, say "research mentors in the health sciences") is not excluded.
 */
export function workshopForOtherVariant(workshop: FeedWorkshop, variant: CurriculumVariant, variants: readonly CurriculumVariant[]): boolean {
  const ids = new Set(workshop.audiences.map((a) => a.id));
  if (ids.size === 0) return false;
  if (variant.audiences.some((a) => ids.has(a.id))) return false;
  return variants.some((v) => v.id !== variant.id && v.audiences.some((a) => ids.has(a.id)));
}

const ORDER: Record<SessionTiming, number> = { now: 0, upcoming: 1, undated: 2, 'on-request': 3, past: 4 };

export function curriculumView(
  curriculum: FeedCurriculum,
  workshops: readonly FeedWorkshop[],
  options: { now: Date; variant?: string | undefined },
): CurriculumView {
  const variant = options.variant ? curriculum.variants.find((v) => v.id === options.variant) : undefined;
  const teaching = (theme: CurriculumTheme) =>
    workshops.filter(
      (w) => w.themes.some((t) => t.id === theme.id && t.curriculum === curriculum.id) && !(variant && workshopForOtherVariant(w, variant, curriculum.variants)),
    );

  const themes: ThemeView[] = [];
  let hidden = 0;
  for (const theme of curriculum.themes) {
    if (variant && !themeInVariant(theme, variant.id)) {
      hidden += 1;
      continue;
    }
    const sessions: ThemeSession[] = teaching(theme).flatMap((workshop): ThemeSession[] => {
      if (workshop.kind === 'request-only') return [{ workshop, occurrence: undefined, timing: 'on-request' }];
      if (workshop.occurrences.length === 0) return [{ workshop, occurrence: undefined, timing: 'undated' }];
      return workshop.occurrences.map((occurrence) => ({ workshop, occurrence, timing: timingOf(occurrence, options.now) }));
    });
    sessions.sort((a, b) => {
      const byTiming = ORDER[a.timing] - ORDER[b.timing];
      if (byTiming) return byTiming;
      const ta = a.occurrence ? Date.parse(a.occurrence.start) : 0;
      const tb = b.occurrence ? Date.parse(b.occurrence.start) : 0;
      const byTime = a.timing === 'past' ? tb - ta : ta - tb;
      // Ties (offerings without dates) in a fixed order, whatever the feed's order.
      return byTime || a.workshop.title.localeCompare(b.workshop.title) || a.workshop.id.localeCompare(b.workshop.id);
    });
    const onlyIn = (theme.variants ?? []).flatMap((id) => curriculum.variants.filter((v) => v.id === id));
    themes.push({ theme, onlyIn, sessions });
  }
  return { themes, hidden, variant };
}
