import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/poll/kabar-poll.js';
import type { KabarPollElement } from '../../src/components/poll/poll-element.js';
import type { VoteStorage } from '../../src/data/vote-store.js';
import { fixtureUrl, memoryStorage, until } from '../helpers.js';

const OPEN = '/api/polls/layanan';
const CLOSED = '/api/polls/ditutup';
const NONE = '/__kabar/status/204';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T>(selector);
const textOf = (el: Element, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const radios = (el: Element) => [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
const submit = (el: Element) => $<HTMLButtonElement>(el, 'button[type="submit"]')!;

async function serverCounts(id = 'layanan'): Promise<Record<string, number>> {
  const { poll } = (await (await fetch(`/api/polls/${id}`, { cache: 'no-store' })).json()) as {
    poll: { options: { id: string; votes: number }[] };
  };
  return Object.fromEntries(poll.options.map((o) => [o.id, o.votes]));
}

const service = (what: string) => fetch(`/__poll/${what}`, { cache: 'no-store' });

async function mount(src = OPEN, storage: VoteStorage | null | 'local' = memoryStorage(), lang = '') {
  const el = await fixture<KabarPollElement>(
    storage === 'local'
      ? html`<kabar-poll src=${src}></kabar-poll>`
      : html`<kabar-poll src=${src} lang=${lang || 'id'} .storage=${storage}></kabar-poll>`,
  );
  await until(() => $(el, '[aria-busy="false"]') !== null);
  await el.updateComplete;
  return el;
}

async function choose(el: KabarPollElement, index: number) {
  radios(el)[index]!.click();
  await el.updateComplete;
}

async function voteFor(el: KabarPollElement, index: number) {
  await choose(el, index);
  submit(el).click();
  await until(() => !$(el, 'form') || $(el, '.pending') !== null || $(el, '.error') !== null, 5000);
  await el.updateComplete;
}

describe('<kabar-poll>', () => {
  beforeEach(async () => {
    await service('reset');
  });
  after(async () => {
    await service('up');
  });

  it('is defined with its documented defaults', async () => {
    const el = await fixture<KabarPollElement>(html`<kabar-poll></kabar-poll>`);
    expect(el).to.be.instanceOf(customElements.get('kabar-poll')!);
    expect(el.src).to.equal('');
    expect(el.timeout).to.equal(10_000);
    expect(el.storage).to.equal(undefined);
  });

  it('syncs attributes to properties', async () => {
    const el = await fixture<KabarPollElement>(html`<kabar-poll src=${NONE} timeout="500"></kabar-poll>`);
    expect(el.src).to.equal(NONE);
    expect(el.timeout).to.equal(500);
  });

  it('falls back to the default timeout with one warning for a bad value', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args[0]);
    try {
      const el = await mount(CLOSED);
      el.setAttribute('timeout', 'abc');
      el.reload();
      await until(() => $(el, '.results') !== null);
      expect(warnings.filter((w) => String(w).includes('timeout="abc"'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  describe('loading', () => {
    it('says it is loading, busy, accessibly', async () => {
      const el = await fixture<KabarPollElement>(
        html`<kabar-poll
          src=${`/__kabar/slow/800?file=poll-static.json&type=application/json`}
        ></kabar-poll>`,
      );
      expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('true');
      expect(textOf(el, '[role="status"]')).to.equal('Memuat polling…');
      await expect(el).to.be.accessible();
      await until(() => radios(el).length === 2);
    });
  });

  describe('loading="lazy"', () => {
    const requests = (tag: string) =>
      performance.getEntriesByType('resource').filter((entry) => entry.name.includes(tag)).length;

    it('fetches only when it nears the viewport, with its loading box in place', async () => {
      const tag = `lazy=${Math.random()}`;
      const page = await fixture<HTMLElement>(html`
        <div>
          <div style="height: 4000px"></div>
          <kabar-poll src=${`${CLOSED}?${tag}`} loading="lazy" .storage=${memoryStorage()}></kabar-poll>
        </div>
      `);
      const el = page.querySelector<KabarPollElement>('kabar-poll')!;
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requests(tag)).to.equal(0);
      expect($(el, 'section')!.getAttribute('aria-busy')).to.equal('true');
      el.scrollIntoView();
      await until(() => $(el, '.results') !== null);
      expect(requests(tag)).to.equal(1);
      window.scrollTo(0, 0);
    });

    it('loads at once by default, and when it is switched to eager', async () => {
      const lazyTag = `switched=${Math.random()}`;
      const eagerTag = `default=${Math.random()}`;
      const page = await fixture<HTMLElement>(html`
        <div>
          <div style="height: 4000px"></div>
          <kabar-poll src=${`${CLOSED}?${lazyTag}`} loading="lazy" .storage=${memoryStorage()}></kabar-poll>
          <kabar-poll src=${`${CLOSED}?${eagerTag}`} .storage=${memoryStorage()}></kabar-poll>
        </div>
      `);
      const [lazy, eager] = page.querySelectorAll<KabarPollElement>('kabar-poll');
      await until(() => $(eager!, '.results') !== null);
      expect(requests(eagerTag)).to.equal(1);
      expect(requests(lazyTag)).to.equal(0);
      lazy!.loading = 'eager';
      await until(() => $(lazy!, '.results') !== null);
      expect(requests(lazyTag)).to.equal(1);
    });
  });

  describe('hidden', () => {
    it('does not fetch inside a hidden element, and fetches once shown', async () => {
      const src = `/__kabar/count/poll-hidden-${Date.now()}?file=poll-static.json&type=application/json`;
      const count = async () =>
        ((await (await fetch(`${src.split('?')[0]}/total`)).json()) as { count: number }).count;
      const panel = await fixture<HTMLElement>(
        html`<div hidden><kabar-poll src=${src} .storage=${memoryStorage()}></kabar-poll></div>`,
      );
      const el = panel.querySelector('kabar-poll')!;
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 200));
      expect(await count()).to.equal(0);
      panel.hidden = false;
      await until(() => radios(el).length === 2);
      expect(await count()).to.equal(1);
    });
  });

  describe('no poll', () => {
    it('answers 204 with "Tidak ada polling untuk saat ini." in Indonesian', async () => {
      const el = await mount(NONE);
      expect(textOf(el, '.empty')).to.equal('Tidak ada polling untuk saat ini.');
      expect($(el, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('reads an explicit {"poll": null} the same way, in English and Sundanese', async () => {
      const en = await mount(fixtureUrl('poll-none.json'), null, 'en');
      expect(textOf(en, '.empty')).to.equal('There is no poll at the moment.');
      const su = await mount(NONE, null, 'su');
      expect(textOf(su, '.empty')).to.equal('Teu aya polling kanggo ayeuna.');
    });
  });

  describe('open', () => {
    it('shows the question as the legend of a native radio group, each option labelled', async () => {
      const el = await mount();
      expect(textOf(el, 'fieldset legend')).to.equal('Layanan publik mana yang paling perlu diperbaiki?');
      const inputs = radios(el);
      expect(inputs.map((i) => i.value)).to.deep.equal(['kesehatan', 'jalan', 'air']);
      expect(inputs.map((i) => i.closest('label')!.textContent!.trim())).to.deep.equal([
        'Puskesmas',
        'Jalan desa',
        'Air bersih',
      ]);
      expect(new Set(inputs.map((i) => i.name)).size).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('keeps the vote button disabled until a choice is made', async () => {
      const el = await mount();
      expect(submit(el).disabled).to.equal(true);
      expect(submit(el).textContent!.trim()).to.equal('Kirim pilihan');
      await choose(el, 1);
      expect(submit(el).disabled).to.equal(false);
    });

    it('reads a static poll file (any server can serve one)', async () => {
      const el = await mount(fixtureUrl('poll-static.json'));
      expect(textOf(el, 'legend')).to.equal('Apakah informasi di situs ini mudah ditemukan?');
    });
  });

  describe('voting', () => {
    it('votes with the keyboard alone, fires kabar-vote, then shows results', async () => {
      const el = await mount();
      const voted = oneEvent(el, 'kabar-vote');
      // Focus the page's first focusable element inside the poll: the radio group.
      radios(el)[0]!.focus();
      await sendKeys({ press: 'ArrowDown' }); // selects "Jalan desa"
      await el.updateComplete;
      expect(radios(el)[1]!.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(submit(el));
      await sendKeys({ press: 'Enter' });
      const event = await voted;
      expect(event.detail).to.deep.equal({ pollId: 'layanan', optionId: 'jalan' });
      expect(event.cancelable).to.equal(true);
      expect(event.bubbles && event.composed).to.equal(true);
      await until(() => $(el, '.results') !== null);
      expect(textOf(el, '.chosen .label')).to.equal('Jalan desa (Pilihan Anda)');
      // Focus moves to the confirmation, so a screen reader hears it.
      expect(shadow(el).activeElement).to.equal($(el, '.thanks'));
      expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 1, air: 0 });
    });

    it('shows "submitting" while the vote is on its way', async () => {
      const el = await mount();
      await choose(el, 0);
      submit(el).click();
      await el.updateComplete;
      expect(submit(el).textContent!.trim()).to.equal('Mengirim…');
      expect(submit(el).disabled).to.equal(true);
      expect($<HTMLFieldSetElement>(el, 'fieldset')!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
      await until(() => $(el, '.results') !== null);
    });

    it('shows results with percentages, counts, total and the choice, as text', async () => {
      const other = memoryStorage();
      await voteFor(await mount(OPEN, other), 0);
      await voteFor(await mount(OPEN, memoryStorage()), 0);
      const el = await mount();
      await voteFor(el, 2);
      const rows = [...shadow(el).querySelectorAll('.result')].map((r) =>
        r.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(rows).to.deep.equal([
        'Puskesmas 67% · 2 suara',
        'Jalan desa 0% · 0 suara',
        'Air bersih (Pilihan Anda) 33% · 1 suara',
      ]);
      expect(textOf(el, '.total')).to.equal('Total 3 suara');
      expect(textOf(el, '.thanks')).to.equal('Terima kasih, suara Anda sudah tercatat.');
      const fill = $(el, '.chosen .fill')!;
      expect(fill.style.inlineSize).to.equal('33.3%');
      expect($(el, '.bar')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('shows the results, not the form, after a reload (one vote per browser)', async () => {
      const storage = memoryStorage();
      const first = await mount(OPEN, storage);
      await voteFor(first, 1);
      first.remove();
      const again = await mount(OPEN, storage);
      expect($(again, 'form')).to.equal(null);
      expect(textOf(again, '.chosen .label')).to.equal('Jalan desa (Pilihan Anda)');
      // Counts never go backwards, even when a cache answers with a copy from before the vote.
      expect(textOf(again, '.total')).to.equal('Total 1 suara');
      await again.vote('kesehatan');
      expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 1, air: 0 });
    });

    it('uses localStorage by default', async () => {
      const el = await mount(OPEN, 'local');
      await voteFor(el, 0);
      const key = Object.keys(localStorage).find(
        (k) => k.startsWith('kabar-poll:') && k.endsWith('|layanan'),
      );
      expect(key).to.be.a('string');
      const stored = JSON.parse(localStorage.getItem(key!)!) as {
        option: string;
        pending: boolean;
        key: string;
      };
      expect(stored.option).to.equal('kesehatan');
      expect(stored.pending).to.equal(false);
      expect(stored.key).to.match(/^[0-9a-f-]{36}$/);
      localStorage.removeItem(key!);
    });

    it('lets a host veto the vote by cancelling kabar-vote', async () => {
      const storage = memoryStorage();
      const el = await mount(OPEN, storage);
      el.addEventListener('kabar-vote', (event) => event.preventDefault());
      await choose(el, 0);
      submit(el).click();
      await new Promise((r) => setTimeout(r, 100));
      expect($(el, 'form')).not.to.equal(null);
      expect(storage.map.size).to.equal(0);
      expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 0, air: 0 });
    });

    it('still votes when storage is unavailable', async () => {
      const broken: VoteStorage = {
        getItem: () => {
          throw new DOMException('denied', 'SecurityError');
        },
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
        removeItem: () => undefined,
      };
      const el = await mount(OPEN, broken);
      await voteFor(el, 1);
      expect(textOf(el, '.chosen .label')).to.equal('Jalan desa (Pilihan Anda)');
      expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 1, air: 0 });
    });

    it('counts two readers voting at once', async () => {
      const [a, b] = await Promise.all([mount(), mount()]);
      await Promise.all([choose(a!, 0), choose(b!, 2)]);
      submit(a!).click();
      submit(b!).click();
      await until(() => $(a!, '.results') !== null && $(b!, '.results') !== null, 5000);
      expect(await serverCounts()).to.deep.equal({ kesehatan: 1, jalan: 0, air: 1 });
      // Whoever answered last saw both votes.
      const totals = [textOf(a!, '.total'), textOf(b!, '.total')];
      expect(totals).to.include('Total 2 suara');
    });

    it('shows a refused vote and drops it, firing kabar-error', async () => {
      // This poll file sends votes to a poll that is closed: the service refuses with 409.
      const storage = memoryStorage();
      const el = await mount(fixtureUrl('poll-static.json'), storage);
      await choose(el, 0);
      const failed = oneEvent(el, 'kabar-error');
      submit(el).click();
      const event = await failed;
      expect(event.detail.error.kind).to.equal('http');
      await until(() => $(el, '.error') !== null);
      expect(textOf(el, '.error')).to.contain('Suara Anda tidak dapat diterima.');
      expect(storage.map.size).to.equal(0);
    });
  });

  describe('offline and failed votes', () => {
    for (const mode of ['503', 'drop']) {
      it(`keeps a vote sent while the service is down (${mode}) and delivers it once when it is back`, async () => {
        const storage = memoryStorage();
        const el = await mount(OPEN, storage);
        await service(`down?mode=${mode}`);
        const failed = oneEvent(el, 'kabar-error');
        await voteFor(el, 2);
        await failed;
        expect(textOf(el, '.pending')).to.contain('Pilihan Anda (Air bersih) tersimpan di perangkat ini');
        const [stored] = [...storage.map.values()].map((v) => JSON.parse(v) as { pending: boolean });
        expect(stored!.pending).to.equal(true);
        await expect(el).to.be.accessible();
        await service('up');
        window.dispatchEvent(new Event('online'));
        await until(() => $(el, '.results') !== null, 5000);
        expect(textOf(el, '.chosen .label')).to.equal('Air bersih (Pilihan Anda)');
        expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 0, air: 1 });
        window.dispatchEvent(new Event('online'));
        await new Promise((r) => setTimeout(r, 100));
        expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 0, air: 1 });
      });
    }

    it('sends a pending vote when the page is next opened', async () => {
      const storage = memoryStorage();
      const first = await mount(OPEN, storage);
      await service('down');
      await voteFor(first, 0);
      expect($(first, '.pending')).not.to.equal(null);
      first.remove();
      await service('up');
      // Nothing is sent by a removed element, even when the browser comes back online.
      window.dispatchEvent(new Event('online'));
      await new Promise((r) => setTimeout(r, 100));
      expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 0, air: 0 });
      const again = await mount(OPEN, storage);
      await until(() => $(again, '.results') !== null, 5000);
      // Delivered in the background: focus stays where the reader is.
      expect(again.shadowRoot!.activeElement).to.equal(null);
      expect(textOf(again, '.chosen .label')).to.equal('Puskesmas (Pilihan Anda)');
      expect(await serverCounts()).to.deep.equal({ kesehatan: 1, jalan: 0, air: 0 });
    });

    it('retries by itself after a delay', async () => {
      const el = await mount();
      await service('down');
      await voteFor(el, 1);
      expect($(el, '.pending')).not.to.equal(null);
      await service('up');
      // The service asked for Retry-After: 1; the first retry comes within about 2.5 s.
      await until(() => $(el, '.results') !== null, 6000);
      expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 1, air: 0 });
    });

    it('sends at once with "send now"', async () => {
      const el = await mount();
      await service('down?mode=drop');
      await voteFor(el, 1);
      await service('up');
      $<HTMLButtonElement>(el, '.pending button')!.click();
      await until(() => $(el, '.results') !== null, 3000);
      await until(() => shadow(el).activeElement === $(el, '.thanks'));
      expect(await serverCounts()).to.deep.equal({ kesehatan: 0, jalan: 1, air: 0 });
    });
  });

  describe('closed', () => {
    it('shows results only, with the closing date and numbers in the reader language', async () => {
      const el = await mount(CLOSED);
      expect($(el, 'form')).to.equal(null);
      const rows = [...shadow(el).querySelectorAll('.result')].map((r) =>
        r.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(rows).to.deep.equal(['Pagi 62% · 1.234 suara', 'Siang 38% · 766 suara']);
      expect(textOf(el, '.total')).to.equal('Total 2.000 suara');
      expect(textOf(el, '.closed')).to.equal('Polling ditutup pada 31 Oktober 2026.');
      await expect(el).to.be.accessible();
    });

    it('rounds each share from the whole numbers, half up: 29 of 200 is 15%', async () => {
      // As a double, 29 / 200 is a little under 0.145, and 100 times it a little under 14.5:
      // rounding that would give 14%, where Intl's percent format (used before) gave 15% too.
      const el = await mount('/api/polls/dibulatkan');
      const rows = [...shadow(el).querySelectorAll('.result')].map((r) =>
        r.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(rows).to.deep.equal(['Ya 15% · 29 suara', 'Tidak 86% · 171 suara']);
    });
  });

  describe('error', () => {
    it('shows an alert with retry, fires kabar-error, and recovers', async () => {
      const src = `/__kabar/flaky/poll-${Date.now()}?fail=1&file=poll-static.json&type=application/json`;
      const el = await fixture<KabarPollElement>(html`<kabar-poll .storage=${null}></kabar-poll>`);
      const failed = oneEvent(el, 'kabar-error');
      el.src = src;
      const event = await failed;
      expect(event.detail.error.kind).to.equal('http');
      await until(() => $(el, '[role="alert"]') !== null);
      expect(textOf(el, '[role="alert"] p')).to.equal('Polling tidak dapat dimuat.');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part="retry"]')!.click();
      await until(() => radios(el).length === 2);
    });
  });

  describe('languages', () => {
    it('follows a lang switch, in English, Sundanese and Javanese', async () => {
      const el = await mount(CLOSED);
      el.lang = 'en';
      await until(() => textOf(el, '.total') === '2,000 votes in total');
      expect(textOf(el, '.closed')).to.equal('This poll closed on 31 October 2026.');
      await expect(el).to.be.accessible();
      el.lang = 'su';
      await until(() => textOf(el, '.total') === 'Jumlahna 2.000 sora');
      expect(textOf(el, '.closed')).to.equal('Polling parantos ditutup ping 31 Oktober 2026.');
      await expect(el).to.be.accessible();
      el.lang = 'jv-ID';
      await until(() => textOf(el, '.total') === 'Gunggungipun 2.000 swanten');
      expect(textOf(el, '.closed')).to.equal('Polling sampun dipuntutup ing tanggal 31 Oktober 2026.');
      await expect(el).to.be.accessible();
    });

    it('follows the lang of the page', async () => {
      const wrapper = await fixture(html`<div lang="en"><kabar-poll src=${OPEN}></kabar-poll></div>`);
      const el = wrapper.querySelector('kabar-poll')!;
      el.storage = null;
      await until(() => radios(el).length === 3);
      expect(submit(el).textContent!.trim()).to.equal('Vote');
    });
  });
});
