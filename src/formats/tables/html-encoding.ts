/**
 * The character encoding of a saved web page, as a browser finds it (HTML Standard, "determining
 * the character encoding"): a byte order mark, else the <meta charset> or <meta http-equiv
 * content-type> in the first 1024 bytes (the prescan), else — where a browser would guess from its
 * locale — UTF-8 when the bytes are valid UTF-8 and GB18030 (which reads GBK and GB2312) when not,
 * since Chinese government sites publish in one or the other. Node's TextDecoder knows every label.
 */

export function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(htmlEncoding(bytes)).decode(bytes);
}

export function htmlEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const declared = prescan(bytes.subarray(0, 1024));
  if (declared !== null) return declared;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The encoding a label names, as the Encoding Standard maps it ("gb2312" → gbk); null for an unknown label. */
function encodingOf(label: string): string | null {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    // A page that says UTF-16 in ASCII bytes is not UTF-16; x-user-defined is read as windows-1252.
    if (name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
    return name === 'x-user-defined' ? 'windows-1252' : name;
  } catch {
    return null;
  }
}

const SPACE = /[\t\n\f\r ]/;

/** The prescan for a <meta> that declares the encoding; the bytes are read as Latin-1, where markup is ASCII. */
function prescan(head: Uint8Array): string | null {
  const s = new TextDecoder('latin1').decode(head);
  let at = 0;
  while (at < s.length) {
    if (s.startsWith('<!--', at)) {
      const end = s.indexOf('-->', at + 2);
      if (end < 0) return null;
      at = end + 3;
    } else if (/^<meta[\t\n\f\r /]/i.test(s.slice(at, at + 6))) {
      at += 5;
      const attributes = new Map<string, string>();
      for (;;) {
        const attribute = readAttribute(s, at);
        if (attribute === null) break;
        at = attribute.end;
        if (!attributes.has(attribute.name)) attributes.set(attribute.name, attribute.value);
      }
      const charset = attributes.get('charset');
      let label: string | null | undefined = charset;
      if (label === undefined && attributes.get('http-equiv')?.toLowerCase() === 'content-type') {
        label = charsetInContent(attributes.get('content') ?? '');
      }
      const encoding = label === undefined || label === null ? null : encodingOf(label);
      if (encoding !== null) return encoding;
    } else if (/^<\/?[a-z]/i.test(s.slice(at, at + 3))) {
      // Another tag: its attributes are skipped as attributes, so a quoted ">" does not end it.
      at += s[at + 1] === '/' ? 2 : 1;
      while (at < s.length && !SPACE.test(s[at]!) && s[at] !== '>') at++;
      for (;;) {
        const attribute = readAttribute(s, at);
        if (attribute === null) break;
        at = attribute.end;
      }
    } else if (s.startsWith('<!', at) || s.startsWith('</', at) || s.startsWith('<?', at)) {
      const end = s.indexOf('>', at);
      if (end < 0) return null;
      at = end + 1;
    } else at++;
  }
  return null;
}

/** The standard's "get an attribute": null at the tag's end (which is then passed). */
function readAttribute(s: string, start: number): { name: string; value: string; end: number } | null {
  let at = start;
  while (at < s.length && (SPACE.test(s[at]!) || s[at] === '/')) at++;
  if (at >= s.length || s[at] === '>') return null;
  let name = '';
  while (at < s.length) {
    const c = s[at]!;
    if (c === '=' && name !== '') break;
    if (SPACE.test(c) || c === '/' || c === '>') break;
    name += c.toLowerCase();
    at++;
  }
  while (at < s.length && SPACE.test(s[at]!)) at++;
  if (s[at] !== '=') return { name, value: '', end: at };
  at++;
  while (at < s.length && SPACE.test(s[at]!)) at++;
  const quote = s[at];
  let value = '';
  if (quote === '"' || quote === "'") {
    const end = s.indexOf(quote, at + 1);
    if (end < 0) return null;
    value = s.slice(at + 1, end);
    at = end + 1;
  } else {
    while (at < s.length && !SPACE.test(s[at]!) && s[at] !== '>') value += s[at++];
  }
  return { name, value, end: at };
}

/** The standard's "extract a character encoding from a meta element": content="text/html; charset=gb2312". */
function charsetInContent(content: string): string | null {
  const match = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(content);
  return match === null ? null : (match[1] ?? match[2] ?? match[3] ?? null);
}
