/**
 * One-line descriptions of a session's location for calendar entries and links. Type-only imports: this
 * file is safe in the browser entry.
 */
import type { Location } from '../session/session.schema.js';

/** "Online (Zoom)", "Butler Library, Room 203, 535 W 114th St", "Butler Library and online (Zoom)". */
export function locationText(location: Location): string {
  switch (location.kind) {
    case 'online':
      return location.platform ? `Online (${location.platform})` : 'Online';
    case 'in-person':
      return [location.venue, location.room, location.address, location.campus].filter(Boolean).join(', ');
    case 'hybrid': {
      const place = [location.venue, location.room, location.address].filter(Boolean).join(', ');
      return `${place} and online${location.platform ? ` (${location.platform})` : ''}`;
    }
  }
}

/** The join link of an online or hybrid location, if the catalog publishes one. */
export function joinUrl(location: Location | undefined): string | undefined {
  return location && location.kind !== 'in-person' ? location.url : undefined;
}
