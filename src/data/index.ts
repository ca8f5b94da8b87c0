/** The data layer: framework-free feed reading and loading. */
export * from './model.js';
export * from './errors.js';
export { parseFeed } from './parse.js';
export type { ParseFeedOptions } from './parse.js';
export type { FeedFormatReader, ParseContext } from './format.js';
export { loadFeed, clearFeedMemory, DEFAULT_TIMEOUT } from './loader.js';
export type { FeedLoader, LoadFeedOptions } from './loader.js';
export { fetchPoll, sendVote, parsePoll, VoteStore, deliverVote, keepDelivering } from './poll.js';
export type { Poll, PollOption, StoredVote, VoteStorage, VoteSender, PollRequestOptions } from './poll.js';
