/** Walks a widget's DOM, shadow roots included, and reports anything an attacker could use. */

const SCRIPT_SCHEME = /^\s*(?:javascript|vbscript|data)\s*:/i;
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
];
const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BASE', 'META', 'LINK']);

export function* allElements(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* allElements(el.shadowRoot);
  }
}

export function audit(host: Element, options: { allowSvg?: boolean; allowForm?: boolean } = {}): string[] {
  const problems: string[] = [];
  const roots: (Element | ShadowRoot)[] = [host];
  if (host.shadowRoot) roots.push(host.shadowRoot);
  for (const root of roots) {
    for (const el of allElements(root)) {
      if (FORBIDDEN.has(el.tagName) && !(options.allowForm && el.tagName === 'FORM')) {
        problems.push(`<${el.localName}> element`);
      }
      if (!options.allowSvg && (el.localName === 'svg' || el.localName === 'math'))
        problems.push(`<${el.localName}> element`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) problems.push(`${attr.name} attribute on <${el.localName}>`);
        if (URL_ATTRIBUTES.includes(attr.name) && SCRIPT_SCHEME.test(attr.value)) {
          // Inline SVG icons may use data: nowhere either; nothing of ours needs it.
          problems.push(`${attr.name}="${attr.value}" on <${el.localName}>`);
        }
      }
    }
  }
  return problems;
}

/** Elements of the widget drawn outside the widget's own box (fixed overlays, escaped content). */
export function escapees(host: Element, tolerance = 2): string[] {
  const box = host.getBoundingClientRect();
  const out: string[] = [];
  if (!host.shadowRoot) return out;
  for (const el of allElements(host.shadowRoot)) {
    const style = getComputedStyle(el);
    if (style.position === 'fixed') out.push(`<${el.localName}> is position: fixed`);
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // The stretched-link overlay is inset: 0 inside its card and may not exceed it either.
    if (
      r.left < box.left - tolerance ||
      r.top < box.top - tolerance ||
      r.right > box.right + tolerance ||
      r.bottom > box.bottom + tolerance
    ) {
      out.push(`<${el.localName} class="${el.getAttribute('class') ?? ''}"> leaves the widget`);
    }
  }
  return out;
}
