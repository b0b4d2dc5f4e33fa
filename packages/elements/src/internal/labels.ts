import type { FeedOccurrence } from '@mentorkit/core/browser';
import { msg } from './localize.js';

/** A session's status in words, for badges: one wording in every widget. */
export function sessionStatusLabel(status: FeedOccurrence['status']): string {
  switch (status) {
    case 'cancelled':
      return msg('Cancelled', { id: 'status-cancelled' });
    case 'postponed':
      return msg('Postponed', { id: 'status-postponed' });
    case 'rescheduled':
      return msg('Rescheduled', { id: 'status-rescheduled' });
    case 'moved-online':
      return msg('Moved online', { id: 'status-moved-online' });
    default:
      return msg('Scheduled', { id: 'status-scheduled' });
  }
}
