import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { callPlatform } from '../utils/call-urls';
import { affectsClock, onClockAlarm, reschedule } from '../utils/clock-alarms';
import { asMessage } from '../utils/messaging';
import { disablePanelGlobally, setPanelForTab } from '../utils/panel';
import { ensureActiveSession } from '../utils/sessions';

/** Enable the panel on every open call tab and nowhere else. */
async function syncAllTabs(): Promise<void> {
  await disablePanelGlobally();
  // Without the `tabs` permission, url is visible only on Meet and Zoom tabs: exactly the ones we need.
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : setPanelForTab(tab.id, callPlatform(tab.url) !== null))));
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void syncAllTabs();
    void ensureActiveSession().then(async () => {
      await reschedule();
      // Test builds only (stripped from production): Firefox refuses navigation to
      // moz-extension:// from automation, so the e2e build opens its own pages.
      if (import.meta.env.MODE === 'e2e') {
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
        await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
      }
    });
  });
  browser.runtime.onStartup.addListener(() => {
    void syncAllTabs();
    // Alarms may be cleared by a browser restart: re-create them from the log.
    void reschedule();
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.url !== undefined || changeInfo.status === 'loading') {
      void setPanelForTab(tabId, callPlatform(changeInfo.url ?? tab.url) !== null);
    }
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    const msg = asMessage(raw);
    const tabId = sender.tab?.id;
    if (msg?.type === 'callState' && tabId !== undefined) {
      void setPanelForTab(tabId, callPlatform(msg.url) !== null);
    }
    return undefined;
  });

  browser.alarms.onAlarm.addListener((alarm) => void onClockAlarm(alarm.name));
  browser.storage.onChanged.addListener((changes) => {
    if (Object.keys(changes).some(affectsClock)) void reschedule();
  });
});
