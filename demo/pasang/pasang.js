/* global document, window, navigator, location, AbortController, Option */
/**
 * The embed builder ("Pasang Kabar"): a site editor picks one of Kabar's six widgets, pastes the
 * site's feed or poll address (or the card's article, or the comments service), sets the
 * layout, the number of articles, the language and the colours, sees the widget live and copies
 * the code. The preview is Kabar's own elements, and the address is
 * checked with Kabar's own data layer (`loadFeed`, `fetchPoll`, `KabarError.kind`), so what it
 * says about a feed is what the widget will meet on the site.
 *
 * No inline script or style anywhere (the page runs under a strict Content Security Policy):
 * colours reach the preview through the CSSOM, which such a policy allows.
 */
import {
  ARTICLE_CARD_LAYOUTS,
  KabarError,
  NEWS_LIST_LAYOUTS,
  SHARE_BAR_LAYOUTS,
  SHARE_NETWORKS,
  VERSION,
  fetchPoll,
  loadFeed,
} from '../../dist/kabar.min.js';

/** Kabar on the CDN, pinned to the version this page runs. */
const SCRIPT_URL = `https://cdn.jsdelivr.net/npm/kabar@${VERSION}/dist/kabar.min.js`;

/** The line every page needs once. */
export const SCRIPT_TAG = `<script type="module" src="${SCRIPT_URL}"></script>`;

/**
 * The same, with Subresource Integrity: the snippet the build writes beside the bundle
 * (`dist/embed.html`, docs/install.md), an import map and the script tag with `integrity`.
 */
const EMBED_URL = new URL('../../dist/embed.html', import.meta.url);

/** What the code shows until the editor fills a field the widget cannot do without. */
const PLACEHOLDERS = {
  'kabar-news-list': { src: 'https://situs-anda.go.id/berita/feed/' },
  'kabar-feed': { src: 'https://situs-anda.go.id/berita/feed/' },
  'kabar-poll': { src: 'https://situs-anda.go.id/api/polls/current' },
  'kabar-article-card': { href: 'https://situs-anda.go.id/berita/judul-berita/' },
};

/** The same for each comments service: the settings it cannot start without. */
const PROVIDER_PLACEHOLDERS = {
  disqus: { shortname: 'nama-situs-anda' },
  giscus: {
    repo: 'pemilik/nama-repo',
    'repo-id': 'R_kgDO-isi-dari-giscus',
    category: 'Komentar',
    'category-id': 'DIC_kwDO-isi-dari-giscus',
  },
};

/** The placeholders a widget's code needs: those of the required fields the editor left empty. */
function placeholdersFor({ tag, attributes }) {
  const written = new Map(attributes);
  const wanted = {
    ...PLACEHOLDERS[tag],
    ...(tag === 'kabar-comments' ? PROVIDER_PLACEHOLDERS[written.get('provider')] : {}),
  };
  return Object.entries(wanted).filter(([name]) => !written.has(name));
}

/** Attribute values that are the element's own defaults: the code leaves them out. */
const DEFAULTS = {
  'kabar-news-list': { layout: 'list', limit: '10' },
  'kabar-article-card': { layout: 'vertical', 'heading-level': '3' },
  'kabar-share-bar': { layout: 'row' },
  'kabar-comments': { load: 'visible' },
};

/** The layouts each widget offers. */
const LAYOUTS = {
  'kabar-news-list': NEWS_LIST_LAYOUTS,
  'kabar-feed': NEWS_LIST_LAYOUTS,
  'kabar-article-card': ARTICLE_CARD_LAYOUTS,
  'kabar-share-bar': SHARE_BAR_LAYOUTS,
};

/** The second list a `<kabar-feed>` gets when the editor asks for an index beside the main one. */
const INDEX_LIST = [
  ['layout', 'compact'],
  ['limit', '6'],
  ['heading', 'Indeks berita'],
];

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
  vertical: 'Tegak',
  horizontal: 'Mendatar',
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
  const layouts = LAYOUTS[widget] ?? [];
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

/** Shows the fields of the chosen widget (and of the chosen comments service) only. */
function showFieldsOf(tag) {
  for (const field of form.querySelectorAll('[data-for]')) {
    field.hidden = !field.dataset.for.split(' ').includes(tag);
  }
  for (const field of form.querySelectorAll('[data-provider]')) {
    field.hidden = field.dataset.provider !== form.elements.provider.value;
  }
  fillLayouts(tag);
}

// ---------------------------------------------------------------- what the editor chose

/**
 * The chosen widget as a tag, its attributes and the elements inside it, for both the preview
 * and the code: `{ tag, attributes: [[name, value]], children: [{ tag, attributes }], colors }`.
 */
export function choice() {
  const tag = widget();
  const value = (name) => form.elements[name]?.value.trim() ?? '';
  /** @type {[string, string][]} */
  const attributes = [];
  const children = [];
  const listOptions = [
    ['layout', value('layout')],
    ['limit', value('limit')],
    ['category', value('category')],
    ['heading', value('heading')],
  ];
  if (tag === 'kabar-news-list') {
    attributes.push(['src', value('feed')], ['proxy', value('proxy')], ...listOptions);
  } else if (tag === 'kabar-feed') {
    attributes.push(['src', value('feed')], ['proxy', value('proxy')]);
    const listDefaults = DEFAULTS['kabar-news-list'];
    children.push({
      tag: 'kabar-news-list',
      attributes: listOptions.filter(([name, v]) => v !== '' && listDefaults[name] !== v),
    });
    if (form.elements.index.checked) children.push({ tag: 'kabar-news-list', attributes: INDEX_LIST });
  } else if (tag === 'kabar-article-card') {
    for (const name of ['heading', 'href', 'image', 'date', 'category', 'author', 'excerpt']) {
      attributes.push([name, value(`card-${name}`)]);
    }
    attributes.push(['layout', value('layout')], ['heading-level', value('heading-level')]);
  } else if (tag === 'kabar-poll') {
    attributes.push(['src', value('poll')]);
  } else if (tag === 'kabar-share-bar') {
    const networks = [...form.querySelectorAll('input[name="networks"]:checked')].map((box) => box.value);
    attributes.push(['url', value('url')], ['layout', value('layout')], ['utm-source', value('utm-source')]);
    // All of them, in the default order: the attribute can be left out.
    if (networks.join(' ') !== SHARE_NETWORKS.join(' ')) attributes.push(['networks', networks.join(' ')]);
  } else if (tag === 'kabar-comments') {
    const provider = value('provider');
    attributes.push(['provider', provider]);
    if (provider === 'disqus')
      attributes.push(['shortname', value('shortname')], ['identifier', value('identifier')]);
    if (provider === 'giscus') {
      attributes.push(
        ['repo', value('repo')],
        ['repo-id', value('repo-id')],
        ['category', value('giscus-category')],
        ['category-id', value('category-id')],
      );
    }
    attributes.push(['load', value('load')], ['heading', value('comments-heading')]);
  }
  const lang = value('lang');
  if (lang) attributes.push(['lang', lang]);
  const defaults = DEFAULTS[tag] ?? {};
  return {
    tag,
    attributes: attributes.filter(([name, v]) => v !== '' && defaults[name] !== v),
    children,
    colors: [...changedColors],
  };
}

// ---------------------------------------------------------------- the code

function escapeAttribute(value) {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/**
 * One element as HTML, indented by `indent`: on one line when it is short, else an attribute
 * a line; its children inside.
 */
function elementCode({ tag, attributes, children = [], inside = '' }, indent = '') {
  const written = attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`);
  const oneLine = `${indent}<${[tag, ...written].join(' ')}>`;
  const open =
    oneLine.length <= 100
      ? oneLine
      : `${indent}<${tag}\n${written.map((a) => `${indent}  ${a}`).join('\n')}\n${indent}>`;
  const content = [
    ...children.map((child) => elementCode(child, `${indent}  `)),
    ...(inside ? [`${indent}  ${inside}`] : []),
  ];
  if (content.length === 0) return `${open}</${tag}>`;
  return [open, ...content, `${indent}</${tag}>`].join('\n');
}

/**
 * The snippet: what loads Kabar (`loader`: the script tag, or the integrity snippet), colours as
 * a style block, the element.
 */
export function codeFor({ tag, attributes, children = [], colors }, loader = SCRIPT_TAG) {
  const placeholders = placeholdersFor({ tag, attributes });
  // The site's own comments go inside the element: the code shows where.
  const inside =
    tag === 'kabar-comments' && !attributes.some(([name]) => name === 'provider')
      ? '<!-- Formulir atau daftar komentar situs Anda di sini -->'
      : '';
  const lines = [loader];
  if (colors.length) {
    lines.push(
      '<style>',
      `  ${tag} {`,
      ...colors.map(([name, value]) => `    ${name}: ${value};`),
      '  }',
      '</style>',
    );
  }
  // Placeholders go first, or right after the comments service they belong to.
  const at = attributes.findIndex(([name]) => name === 'provider') + 1;
  const all = [...attributes.slice(0, at), ...placeholders, ...attributes.slice(at)];
  lines.push(elementCode({ tag, attributes: all, children, inside }));
  return lines.join('\n');
}

// ---------------------------------------------------------------- the preview

/**
 * Makes `parent`'s child at `index` the element `description` describes, changing only what
 * differs, so that the preview does not flash at every keystroke.
 */
function sync(parent, index, { tag, attributes, children = [] }) {
  const wanted = new Map(attributes);
  let element = parent.children[index];
  // Another comments service is another widget: it starts afresh rather than switching over.
  const keyChanged = element?.getAttribute('provider') !== (wanted.get('provider') ?? null);
  if (!element || element.localName !== tag || element.children.length !== children.length || keyChanged) {
    // Attributes first, then into the page: a widget starts with what it is given (comments
    // connected without `load="click"` would start loading at once).
    const fresh = document.createElement(tag);
    for (const [name, value] of wanted) fresh.setAttribute(name, value);
    children.forEach((child, i) => sync(fresh, i, child));
    if (element) element.replaceWith(fresh);
    else parent.append(fresh);
    return fresh;
  }
  for (const name of element.getAttributeNames()) {
    if (!wanted.has(name) && name !== 'style' && name !== 'hidden') element.removeAttribute(name);
  }
  for (const [name, value] of wanted) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
  children.forEach((child, i) => sync(element, i, child));
  return element;
}

/**
 * The live widget: the same tag and attributes as the code, except what only the site can
 * provide: the example feed until one is typed, an example address to share, and comments that
 * stop at the consent button (this page loads no Disqus or giscus).
 */
function renderPreview(current) {
  const attributes = new Map(current.attributes);
  const hasFeed = current.tag === 'kabar-news-list' || current.tag === 'kabar-feed';
  if (hasFeed) attributes.set('src', previewSources.feed || EXAMPLE_FEED);
  if (hasFeed && !previewSources.feed) attributes.delete('proxy');
  if (current.tag === 'kabar-poll') {
    if (previewSources.poll) attributes.set('src', previewSources.poll);
    else attributes.delete('src');
  }
  if (current.tag === 'kabar-share-bar' && !attributes.has('url')) {
    attributes.set('url', 'https://situs-anda.go.id/berita/contoh/');
  }
  if (current.tag === 'kabar-article-card') {
    for (const [name, value] of placeholdersFor(current)) attributes.set(name, value);
  }
  if (current.tag === 'kabar-comments') {
    // The same settings as the code, placeholders included, so that the consent note shows.
    for (const [name, value] of placeholdersFor(current)) attributes.set(name, value);
    attributes.set('load', 'click');
  }
  if (preview.firstElementChild?.localName !== current.tag) preview.replaceChildren();
  const element = sync(preview, 0, { ...current, attributes: [...attributes] });
  for (const color of COLORS) element.style.removeProperty(color.name);
  for (const [name, value] of current.colors) element.style.setProperty(name, value);
  // A poll without an address has nothing to show yet: say what to do instead.
  const waiting = current.tag === 'kabar-poll' && !attributes.has('src');
  element.hidden = waiting;
  $('#preview-note').hidden = !waiting;
  $('#comments-note').hidden =
    current.tag !== 'kabar-comments' || current.attributes.every(([n]) => n !== 'provider');
}

function update() {
  const current = choice();
  renderPreview(current);
  const withIntegrity = $('#sri').checked && integritySnippet !== '';
  snippet.textContent = codeFor(current, withIntegrity ? integritySnippet : SCRIPT_TAG);
  snippet.parentElement.dataset.loader = withIntegrity ? 'integrity' : 'script';
  $('#copy-status').textContent = '';
}

// ---------------------------------------------------------------- checking an address

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

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

/** Why an address could not be used, in the editor's words (`viaRelay`: read through a relay). */
export function explain(error, url, viaRelay = false) {
  if (refused.has(originOf(url))) {
    return 'Halaman pembuat kode ini tidak diizinkan menghubungi alamat di luar situsnya (kebijakan keamanan servernya). Widget di situs Anda tidak terpengaruh; periksa alamatnya di halaman situs Anda.';
  }
  const kind = error instanceof KabarError ? error.kind : 'network';
  const status = Number(error?.status) || 0;
  if (viaRelay && kind === 'http' && status === 403) {
    return `Relay ini tidak mengambil feed dari ${hostOf(url)}: pengelola relay perlu menambahkannya ke daftar --feeds-allow.`;
  }
  if (viaRelay && kind === 'http' && status === 404) {
    return 'Alamat relay ini tidak menjawab sebagai relay feed (404). Periksa alamatnya.';
  }
  if (viaRelay && kind === 'http' && status >= 500) {
    return `Relay tidak dapat membaca feed dari ${hostOf(url)} (galat ${status}): sumbernya mati, terlalu lambat, atau bukan feed.`;
  }
  switch (kind) {
    case 'invalid-url':
      return 'Alamat ini belum lengkap: tulis lengkap, diawali https://';
    case 'cors':
      return 'Alamat ini ada, tetapi servernya tidak mengizinkan dibaca dari situs lain (CORS). Minta pengelola server menambahkan header Access-Control-Allow-Origin, atau isi kolom relay feed di bawah dengan relay kabar-server Anda.';
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
  /** The address the last check started with: leaving the field does not check it again. */
  let checked = '';
  const say = (text, kind) => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const run = async () => {
    running?.abort();
    const value = input.value.trim();
    checked = value;
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
      if (controller.signal.aborted) return;
      if (typeof found === 'string') say(found, 'ok');
      else say(found.text, found.kind);
    } catch (error) {
      await policyReported();
      if (!controller.signal.aborted)
        say(error?.explained ? error.message : explain(error, url.href), 'error');
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
    if (input.value.trim() !== checked) void run();
  });
  return { run };
}

const FEED_CHECK = { fresh: true, retries: 0, store: false, timeout: CHECK_TIMEOUT_MS };

/** What a feed holds, in the editor's words. */
function describeFeed(feed) {
  const format = FORMAT_NAMES[feed.format] ?? feed.format ?? 'feed';
  if (feed.items.length === 0) return `Feed ${format} terbaca, tetapi belum ada berita di dalamnya.`;
  const from = feed.title ? ` di “${feed.title}”` : '';
  return `Ditemukan ${feed.items.length} berita${from} (${format}).`;
}

/**
 * The relay of the server that serves this page (`/api/feeds`, docs/relay.md), as a `proxy`
 * template; '' when it has none. Asked once: a relay answers 400 `missing-url` to a bare call.
 */
let relayProbe;
export function relayTemplate() {
  relayProbe ??= (async () => {
    try {
      const response = await fetch(new URL('/api/feeds', location.origin), { cache: 'no-store' });
      const body = response.status === 400 ? await response.json() : undefined;
      return body?.error?.code === 'missing-url' ? `${location.origin}/api/feeds?url={url}` : '';
    } catch {
      return '';
    }
  })();
  return relayProbe;
}

function showRelayOffer(relay) {
  const offer = $('#relay-offer');
  offer.dataset.relay = relay ?? '';
  offer.hidden = !relay;
  if (!relay) return;
  const text = $('#relay-offer-text');
  const code = document.createElement('code');
  code.textContent = relay;
  text.replaceChildren('Relay feed server ini: ', code);
}

/**
 * Checks a feed: directly, or through the relay the editor set. When a direct read fails for
 * CORS and the server of this page runs a relay, tries the relay too and offers it.
 */
async function checkFeed(url, signal) {
  showRelayOffer('');
  const proxy = form.elements.proxy.value.trim();
  let error;
  try {
    return describeFeed(await loadFeed(url, { ...FEED_CHECK, signal, proxy: proxy || undefined }));
  } catch (failure) {
    if (proxy) throw Object.assign(new Error(explain(failure, url, true)), { explained: true });
    error = failure;
  }
  const relay = error instanceof KabarError && error.kind === 'cors' ? await relayTemplate() : '';
  if (!relay || signal.aborted) throw error;
  let feed;
  try {
    feed = await loadFeed(url, { ...FEED_CHECK, signal, proxy: relay });
  } catch (relayError) {
    throw Object.assign(new Error(`${explain(error, url)} ${explain(relayError, url, true)}`), {
      explained: true,
    });
  }
  showRelayOffer(relay);
  return {
    kind: 'warning',
    text: `Feed ini tidak mengizinkan dibaca langsung dari situs lain (CORS), tetapi relay feed server ini dapat membacanya. ${describeFeed(feed)} Pakai relay agar widget dapat menampilkannya.`,
  };
}

async function checkPoll(url, signal) {
  const poll = await fetchPoll(url, { signal, timeout: CHECK_TIMEOUT_MS });
  if (!poll) return 'Layanan polling menjawab: saat ini tidak ada polling yang dibuka.';
  const state = poll.status === 'closed' ? 'sudah ditutup' : 'sedang dibuka';
  return `Ditemukan polling yang ${state}: “${poll.question}” (${poll.options.length} pilihan).`;
}

// ---------------------------------------------------------------- the integrity snippet

/** The content of `dist/embed.html` once loaded; '' until then, or when it cannot be used. */
let integritySnippet = '';

/**
 * Loads the integrity snippet from the server of this page and offers it, or says why not. It
 * must be the snippet of the version this page runs: an `embed.html` left by an older build, or
 * a page a server answers in its place, would hand out a snippet that breaks the site.
 */
async function offerIntegrity() {
  const box = $('#sri');
  const status = $('#sri-status');
  try {
    const response = await fetch(EMBED_URL, { cache: 'no-cache' });
    const text = response.ok ? (await response.text()).trim() : '';
    if (!text.includes('<script type="importmap">') || !text.includes(`src="${SCRIPT_URL}" integrity="sha`)) {
      throw new Error(`${EMBED_URL} is not the integrity snippet of ${VERSION}`);
    }
    integritySnippet = text;
    box.disabled = false;
    status.textContent = '';
  } catch {
    box.checked = false;
    box.disabled = true;
    status.dataset.kind = 'warning';
    status.textContent = `Tidak tersedia di sini: server ini tidak menyediakan berkas embed.html untuk Kabar ${VERSION} (hasil npm run build). Kode biasa di bawah tetap dapat dipakai.`;
  }
  update();
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
  if (event.target.name === 'widget' || event.target.name === 'provider') showFieldsOf(widget());
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
$('#sri').addEventListener('change', update);
const feedCheck = checker($('#feed'), $('#feed-status'), 'feed', checkFeed);
$('#use-relay').addEventListener('click', () => {
  form.elements.proxy.value = $('#relay-offer').dataset.relay ?? '';
  showRelayOffer('');
  update();
  // Check again, through the relay this time.
  void feedCheck.run();
});
$('#proxy').addEventListener('change', () => void feedCheck.run());
checker($('#poll'), $('#poll-status'), 'poll', checkPoll);
update();
void offerIntegrity();
