/**
 * One sync with the coach's WebDAV server (a platform adapter; the rules are
 * in domain/sync/log.ts, keys.ts and gaps.ts, the files on the server in server.ts).
 *
 * A sync: (0) finish applying what a stopped sync had begun; (1) check the
 * key against the server's key file (a wrong passphrase stops here, before
 * anything is written); (2) record the keys changed here as the next change
 * file, kept locally until uploaded; (3) list this computer's own folder: when
 * what it sent is gone, take a new identity and send everything again;
 * (4) upload waiting files, each written once, then the head; (5) read the
 * other computers' new files, in order and with no gap, refusing any that
 * fails authentication and saying which are missing, and apply them in causal
 * order: bookkeeping first (with the keys being applied), then storage, so a
 * sync stopped anywhere loses nothing and redoing it changes nothing (a
 * computer joining, or back after files it needed were removed, starts from a
 * snapshot first); (6) say what it has merged, and remove its own change files
 * every active computer has merged (prune.ts).
 */

import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { SyncFault } from '../../domain/sync/faults';
import { ownFolderIntact } from '../../domain/sync/gaps';
import { ruleOf, SYNC_CONFLICT_MARKER, type SyncKeyRule } from '../../domain/sync/keys';
import { applyFile, type ChangeFile, causalOrder, mergedOf, type Replica, recordChanges } from '../../domain/sync/log';
import { readChecked } from '../storage';
import { originPattern, type SyncConfig, type SyncStatus, syncConfigStore, syncStatusStore } from './config';
import { fromBase64, importKey, keyOpensWith, makeKeyFile, openKeyFile, parseKeyFile, SyncCryptoError } from './crypto';
import { forgetSync } from './forget';
import { listFolders, readOthers } from './inbound';
import { markAllDirty, readLocal, syncKeysOf, writeLocal } from './local';
import { sendName } from './names';
import { afterMerge } from './prune';
import {
  createKeyFile,
  ensureFolder,
  listDevice,
  listDevices,
  newestKeyFile,
  readKeyFile,
  removeTemps,
  SyncProblem,
  writeChangeFile,
  writeHead,
} from './server';
import { joinFromSnapshot, snapshotIfDue } from './snapshot';
import * as state from './state';
import { createDavClient, type DavClient, DavError, folderUrl } from './webdav';

/** Keys per change file, so a first sync of years is many files of a sensible size. */
const CHANGES_PER_FILE = 2_000;

/** A client for the configured server. */
export function clientFor(config: NonNullable<SyncConfig>, password: string): DavClient {
  return createDavClient({ url: config.url, user: config.user, password });
}

/**
 * The key and app password: from sync's database; kept in `storage.local` by an earlier version, they
 * are moved (the key made a non-extractable CryptoKey) and removed from there.
 */
export async function secretsOf(config: NonNullable<SyncConfig>): Promise<state.SyncSecrets> {
  const kept = await state.readSecrets();
  if (kept) return kept;
  if (config.key === undefined || config.password === undefined) {
    throw new SyncProblem('signedOut', 'the key and app password are not in this browser any more');
  }
  const secrets = { key: await importKey(fromBase64(config.key)), password: config.password };
  await state.saveSecrets(secrets);
  const { key: _key, password: _password, ...rest } = config;
  await syncConfigStore.item.setValue(rest);
  return secrets;
}

/** Whether the browser lets Sidecoach reach the server (the optional host permission). */
function hasHostAccess(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] });
}

/** Each sync key's rule; the conflict marker is the same bytes on every computer, whatever its language. */
function rules(): (key: string) => SyncKeyRule {
  const cache = new Map<string, SyncKeyRule>();
  return (key) => {
    let rule = cache.get(key);
    if (!rule) {
      // Keys without a rule are never recorded or applied (both filter by the rules).
      rule = ruleOf(key, SYNC_CONFLICT_MARKER) ?? { schema: v.unknown(), fallback: null, merge: (_b, l) => l };
      cache.set(key, rule);
    }
    return rule;
  };
}

/** Another computer made a new key (its epoch's file is there): stop, saying whether this computer was removed. */
async function stopIfNewerKey(client: DavClient, config: NonNullable<SyncConfig>, dev: string): Promise<void> {
  if ((await readKeyFile(client, (config.epoch ?? 1) + 1)) === null) return;
  const newest = await newestKeyFile(client);
  const removed = newest ? (parseKeyFile(newest.text).removed ?? []) : [];
  if (removed.includes(dev)) throw new SyncProblem('removed', 'another computer removed this one from sync');
  throw new SyncProblem('keyChanged', 'another computer made a new key: the passphrase is needed');
}

/**
 * Check the configured key against the server's key file, putting the file back (created once) if it is gone.
 * A key file of a newer epoch means another computer made a new key: this one stops before writing anything
 * and asks for the passphrase ('keyChanged'), or says it was removed ('removed').
 */
async function checkKey(client: DavClient, config: NonNullable<SyncConfig>, key: CryptoKey, dev: string): Promise<void> {
  const epoch = config.epoch ?? 1;
  await stopIfNewerKey(client, config, dev);
  let text = await readKeyFile(client, epoch);
  // The folder (or the key file) is gone: this computer has the key, so it puts the same key file back.
  if (text === null) text = await createKeyFile(client, config.keyFile, epoch);
  if (text === config.keyFile) return;
  if (!(await keyOpensWith(parseKeyFile(text), key))) {
    throw new SyncProblem('wrongPassphrase', 'the key file on the server no longer opens with this passphrase');
  }
}

/**
 * What this computer sent is gone from the server (its folder deleted, or files of it), or its next name is
 * taken: take a new device id and send every value again (state.renewIdentity). The old folder, broken, is
 * removed so the others stop waiting on it; `keepOld`: another copy of this profile owns those files.
 */
async function takeNewIdentity(client: DavClient, oldDev: string, sent: number, keepOld: boolean): Promise<void> {
  await state.renewIdentity(sent);
  await markAllDirty();
  if (!keepOld) await client.remove(`${oldDev}/`).catch(() => undefined);
}

/** How one sync went. */
export interface SyncResult {
  uploaded: number;
  applied: number;
  /** Files refused (altered, cut short, replayed), by path. */
  refused: string[];
  /** The first missing file of each computer whose log has a gap or is cut short, by path. */
  missing: string[];
  /** This computer took a new identity (what it had sent was gone) and sent everything again. */
  renewed: boolean;
}

/** Record what changed here as change files in the outbox (step 2). */
async function recordLocal(meta: state.SyncMeta, ruleFor: (k: string) => SyncKeyRule, now: number): Promise<Replica> {
  const dirty = await state.readDirty();
  const syncKeys = await syncKeysOf(dirty.keys());
  const replica: Replica = { dev: meta.dev, frontier: { ...meta.frontier }, heads: await state.readHeads(syncKeys) };
  const local = await readLocal(syncKeys);
  // A key whose stored value is unreadable is not recorded: its fallback would overwrite the good copies elsewhere.
  const recordable = syncKeys.filter((k) => !local.unreadable.has(k));
  const files: ChangeFile[] = [];
  for (let i = 0; i < recordable.length; i += CHANGES_PER_FILE) {
    const chunk = new Map(recordable.slice(i, i + CHANGES_PER_FILE).map((k) => [k, local.values.get(k)]));
    const file = recordChanges(replica, chunk, ruleFor, now, meta.resend ? new Map(meta.resend) : undefined);
    if (file) files.push(file);
  }
  const { resend: _done, ...kept } = meta;
  await state.commit({ meta: { ...kept, frontier: replica.frontier }, heads: replica.heads, outbox: files, recorded: dirty });
  return replica;
}

/** Upload what waits, each file once, then the head (step 4); `taken` when a name was taken by another file (`sentBefore`: the files before it). */
async function upload(client: DavClient, key: CryptoKey, meta: state.SyncMeta, own: { heads: number[]; snapshots: number[] }, now: number) {
  const outbox = await state.readOutbox();
  if (outbox.length === 0) return { sent: 0, taken: false, sentBefore: 0 };
  await client.mkcol(`${meta.dev}/`);
  let bytes = 0;
  for (const file of outbox) {
    const sent = await writeChangeFile(client, key, file);
    if (sent === 'taken') return { sent: 0, taken: true, sentBefore: file.seq - 1 };
    bytes += sent;
    await state.removeFromOutbox(file.seq);
  }
  const last = outbox.at(-1) as ChangeFile;
  const snap = await snapshotIfDue(client, key, bytes, own.snapshots, now);
  const { [meta.dev]: _own, ...seen } = (await state.readMeta()).frontier;
  await writeHead(client, key, { dev: meta.dev, seq: last.seq, at: now, seen, ...(snap ? { snap } : {}) }, own.heads);
  // The head says what this computer had merged (a merged file need not say it again), and names its snapshot now.
  const after = await state.readMeta();
  await state.saveMeta({ ...after, said: { seen, at: now }, ...(after.snap && snap ? { snap: { ...after.snap, named: now } } : {}) });
  return { sent: outbox.length, taken: false, sentBefore: 0 };
}

/** One whole sync, as described at the top of this file. Throws a SyncProblem or DavError on failure. */
export async function runSync(config: NonNullable<SyncConfig>, now: number, renewed = false): Promise<SyncResult> {
  const ruleFor = rules();
  const secrets = await secretsOf(config);
  const client = clientFor(config, secrets.password);
  const key = secrets.key;
  if (!(await hasHostAccess(config.url))) throw new SyncProblem('noAccess', originPattern(config.url));

  // (0) A sync stopped while writing to storage: finish it (redoing it changes nothing).
  const applying = await state.readApplying();
  if (applying.size > 0) {
    const heads = await state.readHeads(applying.keys());
    await writeLocal(applying, heads, ruleFor);
    await state.clearApplying();
  }

  // (1) The key, before anything is written or merged.
  const meta = await state.readMeta();
  await checkKey(client, config, key, meta.dev);

  // (2) Record what changed here.
  await recordLocal(meta, ruleFor, now);

  // (3) This computer's own folder: what it sent must still be there; its leftover temporary uploads go.
  const own = await listDevice(client, meta.dev);
  const outbox = await state.readOutbox();
  const sent = outbox.length > 0 ? (outbox[0] as ChangeFile).seq - 1 : (meta.frontier[meta.dev] ?? 0);
  if (!ownFolderIntact(own?.changes ?? null, sent, meta.removed)) {
    if (renewed) throw new SyncProblem('conflict', 'what this computer sent disappeared again at once');
    // Gone because another computer made a new key a moment ago (it removes every folder): stop and ask, never renew.
    await stopIfNewerKey(client, config, meta.dev);
    // Its old folder is removed, so no one waits on the old id: what it had merged of it stays covered.
    await takeNewIdentity(client, meta.dev, meta.frontier[meta.dev] ?? 0, false);
    return runSync(config, now, true);
  }
  if (own) await removeTemps(client, meta.dev, own.temps);

  // (4) Upload what waits.
  const fresh = await state.readMeta();
  const up = await upload(client, key, fresh, own ?? { heads: [], snapshots: [] }, now);
  if (up.taken) {
    if (renewed) throw new SyncProblem('conflict', 'a new identity found its file names taken');
    await takeNewIdentity(client, meta.dev, up.sentBefore, true);
    return runSync(config, now, true);
  }

  await sendName(client, key, fresh.dev, own?.names ?? []);
  // A new key made while this sync uploaded: what it wrote under the old key goes, and it stops to ask.
  if (up.sent > 0 && (await readKeyFile(client, (config.epoch ?? 1) + 1)) !== null) {
    await client.remove(`${fresh.dev}/`).catch(() => undefined);
    await stopIfNewerKey(client, config, fresh.dev);
  }

  // (5) The others' folders, listed once. A computer joining, or behind what is left of a log (files removed
  // while it was away), starts from the best snapshot; then it reads the others' new files and applies them.
  const devices = await listDevices(client, now);
  const folders = await listFolders(client, devices, fresh.dev);
  await joinFromSnapshot(client, key, folders, ruleFor);
  const current = await state.readMeta();
  const read = await readOthers(client, key, current, folders);
  // A file that had seen files of a computer whose folder is gone waits for nothing: that computer's changes
  // come again under its new identity, and its old files never will.
  const pending = [...read.inbox, ...read.incoming];
  const named = new Set(pending.flatMap((f) => Object.keys(f.seen)));
  const gone = [...named].filter((d) => d !== current.dev && !devices.includes(d));
  const reachable = { ...current.frontier, ...Object.fromEntries(gone.map((d) => [d, Number.MAX_SAFE_INTEGER])) };
  const ordered = causalOrder(pending, reachable);
  const applied = new Set(ordered);
  const touched = new Set(ordered.flatMap((f) => f.changes.map((c) => c.k)).filter((k) => ruleOf(k, '') !== null));
  const heads = await state.readHeads(touched);
  const after: Replica = { dev: current.dev, frontier: { ...current.frontier }, heads };
  const before = new Map([...touched].map((k) => [k, mergedOf(heads.get(k), ruleFor(k))]));
  for (const file of ordered) applyFile(after, { ...file, changes: file.changes.filter((c) => touched.has(c.k)) });
  await state.commit({
    meta: { ...current, frontier: after.frontier },
    heads: after.heads,
    applying: before,
    // Files merged another way (a snapshot covered them) wait for nothing any more either.
    inbox: {
      add: read.incoming.filter((f) => !applied.has(f)),
      remove: read.inbox.filter((f) => applied.has(f) || f.seq <= (current.frontier[f.dev] ?? 0)),
    },
  });
  const refusedKeys = await writeLocal(before, after.heads, ruleFor);
  await state.clearApplying();
  if (refusedKeys.length > 0) console.warn('sync: values of another shape not written', refusedKeys);

  // (6) Say what this computer has merged, and remove its own files every active computer merged.
  await afterMerge(client, key, own, folders, now);
  return { uploaded: up.sent, applied: ordered.length, refused: read.refused, missing: read.missing, renewed };
}

/** The fault kind of anything a sync throws. */
export function faultOfError(e: unknown): SyncFault {
  if (e instanceof SyncProblem || e instanceof DavError) return e.fault;
  if (e instanceof SyncCryptoError) return e.kind === 'wrongPassphrase' ? 'wrongPassphrase' : 'altered';
  return 'unexpected';
}

/** The status line's problem after a sync that ran: a refused file first, then a missing one. */
function problemOf(result: SyncResult, at: number): SyncStatus['problem'] {
  if (result.refused.length > 0) return { fault: 'altered', at, detail: result.refused.join(', ').slice(0, 500) };
  if (result.missing.length > 0) return { fault: 'missing', at, detail: result.missing.join(', ').slice(0, 500) };
  return null;
}

/** Run one sync under a lock shared by every page and the background, and keep the status line. */
export async function syncOnce(now = Date.now()): Promise<void> {
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
        problem: problemOf(result, Date.now()),
      });
    } catch (e) {
      const fault = faultOfError(e);
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
  await underSyncLock(task);
}

/** Run `task` under the lock every page and the background share for sync (one at a time). */
export async function underSyncLock(task: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as { locks?: { request<R>(name: string, cb: () => Promise<R>): Promise<R> } } | undefined)?.locks;
  if (locks) await locks.request('sidecoach:sync', task);
  else await task();
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
  const newest = await newestKeyFile(client);
  const epoch = newest?.epoch ?? 1;
  let text = newest?.text ?? null;
  if (text === null) {
    // Computers' folders without a key file: a key made now would not open their data; the key file must come back.
    if ((await listDevices(client, Date.now())).length > 0)
      throw new SyncProblem('keyMissing', 'computers have data here but the key file is gone');
    // Created only if there is none: two computers starting at this moment end with the one the server took.
    text = await createKeyFile(client, JSON.stringify((await makeKeyFile(passphrase)).file));
  }
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await openKeyFile(parseKeyFile(text), passphrase);
  } catch (e) {
    if (e instanceof SyncCryptoError && e.kind === 'wrongPassphrase') throw new SyncProblem('wrongPassphrase', e.message);
    throw e;
  }
  await state.resetSyncState();
  // The key as a non-extractable CryptoKey, and the app password, in sync's database: never in storage.local.
  await state.saveSecrets({ key: await importKey(raw), password });
  await markAllDirty();
  await syncStatusStore.item.setValue({ running: false, lastSyncedAt: null, waiting: 0, problem: null, failures: 0 });
  await syncConfigStore.item.setValue({ url: folderUrl(url), user, keyFile: text, epoch });
}

/** Stop syncing, after a sync under way has ended: forget the server, the key, sync's database and the access. */
export async function stopSync(): Promise<void> {
  await underSyncLock(forgetSync);
}
