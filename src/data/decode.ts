/**
 * Text from response bytes. Feeds declare their charset in the Content-Type or in the XML
 * declaration, and many regency CMSs still emit ISO-8859-1 or Windows-1252; `response.text()`
 * would read those as UTF-8 and garble every accented letter.
 */

function charsetOf(contentType: string | null): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** Decodes a response body: byte-order mark, then Content-Type charset, then the XML declaration. */
export function decodeBody(bytes: ArrayBuffer, contentType: string | null): string {
  const view = new Uint8Array(bytes);
  if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf) return new TextDecoder('utf-8').decode(view);
  if (view[0] === 0xfe && view[1] === 0xff) return new TextDecoder('utf-16be').decode(view);
  if (view[0] === 0xff && view[1] === 0xfe) return new TextDecoder('utf-16le').decode(view);
  const declared = decoderFor(charsetOf(contentType));
  if (declared) return declared.decode(view);
  // The XML declaration is ASCII, so the first bytes can be read as Latin-1 to find it.
  const head = new TextDecoder('latin1').decode(view.subarray(0, 256));
  const xmlCharset = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  return (decoderFor(xmlCharset) ?? new TextDecoder('utf-8')).decode(view);
}
