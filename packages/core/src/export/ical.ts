/**
 * iCalendar (RFC 5545) export of a catalog: one VEVENT per session, recurrence written as the catalog
 * states it (RRULE / RDATE / EXDATE in the session's zone), one RECURRENCE-ID VEVENT per occurrence
 * override, and a VTIMEZONE generated from the tz data for every zone used. RFC 7986 adds the calendar
 * name, CONFERENCE join links and IMAGE. See docs/adr/0004-exports.md.
 */
import { DateTime } from 'luxon';
import type { Catalog } from '../catalog/catalog.schema.js';
import { expandOccurrences } from '../recurrence/index.js';
import type { Location, OccurrenceOverride, Session, SessionStatus } from '../session/session.schema.js';
import { splitLocalDateTime, type LocalDateTime } from '../time/time.schema.js';
import { dayAfter } from '../time/local-date.js';
import { toInstant } from '../time/zoned.js';
import type { ScheduledWorkshop } from '../workshop/workshop.schema.js';
import { contentLine, escapeText, formatLocalDateTime, formatUtcDateTime, joinLines, type ParamList } from './ical-text.js';
import { sessionUid } from './calendar-links.js';
import { joinUrl, locationText } from './location-text.js';
import { CatalogLookup, instantOption, occurrenceTitle, selectWorkshops, statusSentence } from './lookup.js';
import { vtimezoneLines } from './vtimezone.js';

export interface ICalendarOptions {
  /** When the file is generated: every DTSTAMP. */
  now: Date | string;
  /** Only these workshops (ids). */
  workshops?: readonly string[];
  /** Only workshops in at least one of these programs (ids). With `workshops`, a workshop must pass both. */
  programs?: readonly string[];
  /** PRODID; default `-//mentorkit//Catalog export//EN`. */
  prodId?: string;
  /** X-WR-CALNAME and NAME; default the catalog's title. */
  calendarName?: string;
}

export const DEFAULT_PRODID = '-//mentorkit//Catalog export//EN';

/** RFC 5545 STATUS of a session status. Postponed has no date yet: TENTATIVE, with the note in DESCRIPTION. */
export function icalStatus(status: SessionStatus): 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE' {
  if (status === 'cancelled') return 'CANCELLED';
  if (status === 'postponed') return 'TENTATIVE';
  return 'CONFIRMED';
}

/** Wall-clock arithmetic with no zone: minutes between two readings, and a reading moved by minutes. */
function floating(local: LocalDateTime): number {
  const p = splitLocalDateTime(local);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}
function localPlus(local: LocalDateTime, minutes: number): LocalDateTime {
  return new Date(floating(local) + minutes * 60_000).toISOString().slice(0, 19);
}
function dateOf(local: LocalDateTime): string {
  return local.slice(0, 10).replaceAll('-', '');
}
function nextDate(local: LocalDateTime): string {
  return dayAfter(local).replaceAll('-', '');
}

/** How a session's times are written: in its zone, or as dates when only the dates are known. */
interface TimeStyle {
  zone: string;
  /** timeUnknown: DATE values, no zone (RFC 5545 all-day events). */
  dates: boolean;
}

function timeProp(name: string, local: LocalDateTime, style: TimeStyle): string {
  return style.dates
    ? contentLine(name, dateOf(local), [['VALUE', 'DATE']])
    : contentLine(name, formatLocalDateTime(local), [['TZID', style.zone]]);
}

function timeListProp(name: string, values: readonly LocalDateTime[], style: TimeStyle): string[] {
  if (values.length === 0) return [];
  const params: ParamList = style.dates ? [['VALUE', 'DATE']] : [['TZID', style.zone]];
  return [contentLine(name, values.map((v) => (style.dates ? dateOf(v) : formatLocalDateTime(v))).join(','), params)];
}

/**
 * The RRULE with UNTIL in the form RFC 5545 requires next to its DTSTART: UTC for a start in `zone`, a
 * DATE for a date start (`dates`). The catalog may write UNTIL as a date (the whole day counts) or a
 * wall-clock time in the session's zone, which is how the recurrence engine reads it.
 */
export function rruleForExport(rrule: string, zone: string, options: { dates?: boolean } = {}): string {
  return rrule
    .split(';')
    .map((part) => {
      const [key = '', value = ''] = part.split('=');
      if (key.toUpperCase() !== 'UNTIL') return part.toUpperCase();
      const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/i.exec(value);
      if (m === null) throw new RangeError(`UNTIL=${value} in RRULE ${rrule} is not a date or date-time`);
      const [, y, mo, d, h, mi, s, utc] = m;
      const [year, month, day] = [Number(y), Number(mo), Number(d)];
      if (options.dates) {
        // A UTC UNTIL names the date it falls on in the zone; a date or wall-clock one names its own date.
        return utc ? `UNTIL=${DateTime.fromISO(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`).setZone(zone).toFormat('yyyyMMdd')}` : `UNTIL=${y}${mo}${d}`;
      }
      if (utc) return `UNTIL=${y}${mo}${d}T${h}${mi}${s}Z`;
      const wall =
        h === undefined
          ? DateTime.fromObject({ year, month, day }, { zone }).endOf('day').startOf('second')
          : DateTime.fromObject({ year, month, day, hour: Number(h), minute: Number(mi), second: Number(s) }, { zone });
      return `UNTIL=${formatUtcDateTime(wall.toJSDate())}`;
    })
    .join(';');
}

/** Local year of the last instant a rule can reach, if it states one (UNTIL); undefined for COUNT or open rules. */
function untilYear(rrule: string): number | undefined {
  const m = /(?:^|;)UNTIL=(\d{4})/i.exec(rrule);
  return m ? Number(m[1]) : undefined;
}

/** The occurrences an override may target exist only if the series (without overrides) produces them. */
function overrideTargetsOccurrence(session: Session, override: OccurrenceOverride): boolean {
  let at: Date;
  try {
    at = toInstant(override.occurrence, session.timeZone).toJSDate();
  } catch {
    return false;
  }
  const plain: Session = { ...session, overrides: [] };
  const found = expandOccurrences(plain, { from: at, to: new Date(at.getTime() + 1) });
  return found.some((o) => floating(o.recurrenceId) === floating(override.occurrence));
}

interface EventContent {
  title: string;
  status: SessionStatus;
  statusNote?: string | undefined;
  description?: string | undefined;
  location?: Location | undefined;
  recordingUrl?: string | undefined;
}

/** Builds the VEVENTs of one catalog; the shared parts of each event come from here. */
class EventWriter {
  readonly lookup: CatalogLookup;
  readonly dtstamp: string;
  /** Zone → [first year, last year] of the times written in it. */
  readonly zones = new Map<string, [number, number]>();

  constructor(readonly catalog: Catalog, now: Date) {
    this.lookup = new CatalogLookup(catalog);
    this.dtstamp = formatUtcDateTime(now);
  }

  private useZone(zone: string, ...years: number[]): void {
    const span = this.zones.get(zone) ?? [Math.min(...years), Math.max(...years)];
    this.zones.set(zone, [Math.min(span[0], ...years), Math.max(span[1], ...years)]);
  }

  sessionEvents(workshop: ScheduledWorkshop, session: Session): string[][] {
    const style: TimeStyle = { zone: session.timeZone, dates: session.timeUnknown === true };
    const uid = sessionUid(this.catalog.id, session.id);
    const recurrence = session.recurrence;
    const sessionDetail = session.title;
    if (!style.dates) {
      const locals = [session.start, session.end, ...(recurrence?.rdates ?? []), ...session.overrides.flatMap((o) => [o.occurrence, o.start, o.end])];
      const untilAt = recurrence?.rrule !== undefined ? untilYear(recurrence.rrule) : undefined;
      this.useZone(session.timeZone, ...locals.flatMap((l) => (l ? [Number(l.slice(0, 4))] : [])), ...(untilAt !== undefined ? [untilAt] : []));
    }

    if (recurrence === undefined) {
      // A single meeting: an override of it (if any) is simply its current state.
      const override = session.overrides.find((o) => o.occurrence === session.start);
      const start = override?.start ?? session.start;
      const end = override?.end ?? (override?.start ? localPlus(override.start, (floating(session.end) - floating(session.start)) / 60_000) : session.end);
      return [
        this.event(workshop, uid, style, { start, end }, [], {
          title: occurrenceTitle(workshop.title, override?.title ?? sessionDetail ?? this.topicOf(override)),
          status: session.status === 'cancelled' ? 'cancelled' : (override?.status ?? session.status),
          statusNote: override?.statusNote ?? session.statusNote,
          description: override?.description,
          location: override?.location ?? session.location,
          recordingUrl: (override?.recording ?? session.recording)?.url,
        }),
      ];
    }

    const rules = [
      ...(recurrence.rrule !== undefined ? [contentLine('RRULE', rruleForExport(recurrence.rrule, style.zone, { dates: style.dates }))] : []),
      // DTSTART is the first instance anyway; repeating it in RDATE (duplicates collapse, RFC 5545 §3.8.5.2)
      // keeps it for readers such as ical.js that drop DTSTART from a series made of RDATEs alone.
      ...timeListProp('RDATE', recurrence.rrule === undefined ? [session.start, ...recurrence.rdates.filter((d) => d !== session.start)] : recurrence.rdates, style),
      ...timeListProp('EXDATE', recurrence.exdates, style),
    ];
    const master = this.event(workshop, uid, style, { start: session.start, end: session.end }, rules, {
      title: occurrenceTitle(workshop.title, sessionDetail),
      status: session.status,
      statusNote: session.statusNote,
      location: session.location,
      recordingUrl: session.recording?.url,
    });
    const lengthMinutes = (floating(session.end) - floating(session.start)) / 60_000;
    const exceptions = session.overrides
      .filter((o) => overrideTargetsOccurrence(session, o))
      .map((o) => {
        const start = o.start ?? o.occurrence;
        const end = o.end ?? localPlus(start, lengthMinutes);
        return this.event(workshop, uid, style, { start, end, recurrenceId: o.occurrence }, [], {
          title: occurrenceTitle(workshop.title, o.title ?? sessionDetail ?? this.topicOf(o)),
          // A cancelled series stays cancelled whatever an override says (as the engine reads it).
          status: session.status === 'cancelled' ? 'cancelled' : (o.status ?? session.status),
          statusNote: o.statusNote ?? session.statusNote,
          description: [o.topic && (o.title ?? sessionDetail) ? `Topic: ${o.topic}` : undefined, o.description].filter(Boolean).join('\n\n') || undefined,
          location: o.location ?? session.location,
          recordingUrl: (o.recording ?? session.recording)?.url,
        });
      });
    return [master, ...exceptions];
  }

  private topicOf(override: OccurrenceOverride | undefined): string | undefined {
    if (override === undefined) return undefined;
    return override.topic ?? (override.theme !== undefined ? this.lookup.themes.get(override.theme)?.theme.title : undefined);
  }

  private event(
    workshop: ScheduledWorkshop,
    uid: string,
    style: TimeStyle,
    times: { start: LocalDateTime; end: LocalDateTime; recurrenceId?: LocalDateTime },
    rules: string[],
    content: EventContent,
  ): string[] {
    const lookup = this.lookup;
    const location: Location | undefined = content.location ?? (workshop.modality === 'online' ? { kind: 'online' } : undefined);
    const join = joinUrl(location);
    const platform = location && location.kind !== 'in-person' ? location.platform : undefined;
    const url = lookup.urlOf(workshop);
    const categories = [...lookup.programsOf(workshop).map((p) => p.title), ...lookup.themesOf(workshop).map((t) => t.title)];
    const organizer = lookup.contactOf(workshop);
    const end = style.dates ? contentLine('DTEND', nextDate(times.end), [['VALUE', 'DATE']]) : timeProp('DTEND', times.end, style);
    return [
      'BEGIN:VEVENT',
      contentLine('UID', escapeText(uid)),
      contentLine('DTSTAMP', this.dtstamp),
      ...(times.recurrenceId !== undefined ? [timeProp('RECURRENCE-ID', times.recurrenceId, style)] : []),
      timeProp('DTSTART', times.start, style),
      end,
      ...rules,
      contentLine('SUMMARY', escapeText(content.title)),
      contentLine('DESCRIPTION', escapeText(this.description(workshop, content, style, join, url))),
      ...(location ? [contentLine('LOCATION', escapeText(locationText(location)))] : []),
      ...(url ? [contentLine('URL', url, [['VALUE', 'URI']])] : []),
      ...(categories.length > 0 ? [contentLine('CATEGORIES', [...new Set(categories)].map(escapeText).join(','))] : []),
      ...(organizer ? [contentLine('ORGANIZER', `mailto:${organizer.email}`, organizer.name ? [['CN', organizer.name]] : [])] : []),
      contentLine('STATUS', icalStatus(content.status)),
      ...(join ? [contentLine('CONFERENCE', join, [['VALUE', 'URI'], ['FEATURE', 'VIDEO'], ...(platform ? ([['LABEL', platform]] as const) : [])])] : []),
      ...(workshop.image?.url !== undefined ? [contentLine('IMAGE', workshop.image.url, [['VALUE', 'URI'], ['DISPLAY', 'BADGE']])] : []),
      'END:VEVENT',
    ];
  }

  private description(workshop: ScheduledWorkshop, content: EventContent, style: TimeStyle, join: string | undefined, url: string | undefined): string {
    const objectives = this.lookup.objectivesOf(workshop);
    const presenters = workshop.presenters.flatMap((p) => {
      const person = p.person !== undefined ? this.lookup.people.get(p.person) : undefined;
      const name = person ? this.lookup.personName(person) : p.organization !== undefined ? this.lookup.organizations.get(p.organization)?.name : p.name;
      return name ? [name] : [];
    });
    const instructions = content.location && content.location.kind === 'online' ? content.location.instructions : undefined;
    return [
      statusSentence(content.status, content.statusNote),
      style.dates ? 'Only the date has been published; the time of day is to be confirmed.' : undefined,
      content.description,
      workshop.summary,
      workshop.description,
      objectives.length > 0 ? `${workshop.objectivesIntro ?? 'Objectives:'}\n${objectives.map((o) => `- ${o.statement}`).join('\n')}` : undefined,
      workshop.audienceText ? `For: ${workshop.audienceText}` : undefined,
      presenters.length > 0 ? `With: ${presenters.join(', ')}` : undefined,
      instructions,
      join ? `Join: ${join}` : undefined,
      content.recordingUrl ? `Recording: ${content.recordingUrl}` : undefined,
      url ? `More: ${url}` : undefined,
    ]
      .filter((x): x is string => x !== undefined && x !== '')
      .join('\n\n');
  }
}

/**
 * The catalog (or a subset of its workshops) as an iCalendar stream: CRLF line endings, lines folded at
 * 75 octets. Request-only workshops have no dates and produce no events. Pure: the same catalog and
 * `now` give the same bytes.
 */
export function toICalendar(catalog: Catalog, options: ICalendarOptions): string {
  const now = instantOption(options.now, 'toICalendar options.now');
  const writer = new EventWriter(catalog, now);
  const events = selectWorkshops(catalog, options, 'toICalendar')
    .filter((w): w is ScheduledWorkshop => w.kind === 'scheduled')
    .flatMap((w) => w.sessions.flatMap((s) => writer.sessionEvents(w, s)));
  const name = options.calendarName ?? catalog.title;
  const timezones = [...writer.zones.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([zone, [fromYear, toYear]]) => vtimezoneLines(zone, { fromYear, toYear }));
  return joinLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    contentLine('PRODID', escapeText(options.prodId ?? DEFAULT_PRODID)),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    contentLine('NAME', escapeText(name)),
    contentLine('X-WR-CALNAME', escapeText(name)),
    ...(catalog.description ? [contentLine('X-WR-CALDESC', escapeText(catalog.description))] : []),
    contentLine('X-WR-TIMEZONE', catalog.defaultTimeZone),
    ...timezones,
    ...events.flat(),
    'END:VCALENDAR',
  ]);
}
