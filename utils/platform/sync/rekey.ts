/**
 * A new key for sync (a platform adapter): the passphrase changed, or a
 * computer removed. Kept simple and safe as "a new epoch": the new key file
 * `sidecoach-key-<e>.json` is written once; every computer's folder of the
 * old key is removed; each computer, when the passphrase is entered there,
 * takes a new identity and sends everything again under the new key (each
 * value against what it had merged, so nothing is doubled). A removed computer
 * keeps only the old key, which opens nothing written after; its id is named
 * in the new key file so its next sync says it was removed.
 */

import { readChecked } from '../storage';
import { type SyncConfig, syncConfigStore } from './config';
import { importKey, makeKeyFile, openKeyFile, parseKeyFile } from './crypto';
import { clientFor, runSync, secretsOf, underSyncLock } from './engine';
import { markAllDirty } from './local';
import { createKeyFile, listDevices, newestKeyFile, SyncProblem } from './server';
import * as state from './state';

/** Removed computers a key file remembers (the newest), so each still says why it stopped. */
const REMEMBERED_REMOVALS = 100;

/** The configuration, or a problem when sync is off. */
async function configNow(): Promise<NonNullable<SyncConfig>> {
  const config = (await readChecked(syncConfigStore, Date.now(), false)).value;
  if (!config) throw new SyncProblem('signedOut', 'sync is not on');
  return config;
}

/** Take a new identity for the new key: what this computer has is sent again (its old folder is removed by the caller). */
async function renewForNewKey(): Promise<string> {
  const meta = await state.readMeta();
  const outbox = await state.readOutbox();
  const sent = outbox.length > 0 ? (outbox[0]?.seq ?? 1) - 1 : (meta.frontier[meta.dev] ?? 0);
  await state.renewIdentity(sent);
  await markAllDirty();
  return meta.dev;
}

/**
 * Make a new key from `passphrase` (the new one, or the same one again when only computers are removed:
 * then it must open the current key file) and start its epoch. Every folder of the old key is removed.
 * The caller syncs afterwards, which sends everything under the new key.
 */
export async function changeKey(passphrase: string, remove: readonly string[], now = Date.now()): Promise<void> {
  await underSyncLock(async () => {
    const config = await configNow();
    const secrets = await secretsOf(config);
    const client = clientFor(config, secrets.password);
    const current = parseKeyFile(config.keyFile);
    // Removing only: the passphrase typed must be the one in use (a typo would otherwise change it unseen).
    if (remove.length > 0) await openKeyFile(current, passphrase);
    // First merge what the others sent: their folders go below, and what they had sent is then kept here.
    await runSync(config, now);
    const folders = await listDevices(client, now);
    const epoch = (config.epoch ?? 1) + 1;
    const made = await makeKeyFile(passphrase);
    const removed = [...(current.removed ?? []), ...remove].slice(-REMEMBERED_REMOVALS);
    const text = JSON.stringify(removed.length > 0 ? { ...made.file, removed } : made.file);
    if ((await createKeyFile(client, text, epoch)) !== text) {
      throw new SyncProblem('keyChanged', 'another computer made a new key at the same moment');
    }
    // A new identity before the new key is kept: stopped in between, the next sync finds the new key file and asks.
    await renewForNewKey();
    await state.saveSecrets({ key: await importKey(made.raw), password: secrets.password });
    const { sentName: _sent, ...kept } = await configNow();
    await syncConfigStore.item.setValue({ ...kept, keyFile: text, epoch });
    for (const dev of folders) await client.remove(`${dev}/`).catch(() => undefined);
  });
}

/**
 * Another computer made a new key: open it with the passphrase entered here (a wrong one changes nothing),
 * take a new identity and let the next sync send everything under it.
 */
export async function enterNewKey(passphrase: string): Promise<void> {
  await underSyncLock(async () => {
    const config = await configNow();
    const secrets = await secretsOf(config);
    const client = clientFor(config, secrets.password);
    const newest = await newestKeyFile(client);
    if (!newest) throw new SyncProblem('keyMissing', 'no key file on the server');
    const raw = await openKeyFile(parseKeyFile(newest.text), passphrase);
    const oldDev = await renewForNewKey();
    await state.saveSecrets({ key: await importKey(raw), password: secrets.password });
    const { sentName: _sent, ...kept } = await configNow();
    await syncConfigStore.item.setValue({ ...kept, keyFile: newest.text, epoch: newest.epoch });
    await client.remove(`${oldDev}/`).catch(() => undefined);
  });
}
