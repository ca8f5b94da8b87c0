/**
 * Which IP addresses the relay may connect to. A feed's name must resolve only to public
 * addresses: anything else (the machine itself, the local network, a cloud's metadata service)
 * is where a request forged through the relay could do harm.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { URL } from 'node:url';

/**
 * What an address is: `public`, or the reason it is refused.
 * @typedef {'public' | 'invalid' | 'unspecified' | 'loopback' | 'private' | 'cgnat' | 'link-local'
 *   | 'metadata' | 'multicast' | 'reserved' | 'documentation' | 'benchmarking' | 'unique-local'
 *   | 'site-local' | 'tunnel'} AddressKind
 */

/**
 * IPv4 ranges that are not the public internet (RFC 6890 and its updates), most specific first.
 * @type {ReadonlyArray<readonly [string, number, AddressKind]>}
 */
const IPV4_RANGES = [
  // Cloud metadata services answer here with credentials: named apart from link-local.
  ['169.254.169.254', 32, 'metadata'],
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  // 240.0.0.0/4 is reserved, and holds the broadcast address 255.255.255.255.
  ['240.0.0.0', 4, 'reserved'],
];

/**
 * The four bytes of a dotted-decimal IPv4 address as one unsigned number. Only the plain form
 * (`127.0.0.1`): resolvers and the URL parser hand addresses over in it, and anything else
 * (octal, hex, fewer parts) is not an address here.
 * @param {string} text
 * @returns {number | undefined}
 */
function ipv4Number(text) {
  if (!isIPv4(text)) return undefined;
  return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/**
 * @param {number} address
 * @returns {AddressKind}
 */
function classifyIPv4Number(address) {
  for (const [base, bits, kind] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    const start = /** @type {number} */ (ipv4Number(base));
    if (address >= start && address < start + size) return kind;
  }
  return 'public';
}

/**
 * The eight 16-bit groups of an IPv6 address, `::` expanded and a trailing dotted IPv4 part
 * (`::ffff:127.0.0.1`) read as two groups; undefined for anything that is not one.
 * @param {string} text
 * @returns {number[] | undefined}
 */
export function ipv6Groups(text) {
  // A zone (`fe80::1%eth0`) names an interface of this machine: never a feed's address.
  if (!isIPv6(text) || text.includes('%')) return undefined;
  let rest = text.toLowerCase();
  /** @type {number[]} */
  let tail = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (dotted) {
    const v4 = /** @type {number} */ (ipv4Number(/** @type {string} */ (dotted[2])));
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    rest = /** @type {string} */ (dotted[1]);
    // `::1.2.3.4` leaves `::`, `a:b::1.2.3.4` leaves `a:b::`, `a:...:f:1.2.3.4` leaves `a:...:f:`.
    if (!rest.endsWith('::')) rest = rest.slice(0, -1);
  }
  const read = (/** @type {string} */ part) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const [head, after] = rest.split('::');
  const front = read(/** @type {string} */ (head));
  const back = [...read(after ?? ''), ...tail];
  const missing = 8 - front.length - back.length;
  return after === undefined ? [...front, ...back] : [...front, ...Array(missing).fill(0), ...back];
}

/**
 * Whether `groups` starts with the first `bits` bits of `prefix`.
 * @param {number[]} groups
 * @param {number[]} prefix
 * @param {number} bits
 */
function within(groups, prefix, bits) {
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if (((groups[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

/**
 * The IPv4 address held in groups 7 and 8.
 * @param {number[]} groups
 */
const lastIPv4 = (groups) => (groups[6] ?? 0) * 65536 + (groups[7] ?? 0);

/**
 * @param {number[]} groups
 * @returns {AddressKind}
 */
function classifyIPv6Groups(groups) {
  if (groups.every((g) => g === 0)) return 'unspecified';
  if (within(groups, [0, 0, 0, 0, 0, 0, 0, 1], 128)) return 'loopback';
  // IPv4-mapped (`::ffff:a.b.c.d`): the connection goes to the IPv4 address inside.
  if (within(groups, [0, 0, 0, 0, 0, 0xffff], 96)) return classifyIPv4Number(lastIPv4(groups));
  // The NAT64 well-known prefix reaches the IPv4 address inside through a translator.
  if (within(groups, [0x64, 0xff9b], 96)) return classifyIPv4Number(lastIPv4(groups));
  if (within(groups, [0xfc00], 7)) return 'unique-local';
  if (within(groups, [0xfe80], 10)) return 'link-local';
  if (within(groups, [0xfec0], 10)) return 'site-local';
  if (within(groups, [0xff00], 8)) return 'multicast';
  // Only 2000::/3 is allocated as global unicast; the rest (IPv4-compatible `::a.b.c.d`,
  // NAT64 local use 64:ff9b:1::/48, discard-only 100::/64, …) is reserved.
  if (!within(groups, [0x2000], 3)) return 'reserved';
  if (within(groups, [0x2001, 0x0db8], 32) || within(groups, [0x3fff], 20)) return 'documentation';
  if (within(groups, [0x2001, 0x0002, 0], 48)) return 'benchmarking';
  // Teredo (2001::/32) and 6to4 (2002::/16) tunnel to IPv4 addresses chosen by the sender.
  if (within(groups, [0x2001, 0], 32) || within(groups, [0x2002], 16)) return 'tunnel';
  // The rest of 2001::/23 is assigned to protocols (ORCHID, AMT, AS112), not to web servers.
  if (within(groups, [0x2001, 0], 23)) return 'reserved';
  return 'public';
}

/**
 * What an IP address is, as text in the form a resolver or the URL parser gives it (`1.2.3.4`,
 * `2001:db8::1`, `::ffff:127.0.0.1`, without brackets). Anything that is not an address is
 * `invalid`, which the relay refuses like any other kind but `public`.
 * @param {string} address
 * @returns {AddressKind}
 */
export function classifyAddress(address) {
  const v4 = ipv4Number(address);
  if (v4 !== undefined) return classifyIPv4Number(v4);
  const groups = ipv6Groups(address);
  return groups ? classifyIPv6Groups(groups) : 'invalid';
}

/**
 * An address in one spelling, so that `::1`, `0:0::1` and `[::1]` compare equal: IPv4 as it
 * is, IPv6 compressed and lower-case without brackets (the URL parser's form); undefined for
 * anything that is not an address.
 * @param {string} address
 */
export function canonicalAddress(address) {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return bare;
  if (!ipv6Groups(bare)) return undefined;
  return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
}
