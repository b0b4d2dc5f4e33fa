/** Registers `<mk-curriculum>`. */
export * from '../components/curriculum/curriculum.js';
