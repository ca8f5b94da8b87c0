import { expect } from '@open-wc/testing';
import { until } from '../helpers.js';

interface ProbeWindow extends Window {
  __violations: string[];
  __errors: string[];
}

async function openPage(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '1400px';
  frame.src = src;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('hardening: strict Content-Security-Policy with Trusted Types', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('renders every widget with zero policy violations', async function () {
    this.timeout(60_000);
    frame = await openPage('/__kabar/csp-page');
    const doc = frame.contentDocument!;
    const win = frame.contentWindow as ProbeWindow;
    const items = (id: string) => doc.getElementById(id)?.shadowRoot?.querySelectorAll('.title').length ?? 0;
    await until(() => items('list') === 3 && items('compact') === 5 && items('json') === 3, 8000);
    await until(() => doc.getElementById('broken')?.shadowRoot?.querySelector('[role="alert"]') != null);
    expect(doc.getElementById('card')!.shadowRoot!.querySelector('img')).not.to.equal(null);
    // Article HTML, sanitized by a chunk loaded on demand, under Trusted Types.
    const content = () => doc.getElementById('content-card')?.shadowRoot?.querySelector('[part~="content"]');
    await until(() => content()?.querySelector('b') != null, 8000);
    expect(content()!.querySelector('a')!.getAttribute('href')).to.equal('https://example.go.id/peta');
    expect(content()!.querySelector('script, iframe, [onerror]')).to.equal(null);
    expect((win as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await until(
      () => doc.getElementById('poll')?.shadowRoot?.querySelectorAll('input[type="radio"]').length === 3,
    );
    expect(doc.getElementById('share')!.shadowRoot!.querySelectorAll('a').length).to.be.greaterThan(5);
    await until(() => doc.querySelector('#comments .own') !== null);

    // Vote, so the results (bars sized through the CSSOM, not inline styles) render too.
    const poll = doc.getElementById('poll')!.shadowRoot!;
    poll.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await until(() => !poll.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled);
    poll.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => poll.querySelector('.results') !== null, 8000);
    const fill = poll.querySelector<HTMLElement>('.fill');
    if (fill) expect(fill.getBoundingClientRect().width).to.be.greaterThan(0);
    // The styles really applied (constructable stylesheets are allowed by style-src 'self').
    const list = doc.getElementById('list')!.shadowRoot!;
    expect(getComputedStyle(list.querySelector('.items')!).listStyleType).to.equal('none');
    // Parsing the hostile article HTML makes Chromium report its `onerror` attribute as a blocked
    // inline handler (any HTML parser does, DOMPurify's too) before the sanitizer removes it;
    // nothing ran (`__pwned` is unset) and nothing else was blocked.
    expect(win.__violations.filter((v) => v !== 'script-src-attr: inline')).to.deep.equal([]);
    expect(win.__violations.length).to.be.at.most(1);
    expect(win.__errors).to.deep.equal([]);
  });
});
