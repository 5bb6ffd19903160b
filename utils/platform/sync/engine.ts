/**
 * One sync with the coach's WebDAV server (a platform adapter; the rules are
 * in domain/sync/log.ts and domain/sync/keys.ts).
 *
 * On the server, in the folder the coach chose:
 *   sidecoach-key.json   salt, iterations and a check value (not secret)
 *   <device id>/c<n>     this computer's change files 1, 2, 3…, each gzip'd JSON
 *                        encrypted with AES-GCM, its path bound in
 * A device id is 128 random bits; nothing else is named.
 *
 * A sync: (0) finish applying what a stopped sync had begun; (1) check the
 * key against the server's key file (a wrong passphrase stops here, before
 * anything is written); (2) record the keys changed here as the next change
 * file, kept locally until uploaded; (3) upload waiting files; (4) read the
 * other computers' new files, refusing any that fails authentication, and
 * apply them in causal order: bookkeeping first (with the keys being
 * applied), then storage, so a sync stopped anywhere loses nothing and
 * redoing it changes nothing.
 */

import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { SyncFault } from '../../domain/sync/faults';
import { ruleOf, type SyncKeyRule } from '../../domain/sync/keys';
import { applyFile, type ChangeFile, causalOrder, mergedOf, type Replica, recordChanges } from '../../domain/sync/log';
import { t } from '../i18n';
import { readChecked } from '../storage';
import { originPattern, type SyncConfig, syncConfigStore, syncStatusStore } from './config';
import {
  decryptFile,
  encryptFile,
  fromBase64,
  importKey,
  keyOpens,
  makeKeyFile,
  openKeyFile,
  packJson,
  parseKeyFile,
  SyncCryptoError,
  toBase64,
  unpackJson,
} from './crypto';
import { markAllDirty, readLocal, syncKeysOf, writeLocal } from './local';
import * as state from './state';
import { createDavClient, type DavClient, DavError, folderUrl } from './webdav';

/** The key file's name on the server. */
const KEY_FILE = 'sidecoach-key.json';
const DEVICE_FOLDER = /^[0-9a-f]{32}$/;
const CHANGE_FILE = /^c([1-9]\d{0,9})$/;
/** Keys per change file, so a first sync of years is many files of a sensible size. */
const CHANGES_PER_FILE = 2_000;

/** A problem with a sync, as the status line says it. */
class SyncProblem extends Error {
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

/** A client for the configured server. */
function clientFor(config: NonNullable<SyncConfig>, timeoutMs?: number): DavClient {
  return createDavClient({ url: config.url, user: config.user, password: config.password, timeoutMs });
}

/** Whether the browser lets Sidecoach reach the server (the optional host permission). */
function hasHostAccess(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] });
}

function rules(): (key: string) => SyncKeyRule {
  const marker = t('notesConflict');
  const cache = new Map<string, SyncKeyRule>();
  return (key) => {
    let rule = cache.get(key);
    if (!rule) {
      // Keys without a rule are never recorded or applied (both filter by the rules).
      rule = ruleOf(key, marker) ?? { schema: v.unknown(), fallback: null, merge: (_b, l) => l };
      cache.set(key, rule);
    }
    return rule;
  };
}

/** Check the configured key against the server's key file, putting the file back if the folder was lost. */
async function checkKey(client: DavClient, config: NonNullable<SyncConfig>): Promise<void> {
  let bytes: Uint8Array<ArrayBuffer> | null;
  try {
    bytes = await client.get(KEY_FILE);
  } catch (e) {
    if (e instanceof DavError && e.fault === 'notFound') bytes = null;
    else throw e;
  }
  if (bytes === null) {
    // The folder (or the key file) is gone: make it again with the same key file, so every computer keeps its key.
    await ensureFolder(client);
    await client.put(KEY_FILE, new TextEncoder().encode(config.keyFile));
    return;
  }
  const text = new TextDecoder().decode(bytes);
  if (text === config.keyFile) return;
  if (!(await keyOpens(parseKeyFile(text), fromBase64(config.key)))) {
    throw new SyncProblem('wrongPassphrase', 'the key file on the server no longer opens with this passphrase');
  }
}

/** Make the sync folder when it is not there (its parent must exist: a 409 says it does not). */
async function ensureFolder(client: DavClient): Promise<void> {
  try {
    await client.list('');
  } catch (e) {
    if (!(e instanceof DavError && e.fault === 'notFound')) throw e;
    await client.mkcol('');
  }
}

/** How one sync went. */
export interface SyncResult {
  uploaded: number;
  applied: number;
  /** Files refused (altered, cut short, replayed), by path. */
  refused: string[];
}

/** One whole sync, as described at the top of this file. Throws a SyncProblem or DavError on failure. */
async function runSync(config: NonNullable<SyncConfig>, now = Date.now()): Promise<SyncResult> {
  const ruleFor = rules();
  const client = clientFor(config);
  const key = await importKey(fromBase64(config.key));
  if (!(await hasHostAccess(config.url))) throw new SyncProblem('noAccess', originPattern(config.url));

  // (0) A sync stopped while writing to storage: finish it (redoing it changes nothing).
  const applying = await state.readApplying();
  if (applying.size > 0) {
    const heads = await state.readHeads(applying.keys());
    await writeLocal(applying, heads, ruleFor);
    await state.clearApplying();
  }

  // (1) The key, before anything is written or merged.
  await checkKey(client, config);

  // (2) Record what changed here.
  const meta = await state.readMeta();
  const dirty = await state.readDirty();
  const syncKeys = await syncKeysOf(dirty.keys());
  const replica: Replica = { dev: meta.dev, frontier: { ...meta.frontier }, heads: await state.readHeads(syncKeys) };
  const local = await readLocal(syncKeys);
  // A key whose stored value is unreadable is not recorded: its fallback would overwrite the good copies elsewhere.
  const recordable = syncKeys.filter((k) => !local.unreadable.has(k));
  const files: ChangeFile[] = [];
  for (let i = 0; i < recordable.length; i += CHANGES_PER_FILE) {
    const chunk = new Map(recordable.slice(i, i + CHANGES_PER_FILE).map((k) => [k, local.values.get(k)]));
    const file = recordChanges(replica, chunk, ruleFor, now);
    if (file) files.push(file);
  }
  await state.commit({ meta: { dev: meta.dev, frontier: replica.frontier }, heads: replica.heads, outbox: files, recorded: dirty });

  // (3) Upload what waits.
  const outbox = await state.readOutbox();
  if (outbox.length > 0) await client.mkcol(`${meta.dev}/`);
  for (const file of outbox) {
    const name = `${meta.dev}/c${file.seq}`;
    await client.put(name, await encryptFile(key, name, await packJson(file)));
    await state.removeFromOutbox(file.seq);
  }

  // (4) Read the others' new files and apply them.
  const refused: string[] = [];
  const incoming: ChangeFile[] = [];
  const devices = (await client.list('')).filter((e) => e.folder && DEVICE_FOLDER.test(e.name) && e.name !== meta.dev).map((e) => e.name);
  for (const dev of devices) {
    const seqs = (await client.list(`${dev}/`))
      .map((e) => Number(CHANGE_FILE.exec(e.name)?.[1] ?? 0))
      .filter((n) => n > (replica.frontier[dev] ?? 0))
      .sort((a, b) => a - b);
    for (const seq of seqs) {
      const name = `${dev}/c${seq}`;
      const bytes = await client.get(name);
      if (!bytes) break;
      try {
        const parsed = v.safeParse(ChangeFileSchema, await unpackJson(await decryptFile(key, name, bytes)));
        if (!parsed.success || parsed.output.dev !== dev || parsed.output.seq !== seq)
          throw new SyncCryptoError('altered', `${name}: not a change file`);
        incoming.push(parsed.output as ChangeFile);
      } catch (e) {
        if (!(e instanceof SyncCryptoError)) throw e;
        // Refused, and so is everything after it from that computer (it may depend on it).
        refused.push(name);
        break;
      }
    }
  }
  const ordered = causalOrder(incoming, replica.frontier);
  const touched = new Set(ordered.flatMap((f) => f.changes.map((c) => c.k)).filter((k) => ruleOf(k, '') !== null));
  const heads = await state.readHeads(touched);
  const after: Replica = { dev: meta.dev, frontier: { ...replica.frontier }, heads };
  const before = new Map([...touched].map((k) => [k, mergedOf(heads.get(k), ruleFor(k))]));
  for (const file of ordered) applyFile(after, { ...file, changes: file.changes.filter((c) => touched.has(c.k)) });
  await state.commit({ meta: { dev: meta.dev, frontier: after.frontier }, heads: after.heads, applying: before });
  const refusedKeys = await writeLocal(before, after.heads, ruleFor);
  await state.clearApplying();
  if (refusedKeys.length > 0) console.warn('sync: values of another shape not written', refusedKeys);
  return { uploaded: outbox.length, applied: ordered.length, refused };
}

/** The fault kind of anything a sync throws. */
export function faultOfError(e: unknown): SyncFault {
  if (e instanceof SyncProblem || e instanceof DavError) return e.fault;
  if (e instanceof SyncCryptoError) return e.kind === 'wrongPassphrase' ? 'wrongPassphrase' : 'altered';
  return 'unexpected';
}

/** Run one sync under a lock shared by every page and the background, and keep the status line. */
export async function syncOnce(now = Date.now()): Promise<void> {
  const locks = (globalThis.navigator as { locks?: { request<R>(name: string, cb: () => Promise<R>): Promise<R> } } | undefined)?.locks;
  const task = async () => {
    const config = (await readChecked(syncConfigStore, Date.now(), false)).value;
    if (!config) return;
    const status = (await readChecked(syncStatusStore, Date.now(), false)).value;
    await syncStatusStore.item.setValue({ ...status, running: true });
    try {
      const result = await runSync(config, now);
      const waiting = (await state.readOutbox()).length + (await state.readDirty()).size;
      await syncStatusStore.item.setValue({
        running: false,
        lastSyncedAt: Date.now(),
        waiting,
        failures: 0,
        problem: result.refused.length > 0 ? { fault: 'altered', at: Date.now(), detail: result.refused.join(', ') } : null,
      });
    } catch (e) {
      const fault: SyncFault =
        e instanceof SyncProblem || e instanceof DavError
          ? e.fault
          : e instanceof SyncCryptoError
            ? e.kind === 'wrongPassphrase'
              ? 'wrongPassphrase'
              : 'altered'
            : 'unexpected';
      const waiting = (await state.readOutbox()).length + (await state.readDirty()).size;
      const current = (await readChecked(syncStatusStore, Date.now(), false)).value;
      await syncStatusStore.item.setValue({
        ...current,
        running: false,
        waiting,
        failures: current.failures + 1,
        problem: { fault, at: Date.now(), detail: String((e as Error).message ?? e).slice(0, 500) },
      });
    }
  };
  if (locks) await locks.request('sidecoach:sync', task);
  else await task();
}

/** What a connection test found. */
export type ConnectionFound = 'empty' | 'sidecoach';

/** Reach the server with these details: whether the folder is there and holds Sidecoach data. Throws a DavError. */
export async function testConnection(url: string, user: string, password: string): Promise<ConnectionFound> {
  const client = createDavClient({ url, user, password, timeoutMs: 15_000, retryDelays: [] });
  try {
    const entries = await client.list('');
    return entries.some((e) => e.name === KEY_FILE) ? 'sidecoach' : 'empty';
  } catch (e) {
    if (e instanceof DavError && e.fault === 'notFound') return 'empty';
    throw e;
  }
}

/**
 * Start syncing with a server: make or read its key file, derive the key from
 * the passphrase (a wrong one is refused here, and nothing is saved or
 * written), then keep the settings and note everything as changed. The caller
 * runs the first sync.
 */
export async function startSync(url: string, user: string, password: string, passphrase: string): Promise<void> {
  const client = createDavClient({ url, user, password, timeoutMs: 30_000 });
  await ensureFolder(client);
  let text: string | null = null;
  const existing = await client.get(KEY_FILE);
  if (existing) text = new TextDecoder().decode(existing);
  else {
    const made = await makeKeyFile(passphrase);
    await client.put(KEY_FILE, new TextEncoder().encode(JSON.stringify(made.file)));
    // Another computer may have made one at the same moment: whichever the server kept is the one.
    text = new TextDecoder().decode((await client.get(KEY_FILE)) ?? new Uint8Array());
  }
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await openKeyFile(parseKeyFile(text), passphrase);
  } catch (e) {
    if (e instanceof SyncCryptoError && e.kind === 'wrongPassphrase') throw new SyncProblem('wrongPassphrase', e.message);
    throw e;
  }
  await state.resetSyncState();
  await markAllDirty();
  await syncStatusStore.item.setValue({ running: false, lastSyncedAt: null, waiting: 0, problem: null, failures: 0 });
  await syncConfigStore.item.setValue({ url: folderUrl(url), user, password, key: toBase64(raw), keyFile: text });
}

/** Stop syncing: forget the server, the key and sync's bookkeeping; the data here stays as it is. */
export async function stopSync(): Promise<void> {
  const config = (await readChecked(syncConfigStore, Date.now(), false)).value;
  await syncConfigStore.item.setValue(null);
  // Requests go to the server only while sync is on: the access is given back.
  if (config) await browser.permissions.remove({ origins: [originPattern(config.url)] }).catch(() => false);
  await syncStatusStore.item.setValue({ running: false, lastSyncedAt: null, waiting: 0, problem: null, failures: 0 });
  await state.resetSyncState();
}
