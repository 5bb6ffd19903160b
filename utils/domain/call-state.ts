/**
 * The record of the call: how a content script's report changes it.
 * Pure: no browser calls.
 */
import type { CallPlatform } from './call-urls';
import type { CallState } from './model';

/** The next recorded state after a report from a tab. */
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
