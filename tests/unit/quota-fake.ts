import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Make fakeBrowser's storage.local reject writes like a full disk or a quota
 * does (fakeBrowser enforces no quotas). Returns controls for the test.
 */
export function failingLocalStorage() {
  const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  const state = { failing: true, attempts: 0, message: 'QUOTA_BYTES quota exceeded' };
  fakeBrowser.storage.local.set = async (items: Record<string, unknown>) => {
    state.attempts++;
    if (state.failing) throw new Error(state.message);
    return realSet(items);
  };
  return state;
}

/** Count storage.local writes (each `set` call is one write). */
export function countLocalWrites() {
  const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  const counter = { writes: 0, keys: [] as string[] };
  fakeBrowser.storage.local.set = async (items: Record<string, unknown>) => {
    counter.writes++;
    counter.keys.push(...Object.keys(items));
    return realSet(items);
  };
  return counter;
}
