/**
 * The picture of a horizontal card, as a reader sees it: in a card 26rem wide or less it takes
 * the narrow width (`--kabar-article-image-width-narrow`, 5.5rem, but at most 30% of the card),
 * in a wider card the normal width (`--kabar-article-image-width`, 8.5rem). The step is a clamp
 * on the card's own width, so it must hold in a plain block and in boxes sized from their
 * content alike, and it is in rem, so it must follow the page's root font size.
 */
import { expect } from '@open-wc/testing';
import '../../src/components/article-card/kabar-article-card.js';
import type { KabarArticleCardElement } from '../../src/components/article-card/article-card-element.js';

const image = `${location.origin}/test/fixtures/pixel.png`;
/** Long enough that a box sized from its content is held by its max-width, even at 60rem. */
const EXCERPT =
  'Warga dua kecamatan menyambut jembatan baru yang memangkas perjalanan ke pasar kabupaten ' +
  'dari satu jam menjadi lima belas menit, dan sekolah di seberang sungai kini dapat dicapai ' +
  'anak-anak tanpa menyeberang dengan perahu.';
const CARD = `<kabar-article-card layout="horizontal" image="${image}" href="https://pemda.example/berita/1"
  heading="Pemerintah kabupaten meresmikan jembatan penghubung dua kecamatan"
  excerpt="${EXCERPT}"></kabar-article-card>`;

/**
 * Card widths: phone columns in px, the rest in rem of the page; 26rem is the step itself,
 * 26rem + 1px the first wide card.
 */
const WIDTHS: { label: string; rem: number; px?: number }[] = [
  { label: '280px', rem: 0, px: 280 },
  { label: '320px', rem: 0, px: 320 },
  { label: '25rem', rem: 25 },
  { label: '26rem', rem: 26 },
  { label: '26rem + 1px', rem: 26, px: 1 },
  { label: '30rem', rem: 30 },
  { label: '40rem', rem: 40 },
  { label: '60rem', rem: 60 },
];

/** Boxes that give the card its width: a plain block, and boxes sized from their content. */
const BOXES: Record<string, (width: string, card: string) => string> = {
  'a plain block': (width, card) => `<div style="width: ${width}">${card}</div>`,
  'a flex item with a max-width': (width, card) =>
    `<div style="display: flex; width: calc(${width} + 10rem)"><div style="max-width: ${width}">${card}</div></div>`,
  'a float with a max-width': (width, card) =>
    `<div style="width: calc(${width} + 10rem)"><div style="float: left; max-width: ${width}">${card}</div></div>`,
};

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)!;
const px = (n: number) => `${n.toFixed(1)}px`;

/** The picture width the documented rule gives a card whose content box is `width` px wide. */
function expectedPicture(width: number, rem: number): number {
  if (width <= 26 * rem) return Math.min(5.5 * rem, 0.3 * width);
  return 8.5 * rem;
}

/** What does not match the rule in one card, as readable sentences. */
async function problems(
  box: string,
  label: string,
  html: string,
  rem: number,
  cardWidth: number,
): Promise<string[]> {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  document.body.append(holder);
  try {
    const card = holder.querySelector<KabarArticleCardElement>('kabar-article-card')!;
    await card.updateComplete;
    const found: string[] = [];
    const where = `${label} in ${box}`;
    const cardBox = card.getBoundingClientRect();
    const article = part(card, 'article');
    const padding = getComputedStyle(article);
    const inner = article.clientWidth - parseFloat(padding.paddingLeft) - parseFloat(padding.paddingRight);
    const picture = part(card, 'image').getBoundingClientRect();
    const title = part(card, 'title');
    const titleBox = title.getBoundingClientRect();
    const em = parseFloat(getComputedStyle(title).fontSize);

    // The box really gives the card the width under test.
    if (Math.abs(cardBox.width - cardWidth) > 0.5)
      found.push(`${where}: the card is ${px(cardBox.width)} wide, not ${px(cardWidth)}`);
    const wanted = expectedPicture(inner, rem);
    if (Math.abs(picture.width - wanted) > 0.5)
      found.push(
        `${where}: picture ${px(picture.width)} wide in a ${px(inner)} card, expected ${px(wanted)}`,
      );
    // The title keeps 8em of line width wherever the card has room for it beside the narrow
    // picture and the gap (14.5rem); below that the card still fills its box (checked above).
    if (inner >= 14.5 * rem && titleBox.width < 8 * em - 0.5)
      found.push(`${where}: title ${px(titleBox.width)} wide, under 8em (${px(8 * em)})`);
    for (const element of article.querySelectorAll('*')) {
      const right = element.getBoundingClientRect().right;
      if (right > cardBox.right + 0.5)
        found.push(`${where}: its ${element.localName} reaches ${px(right - cardBox.right)} past the card`);
    }
    return found;
  } finally {
    holder.remove();
  }
}

for (const rootSize of [16, 20]) {
  describe(`a horizontal card's picture at a root font size of ${rootSize}px`, () => {
    before(() => {
      document.documentElement.style.fontSize = `${rootSize}px`;
    });
    after(() => {
      document.documentElement.style.fontSize = '';
    });

    for (const [box, wrap] of Object.entries(BOXES)) {
      it(`follows the 26rem step in ${box}`, async () => {
        const found: string[] = [];
        for (const { label, rem, px: extra = 0 } of WIDTHS) {
          const width = `calc(${rem}rem + ${extra}px)`;
          const cardWidth = rem * rootSize + extra;
          found.push(...(await problems(box, label, wrap(width, CARD), rootSize, cardWidth)));
        }
        expect(found).to.deep.equal([]);
      });
    }

    it('measures the step inside the card padding', async () => {
      // With --kabar-article-padding the step is on the room inside the padding: a 27rem card
      // with 1rem of padding has 25rem for its picture and text, so its picture is narrow
      // (expectedPicture is given the width inside the padding).
      const padded = CARD.replace(
        '<kabar-article-card',
        '<kabar-article-card style="--kabar-article-padding: 1rem"',
      );
      const html = `<div style="width: 27rem">${padded}</div>`;
      const found = await problems('a plain block', '27rem, 1rem of padding', html, rootSize, 27 * rootSize);
      expect(found).to.deep.equal([]);
    });
  });
}
