/** The console's display of an occurrence's time, in the occurrence's own zone, whatever the host's. */
import { describe, expect, it } from 'vitest';
import { when } from '../console/src/format.js';

describe('when', () => {
  it('shows the start in the session’s zone', () => {
    expect(when({ start: '2026-03-10T16:00:00.000Z', timeZone: 'America/New_York' })).toMatch(/Mar 10, 2026.*12:00\sPM EDT/);
  });

  it('shows the date alone, in the session’s zone, when the catalog does not know the time', () => {
    // 02:00 UTC on the 11th is still the 10th in Los Angeles.
    const shown = when({ start: '2026-03-11T02:00:00.000Z', timeZone: 'America/Los_Angeles', timeUnknown: true });
    expect(shown).toMatch(/^Tue, Mar 10, 2026, time to be announced$/);
    expect(shown).not.toMatch(/\d:\d\d/);
  });

  it('says when there is no date', () => {
    expect(when({ start: null })).toBe('No date');
  });
});
