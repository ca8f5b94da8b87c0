/** Address classification, allow-list entries and the feed sniff, without any network. */
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { URL } from 'node:url';
import { canonicalAddress, classifyAddress, ipv6Groups } from '../../src/relay/addresses.js';
import { AllowList, parseAllowEntry } from '../../src/relay/allow-list.js';
import { parseFeedUrl } from '../../src/relay/fetch-upstream.js';
import { relayContentType, sniffFeed } from '../../src/relay/sniff.js';

describe('classifyAddress', () => {
  /** @type {[string, string][]} */
  const ipv4 = [
    ['8.8.8.8', 'public'],
    ['103.122.5.10', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.0', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['172.15.255.255', 'public'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.7', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
  ];
  for (const [address, kind] of ipv4) {
    test(`${address} is ${kind}`, () => assert.equal(classifyAddress(address), kind));
  }

  /** @type {[string, string][]} */
  const ipv6 = [
    ['2606:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['0000:0000::0001', 'loopback'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['2001:0:4136:e378::1', 'tunnel'],
    ['2002:7f00:1::1', 'tunnel'],
    ['2001:10::1', 'reserved'],
    ['100::1', 'reserved'],
    ['64:ff9b:1::1', 'reserved'],
    // IPv4 inside IPv6 is judged as the IPv4 address it reaches.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::FFFF:A9FE:A9FE', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['0:0:0:0:0:ffff:192.168.0.1', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    // IPv4-compatible addresses are deprecated: refused whatever they hold.
    ['::127.0.0.1', 'reserved'],
    ['::8.8.8.8', 'reserved'],
  ];
  for (const [address, kind] of ipv6) {
    test(`${address} is ${kind}`, () => assert.equal(classifyAddress(address), kind));
  }

  test('anything that is not a plain address is invalid, so refused', () => {
    for (const text of [
      '',
      'localhost',
      '0x7f000001',
      '2130706433',
      '127.1',
      '0177.0.0.1',
      '127.0.0.01',
      '[::1]',
    ]) {
      assert.equal(classifyAddress(text), 'invalid', text);
    }
    assert.equal(classifyAddress('fe80::1%eth0'), 'invalid');
    assert.equal(classifyAddress('1:2:3:4:5:6:7:8:9'), 'invalid');
  });

  test('ipv6Groups expands abbreviations and a dotted tail', () => {
    assert.deepEqual(ipv6Groups('::'), [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(ipv6Groups('1::'), [1, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(ipv6Groups('1:2::7:8'), [1, 2, 0, 0, 0, 0, 7, 8]);
    assert.deepEqual(ipv6Groups('::ffff:1.2.3.4'), [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    assert.deepEqual(ipv6Groups('1:2:3:4:5:6:1.2.3.4'), [1, 2, 3, 4, 5, 6, 0x0102, 0x0304]);
    assert.deepEqual(ipv6Groups('1:2:3:4:5::1.2.3.4'), [1, 2, 3, 4, 5, 0, 0x0102, 0x0304]);
  });

  test('canonicalAddress spells one address one way', () => {
    assert.equal(canonicalAddress('0:0::1'), '::1');
    assert.equal(canonicalAddress('[::1]'), '::1');
    assert.equal(canonicalAddress('::ffff:127.0.0.1'), '::ffff:7f00:1');
    assert.equal(canonicalAddress('127.0.0.1'), '127.0.0.1');
    assert.equal(canonicalAddress('localhost'), undefined);
  });
});

describe('what the URL parser hands over', () => {
  // The WHATWG URL parser rewrites numeric hosts before the relay sees them: the relay checks
  // what arrives, and these are the forms that arrive.
  /** @type {[string, string][]} */
  const hosts = [
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://169.254.43518/', '169.254.169.254'],
    ['http://0xa9fea9fe/', '169.254.169.254'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:0:0:1]/', '[::1]'],
    ['http://LOCALHOST./', 'localhost.'],
    ['http://%31%32%37.0.0.1/', '127.0.0.1'],
    ['http://１２７.0.0.1/', '127.0.0.1'],
  ];
  for (const [url, hostname] of hosts) {
    test(`${url} arrives as ${hostname}`, () => {
      const parsed = parseFeedUrl(url);
      assert.equal(parsed.hostname, hostname);
      const bare = hostname.replace(/^\[|\]$/g, '');
      if (bare.includes('.') && /^[\d.]+$/.test(bare)) assert.notEqual(classifyAddress(bare), 'public');
      if (bare.includes(':')) assert.notEqual(classifyAddress(bare), 'public');
    });
  }

  test('schemes, credentials and junk are refused by parseFeedUrl with their codes', () => {
    /** @type {[string, string][]} */
    const bad = [
      ['file:///etc/passwd', 'unsupported-scheme'],
      ['ftp://127.0.0.1/', 'unsupported-scheme'],
      ['data:text/xml,<rss/>', 'unsupported-scheme'],
      ['gopher://127.0.0.1/', 'unsupported-scheme'],
      ['http://a:b@127.0.0.1/', 'userinfo-url'],
      ['http://a@127.0.0.1/', 'userinfo-url'],
      ['not a url', 'bad-url'],
      ['http://', 'bad-url'],
      ['http://[::1/', 'bad-url'],
    ];
    for (const [url, code] of bad) {
      assert.throws(() => parseFeedUrl(url), { code }, url);
    }
  });
});

describe('allow-list', () => {
  test('entries are read as the URL parser reads hosts', () => {
    assert.deepEqual(parseAllowEntry(' Feeds.Example.GO.ID '), { host: 'feeds.example.go.id', port: '' });
    assert.deepEqual(parseAllowEntry('feeds.example.go.id:8443'), {
      host: 'feeds.example.go.id',
      port: '8443',
    });
    assert.deepEqual(parseAllowEntry('127.0.0.1:8080'), { host: '127.0.0.1', port: '8080' });
    assert.deepEqual(parseAllowEntry('[0:0::1]:8080'), { host: '[::1]', port: '8080' });
    assert.deepEqual(parseAllowEntry('bücher.example'), { host: 'xn--bcher-kva.example', port: '' });
    for (const bad of [
      '',
      'https://example.go.id',
      'example.go.id/feed',
      'user@example.go.id',
      'a b',
      'x:99999',
    ]) {
      assert.throws(() => parseAllowEntry(bad), /not a host or host:port/, bad);
    }
  });

  test('a host allows the default ports only; host:port allows that port', () => {
    const list = new AllowList(['example.go.id', 'other.go.id:8080', 'third.go.id:80']);
    const allows = (/** @type {string} */ url) => list.allowsUrl(new URL(url));
    assert.equal(allows('http://example.go.id/feed'), true);
    assert.equal(allows('https://example.go.id/feed'), true);
    assert.equal(allows('http://example.go.id:8080/feed'), false);
    assert.equal(allows('http://sub.example.go.id/feed'), false);
    assert.equal(allows('http://other.go.id:8080/feed'), true);
    assert.equal(allows('http://other.go.id/feed'), false);
    assert.equal(allows('http://third.go.id/feed'), true);
    assert.equal(allows('https://third.go.id/feed'), false);
  });

  test('an address is allowed when the list names it with the URL port', () => {
    const list = new AllowList(['127.0.0.1:8080', '[::1]:8080']);
    const url = new URL('http://feeds.test:8080/');
    assert.equal(list.allowsAddress('127.0.0.1', url), true);
    assert.equal(list.allowsAddress('0:0::1', url), true);
    assert.equal(list.allowsAddress('127.0.0.2', url), false);
    assert.equal(list.allowsAddress('::ffff:127.0.0.1', url), false);
    assert.equal(list.allowsAddress('127.0.0.1', new URL('http://feeds.test:8081/')), false);
  });
});

describe('sniffFeed', () => {
  const fixture = (/** @type {string} */ name) =>
    readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url));

  test('reads every feed fixture as the kind it is', () => {
    /** @type {[string, string][]} */
    const feeds = [
      ['rss2-wordpress.xml', 'xml'],
      ['atom-blogger.xml', 'xml'],
      ['atom-features.xml', 'xml'],
      ['atom03.xml', 'xml'],
      ['latin1.xml', 'xml'],
      ['bom-relative.xml', 'xml'],
      ['hostile/rdf.xml', 'xml'],
      ['hostile/rss.xml', 'xml'],
      ['hostile/atom.xml', 'xml'],
      ['json-feed.json', 'json'],
      ['hostile/json-feed.json', 'json'],
      ['wp-posts.json', 'json'],
      ['hostile/wp-posts.json', 'json'],
      ['jabarprov-news.json', 'json'],
      ['hostile/jabarprov-news.json', 'json'],
    ];
    for (const [name, kind] of feeds) assert.equal(sniffFeed(fixture(name)), kind, name);
  });

  test('refuses pages, images, polls and other JSON', () => {
    for (const name of [
      'not-a-feed.html',
      'garbage.xml',
      'empty.xml',
      'pixel.png',
      'polls.json',
      'poll-static.json',
    ]) {
      assert.equal(sniffFeed(fixture(name)), undefined, name);
    }
    for (const text of [
      '<!DOCTYPE html><html><body><rss></rss></body></html>',
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><rss/></html>',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '{"data": [1, 2]}',
      '[{"id": 1}]',
      'alert(1)',
    ]) {
      assert.equal(sniffFeed(Buffer.from(text)), undefined, text);
    }
  });

  test('reads a prolog, comments, a doctype and UTF-16 before the root', () => {
    const rss =
      '<?xml version="1.0"?>\n<!-- generated -->\n<!DOCTYPE rss [<!ENTITY x "y">]>\n<rss version="2.0"/>';
    assert.equal(sniffFeed(Buffer.from(rss)), 'xml');
    assert.equal(sniffFeed(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rss, 'utf16le')])), 'xml');
    assert.equal(
      sniffFeed(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(rss, 'utf16le').swap16()])),
      'xml',
    );
    assert.equal(sniffFeed(Buffer.from('<rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>')), 'xml');
    assert.equal(sniffFeed(Buffer.from('<a:feed xmlns:a="http://www.w3.org/2005/Atom"/>')), 'xml');
    assert.equal(sniffFeed(Buffer.from(' [ ] ')), 'json');
  });

  test('relayContentType never gives a type a browser would render as a page', () => {
    assert.equal(
      relayContentType('application/rss+xml; charset=utf-8', 'xml'),
      'application/rss+xml; charset=utf-8',
    );
    assert.equal(relayContentType('application/feed+json', 'json'), 'application/feed+json');
    assert.equal(
      relayContentType('text/html; charset=ISO-8859-1', 'xml'),
      'application/xml; charset=ISO-8859-1',
    );
    assert.equal(relayContentType('application/xhtml+xml', 'xml'), 'application/xml');
    assert.equal(relayContentType('image/svg+xml', 'xml'), 'application/xml');
    assert.equal(relayContentType('text/html', 'json'), 'application/json');
    assert.equal(relayContentType(undefined, 'json'), 'application/json');
    assert.equal(relayContentType('', 'xml'), 'application/xml');
  });
});
