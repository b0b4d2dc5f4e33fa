export * from './feed.schema.js';
export * from './display.js';
export { buildFeed, FeedBuildError, type BuildFeedOptions } from './build.js';
