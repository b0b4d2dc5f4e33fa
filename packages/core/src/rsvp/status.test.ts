import { describe, expect, it } from 'vitest';
import { rsvpStatus, type ResolvedWindow } from './status.js';

const window: ResolvedWindow = {
  opens: '2023-01-03T00:00:00.000-08:00',
  closes: '2023-02-01T16:00:00.000-08:00',
  tierOpens: { biosciences: '2022-12-27T00:00:00.000-08:00' },
};

describe('rsvpStatus', () => {
  it('is not yet open before the opening, and says when it opens', () => {
    expect(rsvpStatus(window, { now: '2023-01-02T23:59:59-08:00' })).toEqual({ state: 'not-yet-open', opensAt: window.opens });
  });

  it('opens at the opening instant exactly and closes at the closing instant exactly', () => {
    expect(rsvpStatus(window, { now: '2023-01-03T08:00:00Z' })).toEqual({ state: 'open', closesAt: window.closes });
    expect(rsvpStatus(window, { now: new Date('2023-02-02T00:00:00Z') })).toEqual({ state: 'closed', closedAt: window.closes });
    expect(rsvpStatus(window, { now: '2023-02-02T00:00:00.001+00:00' })).toMatchObject({ state: 'closed' });
  });

  it('opens earlier for a tier with its own opening; other tiers use the general one', () => {
    const now = '2022-12-30T12:00:00-08:00';
    expect(rsvpStatus(window, { now, tierId: 'biosciences' })).toMatchObject({ state: 'open' });
    expect(rsvpStatus(window, { now, tierId: 'any-discipline' })).toEqual({ state: 'not-yet-open', opensAt: window.opens });
    expect(rsvpStatus(window, { now, tierId: 'biosciences' })).not.toEqual(rsvpStatus(window, { now }));
  });

  it('is open from publication when there is no opening', () => {
    expect(rsvpStatus({ closes: window.closes, tierOpens: {} }, { now: '2000-01-01T00:00:00Z' })).toEqual({ state: 'open', closesAt: window.closes });
  });

  it('counts seats left, and is full when none are', () => {
    const now = '2023-01-10T12:00:00-08:00';
    expect(rsvpStatus(window, { now, capacity: 30, confirmed: 12 })).toEqual({ state: 'open', closesAt: window.closes, seatsLeft: 18 });
    expect(rsvpStatus(window, { now, capacity: 30 })).toMatchObject({ seatsLeft: 30 });
    expect(rsvpStatus(window, { now, capacity: 30, confirmed: 30 })).toEqual({ state: 'full', waitlistOpen: false, closesAt: window.closes });
    expect(rsvpStatus(window, { now, capacity: 30, confirmed: 31 })).toMatchObject({ state: 'full' });
  });

  it('says whether the waiting list still takes people', () => {
    const full = { now: '2023-01-10T12:00:00-08:00', capacity: 2, confirmed: 2 };
    expect(rsvpStatus(window, { ...full, waitlist: { enabled: true } })).toMatchObject({ waitlistOpen: true });
    expect(rsvpStatus(window, { ...full, waitlist: { enabled: true, limit: 5, count: 4 } })).toMatchObject({ waitlistOpen: true });
    expect(rsvpStatus(window, { ...full, waitlist: { enabled: true, limit: 5, count: 5 } })).toMatchObject({ waitlistOpen: false });
    expect(rsvpStatus(window, { ...full, waitlist: { enabled: false } })).toMatchObject({ waitlistOpen: false });
  });

  it('reports closed, not full, after the close', () => {
    expect(rsvpStatus(window, { now: '2023-03-01T00:00:00Z', capacity: 2, confirmed: 2 })).toEqual({ state: 'closed', closedAt: window.closes });
  });

  it('rejects instants without an offset, which would be read in the host’s zone', () => {
    expect(() => rsvpStatus(window, { now: '2023-01-10T12:00' })).toThrow(/now must be an ISO instant with an offset/);
    expect(() => rsvpStatus({ ...window, closes: '2023-02-01 16:00' }, { now: '2023-01-10T12:00:00Z' })).toThrow(/window.closes/);
    expect(() => rsvpStatus(window, { now: new Date(Number.NaN) })).toThrow(/invalid Date/);
  });
});
