import { expect } from '@open-wc/testing';
import { FEED_FORMATS, READER_GROUPS, groupOf } from '../../src/data/formats/registry.js';
import { readers as jsonReaders } from '../../src/data/formats/json-readers.js';
import { readers as xmlReaders } from '../../src/data/formats/xml-readers.js';

describe('formats/registry: one list of the formats', () => {
  it('lists every format once, XML group first', () => {
    expect(FEED_FORMATS).to.deep.equal(['rss', 'rdf', 'atom', 'json-feed', 'wordpress', 'jabarprov']);
    expect(new Set(FEED_FORMATS).size).to.equal(FEED_FORMATS.length);
  });

  it('finds each format in the group module it names, under its own name', () => {
    const modules = { xml: xmlReaders, json: jsonReaders };
    for (const [group, formats] of Object.entries(READER_GROUPS)) {
      const readers = modules[group as keyof typeof modules];
      expect(Object.keys(readers), group).to.deep.equal([...formats]);
      for (const [name, reader] of Object.entries(readers)) expect(reader.name).to.equal(name);
    }
  });

  it('names the group of each format', () => {
    expect(groupOf('atom')).to.equal('xml');
    expect(groupOf('rdf')).to.equal('xml');
    expect(groupOf('wordpress')).to.equal('json');
    expect(groupOf('json-feed')).to.equal('json');
  });
});
