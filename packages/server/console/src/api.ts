/**
 * The console's only way to the server: the JSON API of docs/console.md, relative to the console's own
 * address (so a server mounted under a path prefix works unchanged), with the sign-in cookie and, on changes,
 * the session's CSRF token.
 */

export interface Me {
  via: 'session' | 'token';
  actor: string;
  name?: string | null;
  email?: string | null;
  roles: { admin: boolean; programs: string[] };
  csrfToken?: string;
  expiresAt?: string;
}

export interface RegistrationRow {
  registrationId: string;
  workshopId: string;
  occurrenceId: string;
  status: string;
  code: string;
  tierId: string | null;
  position: number | null;
  requestedAt: string;
  decidedAt: string | null;
  name: string | null;
  email: string | null;
  checkedInAt?: string | null;
}

/** A program the signed-in person runs (GET /admin/programs). */
export interface ProgramSummary {
  id: string;
  title: string;
  catalogId: string;
  /** The share of held sessions that completes it, or null when the catalog does not say. */
  completion: number | null;
}

export interface Occurrence {
  workshopId: string;
  occurrenceId: string;
  title: string;
  programs: string[];
  start: string | null;
  end: string | null;
  timeZone: string | null;
  /** The catalog gives the date only. */
  timeUnknown?: boolean;
  status: string;
  capacity: number | null;
  counts: { confirmed: number; offered: number; waitlisted: number; requested: number; checkedIn: number };
  window: { state: string; opensAt: string | null; closesAt: string | null };
  allocation: string;
  drawRecorded: boolean;
}

export interface DrawEntry {
  registrationId: string;
  name: string | null;
  tierId: string | null;
  tierIndex: number;
  order: number | null;
  outcome: string;
  code: string;
  reserved: boolean;
  seat: number | null;
  position: number | null;
}

export interface Draw {
  workshopId: string;
  occurrenceId: string;
  seed: string;
  decidedAt: string;
  capacity: number | null;
  method: string;
  reproduced: boolean;
  entries: DrawEntry[];
}

export interface Completion {
  programId: string;
  requiredShare: number;
  sessions: { workshopId: string; occurrenceId: string; start: string | null }[];
  people: { personKey: string; name: string | null; email: string | null; attended: number; of: number; share: number; completed: boolean }[];
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: unknown;
}

/** A refused or failed call, with the server's message for people. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server's root, relative to this page: the console lives at `<root>/console/`. */
export const root = new URL('../', document.baseURI.replace(/#.*$/, '')).href.replace(/\/$/, '');

export const apiUrl = (path: string) => `${root}${path}`;

let csrf: string | undefined;

export function setCsrf(token: string | undefined): void {
  csrf = token;
}

export async function api<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method === 'POST') {
    if (csrf !== undefined) headers['X-CSRF-Token'] = csrf;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(apiUrl(path), { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), credentials: 'same-origin', cache: 'no-store' });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiFailure(res.status, error?.code ?? 'http-' + res.status, error?.message ?? `The server answered ${res.status} to ${method} ${path}.`);
  }
  return json as T;
}

export const occurrencePath = (workshopId: string, occurrenceId: string) => `/admin/occurrences/${encodeURIComponent(workshopId)}/${encodeURIComponent(occurrenceId)}`;
