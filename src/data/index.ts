/** The data layer: framework-free feed reading and loading. */
export * from './model.js';
export * from './errors.js';
export { readFeed } from './read.js';
export type { ParseFeedOptions } from './parse-with.js';
export type { FeedFormatReader, HeaderReader, ParseContext } from './formats/registry.js';
export type { RawItem } from './normalize.js';
export {
  loadFeed,
  clearFeedMemory,
  clearFeedCache,
  proxied,
  DEFAULT_TIMEOUT,
  DEFAULT_RETRIES,
} from './loader.js';
export { appendPage, mergeFeeds } from './merge.js';
export type { FeedLoader, LoadFeedOptions } from './loader.js';
export { fetchPoll, sendVote, parsePoll, VoteStore, deliverVote, keepDelivering } from './poll.js';
export type { Poll, PollOption, StoredVote, VoteStorage, VoteSender, PollRequestOptions } from './poll.js';
