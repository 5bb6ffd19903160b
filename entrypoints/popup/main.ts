import type { Role } from '../../utils/domain/settings';
import { ROLE_PAGES, viewFor } from '../../utils/platform/role-page';

interface CallbackStorage {
  storage: { local: { get(key: string, callback: (items: Record<string, unknown>) => void): void } };
}

/**
 * The stored role, or undefined when none was chosen (or the settings cannot be
 * read: then the question is asked, and its answer writes a valid value). Read
 * with `chrome.storage` (callbacks, in Chrome and Firefox alike) rather than the
 * polyfill and the storage library: this script runs on every click of the
 * toolbar button, before the role's own page loads.
 */
function readRoleQuickly(): Promise<Role | undefined> {
  const api = (globalThis as unknown as { chrome?: CallbackStorage }).chrome;
  return new Promise((resolve) => {
    if (!api?.storage) return resolve(undefined);
    api.storage.local.get('settings', (items) => {
      const role = (items?.settings as { role?: unknown } | undefined)?.role;
      resolve(role === 'coach' || role === 'coachee' || role === 'both' ? role : undefined);
    });
  });
}

// The toolbar button's first page: it opens the popup of the role chosen, or asks the question.
void readRoleQuickly().then((role) => {
  if (role && !location.search.includes('ask')) location.replace(ROLE_PAGES[viewFor(role)]);
  else void import('./question').then((m) => m.askRole());
});
