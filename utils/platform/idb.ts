/**
 * A small key-value store in the extension's IndexedDB (a platform adapter) for
 * large derived data such as the full-text index. Not extension storage: a
 * write there is sent, old and new value, to every open page's
 * `storage.onChanged` listeners, which for megabytes of index is a cost on
 * every page each time it is saved.
 */

const DB_NAME = 'sidecoach';
const STORE = 'kv';

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Another context deleting or upgrading the database: open it again next time.
      db.onversionchange = () => {
        db.close();
        opened = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opened = null;
      reject(request.error);
    };
  });
  return opened;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Settles when a write transaction is committed (rejects when it fails or is aborted). */
const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });

/** The value kept under `key`, or undefined. */
export async function idbGet<T>(key: string): Promise<T | undefined> {
  const db = await database();
  return (await done(db.transaction(STORE, 'readonly').objectStore(STORE).get(key))) as T | undefined;
}

/** Keep `value` under `key` (structured clone: strings, arrays, plain objects). */
export async function idbSet(key: string, value: unknown): Promise<void> {
  const db = await database();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put(value, key);
  await committed(tx);
}

/** The values kept under these keys (undefined where none), read in one transaction. */
export async function idbGetMany<T>(keys: readonly string[]): Promise<(T | undefined)[]> {
  const db = await database();
  const store = db.transaction(STORE, 'readonly').objectStore(STORE);
  return Promise.all(keys.map((key) => done(store.get(key)) as Promise<T | undefined>));
}

/** Keep these values and delete these keys, all in one transaction (all of it is written, or none). */
export async function idbWrite(puts: ReadonlyMap<string, unknown>, deletes: readonly string[] = []): Promise<void> {
  const db = await database();
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  for (const key of deletes) store.delete(key);
  for (const [key, value] of puts) store.put(value, key);
  await committed(tx);
}

/** Remove every value at once (everything the history keeps in IndexedDB, when every session is gone). */
export async function idbClear(): Promise<void> {
  const db = await database();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).clear();
  await committed(tx);
}

/** Forget the open connection (tests delete the database between cases). */
export function idbReset(): void {
  void opened?.then((db) => db.close()).catch(() => undefined);
  opened = null;
}
