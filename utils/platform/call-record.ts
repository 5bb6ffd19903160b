/**
 * The background's record of the call, kept in storage (a platform adapter over domain/call-state).
 * An unsure call gets an alarm for the moment it would count as ended, so a
 * call whose page never came back ends even when no tab reports again.
 */
import { browser } from 'wxt/browser';
import { type CallTabReport, callLostAt, endCall, expireCall, nextCallState } from '../domain/call-state';
import { sameJson } from '../domain/json';
import type { CallState } from '../domain/model';
import { callStateStore, readChecked } from './storage';

/** The alarm that ends an unsure call. */
export const CALL_LOST_ALARM = 'call-lost';

/** Store the next state; returns true when a call just ended. */
async function store(previous: CallState, next: CallState): Promise<boolean> {
  if (!sameJson(next, previous)) await callStateStore.item.setValue(next);
  const lostAt = callLostAt(next);
  if (lostAt !== null && lostAt !== callLostAt(previous)) browser.alarms.create(CALL_LOST_ALARM, { when: lostAt });
  return previous?.inCall === true && next?.inCall === false;
}

/** Record a content script's report; writes only when something changed. Returns true when a call just ended. */
export async function recordCallReport(report: CallTabReport, now = Date.now()): Promise<boolean> {
  const previous = (await readChecked(callStateStore)).value;
  return store(previous, nextCallState(previous, report, now));
}

/** The call tab was closed or left the call's URL: its call is over. Returns true when a call just ended. */
export async function recordTabClosed(tabId: number, now = Date.now()): Promise<boolean> {
  const previous = (await readChecked(callStateStore)).value;
  if (previous?.tabId !== tabId || !previous.inCall) return false;
  return store(previous, endCall(previous, now));
}

/** An alarm fired: end the call if it has been unsure for too long. Returns true when a call just ended. */
export async function onCallAlarm(name: string, now = Date.now()): Promise<boolean> {
  if (name !== CALL_LOST_ALARM) return false;
  const previous = (await readChecked(callStateStore)).value;
  return store(previous, expireCall(previous, now));
}
