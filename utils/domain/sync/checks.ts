/**
 * The checks a sync request passes before anything is asked of a server:
 * the address, and the passphrase's strength. The options page checks as
 * you type; the background checks again, since a message may come from any
 * page of the extension. Pure: no browser calls.
 */

/** Why an address cannot be used, or null: https anywhere, or http only to this computer. */
export function addressProblem(url: string): 'badAddress' | 'insecure' | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'badAddress';
  }
  if (u.username || u.password) return 'badAddress';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost')) return null;
  return u.protocol === 'http:' ? 'insecure' : 'badAddress';
}

/** The fewest words, and characters, a passphrase needs. */
export const PASSPHRASE_WORDS = 3;
export const PASSPHRASE_CHARS = 15;

/**
 * Whether a passphrase is too weak: the server keeps encrypted files that
 * anyone holding them may try passphrases against without end, so a short
 * one could be guessed. A few ordinary words (three or more, 15 characters
 * or more) are easy to remember and far too many to try; one long string
 * of 20 characters or more passes too.
 */
export function passphraseProblem(passphrase: string): 'weakPassphrase' | null {
  const text = passphrase.normalize('NFC').trim();
  const words = text.split(/[\s\-_.,;:]+/u).filter((w) => w.length >= 2);
  const distinct = new Set(words.map((w) => w.toLowerCase()));
  if (text.length >= 20 && new Set(text).size >= 10) return null;
  if (text.length >= PASSPHRASE_CHARS && distinct.size >= PASSPHRASE_WORDS) return null;
  return 'weakPassphrase';
}
