import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/data/parse.js';
import { collapse, decodeEntities, htmlToText } from '../../src/data/text.js';
import { resolveUrl } from '../../src/data/url.js';
import { isXml, parseXml, textOf } from '../../src/data/xml.js';

const rss = (items: string, attrs = '') =>
  `<?xml version="1.0"?><rss version="2.0"${attrs}><channel><title>T</title><link>https://t.example/</link>${items}</channel></rss>`;

function kindOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { kind?: string }).kind ?? 'not a KabarError';
  }
  return undefined;
}

describe('xml: the forgiving parser', () => {
  it('builds a tree with namespaces, attributes and text', () => {
    const root = parseXml(
      '<a xmlns="urn:d" xmlns:p="urn:p"><p:b x="1" y=\'2&amp;3\'>t<!-- c --><![CDATA[<&>]]>u</p:b><c/></a>',
      undefined,
      'a',
      'A',
    );
    const [b, c] = root.children;
    expect([root.ns, b!.ns, b!.name, c!.ns]).to.deep.equal(['urn:d', 'urn:p', 'b', 'urn:d']);
    expect(b!.attrs).to.deep.equal({ x: '1', y: '2&3' });
    expect(textOf(b)).to.equal('t<&>u');
  });

  it('scopes a prefix to the element that declares it', () => {
    const feed = parseFeed(
      rss(
        '<item><title>A</title><x:encoded>E1</x:encoded></item><item xmlns:x="urn:other"><title>B</title><x:encoded>E2</x:encoded></item>',
        ' xmlns:x="http://purl.org/rss/1.0/modules/content/"',
      ),
    );
    expect(feed.items.map((i) => i.content)).to.deep.equal(['E1', undefined]);
  });

  it('reads the usual prefixes used without a declaration', () => {
    const feed = parseFeed(rss('<item><title>A</title><media:thumbnail url="/t.jpg"/></item>'));
    expect(feed.items[0]!.image).to.equal('https://t.example/t.jpg');
  });

  it('reads a bare & or < as text, and needs ; to end an XML reference', () => {
    const feed = parseFeed(
      rss('<item><title>Tom & Jerry: 1 < 2</title><link>https://a.example/?x=1&copy=2&amp;y=3</link></item>'),
    );
    expect(feed.items[0]!.title).to.equal('Tom & Jerry: 1 < 2');
    expect(feed.items[0]!.link).to.equal('https://a.example/?x=1&copy=2&y=3');
  });

  it('decodes out-of-range references to U+FFFD and keeps unknown names as written', () => {
    const feed = parseFeed(rss('<item><title>&#65;&#x1F600;&#xD800;&#0;&bogus;&constructor;</title></item>'));
    expect(feed.items[0]!.title).to.equal('A😀\uFFFD\uFFFD&bogus;&constructor;');
  });

  it('keeps CDATA as written: references inside it are not decoded', () => {
    const feed = parseFeed(
      rss(
        '<item><title>A</title><content:encoded><![CDATA[<p>x&nbsp;y</p>]]></content:encoded></item>',
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"',
      ),
    );
    expect(feed.items[0]!.content).to.equal('<p>x&nbsp;y</p>');
  });

  it('closes what a misplaced end tag leaves open, and ignores a stray one', () => {
    const feed = parseFeed(
      rss(
        '<item><title>A<br></title><link>https://a.example/1</link></item><item><title>B</b></title></item>',
      ),
    );
    expect(feed.items.map((i) => i.title)).to.deep.equal(['A', 'B']);
  });

  it('drops an item whose end tag is missing when the next one opens', () => {
    const feed = parseFeed(
      rss('<item><title>Broken\n<item><title>Whole</title><link>https://a.example/w</link></item>'),
    );
    expect(feed.items.map((i) => [i.title, i.link])).to.deep.equal([['Whole', 'https://a.example/w']]);
  });

  it('keeps the complete items of a document cut off in a tag, a CDATA section or a comment', () => {
    const head = rss('<item><title>A</title></item><item><title>B</title></item>');
    const cut = head.slice(0, head.indexOf('</channel>'));
    for (const tail of [
      '<item><title>C</tit',
      '<item><title><![CDATA[C and',
      '<!-- never',
      '<item><enclosure url="x',
    ]) {
      expect(
        parseFeed(cut + tail).items.map((i) => i.title),
        tail,
      ).to.deep.equal(['A', 'B']);
    }
  });

  it('is a parse error, not a format error, when the root element itself is broken', () => {
    const text = '<?xml version="1.0"?>\n<rss vers"ion="2.0"><channel><title>x</title></channel></rss>';
    expect(kindOf(() => parseFeed(text))).to.equal('parse');
  });

  it('tells well-formed XML from broken XML', () => {
    expect(isXml('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a><b/>t</a>')).to.equal(true);
    for (const broken of ['<a><b></a>', '<a>', '<a/><b/>', 'x<a/>', '<a></a></a>', '']) {
      expect(isXml(broken), broken).to.equal(false);
    }
  });

  it('reads RSS 0.90', () => {
    const feed = parseFeed(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>Lama</title><link>https://lama.example/</link></channel><item><title>Satu</title><link>https://lama.example/1</link></item></rdf:RDF>',
    );
    expect([feed.format, feed.title, feed.items[0]!.title, feed.items[0]!.link]).to.deep.equal([
      'rdf',
      'Lama',
      'Satu',
      'https://lama.example/1',
    ]);
  });

  it('writes XHTML content as HTML: local names, no namespace declarations, escaped text', () => {
    const feed = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><entry><title>t</title><content type="xhtml"><x:div xmlns:x="http://www.w3.org/1999/xhtml"><x:p class="a&amp;b" title='q"q'>A &amp; B &lt; C<x:br/><x:span/></x:p></x:div></content></entry></feed>`,
    );
    expect(feed.items[0]!.content).to.equal(
      '<p class="a&amp;b" title="q&quot;q">A &amp; B &lt; C<br /><span></span></p>',
    );
  });
});

describe('text: fast paths', () => {
  it('folds runs of white space and odd spaces, and trims', () => {
    expect(collapse(' a b\t\tc\nd\u00a0e\u200bf  g ')).to.equal('a b c d e f g');
  });

  it('decodes escaped HTML with only the five XML references, &amp; last', () => {
    expect(decodeEntities('&lt;p&gt; &quot;&apos; &amp;lt;')).to.equal('<p> "\' &lt;');
  });

  it('turns block boundaries into spaces and drops inline tags, comments and hidden elements', () => {
    expect(htmlToText('a<br>b<b>c</b><!-- <p>x</p> --><script>if (a < b) {}</script><li>d</li>')).to.equal(
      'a bc d',
    );
  });
});

describe('url: canonical URLs', () => {
  it('gives a canonical absolute URL back as it is, and normalizes any other', () => {
    expect(resolveUrl('https://a.example/x?q=1#f', 'https://b.example/')).to.equal(
      'https://a.example/x?q=1#f',
    );
    for (const [href, expected] of [
      ['HTTPS://A.Example/./x/../y z', 'https://a.example/y%20z'],
      ['https://a.example', 'https://a.example/'],
      ['http://a.example:80/%2e/x', 'http://a.example/x'],
      ["https://a.example/?q='", 'https://a.example/?q=%27'],
      ['http://0x7f.1/', 'http://127.0.0.1/'],
      ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
      // Otherwise canonical, but for a dot segment.
      ['https://a.example/x/./y', 'https://a.example/x/y'],
      ['https://a.example/x/../y', 'https://a.example/y'],
      ['https://a.example/x/%2E%2e/y', 'https://a.example/y'],
    ]) {
      expect(resolveUrl(href), href).to.equal(expected);
    }
  });
});
