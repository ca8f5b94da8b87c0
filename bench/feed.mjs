/**
 * A large, realistic RSS 2.0 feed for the bench: WordPress-shaped items with CDATA
 * `content:encoded`, `media:content`, `dc:creator`, categories and RFC 822 dates.
 * Runs in Node and in the browser.
 */
const WORDS =
  'pemerintah kabupaten warga desa program bantuan jalan sekolah kesehatan pasar petani bupati dinas layanan ekonomi digital pelatihan banjir air bersih posyandu anggaran pembangunan'.split(
    ' ',
  );

function words(seed, count) {
  let out = '';
  for (let i = 0; i < count; i++) out += (i ? ' ' : '') + WORDS[(seed * 31 + i * 7) % WORDS.length];
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

function rfc822(date) {
  const local = new Date(date.getTime() + 7 * 3600_000);
  return `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00 +0700`;
}

/** RSS text with `count` items (2,000 make about 5 MB). */
export function generateRss(count = 2000) {
  const start = Date.UTC(2026, 10, 23, 8, 0);
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">\n<channel>\n<title>Diskominfo Kabupaten Bench</title>\n<link>https://bench.example.go.id/</link>\n<description>Berita &amp; informasi</description>\n<language>id-ID</language>\n',
  ];
  for (let i = 0; i < count; i++) {
    const paragraphs = Array.from({ length: 7 }, (_, p) => `<p>${words(i + p, 28)}&nbsp;&hellip;</p>`).join(
      '',
    );
    parts.push(
      `<item>\n<title>${words(i, 8)} &amp; ${i}</title>\n<link>https://bench.example.go.id/berita/${i}/</link>\n` +
        `<dc:creator><![CDATA[Humas ${i % 9}]]></dc:creator>\n<pubDate>${rfc822(new Date(start - i * 3600_000))}</pubDate>\n` +
        `<category><![CDATA[${WORDS[i % WORDS.length]}]]></category><category><![CDATA[Berita]]></category>\n` +
        `<guid isPermaLink="false">https://bench.example.go.id/?p=${i}</guid>\n` +
        `<description><![CDATA[<p>${words(i, 40)}&nbsp;&hellip;</p>]]></description>\n` +
        `<content:encoded><![CDATA[${paragraphs}<p><img src="/wp-content/uploads/${i}.jpg" alt=""></p>]]></content:encoded>\n` +
        `<media:content url="https://bench.example.go.id/wp-content/uploads/${i}-640.jpg" medium="image" width="640" height="360" />\n</item>\n`,
    );
  }
  parts.push('</channel>\n</rss>\n');
  return parts.join('');
}

function itemData(i, start) {
  return {
    title: `${words(i, 8)} & ${i}`,
    url: `https://bench.example.go.id/berita/${i}/`,
    author: `Humas ${i % 9}`,
    date: new Date(start - i * 3600_000),
    category: WORDS[i % WORDS.length],
    summary: `<p>${words(i, 40)}&nbsp;&hellip;</p>`,
    content: Array.from({ length: 7 }, (_, p) => `<p>${words(i + p, 28)}&nbsp;&hellip;</p>`).join(''),
    image: `https://bench.example.go.id/wp-content/uploads/${i}-640.jpg`,
  };
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Atom text with `count` items, the same articles as `generateRss`. */
export function generateAtom(count = 2000) {
  const start = Date.UTC(2026, 10, 23, 8, 0);
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="id">\n<title>Diskominfo Kabupaten Bench</title>\n<id>https://bench.example.go.id/</id>\n<link href="https://bench.example.go.id/"/>\n<updated>${new Date(start).toISOString()}</updated>\n`,
  ];
  for (let i = 0; i < count; i++) {
    const d = itemData(i, start);
    parts.push(
      `<entry>\n<title>${escapeXml(d.title)}</title>\n<id>${d.url}</id>\n<link rel="alternate" href="${d.url}"/>\n` +
        `<author><name>${d.author}</name></author>\n<updated>${d.date.toISOString()}</updated>\n<published>${d.date.toISOString()}</published>\n` +
        `<category term="${d.category}"/><category term="Berita"/>\n` +
        `<summary type="html">${escapeXml(d.summary)}</summary>\n<content type="html">${escapeXml(d.content)}</content>\n` +
        `<media:content url="${d.image}" medium="image" width="640" height="360"/>\n</entry>\n`,
    );
  }
  parts.push('</feed>\n');
  return parts.join('');
}

/** JSON Feed 1.1 text with `count` items, the same articles as `generateRss`. */
export function generateJsonFeed(count = 2000) {
  const start = Date.UTC(2026, 10, 23, 8, 0);
  const items = [];
  for (let i = 0; i < count; i++) {
    const d = itemData(i, start);
    items.push({
      id: d.url,
      url: d.url,
      title: d.title,
      summary: d.summary,
      content_html: d.content,
      image: d.image,
      date_published: d.date.toISOString(),
      authors: [{ name: d.author }],
      tags: [d.category, 'Berita'],
    });
  }
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Diskominfo Kabupaten Bench',
    home_page_url: 'https://bench.example.go.id/',
    language: 'id',
    items,
  });
}

/** The feed generators by format name. */
export const GENERATORS = { rss: generateRss, atom: generateAtom, json: generateJsonFeed };
