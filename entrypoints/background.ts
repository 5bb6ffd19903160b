import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { callPlatform } from '../utils/domain/call-urls';
import { affectsCheckIns, onCheckInAlarm, remindIfNoPlan, rescheduleCheckIns } from '../utils/platform/between-sessions';
import { onCallAlarm, recordCallReport, recordTabClosed } from '../utils/platform/call-record';
import { affectsClock, applyClockCommand, onClockAlarm, reschedule, settleLeftSession } from '../utils/platform/clock-alarms';
import { createHistoryKeeper } from '../utils/platform/history/keeper';
import { answerMessages } from '../utils/platform/message-answers';
import { MESSAGE_CHECKS } from '../utils/platform/message-checks';
import type { Message, SyncReply } from '../utils/platform/messaging';
import { notificationKind } from '../utils/platform/notifications';
import { disablePanelGlobally, openPanel, setPanelForTab } from '../utils/platform/panel';
import { followRecentSessions, keepRecentSessions, refreshRecentSessions } from '../utils/platform/recent-sessions';
import { onInstalled } from '../utils/platform/release';
import { applySyncPrefs, mirrorChange } from '../utils/platform/settings-mirror';
import { activeSessionIdStore, callStateStore, readChecked, settingsStore } from '../utils/platform/storage';
import { onStorageChange } from '../utils/platform/storage-area';
import { onStorageChangeForSync, onSyncAlarm, onSyncMessage, startSyncSchedule } from '../utils/platform/sync/schedule';

/** The history's indexes and the options page's records (one per worker's life). */
const history = createHistoryKeeper();

/** When a call has just ended, remind the coach of a missing plan. */
const remindIfEnded = (ended: boolean) => {
  if (ended) void remindIfNoPlan();
};

/** The call tab last seen, kept in memory so a keyboard command can open the panel without an await. */
let lastCallTabId: number | undefined;

/** Enable the panel on every open call tab and nowhere else. */
async function syncAllTabs(): Promise<void> {
  await disablePanelGlobally();
  // Without the `tabs` permission, url is visible only on Meet and Zoom tabs: exactly the ones we need.
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : setPanelForTab(tab.id, callPlatform(tab.url) !== null))));
}

export default defineBackground(() => {
  // The pages' derived records (the history's head, the sessions near the active one) live in storage.session,
  // empty after every browser start and update: each start of the worker makes them again when missing.
  void keepRecentSessions();
  void history.keepDerivedRecords();
  void readChecked(callStateStore).then(({ value }) => {
    if (value?.inCall) lastCallTabId ??= value.tabId;
  });

  browser.runtime.onInstalled.addListener((details) => {
    void onInstalled(details);
    void syncAllTabs();
    // Install and update ('update' fires instead of onStartup): the derived records made again, whatever else fails.
    void refreshRecentSessions();
    void history.ensureIndexes();
    // No session is created here: a coach starts with none until there is a coachee or a call.
    void (async () => {
      await reschedule();
      await rescheduleCheckIns();
      await applySyncPrefs();
      await startSyncSchedule();
    })();
    // Test builds only (stripped from production): Firefox refuses navigation to
    // moz-extension:// from automation, so the e2e build opens its own pages, apart
    // from the schedules above so that nothing they wait for can hold the pages back.
    if (import.meta.env.MODE === 'e2e') {
      void (async () => {
        // As a coachee who answered the welcome's question (the Firefox specs test the coachee's popup).
        const { value } = await readChecked(settingsStore);
        if (!value.role) await settingsStore.item.setValue({ ...value, role: 'coachee' });
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
        await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
      })();
    }
  });
  browser.runtime.onStartup.addListener(() => {
    void syncAllTabs();
    // Alarms may be cleared by a browser restart: re-create them from storage.
    void reschedule();
    void rescheduleCheckIns();
    void applySyncPrefs();
    void refreshRecentSessions();
    void history.ensureIndexes();
    void startSyncSchedule();
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.url !== undefined || changeInfo.status === 'loading') {
      const isCall = callPlatform(changeInfo.url ?? tab.url) !== null;
      if (isCall) lastCallTabId = tabId;
      void setPanelForTab(tabId, isCall);
      // Gone to another site (its URL is hidden from us then) or a non-call page: that tab's call is over.
      if (!isCall) void recordTabClosed(tabId).then(remindIfEnded);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    if (lastCallTabId === tabId) lastCallTabId = undefined;
    void recordTabClosed(tabId).then(remindIfEnded);
  });

  // Every message the background answers, each checked (message-checks.ts), through one listener.
  const sync = (msg: Message) => onSyncMessage(msg) as Promise<SyncReply>;
  answerMessages({
    callState: {
      check: MESSAGE_CHECKS.callState,
      handle: (msg, sender) => {
        const tabId = sender.tab?.id;
        if (tabId !== undefined) {
          const isCall = callPlatform(msg.url) !== null;
          if (isCall) lastCallTabId = tabId;
          void setPanelForTab(tabId, isCall);
          void recordCallReport({ tabId, platform: msg.platform, state: isCall ? msg.state : 'ended' }).then(remindIfEnded);
        }
      },
    },
    historyQuery: { check: MESSAGE_CHECKS.historyQuery, handle: ({ type: _, ...query }) => history.queryHistory(query) },
    syncTest: { check: MESSAGE_CHECKS.syncTest, handle: sync },
    syncStart: { check: MESSAGE_CHECKS.syncStart, handle: sync },
    syncNow: { check: MESSAGE_CHECKS.syncNow, handle: sync },
    syncStop: { check: MESSAGE_CHECKS.syncStop, handle: sync },
    syncComputers: { check: MESSAGE_CHECKS.syncComputers, handle: sync },
    syncName: { check: MESSAGE_CHECKS.syncName, handle: sync },
    syncRekey: { check: MESSAGE_CHECKS.syncRekey, handle: sync },
    syncRejoin: { check: MESSAGE_CHECKS.syncRejoin, handle: sync },
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel') {
      // Synchronous: the command is a user gesture only until the first await.
      const onCall = tab?.id !== undefined && callPlatform(tab.url) !== null ? tab.id : lastCallTabId;
      if (onCall !== undefined) {
        openPanel(onCall).catch((e: unknown) => console.warn('Could not open the panel', e));
        if (onCall !== tab?.id) void browser.tabs.update(onCall, { active: true });
      }
    } else if (command === 'toggle-clock' || command === 'next-phase') {
      void applyClockCommand(command);
    }
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    void onClockAlarm(alarm.name);
    void onCheckInAlarm(alarm.name);
    void onCallAlarm(alarm.name).then(remindIfEnded);
    void onSyncAlarm(alarm.name);
  });
  onStorageChange((changes, area) => {
    void mirrorChange(changes, area);
    void onStorageChangeForSync(changes, area);
    const keys = Object.keys(changes);
    if (keys.some(affectsClock)) void reschedule();
    const left = area === 'local' ? changes[activeSessionIdStore.bare]?.oldValue : undefined;
    if (typeof left === 'string') void settleLeftSession(left);
    if (keys.some(affectsCheckIns)) void rescheduleCheckIns();
    // The pages' small records and the history's indexes follow every session's changes.
    if (area === 'local') {
      void followRecentSessions(keys);
      history.followChanges(changes);
    }
  });
  browser.notifications.onClicked.addListener((id) => {
    const kind = notificationKind(id);
    if (kind === 'checkIn' || kind === 'noPlan' || kind === 'prework') {
      void browser.tabs.create({ url: browser.runtime.getURL(kind === 'noPlan' ? '/sidepanel.html' : '/popup.html') });
    }
  });

  // The panel holds a port open while it is shown; when it closes, remind about a missing plan.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === 'panel') port.onDisconnect.addListener(() => void remindIfNoPlan());
  });
});
