/**
 * The storage adapter's smallest read (with storage.ts and storage-area.ts, the
 * only code that touches the browser's storage): the chosen role, read with
 * `chrome.storage` (callbacks, in Chrome and Firefox alike) rather than the
 * polyfill and the storage library, for the toolbar button's first script, which
 * runs on every click before the role's own page loads.
 */
import type { Role } from '../domain/settings';

interface CallbackStorage {
  storage: { local: { get(key: string, callback: (items: Record<string, unknown>) => void): void } };
}

/**
 * The stored role, or undefined when none was chosen (or the settings cannot be
 * read: then the question is asked, and its answer writes a valid value). Checked
 * by hand: the settings' schema would bring valibot into this script.
 */
export function readRoleQuickly(): Promise<Role | undefined> {
  const api = (globalThis as unknown as { chrome?: CallbackStorage }).chrome;
  return new Promise((resolve) => {
    if (!api?.storage) return resolve(undefined);
    api.storage.local.get('settings', (items) => {
      const role = (items?.settings as { role?: unknown } | undefined)?.role;
      resolve(role === 'coach' || role === 'coachee' || role === 'both' ? role : undefined);
    });
  });
}
