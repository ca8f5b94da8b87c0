// The one line that types Kabar's elements in JSX (React 19 sets their properties itself).
import type {} from 'kabar/jsx';
import 'kabar/news-list.js';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [count, setCount] = useState<number>();
  return (
    <main>
      <h1>Kabupaten Contoh</h1>
      <kabar-news-list
        src="/berita.xml"
        limit={10}
        layout="list"
        heading="Berita Terkini"
        onkabar-load={(event) => setCount(event.detail.feed.items.length)}
      />
      <p id="status" role="status">
        {count === undefined ? 'Memuat berita…' : `${count} berita dimuat`}
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
