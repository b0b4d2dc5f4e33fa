import { DEFAULT_FIELDS, DEFAULT_ROLES } from '../audience/audience.schema.js';
import type { Rule } from '../rules/rules.schema.js';
import type { WindowBoundary } from '../rsvp/policy.schema.js';
import { floatingFromLocal } from '../recurrence/floating.js';
import { parseRecurrenceRule } from '../recurrence/rule.js';
import { impossibility } from '../recurrence/satisfiable.js';
import { checkRecurrence } from '../recurrence/expand.js';
import type { Session } from '../session/session.schema.js';
import type { LocalDateTime, TimeZone } from '../time/time.schema.js';
import { resolveWallClock } from '../time/zoned.js';
import type { Catalog } from './catalog.schema.js';
import { closest, formatPath, type CatalogError, type CatalogPath, valueAt } from './errors.js';

/** Kinds of things a catalog defines and refers to by id. */
export type EntityKind =
  | 'organization'
  | 'person'
  | 'audience'
  | 'role'
  | 'field'
  | 'calendar'
  | 'curriculum'
  | 'theme'
  | 'objective'
  | 'policy'
  | 'program'
  | 'workshop'
  | 'session'
  | 'resource';

const COLLECTION: Record<EntityKind, string> = {
  organization: 'organizations',
  person: 'people',
  audience: 'audiences',
  role: 'vocabularies.roles',
  field: 'vocabularies.fields',
  calendar: 'calendars',
  curriculum: 'curricula',
  theme: 'curricula[].themes',
  objective: 'curricula[].themes[].objectives',
  policy: 'policies',
  program: 'programs',
  workshop: 'workshops',
  session: 'workshops[].sessions',
  resource: 'resources',
};

const BUILT_IN = Symbol('built-in');
type Definition = CatalogPath | typeof BUILT_IN;

/** Every id the catalog defines, by kind, with where it is defined. */
export class CatalogIndex {
  readonly #defs = new Map<EntityKind, Map<string, Definition>>();

  define(kind: EntityKind, id: string, path: CatalogPath | typeof BUILT_IN, errors: CatalogError[]): void {
    let map = this.#defs.get(kind);
    if (!map) this.#defs.set(kind, (map = new Map<string, Definition>()));
    const previous = map.get(id);
    if (previous !== undefined && previous !== BUILT_IN && path !== BUILT_IN) {
      const idPath = [...path, 'id'];
      errors.push({
        path: idPath,
        pathText: formatPath(idPath),
        code: 'duplicate_id',
        message: `duplicate ${kind} id "${id}": ${formatPath(previous)} already uses it`,
        value: id,
        related: { path: [...previous, 'id'], pathText: formatPath([...previous, 'id']), message: `first defined at ${formatPath(previous)}` },
      });
      return;
    }
    map.set(id, path);
  }

  has(kind: EntityKind, id: string): boolean {
    return this.#defs.get(kind)?.has(id) ?? false;
  }

  ids(kind: EntityKind): string[] {
    return [...(this.#defs.get(kind)?.keys() ?? [])];
  }
}

/**
 * Checks what the schema cannot: unique ids, references between entities (an unknown id names both the
 * referring field and the collection it should be defined in), rule vocabularies, and wall-clock times
 * that do not exist in their zone.
 */
export function checkCatalog(catalog: Catalog): CatalogError[] {
  const errors: CatalogError[] = [];
  const index = new CatalogIndex();

  for (const role of DEFAULT_ROLES) index.define('role', role.id, BUILT_IN, errors);
  for (const field of DEFAULT_FIELDS) index.define('field', field.id, BUILT_IN, errors);
  catalog.vocabularies.roles.forEach((r, i) => index.define('role', r.id, ['vocabularies', 'roles', i], errors));
  catalog.vocabularies.fields.forEach((f, i) => index.define('field', f.id, ['vocabularies', 'fields', i], errors));
  catalog.organizations.forEach((o, i) => index.define('organization', o.id, ['organizations', i], errors));
  catalog.people.forEach((p, i) => index.define('person', p.id, ['people', i], errors));
  catalog.audiences.forEach((a, i) => index.define('audience', a.id, ['audiences', i], errors));
  catalog.calendars.forEach((c, i) => index.define('calendar', c.id, ['calendars', i], errors));
  catalog.policies.forEach((p, i) => index.define('policy', p.id, ['policies', i], errors));
  catalog.programs.forEach((p, i) => index.define('program', p.id, ['programs', i], errors));
  catalog.resources.forEach((r, i) => index.define('resource', r.id, ['resources', i], errors));
  catalog.curricula.forEach((c, i) => {
    index.define('curriculum', c.id, ['curricula', i], errors);
    c.themes.forEach((t, j) => {
      index.define('theme', t.id, ['curricula', i, 'themes', j], errors);
      t.objectives.forEach((o, k) => index.define('objective', o.id, ['curricula', i, 'themes', j, 'objectives', k], errors));
    });
  });
  catalog.workshops.forEach((w, i) => {
    index.define('workshop', w.id, ['workshops', i], errors);
    if (w.kind === 'scheduled') w.sessions.forEach((s, j) => index.define('session', s.id, ['workshops', i, 'sessions', j], errors));
  });

  const ref = (kind: EntityKind, id: string | undefined, path: CatalogPath): void => {
    if (id === undefined || index.has(kind, id)) return;
    const known = index.ids(kind);
    const suggestion = closest(id, known);
    const list = known.length === 0 ? `no ${kind} is defined` : `defined: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`;
    errors.push({
      path,
      pathText: formatPath(path),
      code: 'unknown_reference',
      message: `${formatPath(path)} refers to ${kind} "${id}", which is not defined in ${COLLECTION[kind]}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ${list}`,
      value: id,
      related: { path: [COLLECTION[kind]], pathText: COLLECTION[kind], message: `add it to ${COLLECTION[kind]} or fix the reference` },
    });
  };
  const refs = (kind: EntityKind, ids: readonly string[] | undefined, path: CatalogPath): void =>
    ids?.forEach((id, i) => ref(kind, id, [...path, i]));

  const checkRule = (rule: Rule | undefined, path: CatalogPath): void => {
    if (rule === undefined) return;
    if ('all' in rule) return rule.all.forEach((r, i) => checkRule(r, [...path, 'all', i]));
    if ('any' in rule) return rule.any.forEach((r, i) => checkRule(r, [...path, 'any', i]));
    if ('not' in rule) return checkRule(rule.not, [...path, 'not']);
    if (rule.fact !== 'role' && rule.fact !== 'field') return;
    const values = Array.isArray(rule.value) ? rule.value : rule.value === undefined ? [] : [rule.value];
    values.forEach((v, i) =>
      ref(rule.fact as 'role' | 'field', String(v), Array.isArray(rule.value) ? [...path, 'value', i] : [...path, 'value']),
    );
  };

  const checkTime = (local: LocalDateTime | undefined, zone: TimeZone, path: CatalogPath): void => {
    if (local === undefined) return;
    const result = resolveWallClock(local, zone);
    if (!result.ok) {
      errors.push({ path, pathText: formatPath(path), code: 'nonexistent_time', message: result.problem.message, value: local });
    }
  };

  const checkBoundary = (b: WindowBoundary | undefined, path: CatalogPath): void => {
    if (b === undefined) return;
    if (b.kind === 'term') ref('calendar', b.calendar, [...path, 'calendar']);
    if (b.kind === 'absolute') checkTime(b.at, b.timeZone ?? catalog.defaultTimeZone, [...path, 'at']);
  };

  catalog.vocabularies.fields.forEach((f, i) => refs('field', f.broader, ['vocabularies', 'fields', i, 'broader']));
  catalog.organizations.forEach((o, i) => ref('organization', o.partOf, ['organizations', i, 'partOf']));
  catalog.people.forEach((p, i) => ref('organization', p.affiliation, ['people', i, 'affiliation']));
  catalog.audiences.forEach((a, i) => {
    refs('role', a.roles, ['audiences', i, 'roles']);
    refs('field', a.fields, ['audiences', i, 'fields']);
    refs('role', a.mentoring, ['audiences', i, 'mentoring']);
  });
  catalog.calendars.forEach((c, i) => {
    const seen = new Map<string, number>();
    c.terms.forEach((t, j) => {
      const first = seen.get(t.id);
      if (first !== undefined) {
        const path = ['calendars', i, 'terms', j, 'id'];
        errors.push({
          path,
          pathText: formatPath(path),
          code: 'duplicate_id',
          message: `duplicate term id "${t.id}": calendars[${i}].terms[${first}] already uses it`,
          value: t.id,
        });
      } else seen.set(t.id, j);
    });
  });
  catalog.curricula.forEach((c, i) => {
    const base = ['curricula', i] as const;
    ref('organization', c.provenance?.organization, [...base, 'provenance', 'organization']);
    refs('person', c.provenance?.people, [...base, 'provenance', 'people']);
    const variants = new Set(c.variants.map((v) => v.id));
    const themes = new Set(c.themes.map((t) => t.id));
    c.variants.forEach((v, j) => refs('audience', v.audiences, [...base, 'variants', j, 'audiences']));
    c.themes.forEach((t, j) =>
      t.variants?.forEach((v, k) => {
        if (!variants.has(v)) localRef('variant', v, [...base, 'themes', j, 'variants', k], `curricula[${i}].variants`, [...variants]);
      }),
    );
    c.units.forEach((u, j) => {
      u.themes.forEach((t, k) => {
        if (!themes.has(t)) localRef('theme', t, [...base, 'units', j, 'themes', k], `curricula[${i}].themes`, [...themes]);
      });
      refs('objective', u.objectives, [...base, 'units', j, 'objectives']);
    });
    c.themes.forEach((t, j) => refs('resource', t.objectiveResources, [...base, 'themes', j, 'objectiveResources']));
    refs('curriculum', c.buildsOn, [...base, 'buildsOn']);
  });
  checkBuildsOnCycles(catalog.curricula, errors);
  catalog.policies.forEach((p, i) => {
    const base = ['policies', i] as const;
    checkRule(p.eligibility, [...base, 'eligibility']);
    checkBoundary(p.window.opens, [...base, 'window', 'opens']);
    checkBoundary(p.window.closes, [...base, 'window', 'closes']);
    const tiers = new Set<string>();
    p.priority.forEach((t, j) => {
      if (tiers.has(t.id)) {
        const path = [...base, 'priority', j, 'id'];
        errors.push({ path, pathText: formatPath(path), code: 'duplicate_id', message: `duplicate tier id "${t.id}" in this policy`, value: t.id });
      }
      tiers.add(t.id);
      checkRule(t.when, [...base, 'priority', j, 'when']);
      checkBoundary(t.opens, [...base, 'priority', j, 'opens']);
    });
    const questions = new Set<string>();
    p.questions.forEach((q, j) => {
      if (questions.has(q.id)) {
        const path = [...base, 'questions', j, 'id'];
        errors.push({ path, pathText: formatPath(path), code: 'duplicate_id', message: `duplicate question id "${q.id}" in this policy`, value: q.id });
      }
      questions.add(q.id);
    });
  });
  catalog.programs.forEach((p, i) => {
    const base = ['programs', i] as const;
    refs('organization', p.hosts, [...base, 'hosts']);
    refs('organization', p.partners, [...base, 'partners']);
    refs('audience', p.audiences, [...base, 'audiences']);
    ref('curriculum', p.curriculum, [...base, 'curriculum']);
    ref('policy', p.rsvpPolicy, [...base, 'rsvpPolicy']);
    p.contacts.forEach((c, j) => {
      ref('person', c.person, [...base, 'contacts', j, 'person']);
      ref('organization', c.organization, [...base, 'contacts', j, 'organization']);
    });
  });
  catalog.workshops.forEach((w, i) => {
    const base = ['workshops', i] as const;
    refs('program', w.programs, [...base, 'programs']);
    refs('audience', w.audiences, [...base, 'audiences']);
    refs('theme', w.themes, [...base, 'themes']);
    refs('organization', w.hosts, [...base, 'hosts']);
    w.objectives.forEach((o, j) => {
      if ('ref' in o) ref('objective', o.ref, [...base, 'objectives', j, 'ref']);
    });
    w.presenters.forEach((p, j) => {
      ref('person', p.person, [...base, 'presenters', j, 'person']);
      ref('organization', p.organization, [...base, 'presenters', j, 'organization']);
    });
    if (w.basedOn) {
      const curriculumPath = [...base, 'basedOn', 'curriculum'];
      ref('curriculum', w.basedOn.curriculum, curriculumPath);
      const curriculum = catalog.curricula.find((c) => c.id === w.basedOn?.curriculum);
      if (curriculum) {
        const themeIds = curriculum.themes.map((t) => t.id);
        w.basedOn.themes?.forEach((t, k) => {
          if (!themeIds.includes(t)) localRef('theme', t, [...base, 'basedOn', 'themes', k], `curriculum "${curriculum.id}"`, themeIds);
        });
        const unitIds = curriculum.units.map((u) => u.id);
        if (w.basedOn.unit !== undefined && !unitIds.includes(w.basedOn.unit)) {
          localRef('unit', w.basedOn.unit, [...base, 'basedOn', 'unit'], `curriculum "${curriculum.id}"`, unitIds);
        }
        const variantIds = curriculum.variants.map((v) => v.id);
        if (w.basedOn.variant !== undefined && !variantIds.includes(w.basedOn.variant)) {
          localRef('variant', w.basedOn.variant, [...base, 'basedOn', 'variant'], `curriculum "${curriculum.id}"`, variantIds);
        }
      }
    }
    if (w.kind === 'request-only') {
      checkRule(w.request.eligibility, [...base, 'request', 'eligibility']);
      return;
    }
    ref('policy', w.rsvpPolicy, [...base, 'rsvpPolicy']);
    w.sessions.forEach((s, j) => {
      const sp = [...base, 'sessions', j] as const;
      checkTime(s.start, s.timeZone, [...sp, 'start']);
      checkTime(s.end, s.timeZone, [...sp, 'end']);
      if (s.recurrence?.rrule !== undefined) checkRrule(s.recurrence.rrule, s.start, [...sp, 'recurrence', 'rrule']);
      s.recurrence?.rdates.forEach((d, k) => checkTime(d, s.timeZone, [...sp, 'recurrence', 'rdates', k]));
      // exdates and an override's `occurrence` name an occurrence, by its written start (which a
      // daylight-saving gap may have made a time that does not exist) or the time it is shown at;
      // checkSeries reports the ones that name none.
      s.overrides.forEach((o, k) => {
        checkTime(o.start, s.timeZone, [...sp, 'overrides', k, 'start']);
        checkTime(o.end, s.timeZone, [...sp, 'overrides', k, 'end']);
        ref('theme', o.theme, [...sp, 'overrides', k, 'theme']);
      });
      checkSeries(s, sp);
    });
  });
  catalog.resources.forEach((r, i) => {
    const base = ['resources', i] as const;
    ref('organization', r.provider, [...base, 'provider']);
    refs('person', r.people, [...base, 'people']);
    refs('theme', r.themes, [...base, 'themes']);
    refs('audience', r.audiences, [...base, 'audiences']);
    refs('program', r.programs, [...base, 'programs']);
    refs('workshop', r.workshops, [...base, 'workshops']);
    r.presenters?.forEach((p, j) => {
      ref('person', p.person, [...base, 'presenters', j, 'person']);
      ref('organization', p.organization, [...base, 'presenters', j, 'organization']);
    });
    r.related?.forEach((w, j) => ref('resource', w.resource, [...base, 'related', j, 'resource']));
  });
  if (catalog.publisher !== undefined) ref('organization', catalog.publisher, ['publisher']);

  return errors;

  /**
   * Overrides and exdates must name real occurrences of the series (an override of 10:00 on a 09:00 series
   * changes nothing, silently). Time and rule problems are reported above; end-before-start is lint's.
   */
  function checkSeries(session: Session, sessionPath: CatalogPath): void {
    const already = new Set(errors.map((e) => e.pathText));
    for (const problem of checkRecurrence(session)) {
      const [head, , leaf] = problem.path;
      if (head === 'start' || head === 'end' || (head === 'recurrence' && problem.path[1] === 'rrule')) continue;
      if (head === 'overrides' && leaf === 'end' && problem.message.includes('is not after')) continue;
      const path = [...sessionPath, ...problem.path];
      if (already.has(formatPath(path))) continue;
      errors.push({ path, pathText: formatPath(path), code: 'recurrence_mismatch', message: problem.message, value: valueAt(session, problem.path) });
    }
  }

  /** The recurrence engine's own reader decides: what it accepts, it can expand. */
  function checkRrule(text: string, start: LocalDateTime, path: CatalogPath): void {
    const parsed = parseRecurrenceRule(text);
    const never = parsed.ok ? impossibility(parsed.rule, floatingFromLocal(start), text) : undefined;
    if (parsed.ok && never === undefined) return;
    errors.push({
      path,
      pathText: formatPath(path),
      code: parsed.ok ? 'impossible_rrule' : 'invalid_rrule',
      message: parsed.ok ? `${never} (starting ${start})` : `the RRULE ${JSON.stringify(text)} is not valid: ${parsed.problems.join('; ')}`,
      value: text,
    });
  }

  function localRef(kind: string, id: string, path: CatalogPath, where: string, known: string[]): void {
    const suggestion = closest(id, known);
    errors.push({
      path,
      pathText: formatPath(path),
      code: 'unknown_reference',
      message: `${formatPath(path)} refers to ${kind} "${id}", which is not defined in ${where}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; defined: ${known.join(', ') || 'none'}`,
      value: id,
    });
  }
}


/**
 * A curriculum cannot build on itself, directly or through others. Each cycle is reported once, at the
 * `buildsOn` entry that closes it, with the whole path: `a → b → a`.
 */
function checkBuildsOnCycles(curricula: Catalog['curricula'], errors: CatalogError[]): void {
  const at = new Map(curricula.map((c, i) => [String(c.id), i]));
  const done = new Set<string>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    const i = at.get(id);
    if (i === undefined || done.has(id)) return;
    const here = [...trail, id];
    curricula[i]!.buildsOn?.forEach((next, k) => {
      const start = here.indexOf(next);
      if (start >= 0) {
        const cycle = [...here.slice(start), next];
        const key = [...cycle.slice(0, -1)].sort().join('\u0000');
        if (reported.has(key)) return;
        reported.add(key);
        const path = ['curricula', i, 'buildsOn', k];
        const text = cycle.map((c) => `"${c}"`).join(' → ');
        errors.push({
          path,
          pathText: formatPath(path),
          code: 'builds_on_cycle',
          message:
            cycle.length === 2
              ? `${formatPath(path)}: curriculum "${id}" builds on itself; remove "${next}" from its buildsOn`
              : `${formatPath(path)}: curricula build on each other in a circle, ${text}; one of these buildsOn entries has to go`,
          value: next,
          related: { path: ['curricula', at.get(next)!], pathText: formatPath(['curricula', at.get(next)!]), message: `curriculum "${next}" starts the circle` },
        });
        return;
      }
      visit(next, here);
    });
    done.add(id);
  };
  for (const c of curricula) visit(String(c.id), []);
}
