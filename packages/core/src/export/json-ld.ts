/**
 * schema.org JSON-LD of a catalog: an EducationEvent per workshop occurrence (in an EventSeries per
 * program), a Course per self-paced course and per request-only workshop, a LearningResource per other
 * resource. Built as typed objects (schema-org.ts); serialise with jsonLdScriptText (json-ld-script.ts). See
 * docs/adr/0004-exports.md for the mapping decisions.
 */
import type { Catalog } from '../catalog/catalog.schema.js';
import type { Image } from '../common/common.schema.js';
import type { Organization as CatalogOrganization } from '../people/people.schema.js';
import type { Occurrence } from '../recurrence/occurrence.js';
import { expandOccurrences } from '../recurrence/index.js';
import { originalStart } from '../recurrence/original-start.js';
import type { Resource, ResourceKind, ResourcePresenter, ResourceRelation } from '../resource/resource.schema.js';
import { resourceFormat } from '../resource/format.js';
import { resolveRsvpWindow } from '../rsvp/window.js';
import type { Location, SessionStatus } from '../session/session.schema.js';
import type { ScheduledWorkshop, Workshop } from '../workshop/workshop.schema.js';
import { CatalogLookup, instantOption, occurrenceTitle, selectResources, selectWorkshops, type ResolvedObjective } from './lookup.js';
import type {
  Course,
  DefinedTerm,
  EducationEvent,
  EducationalAudience,
  EventAttendanceMode,
  EventSeries,
  EventStatusType,
  IdReference,
  CreativeWork,
  ImageObject,
  JsonLdGraph,
  JsonLdNode,
  LearningResource,
  Organization,
  Person,
  Place,
  Role,
  VirtualLocation,
  WorkRelations,
} from './schema-org.js';

export const SCHEMA_ORG = 'https://schema.org';

export interface JsonLdOptions {
  /** The clock: the default end of the expansion window is a year after it. */
  now: Date | string;
  /** The page the JSON-LD is published on: base of every `@id`, and the URL of events that have no page of their own. */
  baseUrl?: string;
  /** Occurrences overlapping [from, to) are written; default from the first session on, to one year after `now`. */
  from?: Date | string;
  to?: Date | string;
  /** Currency of the (zero) price; the catalog has no currency field, so default USD. */
  currency?: string;
  /** Only these workshops / programs, as in toICalendar. */
  workshops?: readonly string[];
  programs?: readonly string[];
  /** Only the workshops' nodes (events, series, request-only courses) or only the resources'; default both. */
  only?: 'workshops' | 'resources';
}

const EVENT_STATUS: Record<SessionStatus, EventStatusType> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  rescheduled: 'https://schema.org/EventRescheduled',
  'moved-online': 'https://schema.org/EventMovedOnline',
};

/** schema.org eventStatus of a session status. */
export function eventStatusOf(status: SessionStatus): EventStatusType {
  return EVENT_STATUS[status];
}

const ATTENDANCE: Record<Location['kind'], EventAttendanceMode> = {
  online: 'https://schema.org/OnlineEventAttendanceMode',
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
};

const RESOURCE_TYPE: Record<ResourceKind, string> = {
  video: 'video',
  'video-series': 'video series',
  article: 'article',
  report: 'report',
  book: 'book',
  guide: 'guide',
  worksheet: 'worksheet',
  course: 'course',
  website: 'website',
  recording: 'recording',
  template: 'template',
  checklist: 'checklist',
  document: 'document',
  slides: 'slides',
  handout: 'handout',
};

/** Shallow copy without the keys whose value is undefined or an empty array (absent, not null, in JSON). */
function prune<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

function nonEmpty<T>(items: readonly T[]): T[] | undefined {
  return items.length > 0 ? [...items] : undefined;
}

/** `2026-01-08T15:00:00-05:00`: the engine's instant without its zero milliseconds. */
function isoInstant(value: string): string {
  return value.replace(/\.000(?=Z|[+-]\d{2}:\d{2}$)/, '');
}

function imageObject(image: Image | undefined): ImageObject | undefined {
  // An image the catalog only describes has no file: an ImageObject without one would be an error to
  // search engines, and its description is the catalog's text, not a picture.
  if (image?.url === undefined) return undefined;
  return prune<ImageObject>({ '@type': 'ImageObject', url: image.url, caption: image.decorative ? undefined : image.alt, width: image.width, height: image.height });
}

class JsonLdWriter {
  readonly lookup: CatalogLookup;
  readonly idBase: string;
  readonly pageUrl: string | undefined;
  readonly from: Date;
  readonly to: Date;
  readonly currency: string;
  readonly resources: ReadonlyMap<string, Resource>;

  constructor(
    readonly catalog: Catalog,
    options: JsonLdOptions,
  ) {
    this.lookup = new CatalogLookup(catalog);
    this.resources = new Map(catalog.resources.map((r) => [r.id, r]));
    const now = instantOption(options.now, 'JSON-LD options.now');
    if (options.baseUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(options.baseUrl)) {
      throw new RangeError(`JSON-LD options.baseUrl must be an absolute http(s) URL, but got ${JSON.stringify(options.baseUrl)}`);
    }
    this.pageUrl = options.baseUrl ?? catalog.url;
    this.idBase = this.pageUrl !== undefined ? `${this.pageUrl.replace(/#.*$/, '')}#` : `urn:mentorkit:${catalog.id}:`;
    this.from = options.from !== undefined ? instantOption(options.from, 'JSON-LD options.from') : new Date(Date.UTC(1970, 0, 1));
    this.to = options.to !== undefined ? instantOption(options.to, 'JSON-LD options.to') : new Date(now.getTime() + 365 * 86_400_000);
    this.currency = options.currency ?? 'USD';
    if (!/^[A-Z]{3}$/.test(this.currency)) throw new RangeError(`JSON-LD options.currency must be an ISO 4217 code such as USD, but got ${JSON.stringify(this.currency)}`);
  }

  id(kind: string, id: string): string {
    return `${this.idBase}${kind}/${encodeURIComponent(id)}`;
  }

  organization(o: CatalogOrganization, depth = 0): Organization {
    const parent = o.partOf !== undefined && depth < 3 ? this.lookup.organizations.get(o.partOf) : undefined;
    return prune<Organization>({
      '@type': 'Organization',
      name: o.name,
      alternateName: o.shortName,
      url: o.url,
      parentOrganization: parent ? this.organization(parent, depth + 1) : undefined,
    });
  }

  /** Hosts of a workshop, else the catalog's publisher. */
  organizers(workshop: Workshop): Organization[] {
    const hosts = this.lookup.hostsOf(workshop);
    const publisher = this.catalog.publisher !== undefined ? this.lookup.organizations.get(this.catalog.publisher) : undefined;
    return (hosts.length > 0 ? hosts : publisher ? [publisher] : []).map((o) => this.organization(o));
  }

  performers(workshop: Workshop): Array<Person | Organization> {
    return workshop.presenters.flatMap((p): Array<Person | Organization> => {
      if (p.person !== undefined) {
        const person = this.lookup.people.get(p.person);
        if (!person) return [];
        const affiliation = person.affiliation !== undefined ? this.lookup.organizations.get(person.affiliation) : undefined;
        return [
          prune<Person>({
            '@type': 'Person',
            name: person.name,
            honorificPrefix: person.honorific,
            jobTitle: person.title,
            affiliation: affiliation ? this.organization(affiliation) : undefined,
            url: person.url,
          }),
        ];
      }
      const org = p.organization !== undefined ? this.lookup.organizations.get(p.organization) : undefined;
      // A presenter given only as words ("selected mentees") is not an entity schema.org can name.
      return org ? [this.organization(org)] : [];
    });
  }

  teaches(objectives: readonly ResolvedObjective[]): Array<DefinedTerm | string> {
    return objectives.map((o) => {
      if (o.objective === undefined && o.code === undefined) return o.statement;
      const provenanceUrl = o.curriculum?.provenance?.url;
      return prune<DefinedTerm>({
        '@type': 'DefinedTerm',
        name: o.statement,
        termCode: o.code,
        url: o.objective?.caseItemUri,
        inDefinedTermSet: o.curriculum ? prune({ '@type': 'DefinedTermSet' as const, name: o.curriculum.title, url: provenanceUrl }) : undefined,
      });
    });
  }

  audiences(ids: readonly string[], text: string | undefined): EducationalAudience[] {
    const out = ids.flatMap((id) => {
      const a = this.lookup.audiences.get(id);
      if (!a) return [];
      return [prune<EducationalAudience>({ '@type': 'EducationalAudience', audienceType: a.name, educationalRole: nonEmpty(a.roles.map((r) => this.lookup.label(r))) })];
    });
    if (out.length === 0 && text !== undefined) out.push({ '@type': 'EducationalAudience', audienceType: text });
    return out;
  }

  /**
   * Where an occurrence happens. Google requires a location on every event: an online one without a join
   * link points at the workshop's (or catalog's) page, or at least names its platform; an unknown place
   * is a Place named "To be announced".
   */
  location(workshop: Workshop, occurrence: Occurrence): { location: EducationEvent['location']; mode?: EventAttendanceMode } {
    const pageUrl = this.lookup.urlOf(workshop) ?? this.pageUrl;
    const virtual = (url: string | undefined, platform: string | undefined): VirtualLocation =>
      prune<VirtualLocation>({ '@type': 'VirtualLocation', url: url ?? pageUrl, name: platform ?? (url ?? pageUrl ? undefined : 'Online') });
    const place = (venue: string, room?: string, address?: string, url?: string): Place =>
      prune<Place>({ '@type': 'Place', name: [venue, room].filter(Boolean).join(', '), address, url });
    const tba: Place = { '@type': 'Place', name: 'To be announced' };
    const loc = occurrence.location;
    if (occurrence.status === 'moved-online') {
      return { location: virtual(loc && loc.kind !== 'in-person' ? loc.url : undefined, loc && loc.kind !== 'in-person' ? loc.platform : undefined), mode: ATTENDANCE.online };
    }
    if (loc !== undefined) {
      switch (loc.kind) {
        case 'online':
          return { location: virtual(loc.url, loc.platform), mode: ATTENDANCE.online };
        case 'in-person':
          return { location: place(loc.venue, loc.room, [loc.address, loc.campus].filter(Boolean).join(', ') || undefined, loc.url), mode: ATTENDANCE['in-person'] };
        case 'hybrid':
          return { location: [place(loc.venue, loc.room, loc.address), virtual(loc.url, loc.platform)], mode: ATTENDANCE.hybrid };
      }
    }
    switch (workshop.modality) {
      case 'online':
        return { location: virtual(undefined, undefined), mode: ATTENDANCE.online };
      case 'in-person':
        return { location: tba, mode: ATTENDANCE['in-person'] };
      case 'hybrid':
        return { location: [tba, virtual(undefined, undefined)], mode: ATTENDANCE.hybrid };
      default:
        return { location: tba };
    }
  }

  /** A program as the EventSeries its events are part of, listing them (`subEvent`), so a reader sees the whole series. */
  series(programId: string, events: readonly EducationEvent[]): EventSeries | undefined {
    const p = this.lookup.programs.get(programId);
    if (!p) return undefined;
    return prune<EventSeries>({
      '@type': 'EventSeries',
      '@id': this.id('program', p.id),
      name: p.title,
      description: p.summary ?? p.description,
      url: p.url,
      image: imageObject(p.image),
      audience: nonEmpty(this.audiences(p.audiences, undefined)),
      subEvent: nonEmpty(events.map((e): IdReference => ({ '@id': e['@id'] }))),
      organizer: nonEmpty(p.hosts.flatMap((id) => {
        const o = this.lookup.organizations.get(id);
        return o ? [this.organization(o)] : [];
      })),
      inLanguage: this.catalog.language,
    });
  }

  events(workshop: ScheduledWorkshop): EducationEvent[] {
    const lookup = this.lookup;
    const policy = lookup.policyOf(workshop);
    const organizer = nonEmpty(this.organizers(workshop));
    const performer = nonEmpty(this.performers(workshop));
    const teaches = nonEmpty(this.teaches(lookup.objectivesOf(workshop)));
    const audience = nonEmpty(this.audiences(workshop.audiences, workshop.audienceText));
    const superEvent = nonEmpty(workshop.programs.filter((p) => lookup.programs.has(p)).map((p): IdReference => ({ '@id': this.id('program', p) })));
    const url = lookup.urlOf(workshop) ?? this.pageUrl;
    const image = imageObject(workshop.image);
    return workshop.sessions.flatMap((session) =>
      expandOccurrences(session, { from: this.from, to: this.to }, { workshopId: workshop.id }).map((o) => {
        const dated = session.timeUnknown === true;
        const detail = o.title ?? o.topic ?? (o.theme !== undefined ? lookup.themes.get(o.theme)?.theme.title : undefined);
        const { location, mode } = this.location(workshop, o);
        let offers: EducationEvent['offers'];
        if (policy !== undefined) {
          const window = resolveRsvpWindow(policy, { start: o.start, end: o.end, timeZone: o.timeZone }, { calendars: this.catalog.calendars, defaultTimeZone: this.catalog.defaultTimeZone });
          offers = prune({
            '@type': 'Offer' as const,
            price: 0,
            priceCurrency: this.currency,
            url,
            availabilityStarts: window.opens !== undefined ? isoInstant(window.opens) : undefined,
            availabilityEnds: isoInstant(window.closes),
            validFrom: window.opens !== undefined ? isoInstant(window.opens) : undefined,
          });
        } else {
          offers = prune({ '@type': 'Offer' as const, price: 0, priceCurrency: this.currency, url });
        }
        const moved = o.localStart !== o.recurrenceId;
        return prune<EducationEvent>({
          '@type': 'EducationEvent',
          '@id': this.id('event', o.id),
          name: occurrenceTitle(workshop.title, detail),
          description: [o.description, workshop.summary, workshop.description].filter(Boolean).join('\n\n') || undefined,
          startDate: dated ? o.localStart.slice(0, 10) : isoInstant(o.start),
          endDate: dated ? o.localEnd.slice(0, 10) : isoInstant(o.end),
          previousStartDate: moved && !dated ? isoInstant(originalStart(o)) : undefined,
          eventAttendanceMode: mode,
          eventStatus: eventStatusOf(o.status),
          location,
          organizer,
          performer,
          teaches,
          audience,
          offers,
          image,
          url,
          superEvent,
          isAccessibleForFree: true,
          inLanguage: this.catalog.language,
        });
      }),
    );
  }

  /** A workshop offered on request: a Course with no scheduled instance. */
  requestCourse(workshop: Workshop): Course {
    return prune<Course>({
      '@type': 'Course',
      '@id': this.id('workshop', workshop.id),
      name: workshop.title,
      description: workshop.summary ?? workshop.description ?? workshop.title,
      url: this.lookup.urlOf(workshop) ?? this.pageUrl,
      provider: this.organizers(workshop)[0],
      teaches: nonEmpty(this.teaches(this.lookup.objectivesOf(workshop))),
      audience: nonEmpty(this.audiences(workshop.audiences, workshop.audienceText)),
      image: imageObject(workshop.image),
      isAccessibleForFree: true,
      inLanguage: this.catalog.language,
    });
  }

  /** A resource's presenter as a schema.org Role around the Person or Organization. */
  presenterRole(p: ResourcePresenter): Role | undefined {
    let who: Person | Organization | undefined;
    if (p.person !== undefined) {
      const person = this.lookup.people.get(p.person);
      if (person) who = prune<Person>({ '@type': 'Person', name: person.name, honorificPrefix: person.honorific, jobTitle: person.title, url: person.url });
    } else if (p.organization !== undefined) {
      const org = this.lookup.organizations.get(p.organization);
      if (org) who = this.organization(org);
    } else if (p.name !== undefined) {
      who = { '@type': 'Person', name: p.name };
    }
    return who ? prune<Role>({ '@type': 'Role', roleName: p.role, contributor: who, description: p.note }) : undefined;
  }

  /** Presenters, file format and related works, on either node type a resource becomes. */
  relations(r: Resource): WorkRelations & { about?: CreativeWork[]; hasPart?: CreativeWork[] } {
    const by = new Map<ResourceRelation, CreativeWork[]>();
    for (const w of r.related ?? []) {
      const other = w.resource !== undefined ? this.resources.get(w.resource) : undefined;
      const work = prune<CreativeWork>({
        '@type': 'CreativeWork',
        '@id': w.resource !== undefined ? this.id('resource', w.resource) : undefined,
        name: other?.title ?? w.title ?? String(w.resource),
        url: other ? other.url : w.url,
        creditText: w.citation,
      });
      by.set(w.relation, [...(by.get(w.relation) ?? []), work]);
    }
    const of = (...relations: ResourceRelation[]) => nonEmpty(relations.flatMap((k) => by.get(k) ?? []));
    const format = r.format !== undefined ? resourceFormat(r.format) : undefined;
    return prune({
      contributor: nonEmpty((r.presenters ?? []).flatMap((p) => this.presenterRole(p) ?? [])),
      encodingFormat: format ? (format.mediaType ?? format.label) : undefined,
      // A recording of a talk, and a work based on another, are both derived from it (schema.org isBasedOn).
      isBasedOn: of('recording-of', 'based-on'),
      isPartOf: of('part-of'),
      exampleOfWork: of('version-of'),
      // A companion (a discussion guide to a book) is about the work it accompanies.
      about: of('accompanies'),
      hasPart: of('has-part'),
    });
  }

  resource(r: Resource): Course | LearningResource {
    const provider = r.provider !== undefined ? this.lookup.organizations.get(r.provider) : undefined;
    const about = nonEmpty(
      r.themes.flatMap((id) => {
        const t = this.lookup.themes.get(id);
        return t ? [prune<DefinedTerm>({ '@type': 'DefinedTerm', name: t.theme.title, inDefinedTermSet: prune({ '@type': 'DefinedTermSet' as const, name: t.curriculum.title, url: t.curriculum.provenance?.url }) })] : [];
      }),
    );
    const free = r.access.level === 'public';
    const conditions = free ? undefined : (r.access.note ?? (r.access.platform ? `Sign-in required (${r.access.platform})` : 'Sign-in required'));
    const audience = nonEmpty(this.audiences(r.audiences, undefined));
    const { about: accompanies, hasPart, ...relations } = this.relations(r);
    const aboutAll = nonEmpty([...(about ?? []), ...(accompanies ?? [])]);
    if (r.kind === 'course' && r.selfPaced) {
      return prune<Course>({
        '@type': 'Course',
        '@id': this.id('resource', r.id),
        name: r.title,
        description: r.description ?? r.title,
        url: r.url,
        provider: provider ? this.organization(provider) : undefined,
        hasCourseInstance: [prune({ '@type': 'CourseInstance' as const, courseMode: 'online' as const, courseWorkload: r.totalDuration })],
        syllabusSections: nonEmpty(r.modules.map((m) => prune({ '@type': 'Syllabus' as const, name: m.title, description: m.description, timeRequired: m.duration }))),
        about: aboutAll,
        hasPart,
        ...relations,
        audience,
        image: imageObject(r.image),
        isAccessibleForFree: free,
        conditionsOfAccess: conditions,
        inLanguage: this.catalog.language,
      });
    }
    // A person may be both a catalog entry (people) and a credited name (authors): one author each.
    const seen = new Set<string>();
    const once = (name: string): boolean => {
      const key = name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    const authors: Array<Person | Organization> = [
      ...r.people.flatMap((id) => {
        const p = this.lookup.people.get(id);
        return p && once(p.name) ? [prune<Person>({ '@type': 'Person', name: p.name, honorificPrefix: p.honorific, url: p.url })] : [];
      }),
      ...r.authors.filter(once).map((name): Person => ({ '@type': 'Person', name })),
    ];
    return prune<LearningResource>({
      '@type': 'LearningResource',
      '@id': this.id('resource', r.id),
      name: r.title,
      description: r.description,
      url: r.url,
      learningResourceType: RESOURCE_TYPE[r.kind],
      isAccessibleForFree: free,
      conditionsOfAccess: conditions,
      author: nonEmpty(authors),
      publisher: r.publisher !== undefined ? { '@type': 'Organization', name: r.publisher } : undefined,
      provider: provider ? this.organization(provider) : undefined,
      datePublished: r.published,
      image: imageObject(r.image),
      keywords: nonEmpty(r.topics),
      about: aboutAll,
      audience,
      timeRequired: 'duration' in r ? r.duration : undefined,
      hasPart: nonEmpty([
        ...(r.kind === 'video-series'
          ? r.episodes.map((e) => prune<LearningResource>({ '@type': 'LearningResource', name: e.title, url: e.url, learningResourceType: 'video', timeRequired: e.duration }))
          : []),
        ...(hasPart ?? []),
      ]),
      ...relations,
      inLanguage: this.catalog.language,
    });
  }

  /** Events of the workshops, then the EventSeries they belong to, then request-only courses. */
  workshopNodes(workshops: readonly Workshop[]): JsonLdNode[] {
    const events: EducationEvent[] = [];
    const courses: Course[] = [];
    const byProgram = new Map<string, EducationEvent[]>();
    for (const w of workshops) {
      if (w.kind === 'scheduled') {
        const own = this.events(w);
        events.push(...own);
        if (own.length > 0) {
          for (const p of w.programs) {
            const list = byProgram.get(p);
            if (list) list.push(...own);
            else byProgram.set(p, [...own]);
          }
        }
      } else courses.push(this.requestCourse(w));
    }
    const series = [...byProgram].flatMap(([id, own]) => {
      const s = this.series(id, own);
      return s ? [s] : [];
    });
    return [...events, ...series, ...courses];
  }
}

/**
 * Every node of the catalog: events of the scheduled workshops' occurrences in the window, their program
 * series, request-only workshops as Courses, and the resources. Pure: the same input gives equal output.
 */
export function toJsonLd(catalog: Catalog, options: JsonLdOptions): JsonLdNode[] {
  const writer = new JsonLdWriter(catalog, options);
  const workshops = options.only === 'resources' ? [] : selectWorkshops(catalog, options, 'toJsonLd');
  const resources = options.only === 'workshops' ? [] : selectResources(catalog, options);
  return [...writer.workshopNodes(workshops), ...resources.map((r) => writer.resource(r))];
}

/** {@link toJsonLd} as one JSON-LD document: `{ "@context": "https://schema.org", "@graph": [...] }`. */
export function toJsonLdGraph(catalog: Catalog, options: JsonLdOptions): JsonLdGraph {
  return { '@context': SCHEMA_ORG, '@graph': toJsonLd(catalog, options) };
}

/** The JSON-LD for one workshop's page: its events (or its Course, if request-only) and its program series. */
export function toWorkshopJsonLd(catalog: Catalog, workshopId: string, options: Omit<JsonLdOptions, 'workshops' | 'programs' | 'only'>): JsonLdGraph {
  const workshops = selectWorkshops(catalog, { workshops: [workshopId] }, 'toWorkshopJsonLd');
  return { '@context': SCHEMA_ORG, '@graph': new JsonLdWriter(catalog, options).workshopNodes(workshops) };
}

/**
 * {@link toWorkshopJsonLd} of every workshop, by workshop id in catalog order. Equal to calling it once
 * per workshop, but the lookups are built once: per-workshop calls on a large catalog cost time
 * proportional to the square of its size.
 */
export function toWorkshopJsonLdAll(catalog: Catalog, options: Omit<JsonLdOptions, 'workshops' | 'programs' | 'only'>): Map<string, JsonLdGraph> {
  const writer = new JsonLdWriter(catalog, options);
  const out = new Map<string, JsonLdGraph>();
  // A duplicated id (a parse error, but this takes any Catalog) selects every workshop with it, as toWorkshopJsonLd does.
  const byId = new Map<string, Workshop[]>();
  for (const w of catalog.workshops) {
    const same = byId.get(w.id);
    if (same) same.push(w);
    else byId.set(w.id, [w]);
  }
  for (const [id, workshops] of byId) out.set(id, { '@context': SCHEMA_ORG, '@graph': writer.workshopNodes(workshops) });
  return out;
}
