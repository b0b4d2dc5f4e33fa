// Public surface of the query context; each module adds its exports here.
export {};
