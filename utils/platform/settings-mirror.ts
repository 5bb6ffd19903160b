/**
 * Mirrors the small items the user lets sync (settings, templates) between
 * this browser's local storage, where every page reads them, and the
 * browser's sync storage, which carries them to the user's other browsers
 * (a platform adapter, run by the background).
 *
 * Local is the truth for the pages; sync is a copy in both directions while
 * the preference is on. Switching it off removes the item from sync, so it no
 * longer leaves this browser.
 */
import { browser } from 'wxt/browser';
import { sameJson } from '../domain/json';
import { DEFAULT_SYNC_PREFS, type SyncPrefs, SyncPrefsSchema } from '../domain/settings';
import { check, define, readChecked, type Stored, settingsStore, templatesStore } from './storage';

/** Which small items sync across the user's browsers (kept in this browser only, by nature). */
export const syncPrefsStore = define<SyncPrefs>('local:syncPrefs', SyncPrefsSchema, DEFAULT_SYNC_PREFS);

type Mirrored = { pref: keyof SyncPrefs; stored: Stored<unknown> };
const MIRRORED: readonly Mirrored[] = [
  { pref: 'settings', stored: settingsStore as Stored<unknown> },
  { pref: 'templates', stored: templatesStore as Stored<unknown> },
];
const bare = (key: string) => key.replace(/^(local|sync):/, '');

/** Bring sync storage in line with the preferences: push what may sync, remove what may not. */
export async function applySyncPrefs(): Promise<void> {
  const prefs = (await readChecked(syncPrefsStore)).value;
  const local = await browser.storage.local.get(MIRRORED.map((m) => bare(m.stored.key)));
  const synced = await browser.storage.sync.get(MIRRORED.map((m) => bare(m.stored.key)));
  for (const { pref, stored } of MIRRORED) {
    const key = bare(stored.key);
    if (!prefs[pref]) {
      if (key in synced) await browser.storage.sync.remove(key);
    } else if (local[key] === undefined && synced[key] !== undefined) {
      // A new browser of the same user: take the synced copy if it is valid.
      if (check(stored, synced[key]).valid) await browser.storage.local.set({ [key]: synced[key] });
    } else if (local[key] !== undefined && !sameJson(local[key], synced[key])) {
      await browser.storage.sync.set({ [key]: local[key] });
    }
  }
}

/** Follow one storage change: copy it to the other area when the user lets that item sync. */
export async function mirrorChange(changes: Record<string, { newValue?: unknown }>, area: string): Promise<void> {
  if (area !== 'local' && area !== 'sync') return;
  if (area === 'local' && 'syncPrefs' in changes) {
    await applySyncPrefs();
    return;
  }
  // Most changes (notes, the clock) concern nothing mirrored: no storage read for them.
  if (!MIRRORED.some((m) => bare(m.stored.key) in changes)) return;
  const prefs = (await readChecked(syncPrefsStore)).value;
  for (const { pref, stored } of MIRRORED) {
    const key = bare(stored.key);
    const change = changes[key];
    if (!change || !prefs[pref] || change.newValue === undefined) continue;
    const target = area === 'local' ? browser.storage.sync : browser.storage.local;
    const current = (await target.get(key))[key];
    if (sameJson(current, change.newValue)) continue; // our own echo
    // A copy from another browser is taken only if it passes the schema.
    if (area === 'sync' && !check(stored, change.newValue).valid) continue;
    try {
      await target.set({ [key]: change.newValue });
    } catch (err) {
      // Over a sync quota the local copy stays the truth; the next change tries again.
      console.warn(`Could not sync ${key}`, err);
    }
  }
}
