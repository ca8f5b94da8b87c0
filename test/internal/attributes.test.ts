import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { manifestElements } from '../helpers.js';

/**
 * The attributes that custom-elements.json documents (and so the element pages in docs/ and Storybook) are the
 * ones each element observes, and each sets its property. Attribute names are declared in each
 * class's `static properties`, apart from the fields and their docs, so a field can be
 * documented as an attribute that the element never reads, or the other way round.
 */
const elements = await manifestElements();

/** An attribute value, and the property value it must give, for the documented type. */
function sample(type = ''): [string, unknown] {
  if (type === 'number') return ['7', 7];
  if (type === 'boolean') return ['', true];
  return ['sample', 'sample'];
}

describe('attributes: what the manifest documents is what the elements read', () => {
  it('finds all six elements in the manifest', () => {
    expect(elements.map((e) => e.tagName).sort()).to.deep.equal([
      'kabar-article-card',
      'kabar-comments',
      'kabar-feed',
      'kabar-news-list',
      'kabar-poll',
      'kabar-share-bar',
    ]);
  });

  for (const { tagName, attributes = [] } of elements) {
    it(`<${tagName}> observes exactly the documented attributes`, () => {
      const observed = (customElements.get(tagName) as unknown as { observedAttributes: string[] })
        .observedAttributes;
      expect([...observed].sort()).to.deep.equal(attributes.map((a) => a.name).sort());
    });

    it(`<${tagName}> sets the documented property from each attribute`, () => {
      // Not connected: nothing loads, the attributes are only read.
      const el = document.createElement(tagName) as HTMLElement & Record<string, unknown>;
      for (const { name, fieldName, type } of attributes) {
        const [value, expected] = sample(type?.text);
        el.setAttribute(name, value);
        expect(el[fieldName], `${name} → ${fieldName}`).to.equal(expected);
      }
    });
  }
});
