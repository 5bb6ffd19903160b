/**
 * When the background syncs (a platform adapter): a few seconds after a
 * change to what syncs, on start-up, and on a poll every few minutes while the
 * browser is awake; after a failure the polls wait longer each time. A sync
 * runs in the background only, never in a page's way; changes made offline
 * wait in the change log until the server answers.
 */
import { browser } from 'wxt/browser';
import { addressProblem, passphraseProblem } from '../../domain/sync/checks';
import { backoffMs } from '../../domain/sync/faults';
import { isSyncedStorageKey } from '../../domain/sync/keys';
import { readChecked } from '../storage';
import { syncConfigStore, syncStatusStore } from './config';
import { testConnection } from './connection';
import { clientFor, faultOfError, secretsOf, startSync, stopSync, syncOnce } from './engine';
import { asSyncRequest, type SyncReply } from './messages';
import { listComputers } from './names';
import { changeKey, enterNewKey } from './rekey';
import * as state from './state';
import { markDirty } from './state';

/** The poll alarm's name. */
const SYNC_ALARM = 'sync-poll';
const POLL_MINUTES = 5;
const AFTER_CHANGE_MS = 3_000;

let timer: ReturnType<typeof setTimeout> | undefined;

/** Sync once, `delayMs` from now (a later call moves it). */
function syncSoon(delayMs = AFTER_CHANGE_MS): void {
  clearTimeout(timer);
  timer = setTimeout(() => void syncOnce().catch((e: unknown) => console.warn('sync failed', e)), delayMs);
}

/**
 * Keep `storage.local` from content scripts (Chrome: `setAccessLevel`, kept by the browser; Firefox has no
 * such switch, its bug 1724754). Ours on Meet and Zoom only send messages and read no storage.
 */
async function keepLocalStorageFromContentScripts(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}

/** On start-up: keep storage from content scripts; poll while sync is on, and sync now. */
export async function startSyncSchedule(): Promise<void> {
  await keepLocalStorageFromContentScripts();
  if (!(await readChecked(syncConfigStore)).value) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: POLL_MINUTES });
  syncSoon(2_000);
}

/** Follow storage: sync switched on or off, and changes to what syncs. */
export async function onStorageChangeForSync(changes: Record<string, { newValue?: unknown }>, area: string): Promise<void> {
  if (area !== 'local') return;
  if (syncConfigStore.bare in changes) {
    if (changes[syncConfigStore.bare]?.newValue) await startSyncSchedule();
    else {
      clearTimeout(timer);
      await browser.alarms.clear(SYNC_ALARM);
    }
  }
  const keys = Object.keys(changes).filter(isSyncedStorageKey);
  if (keys.length === 0 || !(await readChecked(syncConfigStore)).value) return;
  await markDirty(keys);
  syncSoon();
}

/** The poll: sync, unless the last failures ask to wait longer. */
export async function onSyncAlarm(name: string, now = Date.now()): Promise<void> {
  if (name !== SYNC_ALARM) return;
  const status = (await readChecked(syncStatusStore, now, false)).value;
  if (status.failures > 0 && status.problem && now < status.problem.at + backoffMs(status.failures)) return;
  await syncOnce();
}

/** Answer the options page's sync requests (undefined for any other message). */
export function onSyncMessage(raw: unknown): Promise<SyncReply> | undefined {
  const request = asSyncRequest(raw);
  if (!request) return undefined;
  return (async (): Promise<SyncReply> => {
    // Checked again here: a request may come from any page of the extension, not only the form that checked it.
    if (request.type === 'syncTest' || request.type === 'syncStart') {
      const problem = addressProblem(request.url) ?? (request.type === 'syncStart' ? passphraseProblem(request.passphrase) : null);
      if (problem) return { ok: false, fault: problem };
    }
    // A new passphrase is held to the same rule as the first (removing only re-enters the one in use).
    if (request.type === 'syncRekey' && request.remove.length === 0) {
      const problem = passphraseProblem(request.passphrase);
      if (problem) return { ok: false, fault: problem };
    }
    try {
      if (request.type === 'syncTest') return { ok: true, found: await testConnection(request.url, request.user, request.password) };
      if (request.type === 'syncStart') {
        await startSync(request.url, request.user, request.password, request.passphrase);
        await syncOnce();
      } else if (request.type === 'syncNow') await syncOnce();
      else if (request.type === 'syncComputers') return { ok: true, computers: await computersNow() };
      else if (request.type === 'syncName') {
        const config = (await readChecked(syncConfigStore, Date.now(), false)).value;
        if (config) await syncConfigStore.item.setValue({ ...config, name: request.name.trim().slice(0, 200) });
        syncSoon();
      } else if (request.type === 'syncRekey') {
        await changeKey(request.passphrase, request.remove);
        await syncOnce();
      } else if (request.type === 'syncRejoin') {
        await enterNewKey(request.passphrase);
        await syncOnce();
      } else {
        clearTimeout(timer);
        await stopSync();
      }
      return { ok: true };
    } catch (e) {
      return { ok: false, fault: faultOfError(e) };
    }
  })();
}

/** The computers on the server, as this computer's key reads them. */
async function computersNow() {
  const config = (await readChecked(syncConfigStore, Date.now(), false)).value;
  if (!config) return [];
  const secrets = await secretsOf(config);
  return listComputers(clientFor(config, secrets.password), secrets.key, (await state.readMeta()).dev, Date.now());
}
