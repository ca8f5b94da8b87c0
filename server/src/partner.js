/**
 * The demo's partner page (`--demo-partner-port`): another site, on an origin of its own, that
 * shows the demo regency's program news with `<kabar-news-list proxy="…">`, as a school or an
 * agency would. The demo's feeds are served without CORS headers, as most government CMSs serve
 * theirs, so this page can read them only through the demo's feed relay (docs/relay.md).
 *
 *   GET /               demo/mitra/index.html, its DEMO_ORIGIN_PLACEHOLDER replaced by the demo's origin
 *   GET /demo/mitra/…   the page's style sheet and images
 *   GET /dist/…         Kabar's bundle: the partner serves its own copy
 *   GET /favicon.ico    the partner's logo
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRequestPath } from './paths.js';
import { SECURITY_HEADERS, sendPlain } from './static.js';

/** What the page's file writes where the demo's origin (`http://127.0.0.1:8080`) goes. */
export const DEMO_ORIGIN_PLACEHOLDER = '%DEMO_ORIGIN%';

/**
 * The partner page's policy: its own scripts and styles only, and of the demo's origin only
 * what the widget needs, the relay (`connect-src`) and the feed's images (`img-src`).
 *
 * @param {string} demoOrigin such as http://127.0.0.1:8080
 */
export function partnerPolicy(demoOrigin) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${demoOrigin}`,
    `connect-src 'self' ${demoOrigin}`,
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The partner site: one page, its assets and Kabar's bundle. */
export class PartnerSite {
  #demo;
  #demoOrigin;
  #policy;

  /**
   * @param {object} options
   * @param {import('./static.js').DemoFiles} options.demo the demo's files, which hold the page
   * @param {string} options.demoOrigin where the demo (its feeds and relay) is reached
   */
  constructor({ demo, demoOrigin }) {
    this.#demo = demo;
    this.#demoOrigin = new URL(demoOrigin).origin;
    this.#policy = partnerPolicy(this.#demoOrigin);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async handle(req, res) {
    try {
      const path = parseRequestPath(req.url);
      if (!path) return sendPlain(req, res, 404);
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendPlain(req, res, 405, { Allow: 'GET, HEAD' });
      const [first, second] = path.segments;
      if (path.segments.length === 0) return await this.#page(req, res);
      if (path.segments.length === 1 && first === 'favicon.ico') {
        const logo = { segments: ['demo', 'mitra', 'logo.svg'], trailingSlash: false, search: '' };
        if (await this.#demo.serve(req, res, logo)) return;
      }
      const served = (first === 'demo' && second === 'mitra') || first === 'dist';
      if (served && (await this.#demo.serve(req, res, path))) return;
      sendPlain(req, res, 404);
    } catch (error) {
      console.error(`kabar-server: partner page ${req.method} ${req.url} failed:`, error);
      if (res.headersSent) res.destroy();
      else sendPlain(req, res, 500);
    }
  }

  /**
   * The page, read at every request (it is a demo: an edit shows at once).
   *
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async #page(req, res) {
    const template = await readFile(join(this.#demo.root, 'demo', 'mitra', 'index.html'), 'utf8');
    const body = Buffer.from(template.replaceAll(DEMO_ORIGIN_PLACEHOLDER, this.#demoOrigin));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': this.#policy,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}
