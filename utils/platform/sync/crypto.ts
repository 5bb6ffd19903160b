/**
 * Encryption of everything sync puts on the server (an adapter over WebCrypto,
 * `crypto.subtle`, the same in extension pages, the service worker and Node).
 *
 * - The key: PBKDF2-SHA-256 over the passphrase with a random 16-byte salt and
 *   600,000 iterations (OWASP's figure for PBKDF2-SHA-256), 256 bits. PBKDF2 is
 *   built into every browser's WebCrypto, so no crypto code ships with the
 *   extension; Argon2id would be stronger against GPUs but needs a WebAssembly
 *   package in every context.
 * - Every file: AES-256-GCM with a random 96-bit IV, and the file's name on the
 *   server as additional data, so a file copied over another, replayed under a
 *   newer name or cut short fails authentication and is refused.
 * - The key file (salt, iterations and a check value encrypted with the key)
 *   lets a wrong passphrase be recognised before anything is read or written.
 */

/** The iterations new key files use. */
export const PBKDF2_ITERATIONS = 600_000;
const FORMAT = 'sidecoach-sync';
const VERSION = 1;
const CHECK_NAME = 'key-check';
const CHECK_TEXT = 'Sidecoach sync key check';

/** Why a file could not be opened. */
export class SyncCryptoError extends Error {
  constructor(
    readonly kind: 'wrongPassphrase' | 'altered' | 'badKeyFile',
    message: string,
  ) {
    super(message);
    this.name = 'SyncCryptoError';
  }
}

/** What the server keeps beside the data: how the key is made from the passphrase, and a check value. */
export interface KeyFile {
  format: typeof FORMAT;
  version: number;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64: a known text encrypted with the key. */
  check: string;
  /** Computers removed when this key was made (device ids, not secret: they name folders), so each can say so. */
  removed?: string[];
}

const subtle = () => globalThis.crypto.subtle;
const utf8 = new TextEncoder();

/** Bytes as base64. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** base64 as bytes. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** The raw 256-bit key PBKDF2-SHA-256 makes from a passphrase. */
export async function deriveKeyBytes(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const material = await subtle().importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256));
}

/** An AES-GCM key from raw bytes (not extractable again). */
export function importKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

const aad = (name: string) => utf8.encode(`${FORMAT}:${VERSION}:${name}`);

/** Encrypt a file's bytes for the given name on the server: version byte, IV, then ciphertext and tag. */
export async function encryptFile(
  key: CryptoKey,
  name: string,
  data: Uint8Array<ArrayBuffer>,
  iv: Uint8Array<ArrayBuffer> = globalThis.crypto.getRandomValues(new Uint8Array(12)),
): Promise<Uint8Array<ArrayBuffer>> {
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad(name) }, key, data));
  const out = new Uint8Array(1 + iv.length + sealed.length);
  out[0] = VERSION;
  out.set(iv, 1);
  out.set(sealed, 1 + iv.length);
  return out;
}

/** Decrypt a file read under `name`; a file altered, cut short, or from another name is refused. */
export async function decryptFile(key: CryptoKey, name: string, bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (bytes.length < 1 + 12 + 16 || bytes[0] !== VERSION) throw new SyncCryptoError('altered', `${name}: not a Sidecoach sync file`);
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: bytes.slice(1, 13), additionalData: aad(name) }, key, bytes.slice(13));
    return new Uint8Array(plain);
  } catch {
    throw new SyncCryptoError('altered', `${name}: altered, cut short or not written with this key`);
  }
}

/** A new key file with a random salt; returns it with the raw key. */
export async function makeKeyFile(
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ file: KeyFile; raw: Uint8Array<ArrayBuffer> }> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const raw = await deriveKeyBytes(passphrase, salt, iterations);
  const check = await encryptFile(await importKey(raw), CHECK_NAME, utf8.encode(CHECK_TEXT));
  return {
    file: { format: FORMAT, version: VERSION, kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), check: toBase64(check) },
    raw,
  };
}

/** Read a key file's text from the server, checking its shape (it is not encrypted, so it is checked like any input). */
export function parseKeyFile(text: string): KeyFile {
  let x: Partial<KeyFile>;
  try {
    x = JSON.parse(text) as Partial<KeyFile>;
  } catch {
    throw new SyncCryptoError('badKeyFile', 'the key file is not JSON');
  }
  const ok =
    x?.format === FORMAT &&
    x.version === VERSION &&
    x.kdf === 'PBKDF2-SHA-256' &&
    typeof x.iterations === 'number' &&
    x.iterations >= 100_000 &&
    x.iterations <= 10_000_000 &&
    typeof x.salt === 'string' &&
    typeof x.check === 'string' &&
    (x.removed === undefined || (Array.isArray(x.removed) && x.removed.every((d) => typeof d === 'string')));
  if (!ok) throw new SyncCryptoError('badKeyFile', 'the key file has an unknown shape');
  return x as KeyFile;
}

/** Whether raw key bytes open a key file's check value. */
export async function keyOpens(file: KeyFile, raw: Uint8Array<ArrayBuffer>): Promise<boolean> {
  return keyOpensWith(file, await importKey(raw));
}

/** Whether a key (its bytes need not be readable) opens a key file's check value. */
export async function keyOpensWith(file: KeyFile, key: CryptoKey): Promise<boolean> {
  try {
    const text = new TextDecoder().decode(await decryptFile(key, CHECK_NAME, fromBase64(file.check)));
    return text === CHECK_TEXT;
  } catch {
    return false;
  }
}

/** The raw key a passphrase gives for a key file; a wrong passphrase is refused. */
export async function openKeyFile(file: KeyFile, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const raw = await deriveKeyBytes(passphrase, fromBase64(file.salt), file.iterations);
  if (!(await keyOpens(file, raw))) throw new SyncCryptoError('wrongPassphrase', 'this passphrase does not open the data on the server');
  return raw;
}

/** JSON, gzip-compressed (CompressionStream: every browser and Node). */
export async function packJson(value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The JSON value of gzip-compressed bytes. */
export async function unpackJson(bytes: Uint8Array<ArrayBuffer>): Promise<unknown> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text());
}
