/** Display helpers: plain Intl, in the occurrence's own time zone. */

export function when(start: string | null, timeZone?: string | null): string {
  if (start === null) return 'No date';
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: timeZone ?? undefined, timeZoneName: 'short' }).format(new Date(start));
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
