/**
 * The session clock as an event log. Everything shown is one pure function of
 * (events, agenda, now): nothing counts ticks, so a closed panel, a killed
 * service worker, a throttled tab or a restarted browser lose nothing.
 * Pure: no browser calls.
 */
import { type Phase, WRAP_UP_FLOOR_MINUTES } from './agenda';
import type { TimerEvent } from './timer-schema';

const MINUTE = 60_000;

export type TimerStatus = 'idle' | 'running' | 'paused';

export interface PhaseView {
  id: string;
  title: string;
  prompt: string;
  /** Planned length, with any extensions. */
  plannedMs: number;
  /** Length after re-planning so the session still ends on time (done phases: what they took). */
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
}

interface Replay {
  status: TimerStatus;
  phase: number;
  spent: number[];
  extra: number[];
  runningSince: number;
  startedAt: number | null;
  /** The latest time the log has seen (events are clamped to never go back). */
  clock: number;
}

/**
 * Replay the log up to `now`. Event times are made monotonic (a system clock set
 * back never makes time run backwards), and `now` before the last event counts
 * as the last event's time. Events that make no sense in the state (pause when
 * not running, next on the last phase…) change nothing.
 */
function replay(events: readonly TimerEvent[], phaseCount: number, now: number): Replay {
  const fresh = (): Replay => ({
    status: 'idle',
    phase: 0,
    spent: Array(phaseCount).fill(0),
    extra: Array(phaseCount).fill(0),
    runningSince: 0,
    startedAt: null,
    clock: Number.NEGATIVE_INFINITY,
  });
  let s = fresh();
  const accrue = (at: number) => {
    if (s.status === 'running') {
      s.spent[s.phase] = (s.spent[s.phase] ?? 0) + (at - s.runningSince);
      s.runningSince = at;
    }
  };
  for (const event of events) {
    const at = Math.max(event.at, s.clock);
    s.clock = at;
    accrue(at);
    switch (event.type) {
      case 'start':
        if (s.status === 'idle') Object.assign(s, { status: 'running', runningSince: at, startedAt: at, phase: 0 });
        break;
      case 'pause':
        if (s.status === 'running') s.status = 'paused';
        break;
      case 'resume':
        if (s.status === 'paused') Object.assign(s, { status: 'running', runningSince: at });
        break;
      case 'next':
        if (s.status !== 'idle' && s.phase < phaseCount - 1) s.phase++;
        break;
      case 'back':
        if (s.status !== 'idle' && s.phase > 0) s.phase--;
        break;
      case 'extend':
        if (s.status !== 'idle') s.extra[s.phase] = (s.extra[s.phase] ?? 0) + event.minutes * MINUTE;
        break;
      case 'reset':
        s = { ...fresh(), clock: at };
        break;
    }
  }
  s.clock = Math.max(now, s.clock);
  accrue(s.clock);
  return s;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Everything the clock shows, derived from the log, the agenda and the time now. */
export function timerView(events: readonly TimerEvent[], agenda: readonly Phase[], now: number): TimerView {
  const n = agenda.length;
  const s = replay(events, n, now);
  const planned = agenda.map((p, i) => p.minutes * MINUTE + (s.extra[i] ?? 0));
  const actual = s.spent;
  const cur = s.phase;
  const sessionMs = sum(agenda.map((p) => p.minutes * MINUTE));
  const sessionElapsedMs = sum(actual);
  const sessionRemainingMs = sessionMs - sessionElapsedMs;

  // Re-plan the phases after the current one to fit what is left of the session,
  // squeezing the middle phases before the wrap-up (the last phase).
  const curActual = actual[cur] ?? 0;
  const curPlanned = planned[cur] ?? 0;
  const curLeft = Math.max(0, curPlanned - curActual);
  const available = sessionMs - sessionElapsedMs - curLeft;
  const last = n - 1;
  const needs = planned.map((p, j) => (j > cur ? Math.max(0, p - (actual[j] ?? 0)) : 0));
  const allot = [...needs];
  if (sum(needs) > available && last > cur) {
    const wrapNeed = needs[last] ?? 0;
    const middleNeed = sum(needs) - wrapNeed;
    if (available >= wrapNeed) {
      const factor = middleNeed > 0 ? (available - wrapNeed) / middleNeed : 0;
      for (let j = cur + 1; j < last; j++) allot[j] = (needs[j] ?? 0) * factor;
    } else {
      for (let j = cur + 1; j < last; j++) allot[j] = 0;
      allot[last] = Math.max(0, available);
    }
  }

  const phases: PhaseView[] = agenda.map((p, i) => {
    const state = s.status === 'idle' ? 'upcoming' : i < cur ? 'done' : i === cur ? 'current' : 'upcoming';
    const a = actual[i] ?? 0;
    const adjustedMs =
      s.status === 'idle'
        ? (planned[i] ?? 0)
        : state === 'done'
          ? a
          : state === 'current'
            ? Math.max(planned[i] ?? 0, a)
            : a + (allot[i] ?? 0);
    return { id: p.id, title: p.title, prompt: p.prompt, plannedMs: planned[i] ?? 0, adjustedMs, actualMs: a, state };
  });

  const wrap = agenda[last];
  const wrapFloor = wrap ? Math.min(WRAP_UP_FLOOR_MINUTES, wrap.minutes) * MINUTE : 0;
  const wrapGets = last > cur ? (actual[last] ?? 0) + (allot[last] ?? 0) : (actual[last] ?? 0) + Math.max(0, sessionRemainingMs);
  const wrapUpSqueezed = s.status !== 'idle' && n > 1 && wrapGets < wrapFloor;

  return {
    status: s.status,
    phaseIndex: cur,
    phases,
    phaseElapsedMs: curActual,
    phaseRemainingMs: curPlanned - curActual,
    sessionMs,
    sessionElapsedMs,
    sessionRemainingMs,
    overtimeMs: Math.max(0, -sessionRemainingMs),
    wrapUpSqueezed,
    startedAt: s.startedAt,
  };
}

/** The kinds of moment the background alerts at. */
export type AlertKind = 'phaseEnd' | 'fiveMinutesLeft' | 'sessionEnd';

/** The next moments to alert at (epoch ms), while the clock runs; none when idle or paused. */
export function upcomingAlerts(view: TimerView, now: number): { kind: AlertKind; at: number }[] {
  if (view.status !== 'running') return [];
  const alerts: { kind: AlertKind; at: number }[] = [];
  if (view.phaseRemainingMs > 0) alerts.push({ kind: 'phaseEnd', at: now + view.phaseRemainingMs });
  if (view.sessionRemainingMs > 5 * MINUTE) alerts.push({ kind: 'fiveMinutesLeft', at: now + view.sessionRemainingMs - 5 * MINUTE });
  if (view.sessionRemainingMs > 0) alerts.push({ kind: 'sessionEnd', at: now + view.sessionRemainingMs });
  return alerts;
}

/** The state a control would act on: which buttons make sense now. */
export function availableActions(view: TimerView): Record<'start' | 'pause' | 'resume' | 'next' | 'back' | 'extend' | 'reset', boolean> {
  const active = view.status !== 'idle';
  return {
    start: view.status === 'idle',
    pause: view.status === 'running',
    resume: view.status === 'paused',
    next: active && view.phaseIndex < view.phases.length - 1,
    back: active && view.phaseIndex > 0,
    extend: active,
    reset: active,
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
  if (view.status === 'idle') return '';
  if (view.overtimeMs > 0) return `+${Math.min(999, Math.ceil(view.overtimeMs / MINUTE))}`;
  const minutes = Math.ceil(view.phaseRemainingMs / MINUTE);
  if (minutes <= 0) return `+${Math.min(999, Math.ceil(-view.phaseRemainingMs / MINUTE) || 0)}`;
  return `${Math.min(9999, minutes)}m`.slice(0, 4);
}

/** The event a keyboard command adds to the log, or null when it makes no sense now. */
export function eventForCommand(command: 'toggle-clock' | 'next-phase', view: TimerView, now: number): TimerEvent | null {
  if (command === 'toggle-clock') {
    return { type: view.status === 'idle' ? 'start' : view.status === 'running' ? 'pause' : 'resume', at: now };
  }
  return availableActions(view).next ? { type: 'next', at: now } : null;
}
