/** Registers every mentorkit element (the CDN bundle's entry). */
export * from './workshop-list.js';
export * from './rsvp-form.js';
export * from './resource-card.js';
export * from './resource-list.js';
export * from './curriculum.js';
export * from './program.js';
