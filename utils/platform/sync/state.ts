/**
 * What sync knows between runs, kept in the extension's IndexedDB (a platform
 * adapter): this computer's device id, the files merged from every computer,
 * the heads of every synced key, the change files not yet uploaded, the keys
 * changed since the last record, and the keys a sync was applying when it
 * stopped. Apart from extension storage, so the coach's data set, exports and
 * pages never read it, and a sync's bookkeeping never wakes a page.
 *
 * Its own database, not idb.ts's key-value store: a step of the bookkeeping
 * (heads, outbox, dirty keys, the applying journal) commits in one transaction
 * over several object stores, which a single key-value store cannot give, and
 * "delete everything" or stopping sync drops the whole database at once.
 */
import { basesBefore, type ChangeFile, type Head, type Merged, type Vector } from '../../domain/sync/log';
import type { PeerView, Said } from '../../domain/sync/prune';

const DB = 'sidecoach-sync';
const STORES = ['meta', 'heads', 'outbox', 'dirty', 'applying', 'inbox', 'secrets'] as const;
type StoreName = (typeof STORES)[number];

/** This computer's place in the sync. */
export interface SyncMeta {
  dev: string;
  frontier: Vector;
  /**
   * Set when this computer took a new identity: its next record sends every value again, each against
   * what the others had (for keys changed in files never sent, the base before them; see log.ts basesBefore).
   */
  resend?: [string, Merged][];
  /**
   * This computer's newest snapshot: its number, size and coverage (how many files, and which: `frontier`),
   * the bytes of change files sent since, and when a head of this computer last named it.
   */
  snap?: { seq: number; bytes: number; covers: number; since: number; frontier?: Vector; named?: number };
  /** Its own change files up to this number it removed from the server (every computer had merged them). */
  removed?: number;
  /** What it last said it had merged of the others (in its head or merged file), and when. */
  said?: Said;
  /** What the others last said, by device: the newest head and merged file read, and what they say (prune.ts). */
  peers?: Record<string, PeerNote>;
}

/** What another computer last said of itself, kept so its files are read again only when new ones are there. */
export interface PeerNote {
  /** The numbers of its newest head and merged file read (0: none). */
  head: number;
  mark: number;
  view: PeerView;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    // Version 2 added the inbox (files read but waiting for another computer's earlier file), 3 the secrets.
    const request = indexedDB.open(DB, 3);
    request.onupgradeneeded = () => {
      for (const name of STORES) if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context deleting the database (delete everything): let it, and open it again next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  }).catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Run `work` in one transaction over the stores; resolves when it has committed. */
async function transact<R>(
  stores: readonly StoreName[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<R> | R,
): Promise<R> {
  const db = await open();
  const tx = db.transaction(stores, mode);
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('sync state transaction aborted'));
  });
  const result = await work(tx);
  await committed;
  return result;
}

/** This computer's device id and merged files (a new random id the first time). */
export async function readMeta(): Promise<SyncMeta> {
  const meta = await transact(['meta'], 'readonly', (tx) => done(tx.objectStore('meta').get('meta')));
  if (meta) return meta as SyncMeta;
  const fresh: SyncMeta = { dev: randomDeviceId(), frontier: {} };
  await transact(['meta'], 'readwrite', (tx) => done(tx.objectStore('meta').put(fresh, 'meta')));
  return fresh;
}

/** 128 random bits as hex: names this computer's folder on the server and says nothing else. */
function randomDeviceId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keep this computer's place (after a snapshot, say). */
export async function saveMeta(meta: SyncMeta): Promise<void> {
  await transact(['meta'], 'readwrite', (tx) => done(tx.objectStore('meta').put(meta, 'meta')));
}

/** The heads of some keys (absent keys have none). */
export async function readHeads(keys: Iterable<string>): Promise<Map<string, Head[]>> {
  return transact(['heads'], 'readonly', async (tx) => {
    const store = tx.objectStore('heads');
    const list = [...new Set(keys)];
    const values = await Promise.all(list.map((k) => done(store.get(k))));
    const heads = new Map<string, Head[]>();
    list.forEach((k, i) => {
      if (values[i]) heads.set(k, values[i] as Head[]);
    });
    return heads;
  });
}

/** The heads of every key that starts with `prefix`. */
export async function readHeadsWithPrefix(prefix: string): Promise<Map<string, Head[]>> {
  return transact(['heads'], 'readonly', async (tx) => {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const store = tx.objectStore('heads');
    const [keys, values] = await Promise.all([done(store.getAllKeys(range)), done(store.getAll(range))]);
    return new Map(keys.map((k, i) => [String(k), values[i] as Head[]]));
  });
}

/** Storage keys changed since they were last recorded, each with a counter that moves on every change. */
export async function readDirty(): Promise<Map<string, number>> {
  return transact(['dirty'], 'readonly', async (tx) => {
    const store = tx.objectStore('dirty');
    const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
    return new Map(keys.map((k, i) => [String(k), values[i] as number]));
  });
}

let dirtyCounter = Date.now();

/** Note storage keys as changed (to be recorded by the next sync). */
export async function markDirty(keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await transact(['dirty'], 'readwrite', (tx) => {
    const store = tx.objectStore('dirty');
    for (const k of keys) store.put(++dirtyCounter, k);
  });
}

/** Change files recorded but not yet on the server, oldest first. */
export async function readOutbox(): Promise<ChangeFile[]> {
  const files = await transact(['outbox'], 'readonly', (tx) => done(tx.objectStore('outbox').getAll()));
  return (files as ChangeFile[]).sort((a, b) => a.seq - b.seq);
}

/** Drop an uploaded change file from the outbox. */
export async function removeFromOutbox(seq: number): Promise<void> {
  await transact(['outbox'], 'readwrite', (tx) => done(tx.objectStore('outbox').delete(seq)));
}

/** The keys a sync was applying to storage when it stopped, with their merged values before. */
export async function readApplying(): Promise<Map<string, Merged>> {
  return transact(['applying'], 'readonly', async (tx) => {
    const store = tx.objectStore('applying');
    const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
    return new Map(keys.map((k, i) => [String(k), values[i] as Merged]));
  });
}

/** Forget the keys being applied (they are in storage now). */
export async function clearApplying(): Promise<void> {
  await transact(['applying'], 'readwrite', (tx) => done(tx.objectStore('applying').clear()));
}

/** What sync needs and no page or content script may read: the key (non-extractable) and the app password. */
export interface SyncSecrets {
  key: CryptoKey;
  password: string;
}

/** Keep the secrets (the key as a CryptoKey object: IndexedDB stores it whole, its bytes stay unreadable). */
export async function saveSecrets(secrets: SyncSecrets): Promise<void> {
  await transact(['secrets'], 'readwrite', (tx) => done(tx.objectStore('secrets').put(secrets, 'secrets')));
}

/** The secrets, or null when there are none (sync off, or this browser's site data cleared). */
export async function readSecrets(): Promise<SyncSecrets | null> {
  const found = await transact(['secrets'], 'readonly', (tx) => done(tx.objectStore('secrets').get('secrets')));
  return (found as SyncSecrets | undefined) ?? null;
}

/** Files of other computers read from the server but not yet applied (each waits for a file it had seen). */
export async function readInbox(): Promise<ChangeFile[]> {
  return (await transact(['inbox'], 'readonly', (tx) => done(tx.objectStore('inbox').getAll()))) as ChangeFile[];
}

const inboxKey = (file: Pick<ChangeFile, 'dev' | 'seq'>) => `${file.dev}/${file.seq}`;

/** One step of sync's bookkeeping, committed together or not at all. */
export interface Commit {
  meta: SyncMeta;
  heads: ReadonlyMap<string, readonly Head[]>;
  /** A change file to keep until it is uploaded. */
  outbox?: ChangeFile[];
  /** Dirty keys recorded, with the counter they were read at (a key changed again since stays dirty). */
  recorded?: ReadonlyMap<string, number>;
  /** Keys about to be written to storage, with their merged values before. */
  applying?: ReadonlyMap<string, Merged>;
  /** Files read that wait in the inbox, and files applied (out of it). */
  inbox?: { add: readonly ChangeFile[]; remove: readonly ChangeFile[] };
}

/** Commit a step of sync's bookkeeping in one transaction. */
export async function commit(step: Commit): Promise<void> {
  await transact(STORES, 'readwrite', async (tx) => {
    tx.objectStore('meta').put(step.meta, 'meta');
    const heads = tx.objectStore('heads');
    for (const [k, h] of step.heads) {
      if (h.length > 0) heads.put(h, k);
      else heads.delete(k);
    }
    for (const file of step.outbox ?? []) tx.objectStore('outbox').put(file, file.seq);
    for (const [k, v] of step.applying ?? []) tx.objectStore('applying').put(v, k);
    for (const file of step.inbox?.add ?? []) tx.objectStore('inbox').put(file, inboxKey(file));
    for (const file of step.inbox?.remove ?? []) tx.objectStore('inbox').delete(inboxKey(file));
    const dirty = tx.objectStore('dirty');
    await Promise.all(
      [...(step.recorded ?? [])].map(async ([k, counter]) => {
        if ((await done(dirty.get(k))) === counter) dirty.delete(k);
      }),
    );
  });
}

/**
 * Take a new device id, keeping what was merged (its files' `seen` then covers every value it had,
 * its own earlier files that reached the server, `sent`, included): the files not yet sent are dropped (their values are sent again
 * whole) and the next record sends every value.
 */
export async function renewIdentity(sent: number): Promise<void> {
  await transact(['meta', 'outbox'], 'readwrite', async (tx) => {
    const meta = (await done(tx.objectStore('meta').get('meta'))) as SyncMeta | undefined;
    // The old id's files count as merged only as far as they reached the server (others cannot wait for the rest).
    const frontier = { ...meta?.frontier, ...(meta ? { [meta.dev]: Math.min(sent, meta.frontier[meta.dev] ?? 0) } : {}) };
    const unsent = (await done(tx.objectStore('outbox').getAll())) as ChangeFile[];
    const next: SyncMeta = { dev: randomDeviceId(), frontier, resend: [...basesBefore(unsent)] };
    tx.objectStore('meta').put(next, 'meta');
    tx.objectStore('outbox').clear();
  });
}

/** Forget everything sync knew (stop syncing, or a new server): the next start is a first sync with a new device id. */
export async function resetSyncState(): Promise<void> {
  await transact(STORES, 'readwrite', (tx) => {
    for (const name of STORES) tx.objectStore(name).clear();
  });
}

/** Close this context's connection (the next use opens it again): tests switch databases between computers. */
export async function closeSyncState(): Promise<void> {
  const was = opening;
  opening = null;
  await was?.then((db) => db.close()).catch(() => undefined);
}

/** Delete sync's database (delete everything): nothing sync knew stays in this browser. */
export async function deleteSyncState(): Promise<void> {
  await closeSyncState();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Blocked by a connection elsewhere: it closes on its versionchange event, and the delete then goes ahead.
    request.onblocked = () => undefined;
  });
}
