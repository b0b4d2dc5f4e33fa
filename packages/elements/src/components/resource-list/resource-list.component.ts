import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import type { Feed, FeedResource } from '@mentorkit/core/browser';
import { MkElement } from '../../internal/mk-element.js';
import { FeedController, describeFeedError } from '../../internal/feed-controller.js';
import { msg, str } from '../../internal/localize.js';
import { kindLabel, markValidated } from '../resource-card/resource-card.component.js';
import { checkIcon, kindIcon, type ResourceKind } from '../resource-card/icons.js';
import { toHeadingLevel } from '../../internal/converters.js';
import { emptyState, errorState, fallbackOr, formatCount, isOne, loadingState } from '../../internal/feed-view.js';
import { filterResources, kindOptions, normalizeKinds, topicOptions, type KindOption, type ResourceFilters, type TopicOption } from './resource-filter.js';
import { resourceListStyles } from './resource-list.styles.js';

export type { ResourceFilters } from './resource-filter.js';

/** `kind="video course"` ⇄ `['video', 'course']`. */
const kindsConverter = {
  fromAttribute: (value: string | null): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly string[] | undefined): string | null => (value?.length ? value.join(' ') : null),
};

/**
 * A filterable grid of learning resources from a mentoring catalog, each shown as an
 * `<mk-resource-card>`. Visitors narrow it by kind (toggle buttons) and topic (a select); the number
 * of results is announced politely. The filters are also attributes, so a page can open it already
 * filtered, or hide the controls and show one fixed selection.
 *
 * Register it with `@mentorkit/elements/define/resource-list` (which also registers
 * `<mk-resource-card>`); importing the class registers nothing.
 *
 * @summary A filterable grid of resources from a mentorkit feed.
 *
 * @csspart filters - The filter controls.
 * @csspart kind-filter - The fieldset of kind toggle buttons.
 * @csspart kind-button - One kind toggle button (also "All").
 * @csspart topic-select - The topic `<select>`.
 * @csspart clear-button - The "Clear filters" button.
 * @csspart count - The result count (a polite live region).
 * @csspart list - The grid of resources (`<ul>`).
 * @csspart item - One grid cell (`<li>`).
 * @csspart card - Each `<mk-resource-card>`; its own parts are exported as `card-<part>` (e.g. `card-title`).
 * @csspart no-results - The message when the filters match nothing.
 * @csspart empty - The state when the feed has no resources.
 * @csspart error - The error state.
 * @csspart loading - The loading state.
 *
 * @cssproperty --mk-resource-list-gap - Space between cards. Default: `--mk-space-5`.
 * @cssproperty --mk-resource-list-card-min-width - Narrowest a card gets before the grid drops a column. Default: `19em`.
 * @cssproperty --mk-resource-list-filters-background - Background of the filter bar. Default: `--mk-color-surface-alt`.
 * @cssproperty --mk-resource-list-chip-radius - Corner radius of the kind buttons. Default: `999px`.
 *
 * @fires mk-filter-change - When the visitor changes a filter (not when the page sets an attribute). Detail: `ResourceFilters` (`{ kinds, topic }`). Bubbles, composed, so a page may keep the filters in its URL.
 */
export class MkResourceList extends MkElement {
  static override styles = [MkElement.styles, resourceListStyles];

  static override properties = {
    src: {},
    catalog: { attribute: false },
    resources: { attribute: false },
    kinds: { attribute: 'kind', reflect: true, converter: kindsConverter },
    topic: { reflect: true },
    hideFilters: { type: Boolean, attribute: 'hide-filters' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** URL of the feed JSON (built by `mentorkit build`). */
  declare src: string | undefined;
  /** A whole feed object; takes precedence over `src`. Assign a new object to reload. */
  declare catalog: Feed | undefined;
  /** Only resources (`FeedResource[]`); takes precedence over `src`. */
  declare resources: FeedResource[] | undefined;
  /**
   * Kinds to show (`video`, `course`, …); empty: all. The attribute is a space-separated list.
   * @attr kind
   */
  declare kinds: string[];
  /** A curriculum theme id or a topic to show; empty: all. (`theme` is the colour scheme.) */
  declare topic: string;
  /** Hides the filter controls; the `kind` and `topic` attributes still apply. */
  declare hideFilters: boolean;
  /** Heading level (1–6) of each card's title, to fit the page's outline. Default 3. */
  declare headingLevel: number;

  readonly #data = new FeedController(this, {
    source: () => ({ src: this.src, catalog: this.catalog, resources: this.resources }),
    isEmpty: (feed) => feed.resources.length === 0,
  });

  /** A long feed passed as a property is checked in slices: `updateComplete` waits for it. */
  protected override pendingWork(): Promise<unknown> | undefined {
    return this.#data.pending;
  }

  constructor() {
    super();
    this.kinds = [];
    this.topic = '';
    this.hideFilters = false;
    this.headingLevel = 3;
  }

  /** The current filters, as sent in `mk-filter-change`. */
  get filters(): ResourceFilters {
    return { kinds: normalizeKinds(this.kinds ?? []), topic: (this.topic ?? '').trim() };
  }

  /** Loads the feed again (after a network error). */
  reload(): void {
    this.#data.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kinds') && !Array.isArray(this.kinds)) this.kinds = kindsConverter.fromAttribute(String(this.kinds ?? ''));
  }

  #setFilters(next: ResourceFilters): void {
    this.kinds = next.kinds;
    this.topic = next.topic;
    this.dispatchEvent(new CustomEvent<ResourceFilters>('mk-filter-change', { detail: { kinds: [...next.kinds], topic: next.topic }, bubbles: true, composed: true }));
  }

  #toggleKind(kind: ResourceKind): void {
    const current = this.filters;
    const kinds = current.kinds.includes(kind) ? current.kinds.filter((k) => k !== kind) : normalizeKinds([...current.kinds, kind]);
    this.#setFilters({ ...current, kinds });
  }

  override render(): TemplateResult {
    const state = this.#data.state;
    switch (state.status) {
      case 'idle':
      case 'loading':
        return fallbackOr(this, () => loadingState(msg('Loading resources…', { id: 'resource-list-loading' })));
      case 'error':
        return fallbackOr(this, () =>
          errorState(
            msg('Resources could not be shown', { id: 'resource-list-error-title' }),
            describeFeedError(state.error),
            state.error.kind === 'invalid' ? undefined : () => this.#data.reload(),
          ),
        );
      case 'empty':
        return emptyState(msg('No resources yet', { id: 'resource-list-empty-title' }), msg('This catalog has not published any resources.', { id: 'resource-list-empty' }));
      case 'ready':
        // parseFeed has validated them; the cards need not parse them again.
        markValidated(state.feed.resources);
        return this.#renderResources(state.feed.resources);
    }
  }

  #renderResources(all: readonly FeedResource[]): TemplateResult {
    const filters = this.filters;
    const shown = filterResources(all, filters);
    const level = toHeadingLevel(this.headingLevel, 3);
    const active = filters.kinds.length > 0 || filters.topic !== '';
    return html`
      ${this.hideFilters ? nothing : this.#renderFilters(all, filters, active)}
      <p part="count" class="count" role="status">${countText(shown.length, all.length, this.locale)}</p>
      ${shown.length === 0
        ? html`<div part="no-results" class="state no-results">
            <p>${msg('No resources match these filters.', { id: 'resource-list-no-results' })}</p>
            ${this.hideFilters
              ? nothing
              : html`<button type="button" class="button secondary" @click=${() => this.#setFilters({ kinds: [], topic: '' })}>
                  ${msg('Clear filters', { id: 'filter-clear' })}
                </button>`}
          </div>`
        : html`<ul part="list" class="grid" role="list">
            ${repeat(
              shown,
              (r) => r.id,
              (r) => html`<li part="item" class="item">
                <mk-resource-card
                  part="card"
                  exportparts=${CARD_PARTS}
                  .resource=${r}
                  heading-level=${level}
                  theme=${this.theme ?? nothing}
                  lang=${this.locale}
                ></mk-resource-card>
              </li>`,
            )}
          </ul>`}
    `;
  }

  #renderFilters(all: readonly FeedResource[], filters: ResourceFilters, active: boolean): TemplateResult {
    const kinds: KindOption[] = kindOptions(all);
    // A kind asked for by the attribute but absent from the data still gets its button, to undo it.
    for (const k of filters.kinds) if (!kinds.some((o) => o.kind === k)) kinds.push({ kind: k, count: 0 });
    const topics: TopicOption[] = topicOptions(all, this.locale);
    if (filters.topic && !topics.some((t) => t.value === filters.topic)) topics.unshift({ value: filters.topic, label: filters.topic, count: 0 });
    const none = filters.kinds.length === 0;
    return html`<div part="filters" class="filters">
      ${kinds.length > 1 || !none
        ? html`<fieldset part="kind-filter" class="kinds">
            <legend class="filter-label">${msg('Type of resource', { id: 'resource-list-kind-legend' })}</legend>
            <div class="chips">
              <button type="button" part="kind-button" class="chip" aria-pressed=${none ? 'true' : 'false'} @click=${() => !none && this.#setFilters({ ...filters, kinds: [] })}>
                ${none ? checkIcon() : nothing}<span>${msg('All', { id: 'resource-list-kind-all' })}</span>
              </button>
              ${kinds.map((o) => {
                const pressed = filters.kinds.includes(o.kind);
                return html`<button type="button" part="kind-button" class="chip" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this.#toggleKind(o.kind)}>
                  ${pressed ? checkIcon() : kindIcon(o.kind)}<span>${kindLabel(o.kind)}</span><span class="chip-count" aria-hidden="true">${o.count}</span>
                </button>`;
              })}
            </div>
          </fieldset>`
        : nothing}
      ${topics.length > 0
        ? html`<div class="field">
            <label class="filter-label" for="topic">${msg('Topic', { id: 'filter-topic' })}</label>
            <select id="topic" part="topic-select" class="select" .value=${live(filters.topic)} @change=${(e: Event) => this.#setFilters({ ...filters, topic: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${filters.topic === ''}>${msg('All topics', { id: 'resource-list-topic-all' })}</option>
              ${topics.map((t) => html`<option value=${t.value} ?selected=${t.value === filters.topic}>${t.label}</option>`)}
            </select>
          </div>`
        : nothing}
      ${active
        ? html`<button type="button" part="clear-button" class="clear" @click=${() => this.#setFilters({ kinds: [], topic: '' })}>
            ${msg('Clear filters', { id: 'filter-clear' })}
          </button>`
        : nothing}
    </div>`;
  }
}

const CARD_PARTS = [
  'base',
  'image',
  'image-description',
  'body',
  'kind',
  'icon',
  'format',
  'title',
  'link',
  'byline',
  'access',
  'access-badge',
  'access-note',
  'description',
  'presenters',
  'presenter',
  'related',
  'facts',
  'modules',
  'module',
  'episodes',
  'episode',
  'highlights',
  'topics',
  'topic',
  'error',
]
  .map((p) => `${p}: card-${p}`)
  .join(', ');

/** "12 resources", or "Showing 3 of 12 resources" when filtered. */
function countText(shown: number, total: number, locale: string): string {
  const count = formatCount(shown, locale);
  const of = formatCount(total, locale);
  const one = isOne(total, locale);
  if (shown === total) return one ? msg(str`${count} resource`, { id: 'resource-list-count-one' }) : msg(str`${count} resources`, { id: 'resource-list-count' });
  return one
    ? msg(str`Showing ${count} of ${of} resource`, { id: 'resource-list-showing-one' })
    : msg(str`Showing ${count} of ${of} resources`, { id: 'resource-list-showing' });
}
