import { expect } from '@open-wc/testing';
import { parseXml } from '../../src/data/xml.js';

// This file imports the XML parser and nothing else of the data layer.
describe('xml: the parser on its own', () => {
  it('lets a module that imports the XML parser alone use it', () => {
    // The parser imports its entity decoding itself: nothing has to run first.
    const root = parseXml(
      '<rss version="2.0"><channel><title>A &amp; B</title></channel></rss>',
      undefined,
      'rss',
      'RSS',
    );
    expect(root.children[0]!.children[0]!.nodes).to.deep.equal(['A & B']);
  });
});
