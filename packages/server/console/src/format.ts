/** Display helpers: plain Intl, in the occurrence's own time zone. */

/** An occurrence's start in its own zone; the date alone when the catalog does not know the time. */
export function when(o: { start: string | null; timeZone?: string | null; timeUnknown?: boolean | undefined }): string {
  if (o.start === null) return 'No date';
  const date = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: o.timeZone ?? undefined } as const;
  if (o.timeUnknown === true) return `${new Intl.DateTimeFormat(undefined, date).format(new Date(o.start))}, time to be announced`;
  return new Intl.DateTimeFormat(undefined, { ...date, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(o.start));
}

export function shortTime(at: string | null): string {
  if (at === null) return '';
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(at));
}

export const STATUS_LABELS: Record<string, string> = {
  confirmed: 'Confirmed',
  waitlisted: 'Waiting list',
  offered: 'Offered a seat',
  requested: 'Requested',
  cancelled: 'Cancelled',
  declined: 'Not accepted',
  expired: 'Offer expired',
};

export const statusLabel = (status: string) => STATUS_LABELS[status] ?? status;

export const WINDOW_LABELS: Record<string, string> = { open: 'RSVP open', full: 'RSVP open, full', 'not-yet-open': 'Not open yet', closed: 'RSVP closed', none: 'No RSVP' };

export const windowLabel = (state: string) => WINDOW_LABELS[state] ?? state;

/** Hash routes: `#/`, `#/o/<workshop>/<occurrence>[/draw|/check-in]`, `#/completion[/<program>]`, `#/audit`. */
export const href = {
  occurrences: () => '#/',
  occurrence: (w: string, o: string, sub?: 'draw' | 'check-in') => `#/o/${encodeURIComponent(w)}/${encodeURIComponent(o)}${sub ? '/' + sub : ''}`,
  completion: (program?: string) => `#/completion${program ? '/' + encodeURIComponent(program) : ''}`,
  audit: () => '#/audit',
};

/** The time of day alone (a check-in at the door is today's). */
export function timeOfDay(at: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(at));
}
