/**
 * Several computers in one test process, for the sync engine's tests: each
 * has its own extension storage (fakeBrowser's, swapped in and out) and its
 * own IndexedDB (a fake-indexeddb factory), and they share a real WebDAV
 * server (rclone on 127.0.0.1, tests/webdav-server.ts).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeSyncState } from '../../../../../utils/platform/sync/state';

/** One computer's browser: its storage and its IndexedDB. */
export interface Computer {
  name: string;
  local: Record<string, unknown>;
  idb: IDBFactory;
}

/** A new computer with these stored values. */
export function computer(name: string, local: Record<string, unknown> = {}): Computer {
  return { name, local: structuredClone(local), idb: new IDBFactory() };
}

let current: Computer | null = null;

/** Run `work` on a computer: its storage and database are the browser's while it runs. */
export async function on<R>(c: Computer, work: () => Promise<R>): Promise<R> {
  if (current !== c) {
    await closeSyncState();
    globalThis.indexedDB = c.idb;
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.local.set(structuredClone(c.local));
    current = c;
  }
  try {
    return await work();
  } finally {
    c.local = structuredClone(await fakeBrowser.storage.local.get(null));
  }
}

/** Forget which computer is in the browser (between tests: fakeBrowser is reset). */
export function leaveComputers(): void {
  current = null;
}

/** Host access to every server (the person said yes), and given back when asked. */
export function allowHosts(): void {
  fakeBrowser.permissions.contains = async () => true;
  fakeBrowser.permissions.remove = async () => true;
}
