export * from './feed.schema.js';
export { buildFeed, type BuildFeedOptions } from './build.js';
