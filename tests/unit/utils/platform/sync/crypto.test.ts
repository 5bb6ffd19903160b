// @vitest-environment node
import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptFile,
  deriveKeyBytes,
  encryptFile,
  importKey,
  makeKeyFile,
  openKeyFile,
  PBKDF2_ITERATIONS,
  packJson,
  parseKeyFile,
  SyncCryptoError,
  unpackJson,
} from '../../../../../utils/platform/sync/crypto';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const text = (s: string) => new TextEncoder().encode(s);

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncCryptoError) return e.kind;
    throw e;
  }
  return 'accepted';
}

// 600,000 PBKDF2 iterations take about half a second alone; more on a loaded machine.
describe('sync crypto', { timeout: 30_000 }, () => {
  it('derives keys as PBKDF2-SHA-256 does (known answers)', async () => {
    // Published PBKDF2-HMAC-SHA256 vectors for P="password", S="salt", dkLen=32.
    expect(hex(await deriveKeyBytes('password', text('salt'), 1))).toBe('120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b');
    expect(hex(await deriveKeyBytes('password', text('salt'), 4096))).toBe(
      'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a',
    );
    // And with the iterations sync uses, against Node's own implementation.
    const salt = bytes('000102030405060708090a0b0c0d0e0f');
    expect(hex(await deriveKeyBytes('correct horse', salt, PBKDF2_ITERATIONS))).toBe(
      pbkdf2Sync('correct horse', salt, PBKDF2_ITERATIONS, 32, 'sha256').toString('hex'),
    );
  });

  it('encrypts as AES-256-GCM (known answer) with the name as additional data', async () => {
    // McGrew & Viega, GCM test case 14: K = 0^256, IV = 0^96, P = 0^128.
    const zeroKey = await importKey(new Uint8Array(32));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, zeroKey, new Uint8Array(16));
    expect(hex(new Uint8Array(sealed))).toBe('cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919');
    // Our file layout, against Node's cipher: version byte, IV, ciphertext, tag; AAD names the file.
    const raw = bytes('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff');
    const iv = bytes('0102030405060708090a0b0c');
    const file = await encryptFile(await importKey(raw), 'dev1/c1', text('hello'), iv);
    const cipher = createCipheriv('aes-256-gcm', raw, iv);
    cipher.setAAD(Buffer.from('sidecoach-sync:1:dev1/c1'));
    const expected = Buffer.concat([Buffer.from([1]), iv, cipher.update('hello'), cipher.final(), cipher.getAuthTag()]);
    expect(hex(file)).toBe(expected.toString('hex'));
  });

  it('refuses a file opened with the wrong key, with one bit flipped, cut short, or under another name', async () => {
    const key = await importKey(new Uint8Array(32).fill(7));
    const file = await encryptFile(key, 'd/c2', text('the notes'));
    expect(new TextDecoder().decode(await decryptFile(key, 'd/c2', file))).toBe('the notes');
    expect(await refused(decryptFile(await importKey(new Uint8Array(32).fill(8)), 'd/c2', file))).toBe('altered');
    for (const at of [0, 5, 13, file.length - 1]) {
      const flipped = file.slice();
      flipped[at] = (flipped[at] as number) ^ 1;
      expect(await refused(decryptFile(key, 'd/c2', flipped)), `bit at ${at}`).toBe('altered');
    }
    expect(await refused(decryptFile(key, 'd/c2', file.slice(0, file.length - 1)))).toBe('altered');
    expect(await refused(decryptFile(key, 'd/c2', file.slice(0, 10)))).toBe('altered');
    // Replayed: an older file put up under the next number.
    expect(await refused(decryptFile(key, 'd/c3', file))).toBe('altered');
  });

  it('recognises the right passphrase from the key file and refuses a wrong one', async () => {
    const { file, raw } = await makeKeyFile('our long sync passphrase');
    expect(file.iterations).toBeGreaterThanOrEqual(600_000);
    const again = parseKeyFile(JSON.stringify(file));
    expect(hex(await openKeyFile(again, 'our long sync passphrase'))).toBe(hex(raw));
    expect(await refused(openKeyFile(again, 'our long sync passphrase!'))).toBe('wrongPassphrase');
  });

  it('refuses a key file of another shape or too few iterations', () => {
    expect(() => parseKeyFile('not json')).toThrow(SyncCryptoError);
    expect(() =>
      parseKeyFile(JSON.stringify({ format: 'sidecoach-sync', version: 1, kdf: 'PBKDF2-SHA-256', iterations: 10, salt: '', check: '' })),
    ).toThrow(/unknown shape/);
  });

  it('packs JSON compressed and back', async () => {
    const value = { notes: 'a'.repeat(10_000), list: [1, 2, 3] };
    const packed = await packJson(value);
    expect(packed.length).toBeLessThan(200);
    expect(await unpackJson(packed)).toEqual(value);
  });
});
