/**
 * The computers that sync, as the person knows them (a platform adapter): each
 * computer's name, given by the person and sent encrypted in a small file of
 * its own (`<device id>/n<k>`), and when each was last seen (its newest head's or merged file's time).
 */

import { readChecked } from '../storage';
import { syncConfigStore, syncStatusStore } from './config';
import { listDevice, listDevices, readHead, readMark, readName, writeName } from './server';
import type { DavClient } from './webdav';

/** Send this computer's name when it is new or its folder has none yet (a new identity, a new key). */
export async function sendName(client: DavClient, key: CryptoKey, dev: string, names: readonly number[]): Promise<void> {
  const config = (await readChecked(syncConfigStore, Date.now(), false)).value;
  if (!config?.name || (config.sentName === config.name && names.length > 0)) return;
  await client.mkcol(`${dev}/`);
  await writeName(client, key, dev, config.name, names);
  const now = (await readChecked(syncConfigStore, Date.now(), false)).value;
  if (now) await syncConfigStore.item.setValue({ ...now, sentName: config.name });
}

/** One computer in the list. */
export interface ComputerInfo {
  dev: string;
  /** The name the person gave it ('' when none). */
  name: string;
  /** When it last sent or merged changes (its newest head's or merged file's time), or synced (this computer); null when not known. */
  seenAt: number | null;
  /** This computer. */
  self: boolean;
}

/** Every computer with a folder on the server, this one first; a name or head that does not open reads as unknown. */
export async function listComputers(client: DavClient, key: CryptoKey, self: string, now: number): Promise<ComputerInfo[]> {
  const config = (await readChecked(syncConfigStore, Date.now(), false)).value;
  const status = (await readChecked(syncStatusStore, Date.now(), false)).value;
  const out: ComputerInfo[] = [{ dev: self, name: config?.name ?? '', seenAt: status.lastSyncedAt, self: true }];
  for (const dev of await listDevices(client, now)) {
    if (dev === self) continue;
    const folder = await listDevice(client, dev);
    if (!folder) continue;
    const lastName = folder.names.at(-1);
    const name = lastName === undefined ? null : await readName(client, key, dev, lastName);
    const lastHead = folder.heads.at(-1);
    const head = lastHead === undefined ? null : await readHead(client, key, dev, lastHead);
    const lastMark = folder.marks.at(-1);
    // A computer that only reads says so in its merged file.
    const mark = lastMark === undefined ? null : await readMark(client, key, dev, lastMark);
    const times = [head, mark].flatMap((f) => (f && f !== 'refused' ? [f.at] : []));
    out.push({
      dev,
      name: typeof name === 'string' ? name : '',
      seenAt: times.length > 0 ? Math.max(...times) : null,
      self: false,
    });
  }
  return out;
}
