/**
 * The background's record of the call (pure transition + a storage adapter).
 */
import type { CallPlatform } from '../domain/call-urls';
import { sameJson } from '../domain/json';
import type { CallState } from '../domain/model';
import { callStateStore, readChecked } from './storage';

/** The next recorded state after a report from a tab. Pure. */
export function nextCallState(
  previous: CallState,
  report: { tabId: number; platform: CallPlatform; inCall: boolean },
  now: number,
): CallState {
  if (report.inCall) {
    const continuing = previous?.inCall && previous.tabId === report.tabId;
    return {
      tabId: report.tabId,
      platform: report.platform,
      inCall: true,
      startedAt: continuing ? previous.startedAt : now,
      endedAt: null,
    };
  }
  // A report of "no call" matters only for the tab whose call we recorded.
  if (!previous || previous.tabId !== report.tabId || !previous.inCall) return previous;
  return { ...previous, inCall: false, endedAt: now };
}

/** Record a content script's report; writes only when something changed. Returns true when a call just ended. */
export async function recordCallReport(
  report: { tabId: number; platform: CallPlatform; inCall: boolean },
  now = Date.now(),
): Promise<boolean> {
  const previous = (await readChecked(callStateStore)).value;
  const next = nextCallState(previous, report, now);
  if (!sameJson(next, previous)) await callStateStore.item.setValue(next);
  return previous?.inCall === true && next?.inCall === false;
}

/** The call tab was closed: its call is over. */
export async function recordTabClosed(tabId: number, now = Date.now()): Promise<void> {
  const previous = (await readChecked(callStateStore)).value;
  if (previous?.tabId === tabId && previous.inCall) await callStateStore.item.setValue({ ...previous, inCall: false, endedAt: now });
}
