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
