/**
 * Filtering resources: pure functions over feed resources, so the list renders what they return and
 * tests can check them without a browser.
 */
import type { FeedResource } from '@mentorkit/core/browser';
import { RESOURCE_KINDS, type ResourceKind } from '../resource-card/icons.js';

/** Filters of `<mk-resource-list>` (the detail of its `mk-filter-change`). Empty means "any". */
export interface ResourceFilters {
  /** Kinds to show; none: every kind. */
  kinds: ResourceKind[];
  /** A curriculum theme id or a topic (compared without case); empty: any. */
  topic: string;
}

export interface TopicOption {
  /** What the `topic` attribute holds: the theme id for a theme, else the topic text. */
  value: string;
  label: string;
  count: number;
}

export interface KindOption {
  kind: ResourceKind;
  count: number;
}

const key = (text: string) => text.trim().toLocaleLowerCase();

/** Only known kinds, each once, in the canonical order; unknown words in the attribute are ignored. */
export function normalizeKinds(kinds: readonly string[]): ResourceKind[] {
  const wanted = new Set(kinds.map((k) => k.trim().toLowerCase()));
  return RESOURCE_KINDS.filter((k) => wanted.has(k));
}

/**
 * Whether a resource is about `topic`: a theme with that id or title, or a topic with that text. When
 * `topic` is a theme id, `themeTitle` is that theme's title, so resources that only name it as a free-text
 * topic match too.
 */
export function matchesTopic(resource: FeedResource, topic: string, themeTitle?: string): boolean {
  const wanted = new Set([key(topic), ...(themeTitle ? [key(themeTitle)] : [])].filter(Boolean));
  if (wanted.size === 0) return true;
  return resource.themes.some((t) => t.id === topic.trim() || wanted.has(key(t.title))) || resource.topics.some((t) => wanted.has(key(t)));
}

export function filterResources(resources: readonly FeedResource[], filters: ResourceFilters): FeedResource[] {
  const kinds = new Set(filters.kinds);
  const topic = filters.topic.trim();
  const themeTitle = topic ? resources.flatMap((r) => r.themes).find((t) => t.id === topic)?.title : undefined;
  return resources.filter((r) => (kinds.size === 0 || kinds.has(r.kind)) && matchesTopic(r, topic, themeTitle));
}

/** The kinds present, with counts, in the canonical order. */
export function kindOptions(resources: readonly FeedResource[]): KindOption[] {
  const counts = new Map<ResourceKind, number>();
  for (const r of resources) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return RESOURCE_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

/**
 * Themes and topics present, one option per label (a theme and a topic of the same name are one
 * option, valued by the theme id), sorted by label in `locale`.
 */
export function topicOptions(resources: readonly FeedResource[], locale: string): TopicOption[] {
  const byLabel = new Map<string, TopicOption>();
  for (const r of resources) {
    const seen = new Set<string>();
    const labels: { value: string; label: string; theme: boolean }[] = [
      ...r.themes.map((t) => ({ value: t.id, label: t.title.trim(), theme: true })),
      ...r.topics.map((t) => ({ value: t.trim(), label: t.trim(), theme: false })),
    ];
    for (const { value, label, theme } of labels) {
      const k = key(label);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      const existing = byLabel.get(k);
      if (existing) {
        existing.count += 1;
        if (theme) existing.value = value;
      } else {
        byLabel.set(k, { value, label, count: 1 });
      }
    }
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...byLabel.values()].sort((a, b) => collator.compare(a.label, b.label));
}
