// Registers <kabar-news-list> only: the other elements stay out of the bundle.
import 'kabar/news-list.js';
// The event classes, and with them the types of `kabar-load` and `kabar-error` listeners.
import type { KabarErrorEvent, KabarLoadEvent } from 'kabar';

const list = document.querySelector('kabar-news-list')!; // typed: KabarNewsListElement
const status = document.querySelector<HTMLParagraphElement>('#status')!;

list.addEventListener('kabar-load', (event: KabarLoadEvent) => {
  status.textContent = `${event.detail.feed.items.length} berita dimuat`;
});
list.addEventListener('kabar-error', (event: KabarErrorEvent) => {
  status.textContent = `Berita tidak dapat dimuat (${event.detail.error.kind})`;
});
