import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { fixtureUrl, until } from '../helpers.js';
import { audit, escapees } from './dom-audit.js';

declare global {
  interface Window {
    __kabarPwned?: string;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
const HOSTILE_TEXT = `"><img src=x onerror="window.__kabarPwned='share'"><script>window.__kabarPwned='s'</script>`;

describe('hardening: hostile poll and share text', () => {
  beforeEach(() => {
    delete window.__kabarPwned;
    localStorage.clear();
  });
  afterEach(() => {
    expect(window.__kabarPwned, 'a script from the input ran').to.equal(undefined);
  });

  for (const name of ['hostile/poll-open.json', 'hostile/poll-closed.json']) {
    it(`shows ${name} as text, or as a clean error, with nothing executable`, async () => {
      const wrapper = await fixture(
        html`<div style="width: 400px"><kabar-poll src=${fixtureUrl(name)}></kabar-poll></div>`,
      );
      const poll = wrapper.firstElementChild!;
      await until(() => poll.shadowRoot?.querySelector('[aria-busy="false"]') != null);
      await settle();
      const root = poll.shadowRoot!;
      // Either the poll's text is on screen (as text) or the widget says it could not read it.
      expect(root.textContent).to.match(/Pertanyaan\?|Ditutup\?|tidak dapat/i);
      // The poll's own voting form is ours; nothing else may be a form.
      expect(audit(poll, { allowForm: true })).to.deep.equal([]);
      expect(escapees(poll)).to.deep.equal([]);
      for (const input of root.querySelectorAll('input')) input.dispatchEvent(new FocusEvent('focus'));
      await settle();
    });
  }

  it('renders hostile share text and a script URL without running anything', async () => {
    const el = await fixture(
      html`<kabar-share-bar
        text=${HOSTILE_TEXT}
        url="javascript:window.__kabarPwned='url'"
        label=${HOSTILE_TEXT}
      ></kabar-share-bar>`,
    );
    await settle();
    expect(audit(el, { allowSvg: true })).to.deep.equal([]);
    for (const a of el.shadowRoot!.querySelectorAll('a')) {
      expect(a.getAttribute('href')).not.to.match(/^\s*javascript:/i);
      // The hostile text travels only URL-encoded inside share links.
      expect(a.getAttribute('href')).not.to.contain('<img');
    }
  });
});
