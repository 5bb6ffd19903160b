/**
 * Sync's files on the coach's WebDAV server (a platform adapter): their names,
 * and reading and writing each of them once.
 *
 * In the folder the coach chose:
 *   sidecoach-key.json   salt, iterations and a check value (not secret)
 *   sidecoach-key-<e>.json  the key of epoch e ≥ 2: made when the passphrase changed or a computer was
 *                        removed; the newest epoch's key is the one in use, and every computer's folder
 *                        of an older epoch is removed (each computer sends everything again under it)
 *   <device id>/c<n>     a computer's change files 1, 2, 3…
 *   <device id>/h<n>     its head: the number n of its last change file and what it had merged
 *   <device id>/n<k>     the name the person gave that computer (the newest k counts)
 *   <device id>/s<n>     its newest snapshot: everything it had merged when it wrote c<n>
 *   <device id>/m<k>     what it has merged of the others, said since its head (the newest k counts)
 * Change files and heads are gzip'd JSON encrypted with AES-GCM, their path
 * bound in; a device id is 128 random bits; nothing else is named. Every file
 * is created only if its name is free (webdav.ts, `create`), so a file once
 * read never changes under its name.
 */
import * as v from 'valibot';
import { sameJson } from '../../domain/json';
import type { SyncFault } from '../../domain/sync/faults';
import { CHANGE_NAME, HEAD_NAME, MARK_NAME, NAME_FILE, numbersOf, SNAPSHOT_NAME } from '../../domain/sync/gaps';
import type { ChangeFile, Head, Vector } from '../../domain/sync/log';
import { decryptFile, encryptFile, packJson, SyncCryptoError, unpackJson } from './crypto';
import { type DavClient, type DavEntry, DavError, TEMP_PREFIX } from './webdav';

/** The key file's name on the server (of the first epoch). */
export const KEY_FILE = 'sidecoach-key.json';
const KEY_NAME = /^sidecoach-key(?:-([1-9]\d{0,5}))?\.json$/;

/** The key file's name of an epoch (1: the first key, made when sync started). */
export function keyFileName(epoch: number): string {
  return epoch <= 1 ? KEY_FILE : `sidecoach-key-${epoch}.json`;
}

/** The epoch a file name is the key file of, or null when it is no key file. */
export function epochOfName(name: string): number | null {
  const m = KEY_NAME.exec(name);
  return m ? Number(m[1] ?? 1) : null;
}
const DEVICE_FOLDER = /^[0-9a-f]{32}$/;
/** A temporary upload older than this in the shared folder is a leftover of a stopped upload (ms). */
const STALE_TEMP_MS = 60 * 60_000;

/** A problem with a sync, as the status line says it. */
export class SyncProblem extends Error {
  constructor(
    readonly fault: SyncFault,
    detail: string,
  ) {
    super(detail);
    this.name = 'SyncProblem';
  }
}

const ChangeFileSchema = v.object({
  dev: v.string(),
  seq: v.number(),
  at: v.number(),
  seen: v.record(v.string(), v.number()),
  changes: v.array(
    v.object({
      k: v.pipe(v.string(), v.maxLength(300)),
      v: v.optional(v.unknown()),
      del: v.optional(v.literal(true)),
      b: v.optional(v.object({ p: v.number(), s: v.number(), m: v.string() })),
    }),
  ),
});

/** A computer's head: its last change file's number, the files of others it had merged, and its newest snapshot. */
export interface HeadFile {
  dev: string;
  seq: number;
  at: number;
  seen: Vector;
  /**
   * Its newest snapshot: the change file number it was written at, how many files (of all computers) it
   * covers, and which (its frontier; absent in heads of an earlier version).
   */
  snap?: { seq: number; covers: number; frontier?: Vector };
}

const HeadFileSchema = v.object({
  dev: v.string(),
  seq: v.number(),
  at: v.number(),
  seen: v.record(v.string(), v.number()),
  snap: v.optional(v.object({ seq: v.number(), covers: v.number(), frontier: v.optional(v.record(v.string(), v.number())) })),
});

/** Everything a computer had merged when it wrote its change file `seq`: the heads of every key. */
export interface SnapshotFile {
  dev: string;
  seq: number;
  at: number;
  frontier: Vector;
  heads: [string, Head[]][];
}

const SnapshotSchema = v.object({
  dev: v.string(),
  seq: v.number(),
  at: v.number(),
  frontier: v.record(v.string(), v.number()),
  heads: v.array(
    v.tuple([
      v.pipe(v.string(), v.maxLength(300)),
      v.array(v.looseObject({ k: v.string(), dev: v.string(), seq: v.number(), at: v.number() })),
    ]),
  ),
}) as v.GenericSchema<unknown, SnapshotFile>;

const changeName = (dev: string, seq: number) => `${dev}/c${seq}`;
const headName = (dev: string, seq: number) => `${dev}/h${seq}`;
const snapshotName = (dev: string, seq: number) => `${dev}/s${seq}`;

/** A folder's entries, or null when it is not there. */
async function listOrNull(client: DavClient, path: string): Promise<DavEntry[] | null> {
  try {
    return await client.list(path);
  } catch (e) {
    if (e instanceof DavError && e.fault === 'notFound') return null;
    throw e;
  }
}

/** Make the sync folder when it is not there (its parent must exist: a 409 says it does not). */
export async function ensureFolder(client: DavClient): Promise<void> {
  if ((await listOrNull(client, '')) !== null) return;
  try {
    await client.mkcol('');
  } catch (e) {
    // Another computer making it at the same moment (rclone answers 423 to the second): there now is fine.
    if ((await listOrNull(client, '')) === null) throw e;
  }
}

/** The key file's text (of an epoch), or null when there is none (or no folder). */
export async function readKeyFile(client: DavClient, epoch = 1): Promise<string | null> {
  const bytes = await client.get(keyFileName(epoch)).catch((e: unknown) => {
    if (e instanceof DavError && e.fault === 'notFound') return null;
    throw e;
  });
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** Create the key file if there is none; returns the key file the server holds afterwards (ours, or one made a moment before). */
export async function createKeyFile(client: DavClient, text: string, epoch = 1): Promise<string> {
  await ensureFolder(client);
  if ((await client.create(keyFileName(epoch), new TextEncoder().encode(text))) === 'created') return text;
  const there = await readKeyFile(client, epoch);
  if (there === null) throw new SyncProblem('conflict', 'the key file was taken and is gone again');
  return there;
}

/** The newest key file on the server (its epoch and text), or null when there is none. */
export async function newestKeyFile(client: DavClient): Promise<{ epoch: number; text: string } | null> {
  const entries = (await listOrNull(client, '')) ?? [];
  const epochs = entries.filter((e) => !e.folder).map((e) => epochOfName(e.name) ?? 0);
  const epoch = Math.max(0, ...epochs);
  if (epoch === 0) return null;
  const text = await readKeyFile(client, epoch);
  return text === null ? null : { epoch, text };
}

/** The computers' folders in the sync folder; stale temporary uploads there are removed on the way. */
export async function listDevices(client: DavClient, now: number): Promise<string[]> {
  const entries = (await listOrNull(client, '')) ?? [];
  for (const e of entries) {
    if (!e.folder && e.name.startsWith(TEMP_PREFIX) && e.modified !== undefined && now - e.modified > STALE_TEMP_MS) {
      await client.remove(e.name).catch(() => undefined);
    }
  }
  return entries.filter((e) => e.folder && DEVICE_FOLDER.test(e.name)).map((e) => e.name);
}

/** One computer's folder: its change files and heads by number, and its temporary uploads. */
export interface DeviceFolder {
  changes: number[];
  heads: number[];
  snapshots: number[];
  names: number[];
  marks: number[];
  temps: string[];
}

/** A computer's folder, or null when it is gone. */
export async function listDevice(client: DavClient, dev: string): Promise<DeviceFolder | null> {
  const entries = await listOrNull(client, `${dev}/`);
  if (!entries) return null;
  const names = entries.filter((e) => !e.folder).map((e) => e.name);
  return {
    changes: numbersOf(names, CHANGE_NAME),
    heads: numbersOf(names, HEAD_NAME),
    snapshots: numbersOf(names, SNAPSHOT_NAME),
    names: numbersOf(names, NAME_FILE),
    marks: numbersOf(names, MARK_NAME),
    temps: names.filter((n) => n.startsWith(TEMP_PREFIX)),
  };
}

/** Remove this computer's leftover temporary uploads (only it writes in its folder, one sync at a time). */
export async function removeTemps(client: DavClient, dev: string, temps: readonly string[]): Promise<void> {
  for (const name of temps) await client.remove(`${dev}/${name}`).catch(() => undefined);
}

/** Read and open one encrypted file; 'refused' when it fails authentication or its shape. */
async function readSealed<T>(
  client: DavClient,
  key: CryptoKey,
  name: string,
  schema: v.GenericSchema<unknown, T>,
  fits: (x: T) => boolean,
): Promise<T | 'refused' | null> {
  const bytes = await client.get(name);
  if (!bytes) return null;
  try {
    const parsed = v.safeParse(schema, await unpackJson(await decryptFile(key, name, bytes)));
    return parsed.success && fits(parsed.output) ? parsed.output : 'refused';
  } catch (e) {
    // Not gzip or not JSON inside a file that did authenticate is as refused as one that did not.
    if (e instanceof SyncCryptoError || e instanceof SyntaxError || e instanceof TypeError) return 'refused';
    throw e;
  }
}

/** A computer's change file: null when it is not there, 'refused' when altered, replayed or cut short. */
export function readChangeFile(client: DavClient, key: CryptoKey, dev: string, seq: number): Promise<ChangeFile | 'refused' | null> {
  return readSealed(
    client,
    key,
    changeName(dev, seq),
    ChangeFileSchema as v.GenericSchema<unknown, ChangeFile>,
    (f) => f.dev === dev && f.seq === seq,
  );
}

/** A computer's head `h<n>`: null when gone, 'refused' when it does not open as that head. */
export function readHead(client: DavClient, key: CryptoKey, dev: string, n: number): Promise<HeadFile | 'refused' | null> {
  return readSealed(client, key, headName(dev, n), HeadFileSchema, (h) => h.dev === dev && h.seq === n);
}

/**
 * Write one of this computer's change files. 'sent' when it is on the server now (written, or there
 * already with the same content: a sync stopped after the upload); 'taken' when another file holds the
 * name (a profile restored from a copy reuses its numbers): the caller takes a new identity.
 */
export async function writeChangeFile(client: DavClient, key: CryptoKey, file: ChangeFile): Promise<number | 'taken'> {
  const name = changeName(file.dev, file.seq);
  const bytes = await encryptFile(key, name, await packJson(file));
  if ((await client.create(name, bytes)) === 'created') return bytes.length;
  const there = await readChangeFile(client, key, file.dev, file.seq);
  return there !== null && there !== 'refused' && sameJson(there, file) ? bytes.length : 'taken';
}

/** A computer's snapshot `s<n>`: null when gone, 'refused' when it does not open as that snapshot. */
export function readSnapshot(client: DavClient, key: CryptoKey, dev: string, n: number): Promise<SnapshotFile | 'refused' | null> {
  return readSealed(client, key, snapshotName(dev, n), SnapshotSchema, (x) => x.dev === dev && x.seq === n);
}

/** Write this computer's snapshot (once), then remove its older ones; returns its size in bytes. */
export async function writeSnapshot(client: DavClient, key: CryptoKey, snap: SnapshotFile, older: readonly number[]): Promise<number> {
  const name = snapshotName(snap.dev, snap.seq);
  const bytes = await encryptFile(key, name, await packJson(snap));
  await client.create(name, bytes);
  for (const n of older) if (n !== snap.seq) await client.remove(snapshotName(snap.dev, n)).catch(() => undefined);
  return bytes.length;
}

/** Write this computer's head after its files, then remove its older heads. */
export async function writeHead(client: DavClient, key: CryptoKey, head: HeadFile, older: readonly number[]): Promise<void> {
  const name = headName(head.dev, head.seq);
  await client.create(name, await encryptFile(key, name, await packJson(head)));
  for (const n of older) if (n !== head.seq) await client.remove(headName(head.dev, n)).catch(() => undefined);
}

const NameFileSchema = v.object({ dev: v.string(), n: v.number(), name: v.pipe(v.string(), v.maxLength(200)) });
const nameFileName = (dev: string, n: number) => `${dev}/n${n}`;

/** A computer's name file `n<k>`: the name, null when gone, 'refused' when it does not open as that file. */
export async function readName(client: DavClient, key: CryptoKey, dev: string, n: number): Promise<string | 'refused' | null> {
  const file = await readSealed(client, key, nameFileName(dev, n), NameFileSchema, (x) => x.dev === dev && x.n === n);
  return file === null || file === 'refused' ? file : file.name;
}

/** Write this computer's name as its name file `n<k>` (once), then remove its older ones. */
export async function writeName(client: DavClient, key: CryptoKey, dev: string, name: string, older: readonly number[]): Promise<void> {
  const n = Math.max(0, ...older) + 1;
  const path = nameFileName(dev, n);
  await client.create(path, await encryptFile(key, path, await packJson({ dev, n, name })));
  for (const k of older) await client.remove(nameFileName(dev, k)).catch(() => undefined);
}

/** A computer's merged file `m<k>`: what it had merged of the others (`seen`) at `at`. */
export interface MarkFile {
  dev: string;
  n: number;
  at: number;
  seen: Vector;
}

const MarkFileSchema = v.object({ dev: v.string(), n: v.number(), at: v.number(), seen: v.record(v.string(), v.number()) });
const markName = (dev: string, n: number) => `${dev}/m${n}`;

/** A computer's merged file `m<k>`: null when gone, 'refused' when it does not open as that file. */
export function readMark(client: DavClient, key: CryptoKey, dev: string, n: number): Promise<MarkFile | 'refused' | null> {
  return readSealed(client, key, markName(dev, n), MarkFileSchema, (x) => x.dev === dev && x.n === n);
}

/** Write this computer's merged file as `m<k>`, k past every one listed (once), then remove the older ones. */
export async function writeMark(client: DavClient, key: CryptoKey, mark: Omit<MarkFile, 'n'>, older: readonly number[]): Promise<void> {
  const n = Math.max(0, ...older) + 1;
  const path = markName(mark.dev, n);
  await client.create(path, await encryptFile(key, path, await packJson({ ...mark, n })));
  for (const k of older) await client.remove(markName(mark.dev, k)).catch(() => undefined);
}

/** Remove one of this computer's own change files (every computer merged it, a snapshot covers it: prune.ts). */
export function removeChangeFile(client: DavClient, dev: string, seq: number): Promise<void> {
  return client.remove(changeName(dev, seq));
}
