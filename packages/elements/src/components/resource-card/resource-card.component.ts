import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { parseFeedResource, type FeedResource } from '@mentorkit/core/browser';
import { MkElement } from '../../internal/mk-element.js';
import { msg, str } from '../../internal/localize.js';
import { formatPartialDate } from '../../internal/format.js';
import { checkIcon, clockIcon, kindIcon, lockIcon, pictureIcon, type ResourceKind } from './icons.js';
import { formatDuration, minutesToParts, toIsoDuration, type DurationParts } from '../../internal/duration.js';
import { durationMinutes, parseIsoDuration, sumMinutes } from '../../internal/iso-duration.js';
import { heading, httpHref, joinList, paragraphs } from './render-helpers.js';
import { toHeadingLevel } from '../../internal/converters.js';
import { resourceCardStyles } from './resource-card.styles.js';

type Checked = { ok: true; resource: FeedResource } | { ok: false; path: string; message: string };

/** The kind as people say it, in the current messages locale (call while rendering). */
export function kindLabel(kind: ResourceKind): string {
  switch (kind) {
    case 'video':
      return msg('Video', { id: 'resource-kind-video' });
    case 'video-series':
      return msg('Video series', { id: 'resource-kind-video-series' });
    case 'article':
      return msg('Article', { id: 'resource-kind-article' });
    case 'report':
      return msg('Report', { id: 'resource-kind-report' });
    case 'book':
      return msg('Book', { id: 'resource-kind-book' });
    case 'guide':
      return msg('Guide', { id: 'resource-kind-guide' });
    case 'worksheet':
      return msg('Worksheet', { id: 'resource-kind-worksheet' });
    case 'course':
      return msg('Course', { id: 'resource-kind-course' });
    case 'website':
      return msg('Website', { id: 'resource-kind-website' });
    case 'recording':
      return msg('Recording', { id: 'resource-kind-recording' });
    case 'template':
      return msg('Template', { id: 'resource-kind-template' });
    case 'checklist':
      return msg('Checklist', { id: 'resource-kind-checklist' });
    case 'document':
      return msg('Document', { id: 'resource-kind-document' });
    case 'slides':
      return msg('Slides', { id: 'resource-kind-slides' });
    case 'handout':
      return msg('Handout', { id: 'resource-kind-handout' });
  }
}

type Relation = NonNullable<FeedResource['related']>[number]['relation'];

/** How a related work is introduced ("Recording of"), in the current messages locale. */
export function relationLabel(relation: Relation): string {
  switch (relation) {
    case 'recording-of':
      return msg('Recording of', { id: 'resource-relation-recording-of' });
    case 'based-on':
      return msg('Based on', { id: 'resource-relation-based-on' });
    case 'accompanies':
      return msg('Accompanies', { id: 'resource-relation-accompanies' });
    case 'part-of':
      return msg('Part of', { id: 'resource-relation-part-of' });
    case 'has-part':
      return msg('Includes', { id: 'resource-relation-has-part' });
    case 'version-of':
      return msg('Version of', { id: 'resource-relation-version-of' });
  }
}

/** What the access badge says; undefined for public resources (they get no badge). */
export function accessLabel(level: FeedResource['access']['level']): string | undefined {
  switch (level) {
    case 'institutional':
      return msg('Institution login required', { id: 'access-institutional' });
    case 'registered':
      return msg('Registration required', { id: 'access-registered' });
    case 'restricted':
      return msg('Restricted access', { id: 'access-restricted' });
    default:
      return undefined;
  }
}

/** Topics and curriculum themes together, each once (compared without case). */
export function resourceTopics(resource: FeedResource): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const label of [...resource.topics, ...resource.themes.map((t) => t.title)]) {
    const key = label.trim().toLocaleLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(label.trim());
  }
  return out;
}

/**
 * One learning resource from a mentoring catalog — a course, a video series, a book, a guide — with
 * what a reader needs to decide whether to open it: kind, provider and authors, description, duration,
 * modules or episodes, highlights, topics, audiences, and whether it needs an institutional login.
 *
 * The `resource` object is validated with the feed schema before it is shown; an invalid one shows a
 * short message naming the first problem instead. Catalog text is always rendered as text, and only
 * http(s) URLs become links.
 *
 * @summary A card for one resource (video, course, book, guide, …).
 *
 * @csspart base - The `<article>` around the card.
 * @csspart image - The `<img>` of the resource, when it has one.
 * @csspart image-description - In place of the image, the description of an image the catalog gives no file for.
 * @csspart body - Everything below the image.
 * @csspart kind - The kind line (icon, label and file format).
 * @csspart icon - The kind's icon.
 * @csspart format - The file format badge ("PDF").
 * @csspart title - The heading.
 * @csspart link - The title link, when the resource has a URL.
 * @csspart byline - Provider, authors, publisher and date.
 * @csspart access - The access badge and note (not public resources only).
 * @csspart access-badge - The badge ("Institution login required").
 * @csspart access-note - The note under the badge.
 * @csspart description - The description paragraphs.
 * @csspart presenters - The list of presenters, moderators and performers.
 * @csspart presenter - One of them: role, name and details.
 * @csspart related - The list of related works ("Recording of …", "Accompanies …").
 * @csspart facts - Duration, platform, pace and audience.
 * @csspart modules - The course's list of modules.
 * @csspart module - One module.
 * @csspart episodes - The video series' list of episodes.
 * @csspart episode - One episode.
 * @csspart highlights - The list of highlights.
 * @csspart topics - The list of topics.
 * @csspart topic - One topic.
 * @csspart error - The message shown instead of an invalid resource.
 *
 * @cssproperty --mk-resource-card-background - Card background. Default: `--mk-color-surface`.
 * @cssproperty --mk-resource-card-border-color - Card border colour. Default: `--mk-color-border`.
 * @cssproperty --mk-resource-card-radius - Corner radius. Default: `--mk-radius`.
 * @cssproperty --mk-resource-card-padding - Space inside the card. Default: `--mk-space-5`.
 * @cssproperty --mk-resource-card-shadow - Card shadow. Default: `--mk-shadow`.
 * @cssproperty --mk-resource-card-icon-color - Colour of the kind icon. Default: `--mk-color-accent`.
 * @cssproperty --mk-resource-card-title-color - Colour of the title. Default: `--mk-color-accent`.
 * @cssproperty --mk-resource-card-image-aspect-ratio - Shape of the image. Default: `16 / 9`.
 */
export class MkResourceCard extends MkElement {
  static override styles = [MkElement.styles, resourceCardStyles];

  static override properties = {
    resource: { attribute: false },
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** The resource, as in a feed's `resources` list. */
  declare resource: FeedResource | undefined;

  /**
   * Level (1–6) of the card's heading, so that it fits the outline of the page around it.
   * @attr heading-level
   */
  declare headingLevel: number;

  #checked: Checked | undefined;

  constructor() {
    super();
    this.headingLevel = 3;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('resource')) this.#checked = this.resource == null ? undefined : check(this.resource);
  }

  override render(): TemplateResult | typeof nothing {
    const checked = this.#checked;
    if (!checked) return nothing;
    if (!checked.ok) {
      const where = `${checked.path}: ${checked.message}`;
      return html`<p part="error" class="error">${msg(str`This resource cannot be shown (${where}).`, { id: 'resource-card-invalid' })}</p>`;
    }
    const r = checked.resource;
    const level = toHeadingLevel(this.headingLevel, 3);
    const href = httpHref(r.url);
    const restricted = accessLabel(r.access.level) !== undefined;
    const title = href
      ? html`<a part="link" href=${href} aria-describedby=${restricted ? 'access' : nothing}>${r.title}</a>`
      : html`<span>${r.title}</span>`;
    return html`
      <article part="base" class="card" aria-labelledby="title">
        ${this.#renderImage(r)}
        <div part="body" class="body">
          <p part="kind" class="kind">
            ${kindIcon(r.kind)}<span>${kindLabel(r.kind)}</span>
            ${r.format?.trim() ? html`<span part="format" class="format">${r.format}</span>` : nothing}
          </p>
          ${heading(level, 'title', title, 'title')} ${this.#renderByline(r)} ${this.#renderAccess(r)} ${paragraphs(r.description, 'description')}
          ${this.#renderPresenters(r)} ${this.#renderRelated(r)} ${this.#renderModules(r)} ${this.#renderEpisodes(r)} ${this.#renderHighlights(r)}
          ${this.#renderFooter(r)}
        </div>
      </article>
    `;
  }

  #renderImage(r: FeedResource): TemplateResult | typeof nothing {
    if (!r.image) return nothing;
    const src = httpHref(r.image.url);
    // An image the catalog only describes: its description, where the image would be, never a broken <img>.
    if (r.image.url === undefined && !r.image.decorative && r.image.alt?.trim()) {
      return html`<p part="image-description" class="image-description">
        ${pictureIcon()}<span><span class="visually-hidden">${msg('Image:', { id: 'resource-image-description' })} </span>${r.image.alt}</span>
      </p>`;
    }
    if (!src) return nothing;
    // Decorative images, and images whose author gave no alt text, are hidden from assistive technology.
    const alt = r.image.decorative ? '' : (r.image.alt ?? '');
    return html`<img part="image" class="image" src=${src} alt=${alt} loading="lazy" decoding="async" />`;
  }

  #renderByline(r: FeedResource): TemplateResult | typeof nothing {
    const items: TemplateResult[] = [];
    if (r.provider) {
      const url = httpHref(r.provider.url);
      items.push(html`<span class="provider">${url ? html`<a href=${url}>${r.provider.name}</a>` : r.provider.name}</span>`);
    }
    if (r.authors.length) {
      const authors = joinList(r.authors, this.locale);
      items.push(html`<span class="authors">${msg(str`By ${authors}`, { id: 'resource-authors' })}</span>`);
    }
    const published = r.published && formatPartialDate(r.published, this.locale);
    if (r.publisher || published) {
      items.push(html`<span class="publisher">${[r.publisher, published].filter(Boolean).join(', ')}</span>`);
    }
    if (!items.length) return nothing;
    return html`<p part="byline" class="byline">${items.map((item, i) => html`${i ? html`<span class="sep" aria-hidden="true"> · </span>` : nothing}${item}`)}</p>`;
  }

  #renderPresenters(r: FeedResource): TemplateResult | typeof nothing {
    if (!r.presenters?.length) return nothing;
    return html`<div class="section">
      <p class="label" id="presenters-label">${msg('Presenters', { id: 'resource-presenters' })}</p>
      <ul part="presenters" class="presenters" aria-labelledby="presenters-label">
        ${r.presenters.map((p) => {
          const href = httpHref(p.url);
          const details = [p.title, p.affiliation, p.note].filter(Boolean).join(', ');
          return html`<li part="presenter" class="presenter">
            <span class="role">${p.role}</span><span class="visually-hidden">: </span>
            <span class="presenter-name">${href ? html`<a href=${href}>${p.name}</a>` : p.name}</span>${details ? html`<span class="presenter-details">, ${details}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #renderRelated(r: FeedResource): TemplateResult | typeof nothing {
    if (!r.related?.length) return nothing;
    return html`<ul part="related" class="related">
      ${r.related.map((w) => {
        const href = httpHref(w.url);
        return html`<li>
          <span class="relation">${relationLabel(w.relation)}</span>
          <cite>${href ? html`<a href=${href}>${w.title}</a>` : w.title}</cite>${w.citation ? html`<span class="citation"> (${w.citation})</span>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  #renderAccess(r: FeedResource): TemplateResult | typeof nothing {
    const label = accessLabel(r.access.level);
    if (!label) return nothing;
    const platform = r.access.platform;
    const note = r.access.note ?? (platform ? msg(str`Available on ${platform}.`, { id: 'resource-access-platform' }) : undefined);
    return html`<p part="access" class="access" id="access">
      <span part="access-badge" class="badge warning access-badge">${lockIcon()}${label}</span>${note
        ? html`<span class="visually-hidden">. </span><span part="access-note" class="access-note">${note}</span>`
        : nothing}
    </p>`;
  }

  #renderFooter(r: FeedResource): TemplateResult | typeof nothing {
    const facts = this.#renderFacts(r);
    const topics = this.#renderTopics(r);
    return facts === nothing && topics === nothing ? nothing : html`<div class="footer">${facts}${topics}</div>`;
  }

  #renderFacts(r: FeedResource): TemplateResult | typeof nothing {
    const facts: [string, TemplateResult | string][] = [];
    const total = this.#totalDuration(r);
    if (total) {
      const label = r.kind === 'course' ? msg('Total time', { id: 'resource-total-duration' }) : msg('Duration', { id: 'resource-duration' });
      facts.push([label, html`${clockIcon()}<time datetime=${toIsoDuration(total)}>${formatDuration(total, this.locale)}</time>`]);
    }
    if (r.platform) facts.push([msg('Platform', { id: 'resource-platform' }), r.platform]);
    if (r.selfPaced !== undefined) {
      facts.push([
        msg('Pace', { id: 'resource-pace' }),
        r.selfPaced ? msg('Self-paced', { id: 'resource-self-paced' }) : msg('Scheduled', { id: 'resource-scheduled' }),
      ]);
    }
    if (r.audiences.length) {
      // One line each: audience names often contain "and" themselves, so a joined sentence would blur them.
      facts.push([msg('For', { id: 'resource-audience' }), html`<span class="audiences">${r.audiences.map((a) => html`<span>${a.name}</span>`)}</span>`]);
    }
    if (!facts.length) return nothing;
    return html`<dl part="facts" class="facts">
      ${facts.map(([term, value]) => html`<div class="fact"><dt>${term}</dt><dd>${value}</dd></div>`)}
    </dl>`;
  }

  /** The course total (or the video's length); for a course without one, the sum of its modules. */
  #totalDuration(r: FeedResource): DurationParts | undefined {
    const given = r.duration === undefined ? undefined : parseIsoDuration(r.duration);
    if (given) return given;
    const modules = r.modules ?? r.episodes;
    if (!modules?.length) return undefined;
    const minutes = sumMinutes(modules.map((m) => m.duration));
    if (minutes === undefined) return undefined;
    const usedHours = modules.some((m) => /H/i.test(m.duration ?? ''));
    return minutesToParts(minutes, usedHours);
  }

  #renderDuration(value: string | undefined): TemplateResult | typeof nothing {
    const parts = value === undefined ? undefined : parseIsoDuration(value);
    if (!parts || durationMinutes(parts) === 0) return nothing;
    return html`<time class="item-duration" datetime=${toIsoDuration(parts)}>${formatDuration(parts, this.locale)}</time>`;
  }

  #renderModules(r: FeedResource): TemplateResult | typeof nothing {
    if (!r.modules?.length) return nothing;
    return html`<div class="section">
      <p class="label" id="modules-label">${msg('Modules', { id: 'resource-modules' })}</p>
      <ol part="modules" class="steps" aria-labelledby="modules-label">
        ${r.modules.map(
          (m) => html`<li part="module" class="step">
            <span class="step-title">${m.title}</span>${this.#renderDuration(m.duration)}
            ${m.description ? html`<span class="step-description">${m.description}</span>` : nothing}
          </li>`,
        )}
      </ol>
    </div>`;
  }

  #renderEpisodes(r: FeedResource): TemplateResult | typeof nothing {
    if (!r.episodes?.length) return nothing;
    return html`<div class="section">
      <p class="label" id="episodes-label">${msg('Episodes', { id: 'resource-episodes' })}</p>
      <ol part="episodes" class="steps" aria-labelledby="episodes-label">
        ${r.episodes.map((e) => {
          const href = httpHref(e.url);
          return html`<li part="episode" class="step">
            <span class="step-title">${href ? html`<a href=${href}>${e.title}</a>` : e.title}</span>${this.#renderDuration(e.duration)}
          </li>`;
        })}
      </ol>
    </div>`;
  }

  #renderHighlights(r: FeedResource): TemplateResult | typeof nothing {
    if (!r.highlights.length) return nothing;
    return html`<div class="section">
      <p class="label" id="highlights-label">${msg('Highlights', { id: 'resource-highlights' })}</p>
      <ul part="highlights" class="highlights" aria-labelledby="highlights-label">
        ${r.highlights.map((h) => html`<li>${checkIcon()}<span>${h}</span></li>`)}
      </ul>
    </div>`;
  }

  #renderTopics(r: FeedResource): TemplateResult | typeof nothing {
    const topics = resourceTopics(r);
    if (!topics.length) return nothing;
    return html`<ul part="topics" class="topics" aria-label=${msg('Topics', { id: 'resource-topics' })}>
      ${topics.map((t) => html`<li part="topic" class="topic">${t}</li>`)}
    </ul>`;
  }
}

// Resources already validated as part of a feed (by `<mk-resource-list>`), so a list of a thousand
// cards does not parse each one twice.
const validated = new WeakSet<object>();

/** Marks resources that come out of `parseFeed` as valid (internal to the package). */
export function markValidated(resources: readonly FeedResource[]): void {
  for (const r of resources) validated.add(r);
}

function check(resource: unknown): Checked {
  if (typeof resource === 'object' && resource !== null && validated.has(resource)) return { ok: true, resource: resource as FeedResource };
  const result = parseFeedResource(resource);
  if (result.ok) return result;
  const issue = result.errors[0];
  const path = !issue || issue.path === '(root)' ? 'resource' : issue.path;
  return { ok: false, path, message: issue?.message ?? 'invalid' };
}
