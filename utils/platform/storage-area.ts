/**
 * The storage adapter's batch side (with storage.ts, the only code that touches
 * `browser.storage`): many items read in one call and handed out only checked,
 * the whole area cleared, its size, and the feed of changes. Apart from
 * storage.ts, which every page loads at start, so their start-up bundles do not
 * carry it.
 */
import { browser } from 'wxt/browser';
import { CheckedRead, type Stored } from './storage';

/** Values read in one storage call, handed out only checked (the read policy of storage.ts). */
export class CheckedBatch extends CheckedRead {
  constructor(private readonly raw: Record<string, unknown>) {
    super();
  }

  /** The value to use for `stored`: checked, the fallback in place of a bad one (kept aside on `done`). */
  take<T>(stored: Stored<T>): T {
    return this.value(stored, this.raw[stored.bare]);
  }
}

/** Read these items (every item of the local area when null) in one storage call. */
export async function readBatch(items: readonly { bare: string }[] | null): Promise<CheckedBatch> {
  return new CheckedBatch(await browser.storage.local.get(items ? items.map((i) => i.bare) : null));
}

/** Delete everything kept, in both areas. */
export async function clearAll(): Promise<void> {
  await Promise.all([browser.storage.local.clear(), browser.storage.sync.clear()]);
}

/** Bytes used in local storage (undefined where the browser cannot tell). */
export async function localBytesInUse(): Promise<number | undefined> {
  const local = browser.storage.local as { getBytesInUse?: (keys: null) => Promise<number> };
  return local.getBytesInUse ? local.getBytesInUse(null).catch(() => undefined) : undefined;
}

/** Follow every change to storage (the background's one listener for all it keeps in step; values as stored: check before use). */
export function onStorageChange(listener: Parameters<typeof browser.storage.onChanged.addListener>[0]): void {
  browser.storage.onChanged.addListener(listener);
}
