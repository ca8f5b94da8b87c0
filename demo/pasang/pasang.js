/* global document, window, navigator, AbortController, Option */
/**
 * The embed builder ("Pasang Kabar"): a site editor picks a widget, pastes the site's feed or
 * poll address, sets the layout, the number of articles, the language and the colours, sees
 * the widget live and copies the code. The preview is Kabar's own elements, and the address is
 * checked with Kabar's own data layer (`loadFeed`, `fetchPoll`, `KabarError.kind`), so what it
 * says about a feed is what the widget will meet on the site.
 *
 * No inline script or style anywhere (the page runs under a strict Content Security Policy):
 * colours reach the preview through the CSSOM, which such a policy allows.
 */
import {
  KabarError,
  NEWS_LIST_LAYOUTS,
  SHARE_BAR_LAYOUTS,
  SHARE_NETWORKS,
  VERSION,
  fetchPoll,
  loadFeed,
} from '../../dist/kabar.min.js';

/** The line every page needs once, pinned to the version this page runs. */
export const SCRIPT_TAG = `<script type="module" src="https://cdn.jsdelivr.net/npm/kabar@${VERSION}/dist/kabar.min.js"></script>`;

/** What the code shows until the editor pastes the site's own address. */
const PLACEHOLDERS = {
  'kabar-news-list': 'https://situs-anda.go.id/berita/feed/',
  'kabar-poll': 'https://situs-anda.go.id/api/polls/current',
};

/** The preview's feed until an address is typed: the demo regency's own. */
const EXAMPLE_FEED = new URL('../feeds/berita.xml', import.meta.url).href;

/** How long typing must pause before the address is checked. */
const CHECK_DELAY_MS = 500;
/** How long a check may take: an editor waits for it. */
const CHECK_TIMEOUT_MS = 8_000;

const LAYOUT_NAMES = {
  list: 'Daftar',
  grid: 'Kisi kartu',
  compact: 'Ringkas',
  row: 'Baris',
  column: 'Kolom',
  icons: 'Ikon saja',
};

const NETWORK_NAMES = {
  whatsapp: 'WhatsApp',
  facebook: 'Facebook',
  x: 'X',
  telegram: 'Telegram',
  line: 'LINE',
  linkedin: 'LinkedIn',
  email: 'Surel',
  copy: 'Salin tautan',
};

/** The colours an editor may change, with the widgets' own defaults. */
const COLORS = [
  { name: '--kabar-color-accent', label: 'Warna utama (tombol, kategori)', value: '#0b6e4f' },
  { name: '--kabar-color-link', label: 'Judul berita', value: '#1d2731' },
  { name: '--kabar-color-border', label: 'Garis tepi', value: '#dde1e6' },
];

const $ = (selector) => document.querySelector(selector);
const form = $('#builder');
const preview = $('#preview');
const snippet = $('#snippet');

/** Colours the editor changed (only those go into the code). */
const changedColors = new Map();
/** The addresses the preview loads: set once typing pauses, not at every keystroke. */
const previewSources = { feed: '', poll: '' };

// ---------------------------------------------------------------- the form's own controls

function fillLayouts(widget) {
  const select = $('#layout');
  const layouts = widget === 'kabar-share-bar' ? SHARE_BAR_LAYOUTS : NEWS_LIST_LAYOUTS;
  const current = select.value;
  select.replaceChildren(
    ...layouts.map((value) => new Option(LAYOUT_NAMES[value] ?? value, value, false, value === current)),
  );
}

function fillNetworks() {
  const group = $('#networks');
  for (const network of SHARE_NETWORKS) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'networks';
    box.value = network;
    box.checked = true;
    label.append(box, ` ${NETWORK_NAMES[network] ?? network}`);
    group.append(label);
  }
}

function fillColors() {
  const group = $('#colors');
  for (const color of COLORS) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'color';
    input.name = color.name;
    input.value = color.value;
    input.addEventListener('input', () => {
      changedColors.set(color.name, input.value);
      update();
    });
    const swatch = document.createElement('span');
    swatch.textContent = color.label;
    label.append(input, swatch);
    group.append(label);
  }
}

function widget() {
  return form.elements.widget.value;
}

/** Shows the fields of the chosen widget only. */
function showFieldsOf(tag) {
  for (const field of form.querySelectorAll('[data-for]')) {
    field.hidden = !field.dataset.for.split(' ').includes(tag);
  }
  fillLayouts(tag);
}

// ---------------------------------------------------------------- what the editor chose

/** The chosen widget as a tag and its attributes, for both the preview and the code. */
export function choice() {
  const tag = widget();
  const value = (name) => form.elements[name]?.value.trim() ?? '';
  const attributes = [];
  const lang = value('lang');
  if (tag === 'kabar-news-list') {
    attributes.push(['src', value('feed')]);
    attributes.push(['layout', value('layout')]);
    attributes.push(['limit', value('limit')]);
    attributes.push(['heading', value('heading')]);
  } else if (tag === 'kabar-poll') {
    attributes.push(['src', value('poll')]);
  } else {
    const networks = [...form.querySelectorAll('input[name="networks"]:checked')].map((box) => box.value);
    attributes.push(['url', value('url')]);
    attributes.push(['layout', value('layout')]);
    // All of them, in the default order: the attribute can be left out.
    if (networks.join(' ') !== SHARE_NETWORKS.join(' ')) attributes.push(['networks', networks.join(' ')]);
  }
  if (lang) attributes.push(['lang', lang]);
  return { tag, attributes: attributes.filter(([, v]) => v !== ''), colors: [...changedColors] };
}

// ---------------------------------------------------------------- the code

function escapeAttribute(value) {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The snippet: script tag, colours as a style block, the element. */
export function codeFor({ tag, attributes, colors }) {
  const withPlaceholder = PLACEHOLDERS[tag] && !attributes.some(([name]) => name === 'src');
  const written = [...(withPlaceholder ? [['src', PLACEHOLDERS[tag]]] : []), ...attributes].map(
    ([name, value]) => `${name}="${escapeAttribute(value)}"`,
  );
  const oneLine = `<${[tag, ...written].join(' ')}>`;
  const open = oneLine.length <= 100 ? oneLine : `<${tag}\n${written.map((a) => `  ${a}`).join('\n')}\n>`;
  const lines = [SCRIPT_TAG];
  if (colors.length) {
    lines.push(
      '<style>',
      `  ${tag} {`,
      ...colors.map(([name, value]) => `    ${name}: ${value};`),
      '  }',
      '</style>',
    );
  }
  lines.push(`${open}</${tag}>`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- the preview

/** The live widget: the same tag and attributes as the code (the example feed until one is typed). */
function renderPreview(current) {
  let element = preview.firstElementChild;
  if (!element || element.localName !== current.tag) {
    element = document.createElement(current.tag);
    preview.replaceChildren(element);
  }
  const attributes = new Map(current.attributes);
  if (current.tag === 'kabar-news-list') attributes.set('src', previewSources.feed || EXAMPLE_FEED);
  if (current.tag === 'kabar-poll') {
    if (previewSources.poll) attributes.set('src', previewSources.poll);
    else attributes.delete('src');
  }
  if (current.tag === 'kabar-share-bar' && !attributes.has('url')) {
    attributes.set('url', 'https://situs-anda.go.id/berita/contoh/');
  }
  for (const name of element.getAttributeNames()) if (!attributes.has(name)) element.removeAttribute(name);
  for (const [name, value] of attributes) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
  for (const color of COLORS) element.style.removeProperty(color.name);
  for (const [name, value] of current.colors) element.style.setProperty(name, value);
  // A poll without an address has nothing to show yet: say what to do instead.
  const waiting = current.tag === 'kabar-poll' && !attributes.has('src');
  element.hidden = waiting;
  $('#preview-note').hidden = !waiting;
}

function update() {
  const current = choice();
  renderPreview(current);
  snippet.textContent = codeFor(current);
  $('#copy-status').textContent = '';
}

// ---------------------------------------------------------------- checking an address

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * Origins this page's own security policy refused to connect to: a failure of this page, not of
 * the feed. The browser reports it in an event that may come after the request has failed.
 */
const refused = new Set();
document.addEventListener('securitypolicyviolation', (event) => {
  if (event.effectiveDirective === 'connect-src') refused.add(originOf(event.blockedURI));
});
const policyReported = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Why an address could not be used, in the editor's words. */
export function explain(error, url) {
  if (refused.has(originOf(url))) {
    return 'Halaman pembuat kode ini tidak diizinkan menghubungi alamat di luar situsnya (kebijakan keamanan servernya). Widget di situs Anda tidak terpengaruh; periksa alamatnya di halaman situs Anda.';
  }
  const kind = error instanceof KabarError ? error.kind : 'network';
  const status = Number(error?.status) || 0;
  switch (kind) {
    case 'invalid-url':
      return 'Alamat ini belum lengkap: tulis lengkap, diawali https://';
    case 'cors':
      return 'Alamat ini ada, tetapi servernya tidak mengizinkan dibaca dari situs lain (CORS). Minta pengelola server menambahkan header Access-Control-Allow-Origin, atau pakai proxy (atribut proxy).';
    case 'offline':
      return 'Perangkat Anda sedang tidak tersambung ke internet. Sambungkan lalu coba lagi.';
    case 'timeout':
      return 'Server terlalu lama menjawab. Coba lagi sebentar lagi.';
    case 'http':
      return status === 404
        ? 'Alamat ini tidak ditemukan di servernya (404). Periksa ejaannya.'
        : `Server menjawab dengan galat ${status || ''}`.trim() + '. Coba lagi nanti.';
    case 'html':
      return 'Alamat ini berisi halaman web, bukan feed. Di WordPress, coba tambahkan /feed/ di ujung alamat.';
    case 'empty':
      return 'Server mengirim jawaban kosong: ini bukan feed.';
    case 'parse':
    case 'format':
      return 'Isi alamat ini bukan feed yang dapat dibaca (RSS, Atom, JSON Feed atau WordPress).';
    default:
      return 'Server di alamat ini tidak dapat dihubungi. Periksa alamatnya dan sambungan Anda.';
  }
}

const FORMAT_NAMES = {
  rss: 'RSS',
  rdf: 'RSS 1.0',
  atom: 'Atom',
  'json-feed': 'JSON Feed',
  wordpress: 'WordPress',
  jabarprov: 'portal Jabar',
};

/**
 * A checker for one address field: debounced, the previous check aborted by the next. The
 * preview follows the address once typing pauses (`source`), whatever the check finds: it shows
 * what the widget would show on the site, the error message included.
 */
function checker(input, status, source, check) {
  let timer;
  let running;
  const say = (text, kind) => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const run = async () => {
    running?.abort();
    const value = input.value.trim();
    previewSources[source] = '';
    if (!value) {
      update();
      return say('', '');
    }
    let url;
    try {
      url = new URL(value);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('not http(s)');
    } catch {
      return say(explain(new KabarError('invalid-url', 'Not a URL.'), value), 'error');
    }
    const controller = new AbortController();
    running = controller;
    previewSources[source] = url.href;
    update();
    say('Memeriksa alamat…', 'busy');
    try {
      const found = await check(url.href, controller.signal);
      if (!controller.signal.aborted) say(found, 'ok');
    } catch (error) {
      await policyReported();
      if (!controller.signal.aborted) say(explain(error, url.href), 'error');
    }
  };
  input.addEventListener('input', () => {
    // What was said of the previous address no longer holds.
    running?.abort();
    say('', '');
    clearTimeout(timer);
    timer = setTimeout(run, CHECK_DELAY_MS);
  });
  input.addEventListener('change', () => {
    clearTimeout(timer);
    void run();
  });
}

async function checkFeed(url, signal) {
  const feed = await loadFeed(url, {
    signal,
    fresh: true,
    retries: 0,
    store: false,
    timeout: CHECK_TIMEOUT_MS,
  });
  const format = FORMAT_NAMES[feed.format] ?? feed.format ?? 'feed';
  if (feed.items.length === 0) return `Feed ${format} terbaca, tetapi belum ada berita di dalamnya.`;
  const from = feed.title ? ` di “${feed.title}”` : '';
  return `Ditemukan ${feed.items.length} berita${from} (${format}).`;
}

async function checkPoll(url, signal) {
  const poll = await fetchPoll(url, { signal, timeout: CHECK_TIMEOUT_MS });
  if (!poll) return 'Layanan polling menjawab: saat ini tidak ada polling yang dibuka.';
  const state = poll.status === 'closed' ? 'sudah ditutup' : 'sedang dibuka';
  return `Ditemukan polling yang ${state}: “${poll.question}” (${poll.options.length} pilihan).`;
}

// ---------------------------------------------------------------- copying

async function copy() {
  const status = $('#copy-status');
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = 'Kode tersalin. Tempel di halaman situs Anda.';
  } catch {
    // No clipboard here (a page not served over https, say): select the code for the editor.
    const range = document.createRange();
    range.selectNodeContents(snippet);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    status.textContent = 'Kode sudah dipilih: tekan Ctrl+C (atau ⌘C) untuk menyalin.';
  }
}

// ---------------------------------------------------------------- wiring

fillNetworks();
fillColors();
showFieldsOf(widget());
form.addEventListener('input', (event) => {
  if (event.target.name === 'widget') showFieldsOf(widget());
  if (event.target.type !== 'color') update();
});
form.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());
$('#reset-colors').addEventListener('click', () => {
  changedColors.clear();
  for (const color of COLORS) form.elements[color.name].value = color.value;
  update();
});
$('#copy').addEventListener('click', () => void copy());
checker($('#feed'), $('#feed-status'), 'feed', checkFeed);
checker($('#poll'), $('#poll-status'), 'poll', checkPoll);
update();
