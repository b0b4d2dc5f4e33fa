// Public surface of the rsvp context; each module adds its exports here.
export {};
