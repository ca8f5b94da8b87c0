import { KabarError } from '../../../data/errors.js';
import type { KabarCommentsElement } from '../comments-element.js';
import type { CommentsProvider } from './provider.js';

/**
 * giscus: GitHub Discussions through `client.js`, which reads its settings from the script's
 * `data-*` attributes and puts its iframe in the document's first `.giscus`.
 */
export const giscus: CommentsProvider = {
  label: 'giscus',
  privacyUrl: 'https://github.com/giscus/giscus/blob/main/PRIVACY-POLICY.md',
  homeUrl: 'https://giscus.app/',
  watch: ['repo', 'repoId', 'category', 'categoryId', 'mapping', 'term', 'theme'],

  available({ host }) {
    const box = document.querySelector('.giscus');
    return !box || host.contains(box);
  },

  async mount(context) {
    const el = context.host as KabarCommentsElement;
    if (!el.repo || !el.repoId || !el.categoryId) {
      throw new KabarError(
        'invalid-url',
        `<kabar-comments provider="giscus"> needs repo, repo-id and category-id`,
      );
    }
    const data: Record<string, string> = {
      'data-repo': el.repo,
      'data-repo-id': el.repoId,
      'data-category': el.category,
      'data-category-id': el.categoryId,
      'data-mapping': el.mapping || 'pathname',
      'data-strict': '0',
      'data-reactions-enabled': '1',
      'data-emit-metadata': '0',
      'data-input-position': 'bottom',
      'data-theme': el.theme || 'preferred_color_scheme',
      // The element's own `lang` may name any language giscus knows; else Kabar's (giscus has
      // no Sundanese: Sundanese readers read Indonesian).
      'data-lang': el.getAttribute('lang') || (context.lang === 'en' ? 'en' : 'id'),
      crossorigin: 'anonymous',
      ...(el.term ? { 'data-term': el.term } : {}),
    };
    const box = document.createElement('div');
    box.className = 'giscus';
    context.container.append(box);
    await context.loadScript(el.scriptSrc || 'https://giscus.app/client.js', data);
  },
};
