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

/**
 * Read these items (every item of the local area when null) in one storage call. `known` holds values
 * already in memory by key (what a change just wrote, as storage reported it): those are not read again,
 * and are checked like the rest.
 */
export async function readBatch(items: readonly { bare: string }[] | null, known?: ReadonlyMap<string, unknown>): Promise<CheckedBatch> {
  if (!items || !known) return new CheckedBatch(await browser.storage.local.get(items ? items.map((i) => i.bare) : null));
  const unknown = items.map((i) => i.bare).filter((k) => !known.has(k));
  const raw: Record<string, unknown> = unknown.length > 0 ? await browser.storage.local.get(unknown) : {};
  for (const { bare } of items) if (known.has(bare)) raw[bare] = known.get(bare);
  return new CheckedBatch(raw);
}

/** Whether an item is stored at all (a derived record missing after a browser start or an update, the index of a new install). */
export async function isStored(item: { key: string; bare: string }): Promise<boolean> {
  const area = item.key.startsWith('session:') ? browser.storage.session : browser.storage.local;
  return (await area.get(item.bare))[item.bare] !== undefined;
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
