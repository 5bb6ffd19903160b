/**
 * The record of the call: how a content script's report changes it, and when
 * an unsure call (its page gone, no end screen) counts as ended.
 * Pure: no browser calls.
 */
import { CALL_LOST_MS, type CallReport } from './call-detect';
import type { CallPlatform } from './call-urls';
import type { CallState } from './model';

/** One report from a tab's content script. */
export interface CallTabReport {
  tabId: number;
  platform: CallPlatform;
  state: CallReport;
}

/**
 * The call as it stands at `now`: an unsure call whose page has been gone for
 * `lostMs` has ended, when it was last seen.
 */
export function expireCall(state: CallState, now: number, lostMs = CALL_LOST_MS): CallState {
  const since = state?.inCall ? state.unsureSince : null;
  if (!state || since == null || now - since < lostMs) return state;
  return { ...state, inCall: false, endedAt: since, unsureSince: null };
}

/** When an unsure call will count as ended (epoch ms), or null. */
export function callLostAt(state: CallState, lostMs = CALL_LOST_MS): number | null {
  return state?.inCall && state.unsureSince != null ? state.unsureSince + lostMs : null;
}

/**
 * The next recorded state after a report from a tab. In the call: a call that
 * was already going on in that tab (even unsure) keeps its start time. An end
 * ends it, at the moment it was last seen. Anything else from the call's tab
 * (its page gone, reloading, a lobby) makes it unsure, never ended.
 */
export function nextCallState(previous: CallState, report: CallTabReport, now: number): CallState {
  const current = expireCall(previous, now);
  if (report.state === 'inCall') {
    const continuing = current?.inCall && current.tabId === report.tabId;
    if (continuing && current.unsureSince == null) return current;
    return {
      tabId: report.tabId,
      platform: report.platform,
      inCall: true,
      startedAt: continuing ? current.startedAt : now,
      endedAt: null,
      unsureSince: null,
    };
  }
  // Anything but "in call" matters only for the tab whose call we recorded.
  if (!current || current.tabId !== report.tabId || !current.inCall) return current;
  if (report.state === 'ended') return endCall(current, now);
  return current.unsureSince == null ? { ...current, unsureSince: now } : current;
}

/** The call ended (an end screen, its tab closed or left the call): when it was last seen, or now. */
export function endCall(state: NonNullable<CallState>, now: number): CallState {
  return { ...state, inCall: false, endedAt: state.unsureSince ?? now, unsureSince: null };
}
