import { KabarError } from '../../../data/errors.js';
import type { KabarCommentsElement } from '../comments-element.js';
import type { CommentsContext, CommentsProvider } from './provider.js';

interface DisqusPage {
  page: { url?: string; identifier?: string; title?: string };
  language?: string;
}
type DisqusConfig = (this: DisqusPage) => void;
interface DisqusGlobal {
  reset(options: { reload: boolean; config: DisqusConfig }): void;
}
type DisqusWindow = typeof globalThis & { DISQUS?: DisqusGlobal; disqus_config?: DisqusConfig };

const win = globalThis as DisqusWindow;

/** A shortname is a Disqus subdomain. */
const SHORTNAME = /^[a-z0-9][a-z0-9-]{0,62}$/i;

/** Points `disqus_config` at the thread of `host` in `lang`; returns that config. */
function configure({ host, lang }: CommentsContext): DisqusConfig {
  const el = host as KabarCommentsElement;
  const url =
    el.url || document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || location.href;
  const identifier = el.identifier;
  const title = el.threadTitle;
  // Disqus has Indonesian but no Sundanese: Sundanese readers read Indonesian.
  const language = lang === 'en' ? 'en' : 'id';
  return (win.disqus_config = function (this: DisqusPage) {
    this.page.url = url;
    if (identifier) this.page.identifier = identifier;
    if (title) this.page.title = title;
    this.language = language;
  });
}

/**
 * Disqus: `embed.js` of the forum `shortname`, which writes into the document's one
 * `#disqus_thread`. Once Disqus is on the page, a new thread is a `DISQUS.reset`, never a
 * second `embed.js`.
 */
export const disqus: CommentsProvider = {
  label: 'Disqus',
  privacyUrl: 'https://disqus.com/privacy-policy/',
  homeUrl: 'https://disqus.com/',
  watch: ['shortname', 'identifier', 'url', 'threadTitle'],

  available({ host }) {
    const thread = document.getElementById('disqus_thread');
    return !thread || host.contains(thread);
  },

  async mount(context) {
    const el = context.host as KabarCommentsElement;
    const shortname = el.shortname.trim();
    if (!el.scriptSrc && !SHORTNAME.test(shortname)) {
      throw new KabarError('invalid-url', `<kabar-comments provider="disqus"> needs a shortname`);
    }
    const thread = document.createElement('div');
    thread.id = 'disqus_thread';
    context.container.append(thread);
    const config = configure(context);
    if (win.DISQUS) {
      win.DISQUS.reset({ reload: true, config });
      return;
    }
    await context.loadScript(el.scriptSrc || `https://${shortname}.disqus.com/embed.js`, {
      'data-timestamp': String(Date.now()),
    });
  },

  update(context) {
    win.DISQUS?.reset({ reload: true, config: configure(context) });
  },
};
