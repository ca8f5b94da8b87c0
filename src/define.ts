/**
 * Registers every Kabar element and re-exports the API (`kabar/define.js`). `dist/kabar.min.js`
 * is built from it (through `bundle.ts`), so a page can `import { readFeed } from
 * '.../kabar.min.js'` (feed readers load on demand: the synchronous `parseFeed`, which holds them
 * all, is only in the npm entry).
 */
import './components/feed/kabar-feed.js';
import './components/news-list/kabar-news-list.js';
import './components/article-card/kabar-article-card.js';
import './components/comments/kabar-comments.js';
import './components/share-bar/kabar-share-bar.js';
import './components/poll/kabar-poll.js';

export * from './api.js';
