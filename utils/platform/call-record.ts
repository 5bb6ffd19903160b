/**
 * The background's record of the call, kept in storage (a platform adapter over domain/call-state).
 */

import { nextCallState } from '../domain/call-state';
import type { CallPlatform } from '../domain/call-urls';
import { sameJson } from '../domain/json';
import { callStateStore, readChecked } from './storage';

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
