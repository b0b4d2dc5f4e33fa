import { DEFAULT_FIELDS, DEFAULT_ROLES, type Audience } from '../audience/audience.schema.js';
import type { Catalog } from '../catalog/catalog.schema.js';
import type { Curriculum, LearningObjective, Theme } from '../curriculum/curriculum.schema.js';
import type { Organization, Person } from '../people/people.schema.js';
import type { Program } from '../program/program.schema.js';
import type { RsvpPolicy } from '../rsvp/policy.schema.js';
import type { SessionStatus } from '../session/session.schema.js';
import type { Workshop } from '../workshop/workshop.schema.js';
import type { Resource } from '../resource/resource.schema.js';

/** An objective of a workshop, resolved: its own statement, or the curriculum objective it refers to. */
export interface ResolvedObjective {
  statement: string;
  code?: string;
  /** Set when the objective is a curriculum objective. */
  objective?: LearningObjective;
  theme?: Theme;
  curriculum?: Curriculum;
}

/** Id → entity maps over a catalog, shared by the exporters. */
export class CatalogLookup {
  readonly organizations: ReadonlyMap<string, Organization>;
  readonly people: ReadonlyMap<string, Person>;
  readonly programs: ReadonlyMap<string, Program>;
  readonly audiences: ReadonlyMap<string, Audience>;
  readonly policies: ReadonlyMap<string, RsvpPolicy>;
  readonly themes: ReadonlyMap<string, { theme: Theme; curriculum: Curriculum }>;
  readonly objectives: ReadonlyMap<string, { objective: LearningObjective; theme: Theme; curriculum: Curriculum }>;
  private readonly labels: ReadonlyMap<string, string>;

  constructor(readonly catalog: Catalog) {
    const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((item) => [item.id, item]));
    this.organizations = byId(catalog.organizations);
    this.people = byId(catalog.people);
    this.programs = byId(catalog.programs);
    this.audiences = byId(catalog.audiences);
    this.policies = byId(catalog.policies);
    this.themes = new Map(catalog.curricula.flatMap((curriculum) => curriculum.themes.map((theme) => [theme.id, { theme, curriculum }] as const)));
    this.objectives = new Map(
      catalog.curricula.flatMap((curriculum) =>
        curriculum.themes.flatMap((theme) => theme.objectives.map((objective) => [objective.id, { objective, theme, curriculum }] as const)),
      ),
    );
    this.labels = new Map<string, string>([
      ...DEFAULT_ROLES.map((r) => [r.id, r.label] as const),
      ...DEFAULT_FIELDS.map((f) => [f.id, f.label] as const),
      ...catalog.vocabularies.roles.map((r) => [r.id, r.label] as const),
      ...catalog.vocabularies.fields.map((f) => [f.id, f.label] as const),
    ]);
  }

  /** Label of a role or field id; the id itself when the vocabulary does not know it. */
  label(id: string): string {
    return this.labels.get(id) ?? id;
  }

  objectivesOf(workshop: Workshop): ResolvedObjective[] {
    return workshop.objectives.map((o) => {
      if ('ref' in o) {
        const found = this.objectives.get(o.ref);
        if (!found) return { statement: o.ref };
        return { statement: found.objective.statement, ...(found.objective.code ? { code: found.objective.code } : {}), ...found };
      }
      return { statement: o.statement, ...(o.code ? { code: o.code } : {}) };
    });
  }

  /** Themes a workshop covers: its own, those of its basis, and those of the curriculum objectives it lists. */
  themesOf(workshop: Workshop): Theme[] {
    const ids = new Set<string>([...workshop.themes, ...(workshop.basedOn?.themes ?? [])]);
    for (const o of workshop.objectives) {
      const theme = 'ref' in o ? this.objectives.get(o.ref)?.theme : undefined;
      if (theme) ids.add(theme.id);
    }
    return [...ids].flatMap((id) => {
      const found = this.themes.get(id);
      return found ? [found.theme] : [];
    });
  }

  programsOf(workshop: Workshop): Program[] {
    return workshop.programs.flatMap((id) => {
      const p = this.programs.get(id);
      return p ? [p] : [];
    });
  }

  /** The workshop's own policy, else the first of its programs' policies. */
  policyOf(workshop: Workshop): RsvpPolicy | undefined {
    const id = (workshop.kind === 'scheduled' ? workshop.rsvpPolicy : undefined) ?? this.programsOf(workshop).map((p) => p.rsvpPolicy).find((x) => x !== undefined);
    return id === undefined ? undefined : this.policies.get(id);
  }

  /** The page to send people to: the workshop's, else its first program's, else the catalog's. */
  urlOf(workshop: Workshop): string | undefined {
    return workshop.url ?? this.programsOf(workshop).find((p) => p.url)?.url ?? this.catalog.url;
  }

  /** Hosts of a workshop; when it names none, its programs' hosts. */
  hostsOf(workshop: Workshop): Organization[] {
    const ids = workshop.hosts.length > 0 ? workshop.hosts : [...new Set(this.programsOf(workshop).flatMap((p) => p.hosts))];
    return ids.flatMap((id) => {
      const o = this.organizations.get(id);
      return o ? [o] : [];
    });
  }

  /** The first contact with an email among the workshop's programs: who to write to. */
  contactOf(workshop: Workshop): { name?: string; email: string } | undefined {
    for (const program of this.programsOf(workshop)) {
      for (const contact of program.contacts) {
        const person = contact.person !== undefined ? this.people.get(contact.person) : undefined;
        const email = contact.email ?? person?.email;
        if (email === undefined) continue;
        const organization = contact.organization !== undefined ? this.organizations.get(contact.organization) : undefined;
        const name = person?.name ?? organization?.name;
        return name !== undefined ? { name, email } : { email };
      }
    }
    return undefined;
  }

  personName(person: Person): string {
    return [person.honorific, person.name].filter(Boolean).join(' ');
  }
}

/**
 * The title of one occurrence: the workshop's, followed by what distinguishes this date (a session or
 * occurrence title, or the topic of the day) when there is such a thing.
 */
export function occurrenceTitle(workshopTitle: string, detail: string | undefined): string {
  return detail !== undefined && detail !== workshopTitle ? `${workshopTitle}: ${detail}` : workshopTitle;
}

/** A sentence for a status other than "scheduled", with the catalog's note. */
export function statusSentence(status: SessionStatus, note: string | undefined): string | undefined {
  const label: Record<SessionStatus, string | undefined> = {
    scheduled: undefined,
    cancelled: 'Cancelled',
    postponed: 'Postponed',
    rescheduled: 'Rescheduled',
    'moved-online': 'Moved online',
  };
  const head = label[status];
  if (head === undefined) return note;
  return note ? `${head}: ${note}` : `${head}.`;
}

/** An instant given as a Date or an ISO string, checked; the error names the option. */
export function instantOption(value: Date | string, what: string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime()) || (typeof value === 'string' && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim()))) {
    throw new RangeError(`${what} must be an instant (a Date, or an ISO 8601 string with Z or an offset), but got ${JSON.stringify(value)}`);
  }
  return date;
}

/**
 * The workshops an export covers: those passing every filter given. Unknown ids in a filter are errors,
 * not silent omissions.
 */
export function selectWorkshops(catalog: Catalog, filter: { workshops?: readonly string[]; programs?: readonly string[] }, what: string): Workshop[] {
  const unknown = (ids: readonly string[] | undefined, known: Set<string>, kind: string): void => {
    const missing = (ids ?? []).filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw new RangeError(`${what}: unknown ${kind} id${missing.length > 1 ? 's' : ''} ${missing.map((id) => JSON.stringify(id)).join(', ')}; the catalog defines ${[...known].join(', ') || 'none'}`);
    }
  };
  unknown(filter.workshops, new Set(catalog.workshops.map((w) => w.id)), 'workshop');
  unknown(filter.programs, new Set(catalog.programs.map((p) => p.id)), 'program');
  const workshops = filter.workshops ? new Set(filter.workshops) : undefined;
  const programs = filter.programs ? new Set(filter.programs) : undefined;
  return catalog.workshops.filter(
    (w) => (workshops === undefined || workshops.has(w.id)) && (programs === undefined || w.programs.some((p) => programs.has(p))),
  );
}

/** The resources an export covers: all without filters, else those linked to a selected workshop and program. */
export function selectResources(catalog: Catalog, filter: { workshops?: readonly string[]; programs?: readonly string[] }): Resource[] {
  return catalog.resources.filter(
    (r) =>
      (filter.workshops === undefined || (r.workshops ?? []).some((w) => filter.workshops!.includes(w))) &&
      (filter.programs === undefined || r.programs.some((p) => filter.programs!.includes(p))),
  );
}
