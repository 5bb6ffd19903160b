/**
 * The session clock as an event log. Everything shown is one pure function of
 * (events, agenda, now): nothing counts ticks, so a closed panel, a killed
 * service worker, a throttled tab or a restarted browser lose nothing.
 * Pure: no browser calls.
 */
import { type Phase, WRAP_UP_FLOOR_MINUTES } from './agenda';
import type { EndedBy, TimerEvent } from './timer-schema';

const MINUTE = 60_000;

/** `idle`: never started (or reset); `ended`: an end was recorded, and nothing counts any more. */
export type TimerStatus = 'idle' | 'running' | 'paused' | 'ended';

/** How a session ended, as recorded. */
export interface EndRecord {
  /** When it ended (epoch ms): the corrected time if the coach corrected it. */
  at: number;
  by: EndedBy;
  /** What the clock was doing when it ended (Sidecoach says "the clock was still running"). */
  while: 'running' | 'paused';
  /** The coach corrected the end time. */
  corrected: boolean;
}

export interface PhaseView {
  id: string;
  title: string;
  prompt: string;
  /** Planned length, with any extensions. */
  plannedMs: number;
  /** Length after re-planning so the session still ends on time (done phases: what they took; the current one: its target). */
  adjustedMs: number;
  /** Running time spent in the phase so far. */
  actualMs: number;
  state: 'done' | 'current' | 'upcoming';
}

export interface TimerView {
  status: TimerStatus;
  phaseIndex: number;
  phases: PhaseView[];
  /** Running time in the current phase, and what is left of its plan (negative: over by). */
  phaseElapsedMs: number;
  phaseRemainingMs: number;
  /** The session's planned length (the hour), running time so far, and what is left (negative: overtime). */
  sessionMs: number;
  sessionElapsedMs: number;
  sessionRemainingMs: number;
  overtimeMs: number;
  /** The wrap-up can no longer have its floor before the session ends. */
  wrapUpSqueezed: boolean;
  /** When the clock was last started (epoch ms), or null when idle. */
  startedAt: number | null;
  /** The recorded end, once the session ended; null before. */
  ended: EndRecord | null;
  /**
   * When the hour ends (epoch ms) if the clock runs on from now, or null when
   * idle or ended: fixed while running, later by every second of a pause; in
   * the past once the hour is over.
   */
  endsAt: number | null;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The re-planning rule, in one sentence: a phase's target length is fixed when
 * it begins, by sharing what is left of the hour among it and the phases after
 * it (each needing the rest of its planned length), the wrap-up keeping its
 * planned length while the middle phases shrink in proportion, and only when
 * the middle phases at zero cannot make room does the wrap-up shrink (with the
 * warning); +5 min adds to the current phase's target.
 *
 * `allotRest` is that sharing: for the phases from `from` on, the time each gets
 * out of `available`, given what each still `needs`.
 */
function allotRest(needs: readonly number[], from: number, available: number): number[] {
  const last = needs.length - 1;
  const allot = needs.map((need, j) => (j >= from ? need : 0));
  const total = sum(allot);
  if (total <= available) return allot;
  const room = Math.max(0, available);
  if (from === last) {
    allot[last] = Math.min(needs[last] ?? 0, room);
    return allot;
  }
  const wrapNeed = needs[last] ?? 0;
  const middleNeed = total - wrapNeed;
  if (room >= wrapNeed) {
    const factor = middleNeed > 0 ? (room - wrapNeed) / middleNeed : 0;
    for (let j = from; j < last; j++) allot[j] = (needs[j] ?? 0) * factor;
  } else {
    for (let j = from; j < last; j++) allot[j] = 0;
    allot[last] = room;
  }
  return allot;
}

interface Replay {
  status: TimerStatus;
  phase: number;
  spent: number[];
  extra: number[];
  /** Each phase's target length, fixed when it last began (plus any extension); null before it began. */
  target: (number | null)[];
  runningSince: number;
  startedAt: number | null;
  /** The latest time the log has seen (events are clamped to never go back). */
  clock: number;
  ended: EndRecord | null;
}

/**
 * The log as it counts: within each stretch between resets, the first end
 * after a start closes the stretch (later events in it, a second end
 * included, are ignored), and the coach's latest correction replaces that end:
 * the events before it up to the corrected time, then the corrected end.
 * A reset after an end opens a new stretch (an explicit coach action).
 */
function settledLog(events: readonly TimerEvent[]): TimerEvent[] {
  const out: TimerEvent[] = [];
  let stretch: TimerEvent[] = [];
  const close = () => {
    const startIndex = stretch.findIndex((e) => e.type === 'start');
    const endIndex = startIndex < 0 ? -1 : stretch.findIndex((e, i) => i > startIndex && e.type === 'end');
    if (endIndex < 0) {
      out.push(...stretch);
    } else {
      let correction: Extract<TimerEvent, { type: 'end' }> | undefined;
      for (const e of stretch) {
        if (e.type === 'end' && e.correctedAt !== undefined && (correction?.correctedAt ?? -1) < e.correctedAt) correction = e;
      }
      const before = stretch.slice(0, endIndex).filter((e) => e.type !== 'end');
      if (correction) {
        const end = correction.at;
        const kept = before.filter((e) => e.at <= end);
        // A correction before the start itself keeps the start: the session ended as it began.
        out.push(...(kept.some((e) => e.type === 'start') ? kept : before.slice(0, startIndex + 1)), correction);
      } else {
        out.push(...before, stretch[endIndex] as TimerEvent);
      }
    }
    stretch = [];
  };
  for (const event of events) {
    if (event.type === 'reset') {
      close();
      out.push(event);
    } else {
      stretch.push(event);
    }
  }
  close();
  return out;
}

/**
 * Replay the log up to `now`. Event times are made monotonic (a system clock set
 * back never makes time run backwards), and `now` before the last event counts
 * as the last event's time. Events that make no sense in the state (pause when
 * not running, next on the last phase…) change nothing.
 */
function replay(events: readonly TimerEvent[], agenda: readonly Phase[], now: number): Replay {
  const phaseCount = agenda.length;
  const sessionMs = sum(agenda.map((p) => p.minutes * MINUTE));
  const fresh = (): Replay => ({
    status: 'idle',
    phase: 0,
    spent: Array(phaseCount).fill(0),
    extra: Array(phaseCount).fill(0),
    target: Array(phaseCount).fill(null),
    runningSince: 0,
    startedAt: null,
    clock: Number.NEGATIVE_INFINITY,
    ended: null,
  });
  let s = fresh();
  const accrue = (at: number) => {
    if (s.status === 'running') {
      s.spent[s.phase] = (s.spent[s.phase] ?? 0) + (at - s.runningSince);
      s.runningSince = at;
    }
  };
  /** The phase `index` begins: fix its target by the re-plan in force now. */
  const begin = (index: number) => {
    s.phase = index;
    const needs = agenda.map((p, j) => Math.max(0, p.minutes * MINUTE + (s.extra[j] ?? 0) - (s.spent[j] ?? 0)));
    const allot = allotRest(needs, index, sessionMs - sum(s.spent));
    s.target[index] = (s.spent[index] ?? 0) + (allot[index] ?? 0);
  };
  for (const event of settledLog(events)) {
    // Once ended, nothing counts and nothing but a reset changes anything.
    if (s.status === 'ended' && event.type !== 'reset') continue;
    const at = Math.max(event.at, s.clock);
    s.clock = at;
    accrue(at);
    switch (event.type) {
      case 'start':
        if (s.status === 'idle' && phaseCount > 0) {
          Object.assign(s, { status: 'running', runningSince: at, startedAt: at });
          begin(0);
        }
        break;
      case 'pause':
        if (s.status === 'running') s.status = 'paused';
        break;
      case 'resume':
        if (s.status === 'paused') Object.assign(s, { status: 'running', runningSince: at });
        break;
      case 'next':
        if (s.status !== 'idle' && s.phase < phaseCount - 1) begin(s.phase + 1);
        break;
      case 'back':
        if (s.status !== 'idle' && s.phase > 0) begin(s.phase - 1);
        break;
      case 'extend':
        if (s.status !== 'idle') {
          s.extra[s.phase] = (s.extra[s.phase] ?? 0) + event.minutes * MINUTE;
          s.target[s.phase] = (s.target[s.phase] ?? 0) + event.minutes * MINUTE;
        }
        break;
      case 'reset':
        s = { ...fresh(), clock: at };
        break;
      case 'end':
        if (s.status === 'running' || s.status === 'paused') {
          s.ended = { at, by: event.by, while: s.status, corrected: event.correctedAt !== undefined };
          s.status = 'ended';
        }
        break;
    }
  }
  s.clock = Math.max(now, s.clock);
  accrue(s.clock);
  return s;
}

/** Everything the clock shows, derived from the log, the agenda and the time now. */
export function timerView(events: readonly TimerEvent[], agenda: readonly Phase[], now: number): TimerView {
  const n = agenda.length;
  const s = replay(events, agenda, now);
  const planned = agenda.map((p, i) => p.minutes * MINUTE + (s.extra[i] ?? 0));
  const actual = s.spent;
  const cur = s.phase;
  const last = n - 1;
  const sessionMs = sum(agenda.map((p) => p.minutes * MINUTE));
  const sessionElapsedMs = sum(actual);
  const sessionRemainingMs = sessionMs - sessionElapsedMs;
  const idle = s.status === 'idle';
  const ended = s.status === 'ended';

  const curActual = actual[cur] ?? 0;
  const curTarget = s.target[cur] ?? planned[cur] ?? 0;
  // The phases after the current one share what the current phase's target leaves of the hour.
  const needs = planned.map((p, j) => (j > cur ? Math.max(0, p - (actual[j] ?? 0)) : 0));
  const allot = allotRest(needs, cur + 1, sessionRemainingMs - Math.max(0, curTarget - curActual));

  const phases: PhaseView[] = agenda.map((p, i) => {
    // After the end, every phase reached is done and keeps what it took; the others were skipped.
    const state = idle ? 'upcoming' : i < cur || (ended && i === cur) ? 'done' : i === cur ? 'current' : 'upcoming';
    const a = actual[i] ?? 0;
    const adjustedMs = idle
      ? (planned[i] ?? 0)
      : state === 'done' || ended
        ? a
        : state === 'current'
          ? Math.max(curTarget, a)
          : a + (allot[i] ?? 0);
    return { id: p.id, title: p.title, prompt: p.prompt, plannedMs: planned[i] ?? 0, adjustedMs, actualMs: a, state };
  });

  const wrap = agenda[last];
  const wrapFloor = wrap ? Math.min(WRAP_UP_FLOOR_MINUTES, wrap.minutes) * MINUTE : 0;
  const wrapGets = last > cur ? (actual[last] ?? 0) + (allot[last] ?? 0) : (actual[last] ?? 0) + Math.max(0, sessionRemainingMs);
  const wrapUpSqueezed = !idle && !ended && n > 1 && wrapGets < wrapFloor;

  return {
    status: s.status,
    phaseIndex: cur,
    phases,
    phaseElapsedMs: curActual,
    phaseRemainingMs: curTarget - curActual,
    sessionMs,
    sessionElapsedMs,
    sessionRemainingMs,
    overtimeMs: Math.max(0, -sessionRemainingMs),
    wrapUpSqueezed,
    startedAt: s.startedAt,
    ended: s.ended,
    endsAt: idle || ended ? null : s.clock + sessionRemainingMs,
  };
}

/** The kinds of moment the background alerts at. */
export type AlertKind = 'phaseEnd' | 'fiveMinutesLeft' | 'sessionEnd';

/** The next moments to alert at (epoch ms), while the clock runs; none when idle, paused or ended. */
export function upcomingAlerts(view: TimerView, now: number): { kind: AlertKind; at: number }[] {
  if (view.status !== 'running') return [];
  const alerts: { kind: AlertKind; at: number }[] = [];
  if (view.phaseRemainingMs > 0) alerts.push({ kind: 'phaseEnd', at: now + view.phaseRemainingMs });
  if (view.sessionRemainingMs > 5 * MINUTE) alerts.push({ kind: 'fiveMinutesLeft', at: now + view.sessionRemainingMs - 5 * MINUTE });
  if (view.sessionRemainingMs > 0) alerts.push({ kind: 'sessionEnd', at: now + view.sessionRemainingMs });
  return alerts;
}

/** The state a control would act on: which buttons make sense now. */
export function availableActions(
  view: TimerView,
): Record<'start' | 'pause' | 'resume' | 'next' | 'back' | 'extend' | 'reset' | 'end', boolean> {
  const active = view.status === 'running' || view.status === 'paused';
  return {
    start: view.status === 'idle',
    pause: view.status === 'running',
    resume: view.status === 'paused',
    next: active && view.phaseIndex < view.phases.length - 1,
    back: active && view.phaseIndex > 0,
    extend: active,
    // After an end, a reset is only ever the coach's explicit choice in the session's summary.
    reset: active || view.status === 'ended',
    end: active,
  };
}

/** Format a duration as m:ss or h:mm:ss, with a minus sign for over-time. */
export function formatDuration(ms: number): string {
  const negative = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
  return negative ? `−${body}` : body;
}

/** Badge text (at most 4 characters): minutes left in the phase, or +N over. */
export function badgeText(view: TimerView): string {
  if (view.status === 'idle' || view.status === 'ended') return '';
  if (view.overtimeMs > 0) return `+${Math.min(999, Math.ceil(view.overtimeMs / MINUTE))}`;
  const minutes = Math.ceil(view.phaseRemainingMs / MINUTE);
  if (minutes <= 0) return `+${Math.min(999, Math.ceil(-view.phaseRemainingMs / MINUTE) || 0)}`;
  return `${Math.min(9999, minutes)}m`.slice(0, 4);
}

/** The event a keyboard command adds to the log, or null when it makes no sense now (never after the end). */
export function eventForCommand(command: 'toggle-clock' | 'next-phase', view: TimerView, now: number): TimerEvent | null {
  if (view.status === 'ended') return null;
  if (command === 'toggle-clock') {
    return { type: view.status === 'idle' ? 'start' : view.status === 'running' ? 'pause' : 'resume', at: now };
  }
  return availableActions(view).next ? { type: 'next', at: now } : null;
}
