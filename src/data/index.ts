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
export { parsePoll } from './poll.js';
export type { Poll, PollOption } from './poll.js';
export { fetchPoll } from './poll-service.js';
export type { PollRequestOptions } from './poll-service.js';
export { VoteStore } from './vote-store.js';
export type { StoredVote, VoteStorage } from './vote-store.js';
export { sendVote, deliverVote, keepDelivering } from './vote-delivery-loader.js';
export type { VoteSender } from './vote-delivery.js';
