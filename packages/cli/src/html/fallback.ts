import { formatStatedDuration, jsonLdScriptElement, occurrenceEnded, SESSION_RANGE_FORMAT, type Feed, type FeedCurriculum, type FeedOccurrence, type FeedProgram, type FeedResource, type FeedWorkshop } from '@mentorkit/core';
import { html, safeHref, type Html } from './html.js';

/**
 * No-JavaScript fallbacks: semantic HTML fragments a page puts inside a widget's tag as light-DOM content,
 * so the content reads before scripts run, or without them. Built from the feed, so they say what the
 * widgets say; "upcoming" and "past" are as of the build's clock (the widgets recompute them live).
 */
export interface FallbackFile {
  /** Path under the output folder, e.g. `fallback/workshop-list.html`. */
  path: string;
  content: string;
}

/** Occurrence dates listed per workshop before "and N more dates". */
const MAX_DATES = 10;

/** schema.org JSON-LD to carry in the fallbacks, so that a page with the fallback in it describes itself to search engines. */
export interface FallbackJsonLd {
  /** Written into the workshop list's fallback: the workshops' events, series and courses. */
  workshops?: unknown;
  /** Written into the resource list's fallback. */
  resources?: unknown;
}

export function renderFallbacks(feed: Feed, now: Date, jsonLd: FallbackJsonLd = {}): FallbackFile[] {
  const fmt = new DateFormats(feed.catalog.language);
  return [
    { path: 'fallback/workshop-list.html', content: page(workshopList(feed, now, fmt), jsonLd.workshops) },
    { path: 'fallback/resource-list.html', content: page(resourceList(feed), jsonLd.resources) },
    ...feed.curricula.map((c) => ({ path: `fallback/curriculum-${c.id}.html`, content: page(curriculum(feed, c)) })),
    ...feed.programs.flatMap((p) => [
      { path: `fallback/program-${p.id}.html`, content: page(program(feed, p)) },
      // For `<mk-program hide-title>`; in a folder of its own, so that no program id can make the same name.
      { path: `fallback/hide-title/program-${p.id}.html`, content: page(program(feed, p, { hideTitle: true })) },
    ]),
  ];
}

function page(fragment: Html, jsonLd?: unknown): string {
  // Escaped for the script element by core's one serialiser: catalog text can never end the element.
  const script = jsonLd !== undefined ? `${jsonLdScriptElement(jsonLd)}\n` : '';
  return `${script}${fragment.toString().trim()}\n`;
}

// --- Workshops ---------------------------------------------------------------------------------------

interface Dated {
  workshop: FeedWorkshop;
  /** Sort key: next start for upcoming, last start for past. */
  key: number;
}

function workshopList(feed: Feed, now: Date, fmt: DateFormats): Html {
  const language = feed.catalog.language;
  // core's occurrenceEnded, as the widgets judge it: one whose time is unknown stays to come through its last date in its own zone.
  const ended = (o: FeedOccurrence) => occurrenceEnded(o, now);
  const upcoming: Dated[] = [];
  const undated: FeedWorkshop[] = [];
  const past: Dated[] = [];
  const onRequest: FeedWorkshop[] = [];
  for (const w of feed.workshops) {
    if (w.kind === 'request-only') {
      onRequest.push(w);
      continue;
    }
    const next = w.occurrences.find((o) => !ended(o));
    const last = w.occurrences.at(-1);
    if (next) upcoming.push({ workshop: w, key: Date.parse(next.start) });
    else if (last) past.push({ workshop: w, key: Date.parse(last.start) });
    else if (w.lastHeld !== undefined) past.push({ workshop: w, key: Number.NEGATIVE_INFINITY });
    else undated.push(w);
  }
  upcoming.sort((a, b) => a.key - b.key);
  past.sort((a, b) => b.key - a.key);

  const group = (title: string, className: string, items: readonly Html[]): Html | undefined =>
    items.length === 0
      ? undefined
      : html`<h2>${title}</h2>
<ul class="${className}">
${items}</ul>
`;

  const groups = [
    group('Upcoming workshops', 'mk-workshops mk-upcoming', upcoming.map((d) => workshopItem(d.workshop, language, fmt, (o) => !ended(o)))),
    group('Past workshops', 'mk-workshops mk-past', past.map((d) => workshopItem(d.workshop, language, fmt, () => true, true))),
    // No dates in the feed's window: never dated, dated outside it, or described in prose ("twice a year").
    group('Not currently scheduled', 'mk-workshops mk-unscheduled', undated.map((w) => workshopItem(w, language, fmt, () => true))),
    group('Offered on request', 'mk-workshops mk-on-request', onRequest.map((w) => workshopItem(w, language, fmt, () => true))),
  ].filter((g): g is Html => g !== undefined);

  return html`<section class="mk-fallback mk-fallback-workshops" lang="${feed.catalog.language}">
${groups.length > 0 ? groups : html`<p>No workshops are listed yet.</p>\n`}</section>`;
}

function workshopItem(w: FeedWorkshop, language: string, fmt: DateFormats, show: (o: FeedOccurrence) => boolean, latestFirst = false): Html {
  let dates = w.occurrences.filter(show);
  if (latestFirst) dates = [...dates].reverse();
  const shown = dates.slice(0, MAX_DATES);
  const more = dates.length - shown.length;
  const href = safeHref(w.url);
  const formats = w.formats.flatMap((f) => formatLength(f, language) ?? []);
  const meta = [
    w.modality ? MODALITY[w.modality] : undefined,
    formats.length > 0 ? formats.join(' or ') : undefined,
    w.audiences.length > 0 ? `For ${list(w.audiences.map((a) => a.name))}` : w.audienceText,
  ].filter((x): x is string => x !== undefined);
  const presenters = w.presenters.map((p) => [p.name, p.title, p.affiliation].filter(Boolean).join(', '));
  return html`<li class="mk-workshop">
<article>
<h3>${href ? html`<a href="${href}">${w.title}</a>` : w.title}</h3>
${w.summary ? html`<p class="mk-summary">${w.summary}</p>\n` : ''}${
    shown.length > 0
      ? html`<ul class="mk-dates">
${shown.map((o) => occurrenceItem(o, fmt))}${more > 0 ? html`<li>and ${more} more ${more === 1 ? 'date' : 'dates'}</li>\n` : ''}</ul>
`
      : w.kind === 'scheduled'
        ? html`<p class="mk-schedule">${w.scheduleText ?? (w.lastHeld ? `Last held ${w.lastHeld}` : 'No dates announced')}</p>\n`
        : ''
  }${meta.length > 0 ? html`<p class="mk-meta">${meta.join(' · ')}</p>\n` : ''}${
    presenters.length > 0 ? html`<p class="mk-presenters">With ${list(presenters)}</p>\n` : ''
  }${w.request ? requestInfo(w.request) : ''}</article>
</li>
`;
}

/**
 * A format as the author gave it: its label as written, else its stated length through core's formatter
 * ("Half day", "2–3 days" — never turned into minutes), else its minutes.
 */
function formatLength(f: FeedWorkshop['formats'][number], language: string): string | undefined {
  if (f.label !== undefined) return f.label;
  if (f.duration) return formatStatedDuration(f.duration, language);
  return f.durationMinutes !== undefined ? `${f.durationMinutes} minutes` : undefined;
}

function occurrenceItem(o: FeedOccurrence, fmt: DateFormats): Html {
  const status = o.status === 'scheduled' ? undefined : STATUS[o.status];
  const label = [o.title, o.topic].filter(Boolean).join(': ');
  const where = o.location ? locationText(o.location) : undefined;
  const recording = o.recording ? safeHref(o.recording.url) : undefined;
  // A time the catalog marks unknown is never printed as a time: the date, and that the time is to come.
  const when = o.timeUnknown
    ? html`<time datetime="${o.start.slice(0, 10)}">${fmt.date(o.start, o.timeZone)}</time>, time to be announced`
    : html`<time datetime="${o.start}">${fmt.range(o.start, o.end, o.timeZone)}</time>`;
  return html`<li>${status ? html`<strong>${status}:</strong> ` : ''}${o.status === 'cancelled' ? html`<del>${when}</del>` : when}${
    label ? html` — ${label}` : ''
  }${where ? html` · ${where}` : ''}${o.statusNote ? html` (${o.statusNote})` : ''}${
    recording && o.recording
      ? html` · <a href="${recording}">Recording</a>${o.recording.access.level === 'public' ? '' : html` (${accessText(o.recording.access)})`}`
      : ''
  }</li>
`;
}

function requestInfo(r: NonNullable<FeedWorkshop['request']>): Html {
  const href = safeHref(r.url);
  const how =
    r.method === 'email' && r.email
      ? html`<a href="mailto:${r.email}">${r.email}</a>`
      : href
        ? html`<a href="${href}">${r.method === 'form' ? 'Request form' : href}</a>`
        : undefined;
  return html`<div class="mk-request">
${r.whoText ? html`<p>Who may request it: ${r.whoText}</p>\n` : ''}${how ? html`<p>How to request: ${how}</p>\n` : ''}${
    r.instructions ? html`<p>${r.instructions}</p>\n` : ''
  }${r.leadTime ? html`<p>${r.leadTime}</p>\n` : ''}</div>
`;
}

function locationText(l: NonNullable<FeedOccurrence['location']>): string {
  if (l.kind === 'online') return l.platform ? `Online (${l.platform})` : 'Online';
  const place = [l.venue, l.room].filter(Boolean).join(', ');
  return l.kind === 'hybrid' ? `${place} and online${l.platform ? ` (${l.platform})` : ''}` : place;
}

const MODALITY: Record<NonNullable<FeedWorkshop['modality']>, string> = { online: 'Online', 'in-person': 'In person', hybrid: 'Hybrid' };
const STATUS: Record<FeedOccurrence['status'], string> = {
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  postponed: 'Postponed',
  rescheduled: 'Rescheduled',
  'moved-online': 'Moved online',
};

function accessText(a: FeedResource['access']): string {
  const what = a.level === 'institutional' ? 'institutional login' : a.level === 'registered' ? 'for registered participants' : a.level === 'restricted' ? 'restricted' : 'public';
  return [what, a.platform, a.note].filter(Boolean).join('; ');
}

// --- Resources ---------------------------------------------------------------------------------------

function resourceList(feed: Feed): Html {
  return html`<section class="mk-fallback mk-fallback-resources" lang="${feed.catalog.language}">
${
  feed.resources.length > 0
    ? html`<ul class="mk-resources">
${feed.resources.map(resourceItem)}</ul>
`
    : html`<p>No resources are listed yet.</p>\n`
}</section>`;
}

function resourceItem(r: FeedResource): Html {
  const href = safeHref(r.url);
  const meta = [KIND[r.kind], r.format, r.provider?.name, r.published, r.duration ? durationText(r.duration) : undefined].filter(
    (x): x is string => x !== undefined && x !== '',
  );
  // An image the catalog only describes: its description, never an <img> without a file.
  const described = r.image && r.image.url === undefined && !r.image.decorative && r.image.alt?.trim() ? r.image.alt.trim() : undefined;
  const presenters = (r.presenters ?? []).map((p) => {
    const link = safeHref(p.url);
    const details = [p.title, p.affiliation, p.note].filter(Boolean).join(', ');
    return html`<li><span class="mk-role">${p.role}</span>: ${link ? html`<a href="${link}">${p.name}</a>` : p.name}${details ? html`, ${details}` : ''}</li>\n`;
  });
  const related = (r.related ?? []).map((w) => {
    const link = safeHref(w.url);
    return html`<li>${RELATION[w.relation]} <cite>${link ? html`<a href="${link}">${w.title}</a>` : w.title}</cite>${w.citation ? html` (${w.citation})` : ''}</li>\n`;
  });
  return html`<li class="mk-resource">
<article>
${described ? html`<p class="mk-image-description">Image: ${described}</p>\n` : ''}<h3>${href ? html`<a href="${href}">${r.title}</a>` : r.title}</h3>
${meta.length > 0 ? html`<p class="mk-meta">${meta.join(' · ')}</p>\n` : ''}${r.description ? paragraphs(r.description) : ''}${
    r.authors.length > 0 ? html`<p class="mk-authors">By ${list(r.authors)}</p>\n` : ''
  }${presenters.length > 0 ? html`<ul class="mk-presenters">\n${presenters}</ul>\n` : ''}${related.length > 0 ? html`<ul class="mk-related">\n${related}</ul>\n` : ''}${r.highlights.length > 0 ? html`<ul class="mk-highlights">\n${r.highlights.map((h) => html`<li>${h}</li>\n`)}</ul>\n` : ''}${
    r.access.level !== 'public' ? html`<p class="mk-access">Access: ${accessText(r.access)}</p>\n` : ''
  }</article>
</li>
`;
}

const KIND: Record<FeedResource['kind'], string> = {
  video: 'Video',
  'video-series': 'Video series',
  article: 'Article',
  report: 'Report',
  book: 'Book',
  guide: 'Guide',
  worksheet: 'Worksheet',
  course: 'Course',
  website: 'Website',
  recording: 'Recording',
  template: 'Template',
  checklist: 'Checklist',
  document: 'Document',
  slides: 'Slides',
  handout: 'Handout',
};

const RELATION: Record<NonNullable<FeedResource['related']>[number]['relation'], string> = {
  'recording-of': 'Recording of',
  'based-on': 'Based on',
  accompanies: 'Accompanies',
  'part-of': 'Part of',
  'has-part': 'Includes',
  'version-of': 'Version of',
};

/** `PT1H30M` → "1 h 30 min"; anything unexpected is shown as written. */
function durationText(iso: string): string {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
  if (!m || (m[1] === undefined && m[2] === undefined)) return iso;
  return [m[1] ? `${Number(m[1])} h` : '', m[2] ? `${Number(m[2])} min` : ''].filter(Boolean).join(' ');
}

// --- Curricula ---------------------------------------------------------------------------------------

function curriculum(feed: Feed, c: FeedCurriculum): Html {
  const variants = new Map(c.variants.map((v) => [v.id, v.title]));
  const p = c.provenance;
  const source = safeHref(p?.url);
  const provenance = p
    ? [
        p.authors.length > 0 ? html`By ${list(p.authors)}.` : undefined,
        p.organization ? html`${p.organization}.` : undefined,
        p.license ? html`Licence: ${p.license}.` : undefined,
        source ? html`<a href="${source}">Source</a>` : undefined,
      ].filter((x): x is Html => x !== undefined)
    : [];
  const themes = c.themes.map(
    (t) => html`<li class="mk-theme">
<h3>${t.title}</h3>
${t.description ? html`<p>${t.description}</p>\n` : ''}${
      t.variants && t.variants.length > 0 ? html`<p class="mk-variants">Only in: ${list(t.variants.map((v) => variants.get(v) ?? v))}</p>\n` : ''
    }${
      t.objectives.length > 0
        ? html`<ul class="mk-objectives">
${t.objectives.map((o) => html`<li>${o.code ? html`<span class="mk-code">${o.code}</span> ` : ''}${o.statement}</li>\n`)}</ul>
`
        : ''
    }${t.resources && t.resources.length > 0 ? html`<p class="mk-theme-resources">Objectives in: ${join(t.resources.map(resourceLink), ', ')}</p>\n` : ''}</li>
`,
  );
  const facts = [
    c.objective ? html`<p class="mk-objective">Objective: ${c.objective}</p>\n` : '',
    c.disciplines && c.disciplines.length > 0 ? html`<p class="mk-disciplines">Disciplines: ${list(c.disciplines)}</p>\n` : '',
    c.buildsOn && c.buildsOn.length > 0 ? html`<p class="mk-builds-on">Builds on: ${list(c.buildsOn.map((b) => b.title))}</p>\n` : '',
  ];
  const themeList = c.ordering === 'sequence' ? html`<ol class="mk-themes">\n${themes}</ol>\n` : html`<ul class="mk-themes">\n${themes}</ul>\n`;
  return html`<section class="mk-fallback mk-fallback-curriculum" lang="${feed.catalog.language}">
<h2>${c.title}</h2>
${c.description ? html`<p>${c.description}</p>\n` : ''}${facts}${provenance.length > 0 ? html`<p class="mk-provenance">${join(provenance, ' ')}</p>\n` : ''}${themeList}${
    c.delivery.length > 0
      ? html`<h3>Ways to offer it</h3>
<ul class="mk-delivery">
${c.delivery.map((d) => {
  const length = deliveryLength(d, feed.catalog.language);
  return html`<li>${d.description ?? d.kind.replace(/-/g, ' ')}${length ? html` <span class="mk-duration">(${length})</span>` : ''}</li>\n`;
})}</ul>
`
      : ''
  }</section>`;
}

/** A delivery option's length as stated: the author's label, else "60–90 min", "Half day", "2 days" — never minutes nobody wrote. */
function deliveryLength(d: FeedCurriculum['delivery'][number], language: string): string | undefined {
  if (d.duration) return formatStatedDuration(d.duration, language);
  return d.durationMinutes !== undefined ? formatStatedDuration({ unit: 'minutes', amount: d.durationMinutes }, language) : undefined;
}

function resourceLink(r: { title: string; url?: string }): Html {
  const href = safeHref(r.url);
  return href ? html`<a href="${href}">${r.title}</a>` : html`${r.title}`;
}

// --- Programs ----------------------------------------------------------------------------------------

/** Paragraphs of a text whose paragraphs are separated by a blank line. */
function paragraphs(text: string): Html[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>\n`);
}

/**
 * A program's own content, as its page shows it: introduction, outcomes, audiences, FAQ and contacts.
 * With `hideTitle`, as `<mk-program hide-title>` shows it: no title (the page's heading names the
 * program, and the title names the section), and the sections' headings one level up.
 */
function program(feed: Feed, p: FeedProgram, { hideTitle = false } = {}): Html {
  const href = safeHref(p.url);
  const sectionTitle = (text: string): Html => (hideTitle ? html`<h2>${text}</h2>` : html`<h3>${text}</h3>`);
  const contacts = (p.contacts ?? []).map((c) => {
    const mail = c.email ? html` <a href="mailto:${c.email}">${c.email}</a>` : '';
    const link = safeHref(c.url);
    return html`<li>${c.for ? html`${c.for}: ` : ''}${c.name ?? ''}${mail}${link ? html` <a href="${link}">${link}</a>` : ''}${c.phone ? html` ${c.phone}` : ''}${
      c.purpose ? html` (${c.purpose})` : ''
    }</li>\n`;
  });
  return html`<section class="mk-fallback mk-fallback-program" lang="${feed.catalog.language}"${hideTitle ? html` aria-label="${p.title}"` : ''}>
${hideTitle ? '' : html`<h2>${href ? html`<a href="${href}">${p.title}</a>` : p.title}</h2>\n`}${p.summary ? html`<p class="mk-summary">${p.summary}</p>\n` : ''}${p.description ? paragraphs(p.description) : ''}${
    p.hosts && p.hosts.length > 0 ? html`<p class="mk-hosts">Hosted by ${list([...p.hosts, ...(p.partners ?? [])])}.</p>\n` : ''
  }${p.audiences && p.audiences.length > 0 ? html`<p class="mk-audiences">For ${list(p.audiences.map((a) => a.name))}.</p>\n` : ''}${
    p.outcomes && p.outcomes.length > 0
      ? html`${sectionTitle('Outcomes')}
${p.outcomesIntro ? html`<p>${p.outcomesIntro}</p>\n` : ''}<ul class="mk-outcomes">
${p.outcomes.map((o) => html`<li>${o}</li>\n`)}</ul>
`
      : ''
  }${
    p.faq && p.faq.length > 0
      ? html`${sectionTitle('Questions')}
<dl class="mk-faq">
${p.faq.map((f) => html`${f.question ? html`<dt>${f.question}</dt>\n` : ''}<dd>${paragraphs(f.answer)}</dd>\n`)}</dl>
`
      : ''
  }${contacts.length > 0 ? html`${sectionTitle('Contact')}\n<ul class="mk-contacts">\n${contacts}</ul>\n` : ''}</section>`;
}

// --- Helpers -----------------------------------------------------------------------------------------

function list(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function join(items: readonly Html[], separator: string): Html[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [html`${separator}`, item]));
}

/** Date ranges in the event's own zone, in the catalog's language, read as the widgets read them; one formatter per zone. */
class DateFormats {
  readonly #locale: string;
  readonly #byZone = new Map<string, Intl.DateTimeFormat>();

  constructor(language: string) {
    let supported: string | undefined;
    try {
      supported = Intl.DateTimeFormat.supportedLocalesOf([language])[0];
    } catch {
      // A tag the schema admits but ICU rejects: fall back rather than fail the build.
    }
    this.#locale = supported ?? 'en';
  }

  /** The day alone, for an occurrence whose time is not known yet. */
  date(start: string, timeZone: string): string {
    return new Intl.DateTimeFormat(this.#locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(new Date(start));
  }

  range(start: string, end: string, timeZone: string): string {
    let f = this.#byZone.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat(this.#locale, { ...SESSION_RANGE_FORMAT, timeZone, timeZoneName: 'short' });
      this.#byZone.set(timeZone, f);
    }
    return f.formatRange(new Date(start), new Date(end));
  }
}
