import { DateTime, Duration } from 'luxon';
import { STANDARD_FIELDS, type WindowBoundary } from '../rsvp/policy.schema.js';
import { KNOWN_FACTS, type Rule } from '../rules/rules.schema.js';
import type { Session } from '../session/session.schema.js';
import type { LocalDateTime, TimeZone } from '../time/time.schema.js';
import { resolveWallClock } from '../time/zoned.js';
import type { Workshop } from '../workshop/workshop.schema.js';
import type { Catalog } from './catalog.schema.js';
import { closest, formatPath } from './errors.js';
import { expandOccurrences } from '../recurrence/index.js';
import { resolveRsvpWindow } from '../rsvp/window.js';
import { effectivePolicy } from '../workshop/workshop.js';

export const LINT_SEVERITIES = ['error', 'warning', 'info'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/** Every finding code, with the severity it is always reported at. */
export const LINT_CODES = {
  'placeholder-text': 'error',
  'image-missing-alt': 'error',
  'session-ends-before-start': 'error',
  'term-ends-before-start': 'error',
  'rsvp-window-inverted': 'error',
  'rsvp-window-unresolvable': 'error',
  'unknown-fact': 'error',
  'unknown-fact-value': 'error',
  'uncollected-fact': 'warning',
  'workshop-without-objectives': 'warning',
  'workshop-without-audience': 'warning',
  'workshop-without-dates': 'warning',
  'duplicate-url': 'warning',
  'suspicious-url': 'warning',
  'recording-before-session': 'warning',
  'request-only-without-objectives': 'info',
  'stale-text': 'info',
} as const satisfies Record<string, LintSeverity>;
export type LintCode = keyof typeof LINT_CODES;

/** Something valid by the schema but probably wrong in content: what a reviewer would point out. */
export interface LintFinding {
  severity: LintSeverity;
  code: LintCode;
  path: (string | number)[];
  pathText: string;
  message: string;
  /** The offending value, when there is one. */
  value?: unknown;
}

export interface LintOptions {
  /** The clock: what counts as past or not yet happened. A Date, or ISO 8601 text (UTC unless it has an offset). */
  now: Date | string;
}

type Path = (string | number)[];

/**
 * Checks a parsed catalog for content that is valid but wrong: text a CMS left behind, images without
 * alt text, times that run backwards, RSVP windows that close before they open, links that point
 * nowhere useful, text that has gone stale. Pure: the clock is `options.now`. Findings are sorted by path.
 */
export function lintCatalog(catalog: Catalog, options: LintOptions): LintFinding[] {
  const now = toMillis(options.now);
  const findings: LintFinding[] = [];
  const report = (code: LintCode, path: Path, message: string, value?: unknown): void => {
    findings.push({
      severity: LINT_CODES[code],
      code,
      path,
      pathText: formatPath(path),
      message,
      ...(value !== undefined ? { value } : {}),
    });
  };

  lintStrings(catalog, report);
  lintImages(catalog, report);
  lintTerms(catalog, report);
  lintPolicies(catalog, report);
  lintRuleFacts(catalog, report);
  lintUrls(catalog, report);
  catalog.workshops.forEach((workshop, i) => lintWorkshop(catalog, workshop, ['workshops', i], now, report));
  catalog.workshops.forEach((workshop, i) => lintSessionWindows(catalog, workshop, ['workshops', i], report));

  return findings.sort(byPath);
}

type Report = (code: LintCode, path: Path, message: string, value?: unknown) => void;

function toMillis(now: Date | string): number {
  // A string without an offset is read as UTC, never in the host's zone.
  const ms = typeof now === 'string' ? DateTime.fromISO(now, { zone: 'utc', setZone: true }).toMillis() : now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`lintCatalog: "now" is not a valid instant: ${String(now)}`);
  return ms;
}

/** Instant of a wall-clock time, or undefined for one that does not exist (parseCatalog reports those). */
function instant(local: LocalDateTime, zone: TimeZone): number | undefined {
  const resolved = resolveWallClock(local, zone);
  return resolved.ok ? resolved.instant.toMillis() : undefined;
}

// --- rules ----------------------------------------------------------------------------------------

/**
 * Facts a rule asks about must be facts someone supplies: mentorkit's own (role, field, …), the standard
 * RSVP fields, or a policy's questions. A fact one typo away from one of those is a mistake (the rule
 * would never match); any other name may come from the server's sign-in claims, so it is a warning. A
 * value compared with a select question's answer must be one of its options. (Role and field values are
 * references, checked by parseCatalog.)
 */
function lintRuleFacts(catalog: Catalog, report: Report): void {
  const options = new Map<string, string[]>();
  for (const p of catalog.policies) {
    for (const q of p.questions) if (q.type === 'select' || q.type === 'multi-select') options.set(q.id, [...(options.get(q.id) ?? []), ...q.options]);
  }
  const known = [...new Set<string>([...KNOWN_FACTS, ...STANDARD_FIELDS, ...catalog.policies.flatMap((p) => p.questions.map((q) => q.id))])];
  const walk = (rule: Rule | undefined, path: Path): void => {
    if (rule === undefined) return;
    if ('all' in rule) return rule.all.forEach((r, i) => walk(r, [...path, 'all', i]));
    if ('any' in rule) return rule.any.forEach((r, i) => walk(r, [...path, 'any', i]));
    if ('not' in rule) return walk(rule.not, [...path, 'not']);
    if (!known.includes(rule.fact)) {
      const suggestion = closest(rule.fact, known);
      if (suggestion !== undefined) {
        report('unknown-fact', [...path, 'fact'], `this rule asks about "${rule.fact}", which nothing collects (did you mean "${suggestion}"?); as written it never matches`, rule.fact);
      } else {
        report(
          'uncollected-fact',
          [...path, 'fact'],
          `this rule asks about "${rule.fact}", which no RSVP question or standard field collects (known facts: ${known.join(', ')}); it matches only if the server supplies it, e.g. from sign-in`,
          rule.fact,
        );
      }
      return;
    }
    const allowed = options.get(rule.fact);
    if (allowed === undefined || rule.value === undefined) return;
    const values = Array.isArray(rule.value) ? rule.value : [rule.value];
    values.forEach((v, i) => {
      if (allowed.includes(String(v))) return;
      const suggestion = closest(String(v), allowed);
      report(
        'unknown-fact-value',
        Array.isArray(rule.value) ? [...path, 'value', i] : [...path, 'value'],
        `"${String(v)}" is not an answer the question "${rule.fact}" offers${suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : ''}; its options: ${allowed.join(', ')}`,
        v,
      );
    });
  };
  catalog.policies.forEach((p, i) => {
    walk(p.eligibility, ['policies', i, 'eligibility']);
    p.priority.forEach((t, j) => walk(t.when, ['policies', i, 'priority', j, 'when']));
  });
  catalog.workshops.forEach((w, i) => {
    if (w.kind === 'request-only') walk(w.request.eligibility, ['workshops', i, 'request', 'eligibility']);
  });
}

// --- text ---------------------------------------------------------------------------------------

/** Text content-management systems and drafts leave behind. Case matters for TODO/TBD: "todo" is a word. */
const PLACEHOLDERS: { pattern: RegExp; what: string }[] = [
  { pattern: /lorem ipsum/i, what: 'lorem ipsum' },
  { pattern: /click (the )?edit button/i, what: 'a CMS instruction ("click edit button")' },
  { pattern: /\bI am (a )?text block\b/i, what: 'a CMS placeholder ("I am text block")' },
  { pattern: /\binsert (your )?(text|content|description) here\b/i, what: 'an "insert text here" placeholder' },
  { pattern: /\bplaceholder\b/i, what: 'the word "placeholder"' },
  { pattern: /\b(TODO|FIXME|TBD|TBA|XXX)\b/, what: 'a to-do marker' },
];

/**
 * Walks every string. `assumptions` are the author's notes about the source (they may quote the
 * placeholder they explain), so they are not content.
 */
function* strings(value: unknown, path: Path): Generator<[Path, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'assumptions' || key === '$schema') continue;
      yield* strings(item, [...path, key]);
    }
  }
}

function excerpt(text: string, index: number): string {
  const start = Math.max(0, index - 10);
  const end = Math.min(text.length, index + 50);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

function lintStrings(catalog: Catalog, report: Report): void {
  for (const [path, text] of strings(catalog, [])) {
    // One finding per text, for the placeholder that starts first: that is where the reader's eye lands.
    let first: { match: RegExpExecArray; what: string } | undefined;
    for (const { pattern, what } of PLACEHOLDERS) {
      const match = pattern.exec(text);
      if (match && (first === undefined || match.index < first.match.index)) first = { match, what };
    }
    if (first) {
      const { match, what } = first;
      report(
        'placeholder-text',
        path,
        `placeholder text left in ${formatPath(path)}: ${what} in "${excerpt(text, match.index)}"; replace or remove it`,
        match[0],
      );
    }
  }
}

// --- images -------------------------------------------------------------------------------------

function lintImages(catalog: Catalog, report: Report): void {
  const entities: [Path, { image?: { url?: string | undefined; alt?: string | undefined; decorative?: boolean | undefined } | undefined }][] = [
    ...catalog.programs.map((p, i): [Path, typeof p] => [['programs', i], p]),
    ...catalog.workshops.map((w, i): [Path, typeof w] => [['workshops', i], w]),
    ...catalog.resources.map((r, i): [Path, typeof r] => [['resources', i], r]),
  ];
  for (const [path, entity] of entities) {
    const image = entity.image;
    // An image without a url is only its description: the schema already requires alt there.
    if (!image || image.url === undefined || image.decorative === true || (image.alt ?? '').trim() !== '') continue;
    const where = formatPath([...path, 'image']);
    const message = `the image ${image.url} at ${where} has no alt text; describe it, or set decorative: true if it adds nothing`;
    report('image-missing-alt', [...path, 'image', 'alt'], message, image.url);
  }
}

// --- calendars ----------------------------------------------------------------------------------

function lintTerms(catalog: Catalog, report: Report): void {
  catalog.calendars.forEach((calendar, i) =>
    calendar.terms.forEach((term, j) => {
      // Both days are inclusive, so a one-day term (start = end) is fine.
      if (term.end < term.start) {
        report(
          'term-ends-before-start',
          ['calendars', i, 'terms', j, 'end'],
          `term "${term.id}" ends on ${term.end}, before it starts on ${term.start}`,
          term.end,
        );
      }
    }),
  );
}

// --- RSVP windows -------------------------------------------------------------------------------

/**
 * Where a boundary falls, as a comparable key, when two boundaries can be compared without knowing the
 * session: both absolute (instants), both relative to the same edge of the session, or both relative to
 * the same edge of the same term.
 */
function boundaryKey(b: WindowBoundary, defaultZone: TimeZone): { frame: string; ms: number; text: string } | undefined {
  const offset = (before?: string, after?: string): number =>
    (after ? Duration.fromISO(after).toMillis() : 0) - (before ? Duration.fromISO(before).toMillis() : 0);
  const relative = (before?: string, after?: string): string => (before ? `${before} before` : after ? `${after} after` : 'at');
  if (b.kind === 'absolute') {
    const zone = b.timeZone ?? defaultZone;
    const ms = instant(b.at, zone);
    return ms === undefined ? undefined : { frame: 'absolute', ms, text: `${b.at} ${zone}` };
  }
  if (b.kind === 'session') {
    return {
      frame: `session ${b.edge}`,
      ms: offset(b.before, b.after),
      text: `${relative(b.before, b.after)} the session ${b.edge === 'start' ? 'starts' : 'ends'}`,
    };
  }
  const [h, m] = (b.time ?? (b.edge === 'start' ? '00:00' : '23:59')).split(':').map(Number);
  return {
    frame: `term ${b.calendar} ${b.term} ${b.edge}`,
    ms: ((h ?? 0) * 60 + (m ?? 0)) * 60_000 + offset(b.before, b.after),
    text: `${relative(b.before, b.after)} the ${b.edge} of the ${b.term} term${b.time ? ` (${b.time})` : ''}`,
  };
}

function lintPolicies(catalog: Catalog, report: Report): void {
  catalog.policies.forEach((policy, i) => {
    const closes = policy.window.closes && boundaryKey(policy.window.closes, catalog.defaultTimeZone);
    if (!closes) return;
    const check = (opens: WindowBoundary | undefined, path: Path, who: string): void => {
      const open = opens && boundaryKey(opens, catalog.defaultTimeZone);
      if (!open || open.frame !== closes.frame || open.ms < closes.ms) return;
      const when = open.ms === closes.ms ? 'at the moment it opens' : 'before it opens';
      report(
        'rsvp-window-inverted',
        path,
        `the RSVP window of policy "${policy.id}" ${who}closes (${closes.text}) ${when} (${open.text}), so nobody can RSVP`,
        opens,
      );
    };
    check(policy.window.opens, ['policies', i, 'window'], '');
    policy.priority.forEach((tier, j) => check(tier.opens, ['policies', i, 'priority', j, 'opens'], `for tier "${tier.id}" `));
  });
}

// --- URLs ---------------------------------------------------------------------------------------

const PLACEHOLDER_HOSTS = /(^|\.)(example\.(com|org|net|edu)|[^.]+\.(example|test|invalid|localhost))$/i;

function* urls(value: unknown, path: Path): Generator<[Path, string]> {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* urls(item, [...path, i]);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'url' || key === 'caseItemUri') && typeof item === 'string') yield [[...path, key], item];
      else yield* urls(item, [...path, key]);
    }
  }
}

/** Same page, written differently: host case, default port, trailing slash and empty fragment do not matter. */
export function normalizeUrl(text: string): string {
  try {
    const url = new URL(text.trim());
    url.hash = url.hash === '#' ? '' : url.hash;
    const path = url.pathname.replace(/\/+$/, '');
    return `${url.protocol}//${url.host}${path}${url.search}${url.hash}`;
  } catch {
    return text.trim();
  }
}

function suspicion(text: string): string[] {
  const reasons: string[] = [];
  if (/\s/.test(text)) reasons.push('it contains white space');
  if (text.endsWith('#')) reasons.push('it ends in an empty "#" anchor, a link placeholder');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [...reasons, 'it is not a well-formed URL'];
  }
  if (url.protocol === 'http:') reasons.push('it uses http:// (not https://)');
  if (!url.hostname.includes('.')) reasons.push(`its host "${url.hostname}" has no dot, so it only works inside one network`);
  else if (PLACEHOLDER_HOSTS.test(url.hostname)) reasons.push(`its host "${url.hostname}" is reserved for examples`);
  return reasons;
}

/**
 * Which URLs should be unique, grouped by what they identify: the own page of a program, workshop or
 * resource (compared within its collection), and recordings (compared everywhere). Organizations and
 * people, request forms, contacts, join links, images and sources are shared on purpose: a website
 * resource is an organization's home page, a series' workshops share one request form.
 */
function uniquenessGroup(path: Path): string | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  if (keys.some((k) => k === 'image' || k === 'location' || k === 'contacts' || k === 'request' || k === 'sources')) return undefined;
  if (keys.includes('recording') || keys.includes('episodes')) return 'recordings';
  const collection = path[0];
  if (path.length === 3 && (collection === 'programs' || collection === 'workshops' || collection === 'resources')) return collection;
  return undefined;
}

function lintUrls(catalog: Catalog, report: Report): void {
  const first = new Map<string, Path>();
  for (const [path, text] of urls(catalog, [])) {
    const reasons = suspicion(text);
    if (reasons.length > 0)
      report('suspicious-url', path, `the link ${text} at ${formatPath(path)} looks wrong: ${reasons.join('; ')}`, text);
    const group = uniquenessGroup(path);
    if (group === undefined) continue;
    const key = `${group} ${normalizeUrl(text)}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, path);
    // Sessions and occurrences belong to their workshop: one entity is the first two segments.
    else if (formatPath(seen.slice(0, 2)) !== formatPath(path.slice(0, 2))) {
      report(
        'duplicate-url',
        path,
        `${formatPath(path)} links to ${text}, the same page as ${formatPath(seen)}; one of them is probably a copy-paste slip`,
        text,
      );
    }
  }
}

// --- workshops ----------------------------------------------------------------------------------

const STALE_WORDS = /\b(upcoming|coming soon|save the date|register now|registration is open|will be held|next session)\b/i;

function lintWorkshop(catalog: Catalog, workshop: Workshop, base: Path, now: number, report: Report): void {
  const objectives = objectiveCount(catalog, workshop);
  if (workshop.kind === 'request-only') {
    if (objectives === 0) {
      report(
        'request-only-without-objectives',
        [...base, 'objectives'],
        `request-only offering "${workshop.id}" lists no learning objectives; people deciding whether to request it would want them`,
      );
    }
    return;
  }
  if (objectives === 0) {
    report(
      'workshop-without-objectives',
      [...base, 'objectives'],
      `workshop "${workshop.id}" has no learning objectives (its own or from the curriculum unit or themes it is based on)`,
    );
  }
  if (workshop.audiences.length === 0 && workshop.audienceText === undefined) {
    report(
      'workshop-without-audience',
      [...base, 'audiences'],
      `workshop "${workshop.id}" does not say who it is for: add audiences or audienceText`,
    );
  }
  if (workshop.sessions.length === 0 && workshop.lastHeld === undefined && workshop.scheduleText === undefined) {
    report(
      'workshop-without-dates',
      [...base, 'sessions'],
      `scheduled workshop "${workshop.id}" has no sessions and neither lastHeld nor scheduleText, so readers cannot tell when it happens`,
    );
  }

  let lastEnd: number | undefined =
    workshop.sessions.length === 0 && workshop.lastHeld !== undefined ? lastHeldEnd(workshop.lastHeld, catalog.defaultTimeZone) : undefined;
  let allKnown = workshop.sessions.length > 0 || lastEnd !== undefined;
  workshop.sessions.forEach((session, j) => {
    const sp = [...base, 'sessions', j];
    const end = lintSession(session, sp, now, report);
    if (end === undefined) allKnown = false;
    else lastEnd = Math.max(lastEnd ?? end, end);
  });

  if (allKnown && lastEnd !== undefined && lastEnd < now) {
    for (const [path, value] of strings(workshop, base)) {
      // Objectives speak from inside the event ("plan the upcoming semester"): not stale afterwards.
      if (path.includes('url') || path.includes('id') || path.includes('objectives') || path.includes('objectivesIntro')) continue;
      const match = STALE_WORDS.exec(value);
      if (match) {
        report(
          'stale-text',
          path,
          `${formatPath(path)} says "${match[0]}", but workshop "${workshop.id}" is over; reword it for a past event`,
          match[0],
        );
      }
    }
  }
}

/** Own objectives, plus those of the curriculum unit or themes the workshop is based on. */
function objectiveCount(catalog: Catalog, workshop: Workshop): number {
  let count = workshop.objectives.length;
  const basedOn = workshop.basedOn;
  const curriculum = basedOn && catalog.curricula.find((c) => c.id === basedOn.curriculum);
  if (!basedOn || !curriculum) return count;
  const unit = basedOn.unit === undefined ? undefined : curriculum.units.find((u) => u.id === basedOn.unit);
  count += unit?.objectives.length ?? 0;
  for (const theme of curriculum.themes)
    if (basedOn.themes?.includes(theme.id) || unit?.themes.includes(theme.id)) count += theme.objectives.length;
  return count;
}

/** End of the period `lastHeld` names (a year, a month or a day), in the catalog's zone. */
function lastHeldEnd(lastHeld: string, zone: TimeZone): number | undefined {
  const unit = lastHeld.length === 4 ? 'year' : lastHeld.length === 7 ? 'month' : 'day';
  const end = DateTime.fromISO(lastHeld, { zone }).endOf(unit);
  return end.isValid ? end.toMillis() : undefined;
}

/**
 * Checks one session and returns when its last occurrence ends, when that is known without expanding
 * the recurrence (a one-off session, or a rule with UNTIL); undefined otherwise.
 */
function lintSession(session: Session, path: Path, now: number, report: Report): number | undefined {
  const zone = session.timeZone;
  const start = instant(session.start, zone);
  const end = instant(session.end, zone);
  if (start !== undefined && end !== undefined && end <= start) {
    report(
      'session-ends-before-start',
      [...path, 'end'],
      `session "${session.id}" ends at ${session.end}, ${
        end === start ? 'the moment it starts' : `before it starts at ${session.start}`
      } (${zone})`,
      session.end,
    );
  }
  const duration = start !== undefined && end !== undefined ? end - start : 0;
  if (session.recording && start !== undefined && start > now) {
    report(
      'recording-before-session',
      [...path, 'recording', 'url'],
      `session "${session.id}" has a recording but has not happened yet (it starts ${session.start} ${zone})`,
      session.recording.url,
    );
  }

  session.overrides.forEach((o, k) => {
    const op = [...path, 'overrides', k];
    const oStart = instant(o.start ?? o.occurrence, zone);
    const oEnd = o.end === undefined ? undefined : instant(o.end, zone);
    if (oStart !== undefined && oEnd !== undefined && oEnd <= oStart) {
      report(
        'session-ends-before-start',
        [...op, 'end'],
        `the ${o.occurrence} occurrence of session "${session.id}" ends at ${o.end}, ${
          oEnd === oStart ? 'the moment it starts' : `before it starts at ${o.start ?? o.occurrence}`
        } (${zone})`,
        o.end,
      );
    }
    if (o.recording && oStart !== undefined && oStart > now) {
      report(
        'recording-before-session',
        [...op, 'recording', 'url'],
        `the ${o.occurrence} occurrence of session "${session.id}" has a recording but has not happened yet`,
        o.recording.url,
      );
    }
  });

  if (end === undefined || start === undefined) return undefined;
  const recurrence = session.recurrence;
  if (!recurrence) return Math.max(end, ...overrideEnds(session, duration));
  const until = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?/i.exec(recurrence.rrule ?? '');
  if (recurrence.rrule !== undefined && !until) return undefined;
  const ends = [end, ...recurrence.rdates.map((d) => (instant(d, zone) ?? Number.NaN) + duration), ...overrideEnds(session, duration)];
  if (until) {
    const [, y, mo, d, h, mi, s, z] = until;
    const untilMs =
      z === 'Z'
        ? Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0))
        : DateTime.fromObject(
            {
              year: Number(y),
              month: Number(mo),
              day: Number(d),
              hour: Number(h ?? 23),
              minute: Number(mi ?? 59),
              second: Number(s ?? 59),
            },
            { zone },
          ).toMillis();
    ends.push(untilMs + duration);
  }
  return ends.some((e) => !Number.isFinite(e)) ? undefined : Math.max(...ends);
}

function overrideEnds(session: Session, duration: number): number[] {
  return session.overrides.map((o) => {
    const end = o.end === undefined ? undefined : instant(o.end, session.timeZone);
    const start = instant(o.start ?? o.occurrence, session.timeZone);
    return end ?? (start === undefined ? Number.NaN : start + duration);
  });
}

// --- order --------------------------------------------------------------------------------------

const SEVERITY_ORDER: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

function byPath(a: LintFinding, b: LintFinding): number {
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) {
    const [x, y] = [a.path[i]!, b.path[i]!];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return (
    a.path.length - b.path.length ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** Every occurrence must have an RSVP window that can be computed (e.g. it falls inside an academic term). */
function lintSessionWindows(catalog: Catalog, workshop: Workshop, base: Path, report: Report): void {
  const policy = effectivePolicy(catalog, workshop);
  if (policy === undefined || workshop.kind !== 'scheduled') return;
  workshop.sessions.forEach((session, j) => {
    const from = DateTime.fromISO(session.start, { zone: session.timeZone }).minus({ days: 1 });
    let occurrences;
    try {
      occurrences = expandOccurrences(session, { from: from.toISO()!, to: from.plus({ years: 5 }).toISO()!, maxIterations: 2_000 });
    } catch {
      return; // recurrence problems are parse errors, reported there
    }
    for (const occurrence of occurrences) {
      try {
        resolveRsvpWindow(policy, occurrence, { calendars: catalog.calendars, defaultTimeZone: catalog.defaultTimeZone });
      } catch (cause) {
        report(
          'rsvp-window-unresolvable',
          [...base, 'sessions', j],
          `the RSVP window of policy "${policy.id}" cannot be computed for the occurrence on ${occurrence.localStart}: ${cause instanceof Error ? cause.message : String(cause)}`,
          occurrence.localStart,
        );
        return;
      }
    }
  });
}
