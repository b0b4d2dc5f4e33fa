import { CATALOG_SCHEMA_ID } from '@mentorkit/core';

export interface StarterOptions {
  /** The clock: the sample session is placed a few weeks after it, so the catalog starts out current. */
  now: Date;
  /** IANA zone for the catalog and its sample session, already validated. */
  timeZone: string;
  /** What `$schema` points at: a URL or a path relative to the catalog (default: the schema's canonical id). */
  schema?: string;
  /** Language of the sample content: English (default) or Spanish. */
  language?: StarterLanguage;
}

export const STARTER_LANGUAGES = ['en', 'es'] as const;
export type StarterLanguage = (typeof STARTER_LANGUAGES)[number];

/** The sample content people read (titles, summaries, rules' wording), per language; ids stay the same. */
const TEXT: Record<StarterLanguage, Record<string, string>> = {
  en: {
    title: 'Example University mentoring programs',
    description: 'Workshops and resources for research mentors and the people they mentor.',
    university: 'Example University',
    center: 'Center for Teaching and Learning',
    centerShort: 'CTL',
    audience: 'Research mentors',
    audienceDescription: 'Faculty and postdocs who mentor students in research.',
    policy: 'Open to research mentors, first come, first served',
    eligibilityText: 'Open to faculty and postdocs who mentor researchers.',
    program: 'Advancing Mentorship Practices',
    programSummary: 'Evidence-based workshops for research mentors.',
    contactPurpose: 'Questions about the workshops',
    workshop: 'Aligning Expectations',
    workshopSummary: 'Agree on shared expectations with the people you mentor.',
    workshopDescription:
      'Mentors and mentees often expect different things of each other. In this interactive workshop, mentors compare their expectations with those of their mentees and draft a mentoring compact.',
    objectivesIntro: 'In this workshop, mentors will:',
    objective1: 'Describe what they and their mentees expect of each other.',
    objective2: 'Draft a mentoring compact to discuss with a mentee.',
    toGo: 'Mentoring workshops for your department',
    toGoSummary: 'Any of our workshops, brought to your department in a 60- or 90-minute format.',
    format60: '60-minute workshop',
    format90: '90-minute workshop',
    toGoObjective: 'Choose practices that fit how your department mentors.',
    whoText: 'Department chairs and program directors',
    leadTime: 'Request at least four weeks ahead.',
    resource: 'Mentoring compact template',
    resourceDescription: 'A starting point for agreeing on expectations between mentor and mentee.',
  },
  es: {
    title: 'Programas de mentoría de la Universidad de Ejemplo',
    description: 'Talleres y recursos para mentores de investigación y las personas a las que acompañan.',
    university: 'Universidad de Ejemplo',
    center: 'Centro de Enseñanza y Aprendizaje',
    centerShort: 'CEA',
    audience: 'Mentores de investigación',
    audienceDescription: 'Profesorado e investigadores posdoctorales que acompañan a estudiantes en la investigación.',
    policy: 'Abierto a mentores de investigación, por orden de inscripción',
    eligibilityText: 'Abierto al profesorado y a investigadores posdoctorales que son mentores de investigación.',
    program: 'Mejores prácticas de mentoría',
    programSummary: 'Talleres basados en la evidencia para mentores de investigación.',
    contactPurpose: 'Preguntas sobre los talleres',
    workshop: 'Alinear expectativas',
    workshopSummary: 'Acordar expectativas compartidas con las personas a las que acompañas.',
    workshopDescription:
      'Mentores y mentorados a menudo esperan cosas distintas el uno del otro. En este taller interactivo, los mentores comparan sus expectativas con las de sus mentorados y redactan un acuerdo de mentoría.',
    objectivesIntro: 'En este taller, los mentores:',
    objective1: 'Describirán lo que ellos y sus mentorados esperan el uno del otro.',
    objective2: 'Redactarán un acuerdo de mentoría para comentarlo con un mentorado.',
    toGo: 'Talleres de mentoría para tu departamento',
    toGoSummary: 'Cualquiera de nuestros talleres, en tu departamento, en formato de 60 o 90 minutos.',
    format60: 'Taller de 60 minutos',
    format90: 'Taller de 90 minutos',
    toGoObjective: 'Elegir prácticas que se ajusten a cómo acompaña tu departamento.',
    whoText: 'Direcciones de departamento y de programa',
    leadTime: 'Solicítalo con al menos cuatro semanas de antelación.',
    resource: 'Plantilla de acuerdo de mentoría',
    resourceDescription: 'Un punto de partida para acordar expectativas entre mentor y mentorado.',
  },
};

/**
 * Names of the built-in roles the starter's rules use, in Spanish: declared under `vocabularies.roles`,
 * they replace the English labels in the widgets' explanations ("tu puesto es …").
 */
const SPANISH_ROLES = `vocabularies:
  # Names of the built-in roles in the catalog's language (used in eligibility explanations).
  roles:
    - { id: faculty, label: profesorado }
    - { id: postdoc, label: investigador posdoctoral }
    - { id: graduate-student, label: estudiante de posgrado }
    - { id: undergraduate, label: estudiante de grado }
    - { id: department-chair, label: dirección de departamento }
    - { id: program-director, label: dirección de programa }

`;

const DAY = 86_400_000;

/** A plain YAML scalar where YAML reads it as the same text, else a double-quoted one (JSON strings are valid YAML). */
function yamlText(text: string): string {
  return /^[\p{L}\d][^:#{}[\],"'\n]*$/u.test(text) && !text.endsWith(':') ? text : JSON.stringify(text);
}

/** The first Tuesday at least four weeks after `now`, as a calendar date (YYYY-MM-DD). */
export function sampleSessionDate(now: Date): string {
  const start = new Date(now.getTime() + 28 * DAY);
  const toTuesday = (2 - start.getUTCDay() + 7) % 7;
  return new Date(start.getTime() + toTuesday * DAY).toISOString().slice(0, 10);
}

/**
 * A small, complete, commented catalog: one of each thing an author needs first. It must pass
 * `mentorkit check` with no errors and no warnings (the tests check that it does).
 */
export function starterCatalog(options: StarterOptions): string {
  const day = sampleSessionDate(options.now);
  // The zone is validated by the caller (an IANA name: letters, digits, '/', '_', '-', '+'), safe unquoted.
  const zone = options.timeZone;
  const schema = options.schema ?? CATALOG_SCHEMA_ID;
  // A plain scalar unless YAML would read it otherwise; JSON strings are valid YAML double-quoted scalars.
  const schemaValue = /^[\w.][\w./:@~-]*$/.test(schema) ? schema : JSON.stringify(schema);
  const language = options.language ?? 'en';
  // JSON strings are valid YAML double-quoted scalars: the text needs no care for ':' or '#'.
  const t = (key: string) => yamlText(TEXT[language][key] ?? key);
  return `# yaml-language-server: $schema=${schema}
#
# A mentorkit catalog: what your institution publishes about its mentoring programs, in one file you
# keep in version control. Entities refer to each other by id (short slugs such as mentoring-practices).
#
#   mentorkit check catalog.yaml                       schema errors and content warnings
#   mentorkit build catalog.yaml --out public/mentoring   the feed, calendars and HTML the widgets use
#   mentorkit schema > catalog.schema.json             the JSON Schema, for editors that work offline
#                                                      (then point $schema, below, at that file)
#
# Replace the sample content below with your own.
$schema: ${schemaValue}
version: 1
id: example-university
title: ${t('title')}
description: ${t('description')}
publisher: example-university
# url: https://…   the page where these programs are published
# Used where a time names no zone of its own (absolute RSVP windows); sessions carry their own zone.
defaultTimeZone: ${zone}
language: ${language}

${language === 'es' ? SPANISH_ROLES : ''}organizations:
  - id: example-university
    name: ${t('university')}
    kind: university
    # url: https://…
  - id: teaching-center
    name: ${t('center')}
    shortName: ${t('centerShort')}
    kind: center
    partOf: example-university

# Who workshops and resources are for. Roles and fields come from built-in lists
# (faculty, postdoc, graduate-student, …; biosciences, humanities, …); add your own under vocabularies.
audiences:
  - id: research-mentors
    name: ${t('audience')}
    description: ${t('audienceDescription')}
    roles: [faculty, postdoc]
    mentoring: [graduate-student, undergraduate]

# Who may RSVP, and when. Rules are data: a fact about the person, an operator and a value,
# combined with all / any / not.
policies:
  - id: mentors-first-come
    name: ${t('policy')}
    eligibility:
      fact: role
      operator: in
      value: [faculty, postdoc]
    eligibilityText: ${t('eligibilityText')}
    # RSVP opens three weeks before each session and closes one day before it.
    window:
      opens: { kind: session, before: P21D }
      closes: { kind: session, before: PT24H }
    capacity: 30
    waitlist: { enabled: true }
    allocation: { mode: first-come }
    fields: [name, email, role, department]

programs:
  - id: mentoring-practices
    title: ${t('program')}
    summary: ${t('programSummary')}
    hosts: [teaching-center]
    audiences: [research-mentors]
    # Workshops of this program use this RSVP policy unless they name their own.
    rsvpPolicy: mentors-first-come
    contacts:
      - organization: teaching-center
        email: mentoring@example.edu
        purpose: ${t('contactPurpose')}

workshops:
  # A workshop with dates. A session is wall-clock start and end in an IANA time zone;
  # add a recurrence (an RRULE such as FREQ=WEEKLY;COUNT=6) for a series.
  - id: aligning-expectations
    kind: scheduled
    title: ${t('workshop')}
    summary: ${t('workshopSummary')}
    description: ${t('workshopDescription')}
    programs: [mentoring-practices]
    audiences: [research-mentors]
    hosts: [teaching-center]
    modality: online
    formats: [{ durationMinutes: 90 }]
    objectivesIntro: ${t('objectivesIntro')}
    objectives:
      - statement: ${t('objective1')}
      - statement: ${t('objective2')}
    sessions:
      - id: aligning-expectations-1
        start: ${day}T15:00
        end: ${day}T16:30
        timeZone: ${zone}
        location: { kind: online, platform: Zoom }

  # An offering with no dates, booked on request.
  - id: workshops-to-go
    kind: request-only
    title: ${t('toGo')}
    summary: ${t('toGoSummary')}
    audiences: [research-mentors]
    hosts: [teaching-center]
    formats:
      - { durationMinutes: 60, label: ${t('format60')} }
      - { durationMinutes: 90, label: ${t('format90')} }
    objectives:
      - statement: ${t('toGoObjective')}
    request:
      whoText: ${t('whoText')}
      eligibility: { fact: role, operator: in, value: [department-chair, program-director] }
      method: email
      email: mentoring@example.edu
      leadTime: ${t('leadTime')}

resources:
  - id: mentoring-compact
    kind: template
    templateFor: compact
    title: ${t('resource')}
    description: ${t('resourceDescription')}
    # url: https://…   where people find it
    provider: teaching-center
    audiences: [research-mentors]
`;
}
