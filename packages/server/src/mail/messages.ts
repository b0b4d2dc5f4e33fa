/**
 * The messages people are sent, in English and Spanish, as plain text and HTML, with the invitation an
 * `.ics` carries. Pure: the same inputs give the same message. Every piece of catalog text is escaped in the
 * HTML body and in the iCalendar text. To change a message's words, edit {@link TEXTS} (both languages).
 */
import { dayAfter, localDateOf, sessionUid, type FeedOccurrence } from '@mentorkit/core';
import { escapeHtml } from '../html.js';

export type MessageKind =
  | 'confirmed'
  | 'waitlisted'
  | 'requested'
  | 'offered'
  | 'declined'
  | 'cancelled'
  | 'occurrence-cancelled'
  | 'changed'
  | 'reminder'
  | 'follow-up'
  /** Written by staff to the people of one session (the console's message form). */
  | 'staff-message';

export type Locale = 'en' | 'es';

export interface MessageInput {
  kind: MessageKind;
  locale: string;
  /** The recipient's name, as they gave it. */
  name: string | undefined;
  email: string;
  programTitle: string;
  /** The program's contact address from the catalog, when it names one. */
  contactEmail: string | undefined;
  workshopTitle: string;
  catalogId: string;
  /** With `recurrenceId` when its session repeats (its occurrences share one UID; RECURRENCE-ID names this one). */
  occurrence: FeedOccurrence;
  /** The iCalendar SEQUENCE of the occurrence (raised on every change people are told of). */
  sequence: number;
  /** The manage link: with the token in the confirmation, the manage page otherwise. */
  manageUrl: string;
  /** True when the link carries the token (only the message written at registration). */
  manageHasToken: boolean;
  position?: number | undefined;
  offerExpiresAt?: Date | undefined;
  /** Lottery result (allocation at close). */
  allocated?: boolean | undefined;
  /** Who cancelled: the person, staff, or the catalog. */
  by?: 'person' | 'staff' | undefined;
  /** Attach the invitation (default: by kind; a CANCEL only to whoever was sent a REQUEST). */
  invitation?: boolean | undefined;
  /** A staff message's own subject and text (kind `staff-message`). */
  staffMessage?: { subject: string; text: string } | undefined;
  /** The organizer address of the invitation (MAIL_FROM). */
  from: string;
  now: Date;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  ics?: { method: 'REQUEST' | 'CANCEL'; content: string } | undefined;
}

interface Texts {
  subject: Record<MessageKind, string>;
  greeting: (name: string | undefined) => string;
  body: Record<MessageKind, (x: { position?: number | undefined; deadline?: string | undefined; allocated?: boolean | undefined; by?: string | undefined; text?: string | undefined }) => string>;
  when: string;
  where: string;
  online: string;
  manageWithToken: string;
  manageWithoutToken: string;
  contact: string;
  calendar: string;
  recording: string;
  staff: string;
  /** After the date of a session whose time of day is not yet known. */
  timeToBeAnnounced: string;
}

/** The words of every message. `{title}` in a subject is the workshop's title. */
export const TEXTS: Record<Locale, Texts> = {
  en: {
    subject: {
      confirmed: 'Confirmed: {title}',
      waitlisted: 'On the waiting list: {title}',
      requested: 'Request received: {title}',
      offered: 'A seat is offered to you: {title}',
      declined: 'No place this time: {title}',
      cancelled: 'Cancelled: {title}',
      'occurrence-cancelled': 'Session cancelled: {title}',
      changed: 'Updated: {title}',
      reminder: 'Reminder: {title}',
      'follow-up': 'After the session: {title}',
      'staff-message': '{subject} ({title})',
    },
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    body: {
      confirmed: (x) => (x.allocated ? 'Places were allocated and you have one. Your place is confirmed.' : 'Your place is confirmed.') + ' The attached invitation adds the session to your calendar.',
      waitlisted: (x) => `You are on the waiting list${x.position !== undefined ? `, in position ${x.position}` : ''}. We will write to you if a seat becomes free.`,
      requested: () => 'Your request is recorded. Places are allocated when RSVP closes, and we will write to you with the result.',
      offered: (x) => `A seat became free and is offered to you. Accept it from the manage page${x.deadline ? ` before ${x.deadline}` : ''}, or it passes to the next person.`,
      declined: () => 'Places were allocated and there was none for you this time.',
      cancelled: (x) => (x.by === 'staff' ? 'The program staff cancelled your registration.' : 'Your registration is cancelled, as you asked.') + ' The session is removed from your calendar.',
      'occurrence-cancelled': () => 'This session is cancelled, so your registration is cancelled too. We are sorry for the change.',
      changed: () => 'The time, place or online link of this session changed. Here are the new details; the attached invitation updates your calendar.',
      reminder: () => 'This is a reminder of the session you registered for.',
      'follow-up': () => 'Thank you for taking part. The recording and materials are linked below.',
      'staff-message': (x) => x.text ?? '',
    },
    when: 'When',
    where: 'Where',
    online: 'Online',
    manageWithToken: 'See or cancel your registration',
    manageWithoutToken: 'To see or cancel your registration, use the link in your confirmation email',
    contact: 'Questions? Write to',
    calendar: 'Calendar',
    recording: 'Recording',
    staff: 'staff',
    timeToBeAnnounced: 'time to be announced',
  },
  es: {
    subject: {
      confirmed: 'Confirmado: {title}',
      waitlisted: 'En lista de espera: {title}',
      requested: 'Solicitud recibida: {title}',
      offered: 'Tiene una plaza ofrecida: {title}',
      declined: 'Sin plaza esta vez: {title}',
      cancelled: 'Cancelado: {title}',
      'occurrence-cancelled': 'Sesión cancelada: {title}',
      changed: 'Actualizado: {title}',
      reminder: 'Recordatorio: {title}',
      'follow-up': 'Después de la sesión: {title}',
      'staff-message': '{subject} ({title})',
    },
    greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
    body: {
      confirmed: (x) => (x.allocated ? 'Se asignaron las plazas y usted tiene una. Su plaza está confirmada.' : 'Su plaza está confirmada.') + ' La invitación adjunta añade la sesión a su calendario.',
      waitlisted: (x) => `Está en la lista de espera${x.position !== undefined ? `, en la posición ${x.position}` : ''}. Le escribiremos si se libera una plaza.`,
      requested: () => 'Su solicitud quedó registrada. Las plazas se asignan al cerrar la inscripción y le escribiremos con el resultado.',
      offered: (x) => `Se liberó una plaza y se la ofrecemos. Acéptela en la página de gestión${x.deadline ? ` antes del ${x.deadline}` : ''}; si no, pasa a la siguiente persona.`,
      declined: () => 'Se asignaron las plazas y esta vez no hubo una para usted.',
      cancelled: (x) => (x.by === 'staff' ? 'El equipo del programa canceló su inscripción.' : 'Su inscripción está cancelada, como pidió.') + ' La sesión se retira de su calendario.',
      'occurrence-cancelled': () => 'Esta sesión se canceló, así que su inscripción también. Lamentamos el cambio.',
      changed: () => 'Cambió la hora, el lugar o el enlace en línea de esta sesión. Estos son los nuevos datos; la invitación adjunta actualiza su calendario.',
      reminder: () => 'Le recordamos la sesión en la que se inscribió.',
      'follow-up': () => 'Gracias por participar. Abajo están la grabación y los materiales.',
      'staff-message': (x) => x.text ?? '',
    },
    when: 'Cuándo',
    where: 'Dónde',
    online: 'En línea',
    manageWithToken: 'Ver o cancelar su inscripción',
    manageWithoutToken: 'Para ver o cancelar su inscripción, use el enlace de su correo de confirmación',
    contact: '¿Preguntas? Escriba a',
    calendar: 'Calendario',
    recording: 'Grabación',
    staff: 'equipo',
    timeToBeAnnounced: 'hora por confirmar',
  },
};

export function localeOf(locale: string | undefined): Locale {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}


/** Intl formatters are slow to make and the same few serve every message: kept by their options. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (f === undefined) {
    if (formatters.size > 500) formatters.clear();
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function formatWhen(o: FeedOccurrence, locale: Locale): string {
  const tag = locale === 'es' ? 'es' : 'en';
  // A time the catalog marks unknown is never printed as a time: the date, and that the time is to come.
  if (o.timeUnknown) return `${formatter(tag, { dateStyle: 'full', timeZone: o.timeZone }).format(new Date(o.start))} (${TEXTS[locale].timeToBeAnnounced})`;
  const day = formatter(tag, { dateStyle: 'full', timeZone: o.timeZone }).format(new Date(o.start));
  const time = (d: string) => formatter(tag, { timeStyle: 'short', timeZone: o.timeZone }).format(new Date(d));
  const zone = formatter(tag, { timeZoneName: 'short', timeZone: o.timeZone }).formatToParts(new Date(o.start)).find((p) => p.type === 'timeZoneName')?.value;
  return `${day}, ${time(o.start)}–${time(o.end)}${zone ? ` (${zone})` : ''}`;
}

function formatDeadline(at: Date, o: FeedOccurrence, locale: Locale): string {
  // dateStyle and timeStyle cannot be combined with timeZoneName: the fields are spelled out.
  return formatter(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: o.timeZone, timeZoneName: 'short' }).format(at);
}

function placeText(o: FeedOccurrence, t: Texts): { text: string; url?: string | undefined } | undefined {
  const l = o.location;
  if (l === undefined) return undefined;
  const parts = [l.venue, l.room, l.address, l.campus].filter((x): x is string => x !== undefined && x !== '');
  if (l.kind === 'online') return { text: [t.online, l.platform].filter(Boolean).join(' · '), url: l.url };
  if (l.kind === 'hybrid') return { text: [...parts, t.online].join(', '), url: l.url };
  return { text: parts.join(', ') };
}

export function render(input: MessageInput): RenderedMessage {
  const locale = localeOf(input.locale);
  const t = TEXTS[locale];
  const o = input.occurrence;
  const title = o.title && o.title !== input.workshopTitle ? `${input.workshopTitle}: ${o.title}` : input.workshopTitle;
  // One pass, so a staff subject that contains `{title}` stays as written.
  const subject = `${t.subject[input.kind].replace(/\{(title|subject)\}/g, (_, key: string) => (key === 'title' ? title : (input.staffMessage?.subject ?? '')))} · ${input.programTitle}`;
  const body = t.body[input.kind]({
    position: input.position,
    deadline: input.offerExpiresAt ? formatDeadline(input.offerExpiresAt, o, locale) : undefined,
    allocated: input.allocated,
    by: input.by,
    text: input.staffMessage?.text,
  });
  const when = formatWhen(o, locale);
  const place = placeText(o, t);
  const recording = input.kind === 'follow-up' ? o.recording?.url : undefined;
  const manageLabel = input.manageHasToken ? t.manageWithToken : t.manageWithoutToken;

  const text = [
    t.greeting(input.name),
    '',
    body,
    '',
    title,
    `${t.when}: ${when}`,
    ...(place ? [`${t.where}: ${place.text}${place.url ? ` ${place.url}` : ''}`] : []),
    ...(recording ? [`${t.recording}: ${recording}`] : []),
    '',
    `${manageLabel}: ${input.manageUrl}`,
    ...(input.contactEmail ? [`${t.contact} ${input.contactEmail}`] : []),
    '',
    `— ${input.programTitle}`,
    '',
  ].join('\n');

  const e = escapeHtml;
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36em">',
    `<p>${e(t.greeting(input.name))}</p>`,
    // A staff message keeps its line breaks.
    `<p>${e(body).replace(/\r?\n/g, '<br>\n')}</p>`,
    `<h1 style="font-size: 1.25em">${e(title)}</h1>`,
    '<dl>',
    `<dt>${e(t.when)}</dt><dd>${e(when)}</dd>`,
    ...(place ? [`<dt>${e(t.where)}</dt><dd>${e(place.text)}${place.url ? ` <a href="${e(place.url)}">${e(place.url)}</a>` : ''}</dd>`] : []),
    ...(recording ? [`<dt>${e(t.recording)}</dt><dd><a href="${e(recording)}">${e(recording)}</a></dd>`] : []),
    '</dl>',
    input.manageHasToken ? `<p><a href="${e(input.manageUrl)}">${e(manageLabel)}</a></p>` : `<p>${e(manageLabel)} (<a href="${e(input.manageUrl)}">${e(input.manageUrl)}</a>).</p>`,
    ...(input.contactEmail ? [`<p>${e(t.contact)} <a href="mailto:${e(input.contactEmail)}">${e(input.contactEmail)}</a></p>`] : []),
    `<p>— ${e(input.programTitle)}</p>`,
    '</body></html>',
    '',
  ].join('\n');

  const method = input.invitation === false ? undefined : invitationMethod(input.kind);
  return { subject, text, html, ...(method ? { ics: { method, content: invitation(input, method, title, place?.text) } } : {}) };
}

/** Which messages carry an invitation: a place held gets REQUEST, a place lost CANCEL. */
export function invitationMethod(kind: MessageKind): 'REQUEST' | 'CANCEL' | undefined {
  if (kind === 'confirmed' || kind === 'changed') return 'REQUEST';
  if (kind === 'cancelled' || kind === 'occurrence-cancelled') return 'CANCEL';
  return undefined;
}

/** iCalendar UTC form: 20260312T150000Z. */
function utc(instant: string | Date): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** An iCalendar DATE value (`YYYYMMDD`) from a `YYYY-MM-DD` date. */
const icsDate = (date: string): string => date.replace(/-/g, '');

/**
 * The invitation: the occurrence as one VEVENT with the UID the feed's `.ics` gives its session
 * (`sessionUid`), RECURRENCE-ID naming the occurrence of a repeating session, SEQUENCE from the server's
 * record of changes, and times as UTC instants (the feed's instants).
 */
export function invitation(input: MessageInput, method: 'REQUEST' | 'CANCEL', title: string, place: string | undefined): string {
  const o = input.occurrence;
  // An all-day event (time unknown) names its occurrence by date in the session's zone, as core's export does.
  const recurrenceId =
    o.recurrenceId === undefined ? undefined : o.timeUnknown ? `;VALUE=DATE:${icsDate(localDateOf(o.recurrenceId, o.timeZone))}` : `:${utc(o.recurrenceId)}`;
  const cancelled = method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//mentorkit//RSVP service//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${icsText(sessionUid(input.catalogId, o.sessionId))}`,
    `DTSTAMP:${utc(input.now)}`,
    ...(recurrenceId ? [`RECURRENCE-ID${recurrenceId}`] : []),
    ...(o.timeUnknown
      ? [`DTSTART;VALUE=DATE:${o.localStart.slice(0, 10).replace(/-/g, '')}`, `DTEND;VALUE=DATE:${icsDate(dayAfter(o.localEnd.slice(0, 10)))}`]
      : [`DTSTART:${utc(o.start)}`, `DTEND:${utc(o.end)}`]),
    `SEQUENCE:${input.sequence}`,
    `SUMMARY:${icsText(title)}`,
    ...(place ? [`LOCATION:${icsText(place)}`] : []),
    ...(o.location?.url ? [`URL;VALUE=URI:${o.location.url}`] : []),
    `DESCRIPTION:${icsText(`${input.programTitle}\n${input.manageUrl}`)}`,
    `ORGANIZER;CN=${JSON.stringify(input.programTitle.replace(/"/g, "'"))}:mailto:${input.from}`,
    `ATTENDEE;CN=${JSON.stringify((input.name ?? input.email).replace(/"/g, "'"))};ROLE=REQ-PARTICIPANT;PARTSTAT=${cancelled ? 'DECLINED' : 'ACCEPTED'};RSVP=FALSE:mailto:${input.email}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
