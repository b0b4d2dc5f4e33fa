/**
 * Check-ins made on a phone at the door survive a slow or dropped connection: each tap is written to
 * localStorage first (with its own clientId), then sent in order. The server treats a clientId it has seen as
 * a replay, so sending one twice (a reply lost on the way back, a reload mid-send) changes nothing.
 */
import { api, ApiFailure } from './api.js';

export interface QueuedCheckIn {
  clientId: string;
  registrationId: string;
  present: boolean;
  /** When the tap happened (ISO): the time recorded, however late it is sent. */
  at: string;
  name: string | null;
}

export interface CheckInAnswer {
  registrationId: string;
  checkedInAt: string | null;
  replay: boolean;
}

const KEY = 'mentorkit.console.check-ins';

export class CheckInQueue extends EventTarget {
  #sending = false;
  /** Check-ins the server refused for good (not a connection problem), with its message. */
  readonly rejected: { item: QueuedCheckIn; message: string }[] = [];

  constructor(private readonly storage: Storage = localStorage) {
    super();
  }

  get items(): QueuedCheckIn[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedCheckIn[]) : [];
    } catch {
      return [];
    }
  }

  #save(items: QueuedCheckIn[]): void {
    this.storage.setItem(KEY, JSON.stringify(items));
    this.dispatchEvent(new Event('change'));
  }

  add(registrationId: string, present: boolean, name: string | null): QueuedCheckIn {
    const item: QueuedCheckIn = { clientId: crypto.randomUUID(), registrationId, present, at: new Date().toISOString(), name };
    this.#save([...this.items, item]);
    void this.flush();
    return item;
  }

  /** Sends what is queued, oldest first; stops at the first connection problem and keeps the rest. */
  async flush(): Promise<void> {
    if (this.#sending) return;
    this.#sending = true;
    try {
      for (;;) {
        const next = this.items[0];
        if (next === undefined) return;
        try {
          const answer = await api<CheckInAnswer>(`/admin/registrations/${encodeURIComponent(next.registrationId)}/check-in`, { method: 'POST', body: { present: next.present, clientId: next.clientId, ageMs: Math.max(0, Date.now() - Date.parse(next.at)) } });
          this.dispatchEvent(new CustomEvent<CheckInAnswer>('sent', { detail: answer }));
        } catch (error) {
          // Offline, the server away or busy, or signed out: keep it and try again later.
          if (!(error instanceof ApiFailure) || error.status === 401 || error.status === 429 || error.status >= 500) return;
          this.rejected.push({ item: next, message: error.message });
        }
        this.#save(this.items.filter((i) => i.clientId !== next.clientId));
      }
    } finally {
      this.#sending = false;
      this.dispatchEvent(new Event('change'));
    }
  }
}

export const checkInQueue = new CheckInQueue();
