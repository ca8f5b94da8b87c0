/**
 * Text from response bytes. Feeds declare their charset in the Content-Type or in the XML
 * declaration, and many regency CMSs still emit ISO-8859-1 or Windows-1252; `response.text()`
 * would read those as UTF-8 and garble every accented letter.
 */

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a response body: byte-order mark, then Content-Type charset, then the XML declaration,
 * then UTF-8. Bytes said (or taken) to be UTF-8 that are not, in a text with no UTF-8 character
 * at all, are Windows-1252: what "ISO-8859-1" means on the web, smart quotes included.
 */
export function decodeBody(bytes: ArrayBuffer, contentType: string | null): string {
  const view = new Uint8Array(bytes);
  const declared = declaredDecoder(view, contentType);
  if (declared && declared.encoding !== 'utf-8') return declared.decode(view);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    // Each byte that is not UTF-8 would become U+FFFD. A text that is UTF-8 elsewhere keeps
    // them (one broken byte); one with no UTF-8 character at all is Windows-1252.
    const utf8 = new TextDecoder().decode(view);
    return /[^\t\n\r\x20-\x7e\ufffd]/.test(utf8) ? utf8 : new TextDecoder('windows-1252').decode(view);
  }
}

/** The decoder the bytes ask for: byte-order mark, Content-Type charset, XML declaration. */
function declaredDecoder(view: Uint8Array, contentType: string | null): TextDecoder | undefined {
  const bom =
    view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf
      ? 'utf-8'
      : view[0] === 0xfe && view[1] === 0xff
        ? 'utf-16be'
        : view[0] === 0xff && view[1] === 0xfe
          ? 'utf-16le'
          : undefined;
  return (
    decoderFor(bom) ??
    decoderFor(/charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]) ??
    // The XML declaration is ASCII, so the first bytes can be read as Latin-1 to find it.
    decoderFor(
      /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(
        new TextDecoder('latin1').decode(view.subarray(0, 256)),
      )?.[1],
    )
  );
}
