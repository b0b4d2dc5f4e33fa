// Public surface of the rules context. evaluate.ts and reasons.ts are browser-safe (type-only imports).
export * from './reasons.js';
export * from './evaluate.js';
export * from './reason-languages.js';
