/** Where the server reads the time. Tests pass a fixed or stepped clock; the demo a clock running from a past day. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that starts at `start` when created and then runs at normal speed: the demo uses it to show the
 * seed catalogs' past sessions with their RSVP windows open, and says so on the page.
 */
export function clockFrom(start: Date, now: Clock = systemClock): Clock {
  if (Number.isNaN(start.getTime())) throw new RangeError('the clock start is not a valid date');
  const offset = start.getTime() - now().getTime();
  return () => new Date(now().getTime() + offset);
}
