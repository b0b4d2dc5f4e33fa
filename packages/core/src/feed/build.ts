import { DEFAULT_FIELDS, DEFAULT_ROLES } from '../audience/audience.schema.js';
import type { Catalog } from '../catalog/catalog.schema.js';
import type { Session } from '../session/session.schema.js';
import type { RsvpPolicy } from '../rsvp/policy.schema.js';
import type { ScheduledWorkshop, Workshop } from '../workshop/workshop.schema.js';
import type { Resource, ResourcePresenter } from '../resource/resource.schema.js';
import { resourceFormat } from '../resource/format.js';
import { expandOccurrences } from '../recurrence/index.js';
import { originalStart } from '../recurrence/original-start.js';
import { resolveRsvpWindow } from '../rsvp/window.js';
import { effectivePolicy } from '../workshop/workshop.js';
import { FEED_VERSION, type Feed, type FeedCurriculum, type FeedOccurrence, type FeedPresenter, type FeedResource, type FeedRsvpPolicy, type FeedWorkshop } from './feed.schema.js';

export interface BuildFeedOptions {
  /** Instants bounding the occurrences expanded into the feed. */
  from: string | Date;
  to: string | Date;
  /** When the feed is generated (recorded in the feed; never read from the system clock here). */
  now: string | Date;
}

/** The catalog parsed, but the feed cannot be built from it (e.g. a session outside every academic term). */
export class FeedBuildError extends Error {
  override readonly name = 'FeedBuildError';
}

const iso = (value: string | Date): string => (typeof value === 'string' ? new Date(value).toISOString() : value.toISOString());

/** Resolves a catalog into the feed the widgets read: names instead of ids, occurrences and RSVP windows as instants. */
export function buildFeed(catalog: Catalog, options: BuildFeedOptions): Feed {
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const organizations = byId(catalog.organizations);
  const people = byId(catalog.people);
  const audiences = byId(catalog.audiences);
  const programs = byId(catalog.programs);
  const themes = new Map(catalog.curricula.flatMap((c) => c.themes.map((t) => [t.id, { theme: t, curriculum: c }] as const)));
  const objectives = new Map(
    catalog.curricula.flatMap((c) => c.themes.flatMap((t) => t.objectives.map((o) => [o.id, { objective: o, theme: t }] as const))),
  );

  const audienceRefs = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const a = audiences.get(id);
      return a ? [{ id, name: a.name }] : [];
    });
  const orgRef = (id: string | undefined) => {
    const o = id === undefined ? undefined : organizations.get(id);
    return o ? { id: o.id, name: o.name, ...(o.url ? { url: o.url } : {}) } : undefined;
  };

  const presenter = (p: Workshop['presenters'][number] | ResourcePresenter): FeedPresenter => {
    if (p.person !== undefined) {
      const person = people.get(p.person);
      const name = [person?.honorific, person?.name ?? p.person].filter(Boolean).join(' ');
      return compact({ role: p.role, name, title: person?.title, affiliation: orgRef(person?.affiliation)?.name, url: person?.url, note: p.note });
    }
    if (p.organization !== undefined) {
      const org = organizations.get(p.organization);
      return compact({ role: p.role, name: org?.name ?? p.organization, url: org?.url, note: p.note });
    }
    return compact({ role: p.role, name: p.name ?? '', note: p.note });
  };


  const feedPolicy = (policy: RsvpPolicy, w: ScheduledWorkshop): FeedRsvpPolicy =>
    compact({
      id: policy.id,
      eligibility: policy.eligibility,
      eligibilityText: policy.eligibilityText,
      tiers: policy.priority.map((t) => compact({ id: t.id, label: t.label, when: t.when, reservedSeats: t.reservedSeats })),
      fields: policy.fields,
      questions: policy.questions.map((q) => compact(q)),
      capacity: w.capacity ?? policy.capacity,
      waitlist: policy.waitlist ? compact({ enabled: policy.waitlist.enabled, limit: policy.waitlist.limit }) : undefined,
      allocation: policy.allocation.mode,
      seriesRegistration: policy.seriesRegistration,
    });

  const occurrencesOf = (w: ScheduledWorkshop, session: Session, policy: RsvpPolicy | undefined): FeedOccurrence[] =>
    expandOccurrences(session, { from: options.from, to: options.to }, { workshopId: w.id }).map((o) => {
      const rsvp = policy ? windowOf(policy, o, w.id, session.id) : undefined;
      return compact({
        id: o.id,
        sessionId: o.sessionId,
        start: o.start,
        end: o.end,
        timeZone: o.timeZone,
        localStart: o.localStart,
        localEnd: o.localEnd,
        status: o.status,
        statusNote: o.statusNote,
        title: o.title ?? session.title,
        topic: o.topic ?? (o.theme !== undefined ? themes.get(o.theme)?.theme.title : undefined),
        location: o.location ? compact({ ...o.location }) : undefined,
        recording: o.recording,
        rsvp: rsvp ? compact({ opens: rsvp.opens, closes: rsvp.closes, tierOpens: rsvp.tierOpens }) : undefined,
        capacity: session.capacity ?? w.capacity ?? policy?.capacity,
        timeUnknown: session.timeUnknown === true ? true : undefined,
        recurrenceId: session.recurrence === undefined ? undefined : originalStart(o),
      });
    });

  const windowOf = (policy: RsvpPolicy, o: { start: string; end: string; timeZone: string; localStart: string }, workshopId: string, sessionId: string) => {
    try {
      return resolveRsvpWindow(policy, o, { calendars: catalog.calendars, defaultTimeZone: catalog.defaultTimeZone });
    } catch (cause) {
      // A window nobody can compute must stop the build: publishing the session without it would let
      // people RSVP outside the institution's rules.
      throw new FeedBuildError(
        `workshop "${workshopId}", session "${sessionId}" on ${o.localStart}: cannot resolve the RSVP window of policy "${policy.id}": ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
    }
  };

  const workshop = (w: Workshop): FeedWorkshop => {
    const themeIds = new Set<string>([...w.themes, ...(w.basedOn?.themes ?? [])]);
    const objectivesOut = w.objectives.map((o) => {
      if ('ref' in o) {
        const found = objectives.get(o.ref);
        if (found) themeIds.add(found.theme.id);
        return compact({ statement: found?.objective.statement ?? o.ref, code: found?.objective.code });
      }
      return compact({ statement: o.statement, code: o.code });
    });
    const policy = effectivePolicy(catalog, w);
    const occurrences =
      w.kind === 'scheduled'
        ? w.sessions.flatMap((s) => occurrencesOf(w, s, policy)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id))
        : [];
    return compact({
      id: w.id,
      kind: w.kind,
      title: w.title,
      summary: w.summary,
      description: w.description,
      recap: w.recap,
      url: w.url,
      image: w.image ? compact({ url: w.image.url, alt: w.image.alt, decorative: w.image.decorative }) : undefined,
      programs: w.programs.flatMap((id) => {
        const p = programs.get(id);
        return p ? [{ id, title: p.title }] : [];
      }),
      audiences: audienceRefs(w.audiences),
      audienceText: w.audienceText,
      objectives: objectivesOut,
      objectivesIntro: w.objectivesIntro,
      themes: [...themeIds].flatMap((id) => {
        const t = themes.get(id);
        if (!t) return [];
        const variant = w.basedOn?.curriculum === t.curriculum.id ? w.basedOn.variant : undefined;
        return [compact({ id, title: t.theme.title, curriculum: t.curriculum.id, variant })];
      }),
      presenters: w.presenters.map(presenter),
      hosts: w.hosts.flatMap((id) => {
        const o = orgRef(id);
        return o ? [o] : [];
      }),
      formats: w.formats.map((f) => compact({ ...f, duration: f.duration ? compact({ ...f.duration }) : undefined })),
      modality: w.modality,
      notes: w.notes,
      lastHeld: w.kind === 'scheduled' ? w.lastHeld : undefined,
      scheduleText: w.kind === 'scheduled' ? w.scheduleText : undefined,
      request: w.kind === 'request-only' ? compact({ ...w.request }) : undefined,
      occurrences,
      rsvp: policy && w.kind === 'scheduled' ? feedPolicy(policy, w) : undefined,
    });
  };

  const resourcesById = byId(catalog.resources);
  const related = (w: NonNullable<Resource['related']>[number]): NonNullable<FeedResource['related']>[number] => {
    const other = w.resource === undefined ? undefined : resourcesById.get(w.resource);
    return compact({
      relation: w.relation,
      title: other?.title ?? w.title ?? String(w.resource),
      url: other ? other.url : w.url,
      resourceId: w.resource,
      citation: w.citation,
    });
  };

  const resource = (r: Resource): FeedResource =>
    compact({
      id: r.id,
      kind: r.kind,
      title: r.title,
      description: r.description,
      url: r.url,
      provider: orgRef(r.provider),
      authors: r.authors,
      publisher: r.publisher,
      published: r.published,
      image: r.image ? compact({ url: r.image.url, alt: r.image.alt?.trim() || undefined, decorative: r.image.decorative }) : undefined,
      access: compact({ ...r.access }),
      topics: r.topics,
      themes: r.themes.flatMap((id) => {
        const t = themes.get(id);
        return t ? [{ id, title: t.theme.title }] : [];
      }),
      audiences: audienceRefs(r.audiences),
      highlights: r.highlights,
      duration: 'duration' in r ? r.duration : r.kind === 'course' ? r.totalDuration : undefined,
      modules: r.kind === 'course' ? r.modules.map((m) => compact({ ...m })) : undefined,
      episodes: r.kind === 'video-series' ? r.episodes.map((e) => compact({ ...e })) : undefined,
      platform: r.kind === 'course' ? r.platform : undefined,
      selfPaced: r.kind === 'course' ? r.selfPaced : undefined,
      presenters: r.presenters?.length ? r.presenters.map(presenter) : undefined,
      related: r.related?.length ? r.related.map(related) : undefined,
      format: r.format === undefined ? undefined : resourceFormat(r.format).label,
      mediaType: r.format === undefined ? undefined : resourceFormat(r.format).mediaType,
    });

  const curricula: FeedCurriculum[] = catalog.curricula.map((c) =>
    compact({
      id: c.id,
      title: c.title,
      description: c.description,
      ordering: c.ordering,
      provenance: c.provenance
        ? compact({
            authors: c.provenance.authors,
            organization: orgRef(c.provenance.organization)?.name,
            license: c.provenance.license,
            url: c.provenance.url,
            citation: c.provenance.citation,
          })
        : undefined,
      variants: c.variants.map((v) => compact({ id: v.id, title: v.title, audiences: audienceRefs(v.audiences), description: v.description })),
      themes: c.themes.map((t) =>
        compact({
          id: t.id,
          title: t.title,
          description: t.description,
          objectives: t.objectives.map((o) => compact({ id: o.id, statement: o.statement, code: o.code })),
          variants: t.variants?.map(String),
          resources: t.objectiveResources?.flatMap((id) => {
            const r = catalog.resources.find((x) => x.id === id);
            return r ? [compact({ id: String(r.id), title: r.title, url: r.url })] : [];
          }),
        }),
      ),
      delivery: c.delivery.map((d) => compact({ ...d, duration: d.duration ? compact({ ...d.duration }) : undefined })),
      objective: c.objective,
      disciplines: c.disciplines?.length ? [...c.disciplines] : undefined,
      buildsOn: c.buildsOn?.flatMap((id) => {
        const other = catalog.curricula.find((x) => x.id === id);
        return other ? [{ id: String(id), title: other.title }] : [];
      }),
    }) as FeedCurriculum,
  );

  const roles = new Map<string, { id: string; label: string }>(DEFAULT_ROLES.map((r) => [r.id, { ...r }]));
  for (const r of catalog.vocabularies.roles) roles.set(r.id, { id: r.id, label: r.label });
  const fields = new Map<string, { id: string; label: string; broader?: string[] }>(DEFAULT_FIELDS.map((f) => [f.id, { ...f }]));
  for (const f of catalog.vocabularies.fields) fields.set(f.id, compact({ id: f.id, label: f.label, broader: f.broader?.map(String) }));

  return {
    version: FEED_VERSION,
    generatedAt: iso(options.now),
    window: { from: iso(options.from), to: iso(options.to) },
    catalog: compact({ id: catalog.id, title: catalog.title, language: catalog.language, defaultTimeZone: catalog.defaultTimeZone, url: catalog.url }),
    vocabularies: { roles: [...roles.values()], fields: [...fields.values()] },
    programs: catalog.programs.map((p) => {
      const some = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);
      const orgNames = (ids: readonly string[]) => ids.flatMap((id) => (organizations.get(id) ? [organizations.get(id)!.name] : []));
      return compact({
        id: p.id,
        title: p.title,
        summary: p.summary,
        url: p.url,
        description: p.description,
        outcomesIntro: p.outcomesIntro,
        outcomes: some([...p.outcomes]),
        audiences: some(audienceRefs(p.audiences)),
        hosts: some(orgNames(p.hosts)),
        partners: some(orgNames(p.partners)),
        faq: some(p.faq.map((f) => compact({ question: f.question, answer: f.answer }))),
        contacts: some(
          p.contacts.map((contact) =>
            compact({
              name: contact.person !== undefined ? people.get(contact.person)?.name : contact.organization !== undefined ? organizations.get(contact.organization)?.name : undefined,
              for: contact.for,
              purpose: contact.purpose,
              email: contact.email,
              url: contact.url,
              phone: contact.phone,
            }),
          ),
        ),
        curriculum: p.curriculum,
      });
    }),
    audiences: audienceRefs(catalog.audiences.map((a) => a.id)),
    workshops: catalog.workshops.map(workshop),
    resources: catalog.resources.map(resource),
    curricula,
  };
}

/** Drops undefined properties so the feed stays small and JSON round-trips exactly. */
function compact<T extends object>(value: T): T {
  const out = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
