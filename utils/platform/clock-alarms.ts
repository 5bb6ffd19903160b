/**
 * Keeps `browser.alarms` in step with the active session's clock, and turns a
 * fired alarm into the badge, a notification and a chime (a platform adapter
 * for the background); records Sidecoach's end of a clock left running when
 * the auto-end rule says so. Idempotent: called at start-up, after every
 * change to the log or the call, and on every alarm, it always leaves exactly
 * the alarms the clock needs (a missed auto-end is recorded on the next call).
 */
import { browser } from 'wxt/browser';
import type { Phase } from '../domain/agenda';
import { autoEnd, recordedView } from '../domain/session-life';
import { isPartKey } from '../domain/session-parts';
import type { Settings } from '../domain/settings';
import { type AlertKind, eventForCommand, type TimerView, timerView, upcomingAlerts } from '../domain/timer';
import { alertText, chime, notify, showBadge } from './alerts';
import { agendaOrDefault } from './default-template';
import { activeSessionIdStore, callStateStore, partStore, readChecked, settingsStore } from './storage';

const PREFIX = 'sidecoach:';
const TICK = `${PREFIX}tick`;
const AUTO_END = `${PREFIX}autoEnd`;
const KINDS: readonly AlertKind[] = ['phaseEnd', 'fiveMinutesLeft', 'sessionEnd'];

interface Clock {
  view: TimerView;
  agenda: Phase[];
  settings: Settings;
}

async function readClock(now: number): Promise<Clock | null> {
  const active = (await readChecked(activeSessionIdStore)).value;
  const settings = (await readChecked(settingsStore)).value;
  if (!active) return null;
  const [log, agenda, call] = await Promise.all([
    readChecked(partStore('timer', active)),
    readChecked(partStore('agenda', active)),
    readChecked(callStateStore),
  ]);
  const phases = agendaOrDefault(agenda.value);
  // A clock past its auto-end reads as ended here too, so no alert ever speaks of last night's hour.
  return { view: recordedView(log.value, phases, now, call.value), agenda: phases, settings };
}

/**
 * Record Sidecoach's end of the active session's clock when the auto-end rule
 * says it is due (read again just before writing, so a second run or an end
 * written meanwhile by the coach changes nothing). Returns when it is due
 * next, or null when the clock is not running or paused.
 */
async function recordAutoEnd(now: number, sessionId?: string): Promise<number | null> {
  const id = sessionId ?? (await readChecked(activeSessionIdStore)).value;
  if (!id) return null;
  const timer = partStore('timer', id);
  const [log, agenda, call] = await Promise.all([readChecked(timer), readChecked(partStore('agenda', id)), readChecked(callStateStore)]);
  const due = autoEnd(log.value, agendaOrDefault(agenda.value), call.value);
  if (!due) return null;
  if (now < due.due) return due.due;
  await timer.item.setValue([...log.value, due.event]);
  return null;
}

/** Re-create the alarms for the active session's clock and refresh the badge. */
export async function reschedule(now = Date.now()): Promise<void> {
  const autoEndAt = await recordAutoEnd(now);
  const clock = await readClock(now);
  const existing = (await browser.alarms.getAll()).filter((a) => a.name.startsWith(PREFIX));
  await Promise.all(existing.map((a) => browser.alarms.clear(a.name)));
  if (autoEndAt !== null) browser.alarms.create(AUTO_END, { when: autoEndAt });
  if (!clock) {
    await showBadge(timerView([], [], now), (await readChecked(settingsStore)).value);
    return;
  }
  for (const alert of upcomingAlerts(clock.view, now)) {
    browser.alarms.create(`${PREFIX}${alert.kind}`, { when: alert.at });
  }
  // While the clock runs, refresh the badge's minutes once a minute.
  if (clock.view.status === 'running') browser.alarms.create(TICK, { periodInMinutes: 1 });
  await showBadge(clock.view, clock.settings);
}

/** Handle one of our alarms: alert if the moment is (still) real, then schedule the next ones. */
export async function onClockAlarm(name: string, now = Date.now()): Promise<void> {
  if (!name.startsWith(PREFIX)) return;
  const kind = name.slice(PREFIX.length) as AlertKind;
  const clock = await readClock(now);
  if (clock && KINDS.includes(kind) && stillDue(kind, clock.view)) {
    const { alerts } = clock.settings;
    const text = alertText(kind, clock.view, clock.agenda);
    await Promise.all([
      alerts.notification ? notify(text).catch((e: unknown) => console.warn('notification failed', e)) : undefined,
      alerts.sound ? chime().catch((e: unknown) => console.warn('chime failed', e)) : undefined,
    ]);
  }
  // Any other alarm (the auto-end's included) reschedules, which records a due auto-end first.
  if (kind !== ('tick' as AlertKind)) await reschedule(now);
  else if (clock) await showBadge(clock.view, clock.settings);
}

/** Alarms can fire late, or the coach may have moved on: alert only when the moment still holds. */
function stillDue(kind: AlertKind, view: TimerView): boolean {
  if (view.status !== 'running') return false;
  const margin = 2 * 60_000; // Chrome may delay an alarm; a late one still matters.
  if (kind === 'phaseEnd') return view.phaseRemainingMs <= 1000 && view.phaseRemainingMs > -margin;
  if (kind === 'fiveMinutesLeft') return view.sessionRemainingMs <= 5 * 60_000 + 1000 && view.sessionRemainingMs > 0;
  return view.sessionRemainingMs <= 1000 && view.sessionRemainingMs > -margin;
}

/**
 * When the coach moves to another session (a new one, a card's, another
 * coachee's), the one left behind gets its due auto-end recorded, so its
 * record (and the index and charts made from it) reads the end, not a clock
 * that nobody will look at again. A clock whose auto-end is not due yet is left
 * as it is: the coach may only be looking at another coachee for a moment.
 */
export async function settleLeftSession(sessionId: string, now = Date.now()): Promise<void> {
  await recordAutoEnd(now, sessionId);
}

/** Whether a storage change (key without area) touches what the alarms depend on. */
export function affectsClock(key: string): boolean {
  return (
    key === activeSessionIdStore.bare || key === settingsStore.bare || key === callStateStore.bare || isPartKey(key, 'timer', 'agenda')
  );
}

/** Apply a keyboard command (start/pause, next phase) to the active session's clock. */
export async function applyClockCommand(command: 'toggle-clock' | 'next-phase', now = Date.now()): Promise<void> {
  const active = (await readChecked(activeSessionIdStore)).value;
  if (!active) return;
  const log = (await readChecked(partStore('timer', active))).value;
  const agenda = agendaOrDefault((await readChecked(partStore('agenda', active))).value);
  const call = (await readChecked(callStateStore)).value;
  const event = eventForCommand(command, recordedView(log, agenda, now, call), now);
  if (event) await partStore('timer', active).item.setValue([...log, event]);
}
