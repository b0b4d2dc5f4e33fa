export * from './feed.schema.js';
export { buildFeed, FeedBuildError, type BuildFeedOptions } from './build.js';
