/**
 * The share controls, one entry each: adding a network is one entry here and its name in
 * `SHARE_NETWORKS` (`src/types.ts`). A link is the network's documented "share a link" URL,
 * written as a template (see `shareLink`); nothing is loaded from the network until the reader
 * clicks.
 *
 * Icons are SVG path data on a 24×24 grid, drawn with a round 2px stroke (see the styles): a
 * few dozen bytes each instead of a brand asset or an icon font from another host.
 */
import type { ShareNetwork } from '../../types.js';

/**
 * A control: the brand name shown and read out (empty for email, copy and the share sheet,
 * which take theirs from the strings), its link template (empty for copy and the share sheet,
 * which are buttons), its icon.
 */
export type ShareControl = readonly [name: string, link: string, icon: string];

export const CONTROLS: Record<ShareNetwork | 'native', ShareControl> = {
  // The device's own share sheet.
  native: [
    '',
    '',
    'M18 2.5a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM6 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm12 6.5a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM8.6 10.5l6.8-4M8.6 13.5l6.8 4',
  ],
  whatsapp: [
    'WhatsApp',
    'https://wa.me/?text={t%20}{u}',
    'M3.5 20.5l1.3-4.1A8.5 8.5 0 1 1 8 19.3zM9 8.5c0 3.5 3 6.5 6.5 6.5l.5-1.5-2-1-1 1a4 4 0 0 1-2-2l1-1-1-2z',
  ],
  facebook: [
    'Facebook',
    'https://www.facebook.com/sharer/sharer.php?u={u}',
    'M16 3h-2a4 4 0 0 0-4 4v14M6.5 10.5H15',
  ],
  x: ['X', 'https://x.com/intent/post?text={t}&url={u}', 'M4 4h4.5L20 20h-4.5zM20 4l-6.6 7.3M4 20l6.6-7.3'],
  telegram: [
    'Telegram',
    'https://t.me/share/url?url={u}&text={t}',
    'M21 3.5 2.5 11l6 2.5L21 3.5 17.5 20l-6-4.5m-3-2V19l3-3.5',
  ],
  line: [
    'LINE',
    'https://social-plugins.line.me/lineit/share?url={u}&text={t}',
    'M12 3c5.2 0 9.5 3.4 9.5 7.6 0 4.4-5 8.3-10 10.4l.4-2.5C6.5 18.4 2.5 15 2.5 10.6 2.5 6.4 6.8 3 12 3zM6.5 8.5v4h2M10.5 8.5v4m2 0v-4l2.5 4v-4M19 8.5h-2v4h2m-2-2h1.5',
  ],
  linkedin: [
    'LinkedIn',
    'https://www.linkedin.com/sharing/share-offsite/?url={u}',
    'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM8 10.5V17M8 7v.01M12 17v-6.5M12 13.5a2.5 2.5 0 0 1 5 0V17',
  ],
  email: ['', 'mailto:?subject={t}&body={t%0D%0A%0D%0A}{u}', 'M3 5h18v14H3zM3 6l9 7 9-7'],
  copy: [
    '',
    '',
    'M10 13.5a4.5 4.5 0 0 0 6.8.5l3-3a4.5 4.5 0 0 0-6.4-6.4L12 6m2 4.5a4.5 4.5 0 0 0-6.8-.5l-3 3a4.5 4.5 0 0 0 6.4 6.4L12 18',
  ],
};

/**
 * Fills a link template: `{u}` is the encoded address and `{t}` the encoded text; `{t…}` adds
 * what follows the `t` after the text, or nothing when there is no text (WhatsApp and email
 * put both in one parameter).
 */
export const shareLink = (template: string, url: string, text: string): string =>
  template.replace(/{(\w)([^}]*)}/g, (_, key: string, after: string) => {
    const value = encodeURIComponent(key === 'u' ? url : text);
    return value && value + after;
  });
