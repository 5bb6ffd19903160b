/**
 * Any reply as plain text, whatever form it was pasted or saved in: a saved
 * mail (`.eml`: headers, quoted-printable, base64, multipart; its text part,
 * else its HTML part), HTML mail source (blocks and breaks become lines,
 * `<blockquote>` becomes `> ` quoting), or text as it is. Line ends, no-break
 * and zero-width spaces are made plain.
 * Pure: no browser calls.
 */

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bdquo: '„',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(ENTITIES, name) ? (ENTITIES[name] as string) : whole;
  });
}

/** Whether pasted text is HTML source (a mail's HTML part), not text. */
const looksLikeHtml = (text: string): boolean => /<(html|body|div|p|br|blockquote|table)\b[^>]*>/i.test(text);

/** HTML mail as text: blocks and breaks become lines, `<blockquote>` becomes `> ` quoting, markup is dropped. */
function htmlToText(html: string): string {
  const s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<blockquote\b[^>]*>/gi, '\n\uE001\n')
    .replace(/<\/blockquote\s*>/gi, '\n\uE002\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<hr\b[^>]*>/gi, '\n________________________________\n')
    .replace(/<li\b[^>]*>/gi, '\uE003- ')
    .replace(/<\/?(p|div|tr|table|ul|ol|h[1-6]|li|section|article|header|footer)\b[^>]*>/gi, '\uE003')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]*\uE003[\uE003 \t]*/g, '\n');
  const out: string[] = [];
  let depth = 0;
  for (const raw of decodeEntities(s).split('\n')) {
    if (raw === '\uE001') depth++;
    else if (raw === '\uE002') depth = Math.max(0, depth - 1);
    else {
      const line = raw.replace(/\s+/g, ' ').trim();
      out.push(depth > 0 ? `${'>'.repeat(depth)} ${line}`.trimEnd() : line);
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function headerMap(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) map.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return map;
}
const param = (value: string, name: string) => new RegExp(`;\\s*${name}\\s*=\\s*"?([^";]+)"?`, 'i').exec(value)?.[1] ?? '';

function decodeBody(body: string, encoding: string, charset: string): string {
  const enc = encoding.toLowerCase();
  let bytes: number[];
  if (enc === 'base64') {
    try {
      bytes = Array.from(atob(body.replace(/[^A-Za-z0-9+/=]/g, '')), (c) => c.charCodeAt(0));
    } catch {
      return body;
    }
  } else if (enc === 'quoted-printable') {
    const s = body.replace(/=\r?\n/g, '');
    bytes = [];
    for (let i = 0; i < s.length; i++) {
      const hex = s[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(s.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(Number.parseInt(hex[0], 16));
        i += 2;
      } else {
        const code = s.charCodeAt(i);
        if (code < 128) bytes.push(code);
        else bytes.push(...new TextEncoder().encode(s[i]));
      }
    }
  } else return body;
  const data = new Uint8Array(bytes);
  try {
    return new TextDecoder(charset || 'utf-8').decode(data);
  } catch {
    return new TextDecoder('utf-8').decode(data);
  }
}

/** The text and HTML parts of a saved mail (first of each, attachments skipped). */
function emlParts(raw: string, level = 0): { plain: string | null; html: string | null } {
  const split = /\r?\n\r?\n/.exec(raw);
  const headers = headerMap(split ? raw.slice(0, split.index) : raw);
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const type = headers.get('content-type') ?? 'text/plain';
  if (/attachment/i.test(headers.get('content-disposition') ?? '')) return { plain: null, html: null };
  const boundary = param(type, 'boundary');
  if (/^multipart\//i.test(type) && boundary && level < 5) {
    const found: { plain: string | null; html: string | null } = { plain: null, html: null };
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const inner = emlParts(part.replace(/^\r?\n/, ''), level + 1);
      found.plain ??= inner.plain;
      found.html ??= inner.html;
    }
    return found;
  }
  const text = decodeBody(body, headers.get('content-transfer-encoding') ?? '', param(type, 'charset'));
  if (/^text\/html/i.test(type)) return { plain: null, html: text };
  if (/^text\/plain/i.test(type) || !headers.has('content-type')) return { plain: text, html: null };
  return { plain: null, html: null };
}

/** Whether text is a whole saved mail (headers, a blank line, the body). */
function looksLikeEml(text: string): boolean {
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return false;
  const head = text.slice(0, end.index);
  return /^[A-Za-z][A-Za-z0-9-]*:/.test(head) && /^(mime-version|content-type|message-id|received|return-path):/im.test(head);
}

/** Any reply as plain text: a saved mail's text part (or its HTML as text), HTML as text, text as it is. */
export function replyText(text: string): string {
  let s = text;
  if (looksLikeEml(s)) {
    const parts = emlParts(s);
    s = parts.plain ?? (parts.html !== null ? htmlToText(parts.html) : '');
  } else if (looksLikeHtml(s)) s = htmlToText(s);
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}
