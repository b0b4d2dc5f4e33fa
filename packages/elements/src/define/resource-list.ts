/** Registers `<mk-resource-list>` (and the `<mk-resource-card>` it renders). */
export * from '../components/resource-list/resource-list.js';
