// Public surface of the rsvp context. status.ts, allocate.ts, prng.ts and ../calendar/calendar.ts import
// only types (browser-safe); window.ts uses luxon and belongs to feed building and the service.
export * from '../calendar/calendar.js';
export * from './status.js';
export * from './instant.js';
// The seeded lottery's order is public (anyone can re-run a draw); its hash and generator are not.
export { lotteryOrder } from './prng.js';
export * from './allocate.js';
export * from './admit.js';
export * from './window.js';
