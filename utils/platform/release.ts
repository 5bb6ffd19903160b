/**
 * The release a person has not yet been told about (a platform adapter: the
 * background writes it on an update, the options page shows and clears it).
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { define, readChecked } from './storage';

/** The version whose "What's new" line waits in the options page, or null. */
export const whatsNewStore = define<string | null>('local:whatsNew', v.nullable(v.pipe(v.string(), v.maxLength(20))), null);

/** Whether the welcome was opened on this browser (Chromium reports an unpacked extension loaded from the command line as installed anew at each start). */
export const welcomedStore = define<boolean>('local:welcomed', v.boolean(), false);

/** This build's version (from package.json, through the manifest). */
export function currentVersion(): string {
  return browser.runtime.getManifest().version;
}

/**
 * What the browser's `onInstalled` means for a newcomer: a fresh install opens
 * the welcome; an update to another version leaves a quiet line in the options
 * page (no tab); a reload of the same version, or a browser update, does nothing.
 */
export async function onInstalled(details: { reason: string; previousVersion?: string }): Promise<void> {
  if (details.reason === 'install') {
    if ((await readChecked(welcomedStore)).value) return;
    await welcomedStore.item.setValue(true);
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  } else if (details.reason === 'update' && details.previousVersion !== currentVersion()) {
    await whatsNewStore.item.setValue(currentVersion());
  }
}
