/** Registers `<mk-workshop-list>`. */
export * from '../components/workshop-list/workshop-list.js';
