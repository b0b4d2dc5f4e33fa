// Public surface of the rules context; each module adds its exports here.
export {};
