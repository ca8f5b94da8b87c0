/**
 * Feed HTML made safe for the DOM. DOMPurify (a well-kept sanitizer) is loaded only when some
 * element first renders HTML, so pages that show text only never download it. The result is a
 * DocumentFragment, inserted as nodes: no `innerHTML`, no Trusted Types sink on our side.
 * Under `require-trusted-types-for 'script'`, DOMPurify parses through its own `dompurify`
 * policy, which the page's `trusted-types` directive must allow.
 */
import type { Config, DOMPurify } from 'dompurify';

/** Tags kept: text structure, links, images and tables. Everything else goes, its text kept. */
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'li',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
];

/** Attributes kept: no `style`, no `class`/`id` (they could reach the card's own rules), no handlers. */
const ALLOWED_ATTR = [
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'datetime',
  'colspan',
  'rowspan',
  'lang',
  'dir',
];

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_TAGS: [
    'style',
    'script',
    'iframe',
    'form',
    'input',
    'button',
    'object',
    'embed',
    'svg',
    'math',
    'link',
    'meta',
  ],
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
const IMAGE_SCHEMES = ['http:', 'https:'];

let purifier: Promise<DOMPurify> | undefined;
/** The base of the fragment being sanitized (the article's link), for relative URLs. */
let base: string | undefined;

function allowed(value: string | null, schemes: readonly string[]): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base ?? document.baseURI);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Loads DOMPurify once, as a private instance with Kabar's URL rules. */
function load(): Promise<DOMPurify> {
  purifier ??= import('dompurify').then(({ default: createPurify }) => {
    // A private instance: our hooks never touch a copy the page itself uses.
    const purify = createPurify(window);
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        const href = allowed(node.getAttribute('href'), LINK_SCHEMES);
        if (href) {
          node.setAttribute('href', href);
          node.setAttribute('rel', 'noopener noreferrer nofollow ugc');
        } else {
          node.removeAttribute('href');
        }
      } else if (node.nodeName === 'IMG') {
        const src = allowed(node.getAttribute('src'), IMAGE_SCHEMES);
        if (src) {
          node.setAttribute('src', src);
          node.setAttribute('loading', 'lazy');
          node.setAttribute('decoding', 'async');
          node.setAttribute('referrerpolicy', 'no-referrer');
        } else {
          node.remove();
        }
      }
    });
    return purify;
  });
  return purifier;
}

/** Sanitized nodes of feed HTML; relative URLs resolve against `baseUrl`. */
export async function sanitizeHtml(html: string, baseUrl?: string): Promise<DocumentFragment> {
  const purify = await load();
  base = baseUrl;
  try {
    return purify.sanitize(html, CONFIG);
  } finally {
    base = undefined;
  }
}
