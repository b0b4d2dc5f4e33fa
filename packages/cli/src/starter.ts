import { CATALOG_SCHEMA_ID } from '@mentorkit/core';

export interface StarterOptions {
  /** The clock: the sample session is placed a few weeks after it, so the catalog starts out current. */
  now: Date;
  /** IANA zone for the catalog and its sample session, already validated. */
  timeZone: string;
  /** What `$schema` points at: a URL or a path relative to the catalog (default: the schema's canonical id). */
  schema?: string;
}

const DAY = 86_400_000;

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
title: Example University mentoring programs
description: Workshops and resources for research mentors and the people they mentor.
publisher: example-university
# url: https://…   the page where these programs are published
# Used where a time names no zone of its own (absolute RSVP windows); sessions carry their own zone.
defaultTimeZone: ${zone}
language: en

organizations:
  - id: example-university
    name: Example University
    kind: university
    # url: https://…
  - id: teaching-center
    name: Center for Teaching and Learning
    shortName: CTL
    kind: center
    partOf: example-university

# Who workshops and resources are for. Roles and fields come from built-in lists
# (faculty, postdoc, graduate-student, …; biosciences, humanities, …); add your own under vocabularies.
audiences:
  - id: research-mentors
    name: Research mentors
    description: Faculty and postdocs who mentor students in research.
    roles: [faculty, postdoc]
    mentoring: [graduate-student, undergraduate]

# Who may RSVP, and when. Rules are data: a fact about the person, an operator and a value,
# combined with all / any / not.
policies:
  - id: mentors-first-come
    name: Open to research mentors, first come, first served
    eligibility:
      fact: role
      operator: in
      value: [faculty, postdoc]
    eligibilityText: Open to faculty and postdocs who mentor researchers.
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
    title: Advancing Mentorship Practices
    summary: Evidence-based workshops for research mentors.
    hosts: [teaching-center]
    audiences: [research-mentors]
    # Workshops of this program use this RSVP policy unless they name their own.
    rsvpPolicy: mentors-first-come
    contacts:
      - organization: teaching-center
        email: mentoring@example.edu
        purpose: Questions about the workshops

workshops:
  # A workshop with dates. A session is wall-clock start and end in an IANA time zone;
  # add a recurrence (an RRULE such as FREQ=WEEKLY;COUNT=6) for a series.
  - id: aligning-expectations
    kind: scheduled
    title: Aligning Expectations
    summary: Agree on shared expectations with the people you mentor.
    description: >-
      Mentors and mentees often expect different things of each other. In this interactive workshop,
      mentors compare their expectations with those of their mentees and draft a mentoring compact.
    programs: [mentoring-practices]
    audiences: [research-mentors]
    hosts: [teaching-center]
    modality: online
    formats: [{ durationMinutes: 90 }]
    objectivesIntro: "In this workshop, mentors will:"
    objectives:
      - statement: Describe what they and their mentees expect of each other.
      - statement: Draft a mentoring compact to discuss with a mentee.
    sessions:
      - id: aligning-expectations-1
        start: ${day}T15:00
        end: ${day}T16:30
        timeZone: ${zone}
        location: { kind: online, platform: Zoom }

  # An offering with no dates, booked on request.
  - id: workshops-to-go
    kind: request-only
    title: Mentoring workshops for your department
    summary: Any of our workshops, brought to your department in a 60- or 90-minute format.
    audiences: [research-mentors]
    hosts: [teaching-center]
    formats:
      - { durationMinutes: 60, label: 60-minute workshop }
      - { durationMinutes: 90, label: 90-minute workshop }
    objectives:
      - statement: Choose practices that fit how your department mentors.
    request:
      whoText: Department chairs and program directors
      eligibility: { fact: role, operator: in, value: [department-chair, program-director] }
      method: email
      email: mentoring@example.edu
      leadTime: Request at least four weeks ahead.

resources:
  - id: mentoring-compact
    kind: template
    templateFor: compact
    title: Mentoring compact template
    description: A starting point for agreeing on expectations between mentor and mentee.
    # url: https://…   where people find it
    provider: teaching-center
    audiences: [research-mentors]
`;
}
