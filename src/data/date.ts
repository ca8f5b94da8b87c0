/**
 * Feed dates as instants. RFC 822 (RSS) with named or numeric zones, Indonesia's WIB/WITA/WIT
 * among them, and ISO 8601 (Atom, JSON Feed). Anything unreadable gives undefined: the item
 * still shows, only without a date.
 */

const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  WIB: 7,
  WITA: 8,
  WIT: 9,
  CET: 1,
  CEST: 2,
  BST: 1,
  IST: 5.5,
  SGT: 8,
  JST: 9,
  AEST: 10,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Indonesian month abbreviations that differ from English ones. */
const MONTHS_ID: Record<string, number> = { mei: 4, agu: 7, agt: 7, okt: 9, des: 11 };

const RFC822 =
  /^(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$/;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const hours = ZONES[zone.toUpperCase()];
  return hours === undefined ? undefined : hours * 60;
}

function month(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  const index = MONTHS.indexOf(key);
  return index >= 0 ? index : (MONTHS_ID[key] ?? -1);
}

function instant(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offset: number | undefined,
  localZone: number | undefined,
): Date | undefined {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const utc = Date.UTC(y, mo, d, h, mi, s, ms);
  // Without a zone, a date is taken in the zone the caller knows (the WordPress site's), or UTC.
  const minutes = offset ?? localZone ?? 0;
  const date = new Date(utc - minutes * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Reads a feed date. `localOffset` (minutes east of UTC) is used for a date written without a
 * zone; unknown, such a date is taken as UTC.
 */
export function parseDate(value: string | number | undefined | null, localOffset?: number): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') {
    // Unix seconds or milliseconds.
    const date = new Date(value < 1e11 ? value * 1000 : value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const text = value.trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(text);
  if (iso) {
    const fraction = iso[7] ? Number(`0.${iso[7]}`) * 1000 : 0;
    const zone = iso[8]?.toUpperCase();
    return instant(
      Number(iso[1]),
      Number(iso[2]) - 1,
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
      Math.round(fraction),
      zone === 'Z' ? 0 : offsetMinutes(zone),
      localOffset,
    );
  }
  const rfc = RFC822.exec(text);
  if (rfc) {
    let year = Number(rfc[3]);
    if (rfc[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    const zone = rfc[7];
    const offset = offsetMinutes(zone);
    // A named zone we do not know is not a reason to drop the date; read it as UTC.
    return instant(
      year,
      month(rfc[2]!),
      Number(rfc[1]),
      Number(rfc[4] ?? 0),
      Number(rfc[5] ?? 0),
      Number(rfc[6] ?? 0),
      0,
      offset ?? (zone ? 0 : undefined),
      localOffset,
    );
  }
  return undefined;
}

/** ISO 8601 in UTC, without milliseconds when there are none: what `<time datetime>` gets. */
export function isoInstant(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
