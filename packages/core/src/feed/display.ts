/**
 * How a session's start–end reads for people wherever mentorkit shows one — the widgets and the
 * no-JavaScript fallback pages the CLI writes — so both say "Thursday, January 8, 2026, 3:00 – 4:00 PM
 * EST" alike. `Intl.DateTimeFormat` options without the zone; add `timeZone` (and `timeZoneName:
 * 'short'` to name it) and call `formatRange`.
 */
export const SESSION_RANGE_FORMAT: Readonly<Intl.DateTimeFormatOptions> = Object.freeze({
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
