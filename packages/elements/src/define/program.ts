/** Registers `<mk-program>`. */
export * from '../components/program/program.js';
