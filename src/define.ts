/**
 * Registers every Kabar element. The entry of `dist/kabar.min.js`, which also re-exports the
 * whole API so a page can `import { parseFeed } from '.../kabar.min.js'`.
 */
import './components/feed/kabar-feed.js';
import './components/news-list/kabar-news-list.js';
import './components/article-card/kabar-article-card.js';
import './components/comments/kabar-comments.js';
import './components/share-bar/kabar-share-bar.js';
import './components/poll/kabar-poll.js';

export * from './index.js';
