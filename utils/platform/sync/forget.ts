/**
 * Sync forgotten in this browser (a platform adapter, for stopping sync and
 * for "delete everything"): the settings and status, sync's database, and
 * the host access to the server, given back. The data on the server and the
 * data here stay as they are.
 */
import { browser } from 'wxt/browser';
import { syncConfigStore, syncStatusStore } from './config';
import { deleteSyncState } from './state';

/** Host access granted beyond what the manifest asks for at install: the sync server's, asked for at run time. */
async function optionalOrigins(): Promise<string[]> {
  const required = new Set((browser.runtime.getManifest() as { host_permissions?: string[] }).host_permissions ?? []);
  const granted = (await browser.permissions.getAll()).origins ?? [];
  return granted.filter((o) => !required.has(o));
}

/** Forget sync here: its settings, status and database, and every optional host access (given back). */
export async function forgetSync(): Promise<void> {
  await syncConfigStore.item.setValue(null);
  await syncStatusStore.item.setValue({ running: false, lastSyncedAt: null, waiting: 0, problem: null, failures: 0 });
  // Requests go to the server only while sync is on: the access is given back (a leftover of an earlier stop too).
  const origins = await optionalOrigins().catch(() => []);
  if (origins.length > 0) await browser.permissions.remove({ origins }).catch(() => false);
  await deleteSyncState();
}
