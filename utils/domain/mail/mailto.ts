/**
 * A `mailto:` link for one of our mails. Pure: no browser calls.
 */
import type { PlainMail } from './compose';
import { oneLine } from './compose';

/** Most characters of a `mailto:` link we make (mail programs and browsers cut longer ones). */
const MAILTO_MAX = 1800;

/**
 * A `mailto:` link for a mail, with the body cut at a line so the encoded link
 * stays within `max` characters; `rest` is what did not fit (for the clipboard),
 * empty when all of it did. Subject and body are encoded whole, so no text can
 * add a header.
 */
export function mailtoLink(mail: PlainMail, to = '', max = MAILTO_MAX): { href: string; rest: string } {
  const head = `mailto:${encodeURIComponent(oneLine(to))}?subject=${encodeURIComponent(oneLine(mail.subject))}&body=`;
  const full = head + encodeURIComponent(mail.body);
  if (full.length <= max) return { href: full, rest: '' };
  const lines = mail.body.split('\n');
  const marker = '[…]';
  let kept = 0;
  let size = head.length + encodeURIComponent(`\n${marker}`).length;
  while (kept < lines.length) {
    const add = encodeURIComponent(`${lines[kept]}\n`).length;
    if (size + add > max) break;
    size += add;
    kept++;
  }
  const body = `${lines.slice(0, kept).join('\n')}\n${marker}`;
  return { href: head + encodeURIComponent(body), rest: lines.slice(kept).join('\n') };
}
