/**
 * A card's payload: its JSON compressed with the platform's CompressionStream
 * (deflate-raw) and written in base64url (a platform adapter over the pure
 * card format in domain/card-format.ts).
 */
import { CARD_MAX_BYTES, type Card, type CardProblem, findDataLine, type ParsedCard, parseCardJson } from '../domain/card-format';

/** Most bytes a payload may inflate to: a card is small, so a "zip bomb" is refused. */
const INFLATED_MAX = 16 * CARD_MAX_BYTES;

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
  max: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** The payload of a card. */
export async function encodeCard(card: Card): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(JSON.stringify(card)), new CompressionStream('deflate-raw'), CARD_MAX_BYTES * 4));
}

/** Read a card from pasted text or a file's text: the card (an older format read as the current one), or why it was refused. */
export async function decodeCard(text: string, localZone = 'UTC'): Promise<ParsedCard> {
  const line = findDataLine(text);
  if (!line.ok) return line;
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(fromBase64Url(line.payload), new DecompressionStream('deflate-raw'), INFLATED_MAX),
    );
  } catch {
    const problem: CardProblem = { kind: 'damaged' };
    return { ok: false, problem };
  }
  return parseCardJson(json, line.kind, line.version, localZone);
}
