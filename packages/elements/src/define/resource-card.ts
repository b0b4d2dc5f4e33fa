/** Registers `<mk-resource-card>`. */
export * from '../components/resource-card/resource-card.js';
