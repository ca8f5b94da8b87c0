/**
 * The share endpoints, one entry a network: adding a network is one entry here and its name in
 * `SHARE_NETWORKS` (`src/types.ts`). Each is the network's documented "share a link" URL; every
 * parameter is encoded, and nothing is loaded from the network until the reader clicks.
 *
 * Icons are SVG path data on a 24×24 grid, drawn with a round 2px stroke (see the styles): a
 * few dozen bytes each instead of a brand asset or an icon font from another host.
 */
import type { ShareNetwork } from '../../types.js';

const e = encodeURIComponent;

export interface ShareNetworkInfo {
  /** The brand name shown and read out (email and copy take theirs from the strings). */
  name: string;
  /** The share link for `url` and `text`; `copy` has none. */
  href?: (url: string, text: string) => string;
  /** Path data of its icon. */
  icon: string;
}

export const NETWORK_INFO: Record<ShareNetwork, ShareNetworkInfo> = {
  whatsapp: {
    name: 'WhatsApp',
    href: (url, text) => `https://wa.me/?text=${e(text ? `${text} ${url}` : url)}`,
    icon: 'M3.5 20.5l1.3-4.1A8.5 8.5 0 1 1 8 19.3zM9 8.5c0 3.5 3 6.5 6.5 6.5l.5-1.5-2-1-1 1a4 4 0 0 1-2-2l1-1-1-2z',
  },
  facebook: {
    name: 'Facebook',
    href: (url) => `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`,
    icon: 'M16 3h-2a4 4 0 0 0-4 4v14M6.5 10.5H15',
  },
  x: {
    name: 'X',
    href: (url, text) => `https://x.com/intent/post?text=${e(text)}&url=${e(url)}`,
    icon: 'M4 4h4.5L20 20h-4.5zM20 4l-6.6 7.3M4 20l6.6-7.3',
  },
  telegram: {
    name: 'Telegram',
    href: (url, text) => `https://t.me/share/url?url=${e(url)}&text=${e(text)}`,
    icon: 'M21 3.5L2.5 11l6 2.5L21 3.5 17.5 20l-6-4.5m-3-2V19l3-3.5',
  },
  line: {
    name: 'LINE',
    href: (url, text) => `https://social-plugins.line.me/lineit/share?url=${e(url)}&text=${e(text)}`,
    icon: 'M12 3c5.2 0 9.5 3.4 9.5 7.6 0 4.4-5 8.3-10 10.4l.4-2.5C6.5 18.4 2.5 15 2.5 10.6 2.5 6.4 6.8 3 12 3zM6.5 8.5v4h2M10.5 8.5v4M12.5 12.5v-4l2.5 4v-4M19 8.5h-2v4h2m-2-2h1.5',
  },
  linkedin: {
    name: 'LinkedIn',
    href: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}`,
    icon: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM8 10.5V17M8 7v.01M12 17v-6.5M12 13.5a2.5 2.5 0 0 1 5 0V17',
  },
  email: {
    name: 'Email',
    href: (url, text) => `mailto:?subject=${e(text)}&body=${e(text ? `${text}\r\n\r\n${url}` : url)}`,
    icon: 'M3 5h18v14H3zM3 6l9 7 9-7',
  },
  copy: {
    name: 'Copy',
    icon: 'M10 13.5a4.5 4.5 0 0 0 6.8.5l3-3a4.5 4.5 0 0 0-6.4-6.4L12 6M14 10.5a4.5 4.5 0 0 0-6.8-.5l-3 3a4.5 4.5 0 0 0 6.4 6.4L12 18',
  },
};

/** The icon of the button that opens the device's share sheet. */
export const NATIVE_ICON =
  'M18 2.5a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM6 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM18 15.5a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM8.6 10.5l6.8-4M8.6 13.5l6.8 4';
