/**
 * The re-planning rule (README, "The clock is an event log"), checked against a
 * model written from its sentence alone, not from utils/domain/timer.ts:
 *
 *   A phase's target length is fixed when it begins, by sharing what is left of
 *   the hour among it and the phases after it (each needing the rest of its
 *   planned length), the wrap-up keeping its planned length while the middle
 *   phases shrink in proportion, and only when the middle phases at zero cannot
 *   make room does the wrap-up shrink (with the warning); +5 min adds to the
 *   current phase's target.
 */
import { describe, expect, it } from 'vitest';
import { defaultTemplate, type Phase } from '../../../../utils/domain/agenda';
import { badgeText, timerView, upcomingAlerts } from '../../../../utils/domain/timer';
import type { PlainTimerEventType, TimerEvent } from '../../../../utils/domain/timer-schema';

const M = 60_000;
const T0 = 1_700_000_000_000;
const hour: Phase[] = defaultTemplate({
  name: 'Hour',
  understand: { title: 'Understand', prompt: '' },
  plan: { title: 'Plan', prompt: '' },
  wrapUp: { title: 'Wrap up', prompt: '' },
}).phases;
const five: Phase[] = [10, 15, 15, 10, 10].map((minutes, i) => ({ id: `p${i}`, title: `Phase ${i + 1}`, minutes, prompt: '' }));
const at = (minutes: number) => T0 + minutes * M;
const ev = (type: PlainTimerEventType, minutes: number): TimerEvent => ({ type, at: at(minutes) });
const extend = (minutes: number): TimerEvent => ({ type: 'extend', at: at(minutes), minutes: 5 });

/**
 * The model: replays the log a second at a time and, whenever a phase begins,
 * fixes its target by the sentence above. Everything is in seconds.
 */
function model(agenda: readonly Phase[], events: readonly TimerEvent[], endSecond: number) {
  const n = agenda.length;
  const last = n - 1;
  const hourSeconds = agenda.reduce((total, p) => total + p.minutes * 60, 0);
  let status: 'idle' | 'running' | 'paused' = 'idle';
  let phase = 0;
  let spent: number[] = Array(n).fill(0);
  let extra: number[] = Array(n).fill(0);
  let target: number[] = Array(n).fill(0);
  const stillNeeds = (j: number) => Math.max(0, (agenda[j]?.minutes ?? 0) * 60 + (extra[j] ?? 0) - (spent[j] ?? 0));
  const hourLeft = () => hourSeconds - spent.reduce((a, b) => a + b, 0);
  /** What phase `p` may still take if it began now, out of `left` seconds. */
  const share = (p: number, left: number): number => {
    let wanted = 0;
    for (let j = p; j <= last; j++) wanted += stillNeeds(j);
    if (wanted <= left) return stillNeeds(p);
    if (p === last) return Math.max(0, Math.min(stillNeeds(last), left));
    if (left <= stillNeeds(last)) return 0;
    let middle = 0;
    for (let j = p; j < last; j++) middle += stillNeeds(j);
    return (stillNeeds(p) / middle) * (left - stillNeeds(last));
  };
  const enter = (p: number) => {
    phase = p;
    target[p] = (spent[p] ?? 0) + share(p, hourLeft());
  };
  // Events at the last second count (the view applies events at `now`), its running time does not.
  for (let second = 0; second <= endSecond; second++) {
    for (const e of events.filter((x) => x.at === T0 + second * 1000)) {
      if (e.type === 'start' && status === 'idle') {
        status = 'running';
        enter(0);
      } else if (e.type === 'pause' && status === 'running') status = 'paused';
      else if (e.type === 'resume' && status === 'paused') status = 'running';
      else if (e.type === 'next' && status !== 'idle' && phase < last) enter(phase + 1);
      else if (e.type === 'back' && status !== 'idle' && phase > 0) enter(phase - 1);
      else if (e.type === 'extend' && status !== 'idle') {
        extra[phase] = (extra[phase] ?? 0) + e.minutes * 60;
        target[phase] = (target[phase] ?? 0) + e.minutes * 60;
      } else if (e.type === 'reset') {
        [status, phase, spent, extra, target] = ['idle', 0, Array(n).fill(0), Array(n).fill(0), Array(n).fill(0)];
      }
    }
    if (status === 'running' && second < endSecond) spent[phase] = (spent[phase] ?? 0) + 1;
  }
  // What the wrap-up would get: planned from here on by the same sharing, after the current phase's target.
  const currentLeft = Math.max(0, (target[phase] ?? 0) - (spent[phase] ?? 0));
  const wrapGets = phase === last ? (spent[last] ?? 0) + Math.max(0, hourLeft()) : (spent[last] ?? 0) + shareAfter();
  function shareAfter(): number {
    // The wrap-up's share when the phases after the current one divide what the current target leaves.
    const left = hourLeft() - currentLeft;
    let wanted = 0;
    for (let j = phase + 1; j <= last; j++) wanted += stillNeeds(j);
    if (wanted <= left) return stillNeeds(last);
    return Math.max(0, Math.min(stillNeeds(last), left));
  }
  const floor = Math.min(5, agenda[last]?.minutes ?? 0) * 60;
  return {
    status,
    phase,
    phaseRemaining: status === 'idle' ? (agenda[0]?.minutes ?? 0) * 60 : (target[phase] ?? 0) - (spent[phase] ?? 0),
    wrapGets,
    squeezed: status !== 'idle' && n > 1 && wrapGets < floor,
  };
}

/** The view and the model agree at `minute` (to the millisecond the model's proportions allow). */
function expectAgrees(agenda: readonly Phase[], events: TimerEvent[], minute: number) {
  const view = timerView(events, agenda, at(minute));
  const ref = model(agenda, events, Math.round(minute * 60));
  expect(view.status).toBe(ref.status);
  expect(view.phaseIndex).toBe(ref.phase);
  expect(view.phaseRemainingMs / 1000).toBeCloseTo(ref.phaseRemaining, 3);
  expect(view.wrapUpSqueezed).toBe(ref.squeezed);
  const wrap = view.phases.at(-1);
  if (view.status !== 'idle' && view.phaseIndex < agenda.length - 1) expect((wrap?.adjustedMs ?? 0) / 1000).toBeCloseTo(ref.wrapGets, 3);
  return view;
}

describe('re-planning when a phase runs over', () => {
  it('keeps the squeeze when the coach moves on: 30 min of understanding leaves 20 to plan and the full wrap-up', () => {
    const events = [ev('start', 0), ev('next', 30)];
    const before = timerView(events.slice(0, 1), hour, at(30));
    expect(before.phases[1]?.adjustedMs).toBe(20 * M);
    const view = expectAgrees(hour, events, 30 + 1 / 60);
    expect(view.phaseRemainingMs).toBe(20 * M - 1000);
    expect(view.phases.map((p) => p.adjustedMs)).toEqual([30 * M, 20 * M, 10 * M]);
    expect(view.wrapUpSqueezed).toBe(false);
    expect(view.sessionRemainingMs).toBe(30 * M - 1000);
  });

  it('fires the phase-end alert and shows the badge at the re-planned end', () => {
    const view = timerView([ev('start', 0), ev('next', 30)], hour, at(30));
    expect(upcomingAlerts(view, at(30))).toContainEqual({ kind: 'phaseEnd', at: at(50) });
    expect(badgeText(view)).toBe('20m');
    expect(badgeText(timerView([ev('start', 0), ev('next', 30)], hour, at(51)))).toBe('+1');
  });

  it('squeezes the wrap-up only when the last middle phase overruns into it, and says so', () => {
    const events = [ev('start', 0), ev('next', 25)];
    expect(expectAgrees(hour, events, 55).wrapUpSqueezed).toBe(false);
    const late = expectAgrees(hour, events, 57);
    expect(late.phases[2]?.adjustedMs).toBe(3 * M);
    expect(late.wrapUpSqueezed).toBe(true);
    const wrapping = expectAgrees(hour, [...events, ev('next', 57)], 57.5);
    expect(wrapping.phaseRemainingMs).toBe(2.5 * M);
    expect(wrapping.wrapUpSqueezed).toBe(true);
  });

  it('after an overrun and Back, the earlier phase has no time left and the next one keeps its squeezed share', () => {
    const events = [ev('start', 0), ev('next', 30), ev('back', 31)];
    const back = expectAgrees(hour, events, 31);
    expect(back.phaseIndex).toBe(0);
    expect(back.phaseRemainingMs).toBe(0);
    expect(back.phases[1]?.adjustedMs).toBe(20 * M);
    const again = expectAgrees(hour, [...events, ev('next', 32)], 32);
    expect(again.phaseRemainingMs).toBe(18 * M);
    expect(again.phases[2]?.adjustedMs).toBe(10 * M);
  });

  it('+5 min on a squeezed phase comes out of what is left for the wrap-up', () => {
    const events = [ev('start', 0), ev('next', 30), extend(35)];
    const view = expectAgrees(hour, events, 35);
    expect(view.phaseRemainingMs).toBe(20 * M);
    expect(view.phases[2]?.adjustedMs).toBe(5 * M);
    expect(view.wrapUpSqueezed).toBe(false);
    expect(expectAgrees(hour, [...events, extend(36)], 36).wrapUpSqueezed).toBe(true);
  });

  it('a pause across a boundary moves the end of the hour, not the squeeze', () => {
    const events = [ev('start', 0), ev('pause', 30), ev('next', 32), ev('resume', 40)];
    const paused = timerView(events.slice(0, 3), hour, at(35));
    expect(paused.phaseRemainingMs).toBe(20 * M);
    expect(paused.endsAt).toBe(at(65));
    const view = expectAgrees(hour, events, 45);
    expect(view.phaseRemainingMs).toBe(15 * M);
    expect(view.endsAt).toBe(at(70));
  });

  it('shares the squeeze among the middle phases of a five-phase template in proportion', () => {
    const events = [ev('start', 0), ev('next', 20)];
    const second = expectAgrees(five, events, 20);
    expect(second.phaseRemainingMs).toBeCloseTo(11.25 * M, 0);
    expect(second.phases.map((p) => Math.round(p.adjustedMs / 1000))).toEqual([1200, 675, 675, 450, 600]);
    const third = expectAgrees(five, [...events, { type: 'next', at: at(20) + 675_000 }], 31.25);
    expect(third.phaseRemainingMs).toBeCloseTo(11.25 * M, 0);
    expect(third.phases[4]?.adjustedMs).toBe(10 * M);
  });

  it('says when the hour ends while running, and that it moves while paused', () => {
    expect(timerView([], hour, at(0)).endsAt).toBeNull();
    expect(timerView([ev('start', 0)], hour, at(10)).endsAt).toBe(at(60));
    expect(timerView([ev('start', 0), ev('pause', 10)], hour, at(14)).endsAt).toBe(at(64));
    expect(timerView([ev('start', 0)], hour, at(70)).endsAt).toBe(at(60));
  });

  it('agrees with the model at every minute of 60 random hours', () => {
    const kinds = ['pause', 'resume', 'next', 'next', 'back', 'extend', 'reset', 'start'] as const;
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 60; run++) {
      const agenda = run % 2 === 0 ? hour : five;
      const events: TimerEvent[] = [{ type: 'start', at: T0 }];
      let t = 0;
      while (t < 4000) {
        t += 1 + Math.floor(rand() * 600);
        const type = kinds[Math.floor(rand() * kinds.length)] ?? 'next';
        events.push(type === 'extend' ? { type, at: T0 + t * 1000, minutes: 5 } : { type, at: T0 + t * 1000 });
      }
      // The log as it stood at each minute (a log never holds events from the future).
      for (let minute = 1; minute <= 75; minute += 7)
        expectAgrees(
          agenda,
          events.filter((e) => e.at <= at(minute)),
          minute,
        );
    }
  });
});
