/**
 * Reading the other computers' folders (a platform adapter): each listed once
 * per sync, then their new change files read in order and with no gap,
 * refusing any that fails authentication and saying which are missing.
 */

import { headWorthReading, planFolder } from '../../domain/sync/gaps';
import type { ChangeFile } from '../../domain/sync/log';
import { type DeviceFolder, listDevice, readChangeFile, readHead } from './server';
import * as state from './state';
import type { DavClient } from './webdav';

/** The other computers' folders as listed now, by device id (a folder gone since the sync folder was listed is left out). */
export async function listFolders(client: DavClient, devices: readonly string[], self: string): Promise<Map<string, DeviceFolder>> {
  const folders = new Map<string, DeviceFolder>();
  for (const dev of devices) {
    if (dev === self) continue;
    const folder = await listDevice(client, dev);
    if (folder) folders.set(dev, folder);
  }
  return folders;
}

/** Read the other computers' new files in order: the files read, those waiting in the inbox, the refused and the missing by path. */
export async function readOthers(client: DavClient, key: CryptoKey, meta: state.SyncMeta, folders: ReadonlyMap<string, DeviceFolder>) {
  const refused: string[] = [];
  const missing: string[] = [];
  const incoming: ChangeFile[] = [];
  const inbox = await state.readInbox();
  for (const [dev, folder] of folders) {
    const merged = meta.frontier[dev] ?? 0;
    const waiting = new Map(inbox.filter((f) => f.dev === dev).map((f) => [f.seq, f]));
    const present = [...new Set([...folder.changes, ...waiting.keys()])];
    // The head is read only when it names a file past every file listed: a log cut short at its end.
    let last: number | null = null;
    const headAt = headWorthReading(folder.heads, Math.max(merged, ...present));
    if (headAt !== null) {
      const head = await readHead(client, key, dev, headAt);
      if (head === 'refused') refused.push(`${dev}/h${headAt}`);
      else if (head) last = head.seq;
    }
    const plan = planFolder(merged, present, last);
    let stopped = false;
    for (const seq of plan.read) {
      if (waiting.has(seq)) continue;
      const name = `${dev}/c${seq}`;
      const file = await readChangeFile(client, key, dev, seq);
      if (file === null) {
        missing.push(name);
        stopped = true;
        break;
      }
      if (file === 'refused') {
        // Refused, and so is everything after it from that computer (it may depend on it). It is read again
        // at the next sync (one file), so a file put back whole is taken.
        refused.push(name);
        stopped = true;
        break;
      }
      incoming.push(file);
    }
    if (!stopped && plan.missing !== null) missing.push(`${dev}/c${plan.missing}`);
  }
  return { incoming, inbox, refused, missing };
}
