import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentVersion, onInstalled, welcomedStore, whatsNewStore } from '../../../../utils/platform/release';

describe('what an install or an update shows', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Sidecoach', version: '0.3.0' });
  });

  it('opens the welcome on the first install only', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await onInstalled({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0].url).toMatch(/\/welcome\.html$/);
    expect(await welcomedStore.item.getValue()).toBe(true);
    await onInstalled({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(await whatsNewStore.item.getValue()).toBeNull();
  });

  it('on an update to a new version opens no tab and leaves the "What’s new" line; a reload of the same version or a browser update leaves nothing', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await onInstalled({ reason: 'update', previousVersion: '0.3.0' });
    await onInstalled({ reason: 'chrome_update' });
    expect(await whatsNewStore.item.getValue()).toBeNull();
    await onInstalled({ reason: 'update', previousVersion: '0.1.0' });
    expect(await whatsNewStore.item.getValue()).toBe(currentVersion());
    expect(create).not.toHaveBeenCalled();
  });
});
