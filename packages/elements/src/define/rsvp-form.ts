/** Registers `<mk-rsvp-form>`. */
export * from '../components/rsvp-form/rsvp-form.js';
