// Public surface of the recurrence context. rrule is imported only inside this folder.
export type { Occurrence, ExpansionWindow } from './occurrence.js';
