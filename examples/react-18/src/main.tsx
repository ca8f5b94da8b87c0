// React 18 sets only attributes and knows no custom events: kabar/react wraps each element so
// that objects and numbers arrive as properties and `onKabarLoad` listens to `kabar-load`.
import { KabarArticleCard, KabarNewsList } from 'kabar/react';
import type { FeedItem } from 'kabar';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [items, setItems] = useState<readonly FeedItem[]>();
  return (
    <main>
      <h1>Kabupaten Contoh</h1>
      <KabarNewsList
        src="/berita.xml"
        limit={10}
        heading="Berita Terkini"
        strings={{ retry: 'Muat ulang' }}
        onKabarLoad={(event) => setItems(event.detail.feed.items)}
      />
      <p id="status" role="status">
        {items === undefined ? 'Memuat berita…' : `${items.length} berita dimuat`}
      </p>
      {items?.[0] && (
        <aside>
          <h2>Sorotan</h2>
          <KabarArticleCard id="highlight" article={items[0]} layout="horizontal" />
        </aside>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
