import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../../../utils/domain/settings';
import { applySyncPrefs, mirrorChange } from '../../../../utils/platform/settings-mirror';

const dark = { ...DEFAULT_SETTINGS, theme: 'dark' as const };
const syncOn = () => fakeBrowser.storage.local.set({ syncPrefs: { settings: true, templates: true } });

describe('sync mirror', () => {
  it('mirrors nothing until the person turns sync on', async () => {
    await fakeBrowser.storage.local.set({ templates: [], settings: dark });
    await applySyncPrefs();
    await mirrorChange({ settings: { newValue: dark } }, 'local');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await fakeBrowser.storage.sync.set({ settings: DEFAULT_SETTINGS });
    await mirrorChange({ settings: { newValue: DEFAULT_SETTINGS } }, 'sync');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(dark);
  });

  it('copies a local change of the settings to sync while they may sync', async () => {
    await syncOn();
    await fakeBrowser.storage.local.set({ settings: dark });
    await mirrorChange({ settings: { newValue: dark } }, 'local');
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(dark);
  });

  it('takes a valid change from another browser, and refuses an invalid one', async () => {
    await syncOn();
    await mirrorChange({ settings: { newValue: dark } }, 'sync');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(dark);
    await mirrorChange({ settings: { newValue: { theme: 'neon' } } }, 'sync');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(dark);
  });

  it('never sends what the user keeps local, and removes it from sync when they untick it', async () => {
    await syncOn();
    await fakeBrowser.storage.local.set({ templates: [], settings: dark });
    await applySyncPrefs();
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).sort()).toEqual(['settings', 'templates']);
    await fakeBrowser.storage.local.set({ syncPrefs: { settings: false, templates: true } });
    await mirrorChange({ syncPrefs: { newValue: { settings: false, templates: true } } }, 'local');
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual(['templates']);
    await mirrorChange({ settings: { newValue: DEFAULT_SETTINGS } }, 'local');
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({});
  });

  it('on a new browser where sync is turned on, starts from the synced copy', async () => {
    await syncOn();
    await fakeBrowser.storage.sync.set({ settings: dark });
    await applySyncPrefs();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(dark);
  });

  it('never mirrors sessions or notes', async () => {
    await mirrorChange({ 'notes.s1': { newValue: 'secret' }, sessions: { newValue: [] } }, 'local');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});
