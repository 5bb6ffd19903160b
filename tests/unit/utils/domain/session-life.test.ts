import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type MarkdownLabels, sessionMarkdown } from '../../../../utils/domain/export-markdown';
import { indexEntry } from '../../../../utils/domain/history/session-index';
import type { CallState } from '../../../../utils/domain/model';
import { phasesPerSession } from '../../../../utils/domain/progress';
import {
  AUTO_END_MARGIN_MS,
  autoEnd,
  CALL_END_GRACE_MS,
  endEvent,
  recordedView,
  sessionStatus,
  withAutoEnd,
} from '../../../../utils/domain/session-life';
import { availableActions, badgeText, eventForCommand, timerView, upcomingAlerts } from '../../../../utils/domain/timer';
import { mergeTimerLogs } from '../../../../utils/domain/timer-log';
import { type TimerEvent, TimerLogSchema } from '../../../../utils/domain/timer-schema';
import { sampleSession } from '../../sample-data';
import { agenda, at, DAY, end, ev, M, T0 } from '../../timer-events';

const fix = (minutes: number, correctedAtMinutes: number): TimerEvent => ({
  type: 'end',
  at: at(minutes),
  by: 'coach',
  correctedAt: at(correctedAtMinutes),
});
const status = (log: TimerEvent[], minutes: number) => sessionStatus(timerView(log, agenda, at(minutes)));
const callEnded = (minutes: number): NonNullable<CallState> => ({
  tabId: 1,
  platform: 'meet',
  inCall: false,
  startedAt: at(-1),
  endedAt: at(minutes),
});

/** The hour run as planned and ended by the coach at 60 minutes. */
const hour: TimerEvent[] = [ev('start', 0), ev('next', 25), ev('next', 50), end(60)];

describe('a session’s life: every transition', () => {
  it('is upcoming before the start, running after it, paused, running again, then ended', () => {
    const log: TimerEvent[] = [];
    expect(status(log, 0)).toBe('upcoming');
    log.push(ev('start', 0));
    expect(status(log, 1)).toBe('running');
    log.push(ev('pause', 10));
    expect(status(log, 11)).toBe('paused');
    log.push(ev('resume', 12));
    expect(status(log, 13)).toBe('running');
    log.push(ev('next', 20), ev('back', 21), ev('next', 22), { type: 'extend', at: at(23), minutes: 5 });
    expect(status(log, 24)).toBe('running');
    log.push(end(58));
    expect(status(log, 59)).toBe('ended');
  });

  it('an end records each phase and the whole session, and nothing counts afterwards: a day, a month later', () => {
    for (const later of [60, 61, 60 + DAY / M, 60 + (31 * DAY) / M]) {
      const view = timerView(hour, agenda, at(later));
      expect(view.status).toBe('ended');
      expect(view.sessionElapsedMs).toBe(60 * M);
      expect(view.overtimeMs).toBe(0);
      expect(view.endsAt).toBeNull();
      expect(view.phases.map((p) => [p.state, p.actualMs])).toEqual([
        ['done', 25 * M],
        ['done', 25 * M],
        ['done', 10 * M],
      ]);
    }
    expect(timerView(hour, agenda, at(60)).ended).toEqual({ at: at(60), by: 'coach', while: 'running', corrected: false });
  });

  it('records the overtime an ended session ran, and no more', () => {
    const view = timerView([ev('start', 0), ev('next', 25), ev('next', 50), end(67)], agenda, at(60 * 24 * 30));
    expect(view.sessionElapsedMs).toBe(67 * M);
    expect(view.overtimeMs).toBe(7 * M);
  });

  it('ends a paused clock without counting the pause', () => {
    const view = timerView([ev('start', 0), ev('pause', 40), end(70)], agenda, at(200));
    expect(view.status).toBe('ended');
    expect(view.sessionElapsedMs).toBe(40 * M);
    expect(view.ended).toMatchObject({ at: at(70), while: 'paused' });
  });

  it('ignores a second end: the first one counts', () => {
    const view = timerView([...hour, end(75), end(90, 'auto')], agenda, at(100));
    expect(view.sessionElapsedMs).toBe(60 * M);
    expect(view.ended?.by).toBe('coach');
  });

  it('ignores every event after the end but a reset', () => {
    const after: TimerEvent[] = [
      ev('resume', 61),
      ev('start', 62),
      ev('next', 63),
      ev('back', 64),
      { type: 'extend', at: at(65), minutes: 5 },
    ];
    const view = timerView([...hour, ...after], agenda, at(70));
    expect(view).toMatchObject({ status: 'ended', sessionElapsedMs: 60 * M, phaseIndex: 2 });
    expect(view.phases.map((p) => p.plannedMs)).toEqual([25 * M, 25 * M, 10 * M]);
  });

  it('ignores an end before the clock started', () => {
    expect(status([end(0)], 1)).toBe('upcoming');
    expect(status([end(0), ev('start', 1)], 2)).toBe('running');
  });

  it('a reset after the end (the coach’s explicit choice) makes the session upcoming again, and it can run anew', () => {
    const reset = [...hour, ev('reset', 70)];
    expect(status(reset, 71)).toBe('upcoming');
    const again = [...reset, ev('start', 80)];
    const view = timerView(again, agenda, at(90));
    expect(view).toMatchObject({ status: 'running', sessionElapsedMs: 10 * M, ended: null });
    expect(timerView([...again, end(100)], agenda, at(200)).sessionElapsedMs).toBe(20 * M);
  });

  it('offers no control but the explicit reset once ended, and no keyboard command acts on it', () => {
    const view = timerView(hour, agenda, at(61));
    expect(availableActions(view)).toEqual({
      start: false,
      pause: false,
      resume: false,
      next: false,
      back: false,
      extend: false,
      reset: true,
      end: false,
    });
    expect(availableActions(timerView([ev('start', 0)], agenda, at(1))).end).toBe(true);
    expect(availableActions(timerView([ev('start', 0), ev('pause', 1)], agenda, at(2))).end).toBe(true);
    expect(eventForCommand('toggle-clock', view, at(61))).toBeNull();
    expect(eventForCommand('next-phase', view, at(61))).toBeNull();
    expect(upcomingAlerts(view, at(61))).toEqual([]);
    expect(badgeText(view)).toBe('');
  });

  it('endEvent records the coach’s end only while the clock runs or is paused', () => {
    expect(endEvent(timerView([ev('start', 0)], agenda, at(5)), at(5))).toEqual({ type: 'end', at: at(5), by: 'coach' });
    expect(endEvent(timerView([], agenda, at(5)), at(5))).toBeNull();
    expect(endEvent(timerView(hour, agenda, at(65)), at(65))).toBeNull();
  });

  it('two pages ending at once merge to one end: the earlier counts, both stay in the log', () => {
    const base = [ev('start', 0)];
    const merged = mergeTimerLogs(base, [...base, end(59)], [...base, end(60, 'auto')]);
    expect(merged).toHaveLength(3);
    expect(timerView(merged, agenda, at(90)).ended).toMatchObject({ at: at(59), by: 'coach' });
  });
});

describe('correcting the end time', () => {
  it('moves the end earlier: the time after it no longer counts, events after it are dropped', () => {
    const log = [ev('start', 0), ev('next', 25), ev('next', 50), end(90, 'auto'), fix(45, 120)];
    const view = timerView(log, agenda, at(200));
    expect(view.sessionElapsedMs).toBe(45 * M);
    expect(view.phaseIndex).toBe(1);
    expect(view.ended).toEqual({ at: at(45), by: 'coach', while: 'running', corrected: true });
  });

  it('moves the end later: a running clock counts until then', () => {
    const view = timerView([ev('start', 0), end(60, 'auto'), fix(70, 80)], agenda, at(100));
    expect(view.sessionElapsedMs).toBe(70 * M);
  });

  it('the latest correction wins, in whatever order the log holds them', () => {
    const log = [ev('start', 0), end(90, 'auto'), fix(62, 130), fix(58, 120)];
    expect(timerView(log, agenda, at(200)).sessionElapsedMs).toBe(62 * M);
  });
});

describe('a clock left running: the auto-end rule', () => {
  it(`ends a running clock ${AUTO_END_MARGIN_MS / M} minutes after the hour, recorded as Sidecoach's, while it was running`, () => {
    const log = [ev('start', 0)];
    expect(autoEnd(log, agenda)).toEqual({ due: at(90), event: { type: 'end', at: at(90), by: 'auto' } });
    expect(recordedView(log, agenda, at(89)).status).toBe('running');
    const view = recordedView(log, agenda, at(91));
    expect(view.status).toBe('ended');
    expect(view.ended).toEqual({ at: at(90), by: 'auto', while: 'running', corrected: false });
    expect(view.sessionElapsedMs).toBe(90 * M);
    // A month later it still reads the same.
    expect(recordedView(log, agenda, at((31 * DAY) / M)).sessionElapsedMs).toBe(90 * M);
  });

  it('ends a paused, forgotten clock at the hour as it stood at the pause, plus the margin: never "paused, the hour ends…" the next day', () => {
    const log = [ev('start', 0), ev('pause', 30)];
    expect(autoEnd(log, agenda)?.due).toBe(at(90));
    const nextDay = recordedView(log, agenda, at(DAY / M));
    expect(nextDay).toMatchObject({ status: 'ended', endsAt: null, sessionElapsedMs: 30 * M });
    expect(nextDay.ended).toMatchObject({ by: 'auto', while: 'paused' });
    expect(upcomingAlerts(nextDay, at(DAY / M))).toEqual([]);
    expect(badgeText(nextDay)).toBe('');
  });

  it('a later pause moves the edge with the hour: the hour ends later by every minute paused', () => {
    // Paused at 50 with 10 left, resumed at 70: the hour ends at 80, the clock ends itself at 110.
    expect(autoEnd([ev('start', 0), ev('pause', 50), ev('resume', 70)], agenda)?.due).toBe(at(110));
  });

  it('any press of the clock in overtime moves the edge on: a coach still there is never cut off', () => {
    expect(autoEnd([ev('start', 0), ev('next', 25), ev('next', 75)], agenda)?.due).toBe(at(105));
  });

  it(`ends at the call's end when the call ended and nobody touched the clock since (due ${CALL_END_GRACE_MS / M} minutes later)`, () => {
    const log = [ev('start', 0), ev('next', 25)];
    const call = callEnded(58);
    expect(autoEnd(log, agenda, call)).toEqual({ due: at(73), event: { type: 'end', at: at(58), by: 'call' } });
    expect(recordedView(log, agenda, at(72), call).status).toBe('running');
    const view = recordedView(log, agenda, at(74), call);
    expect(view.ended).toMatchObject({ at: at(58), by: 'call', while: 'running' });
    expect(view.sessionElapsedMs).toBe(58 * M);
  });

  it('the call rule gives way to the hour’s when the coach pressed the clock after the call ended, or the call is on', () => {
    expect(autoEnd([ev('start', 0), ev('next', 59)], agenda, callEnded(58))?.event.by).toBe('auto');
    expect(autoEnd([ev('start', 0)], agenda, { ...callEnded(58), inCall: true, endedAt: null })?.event.by).toBe('auto');
    // A call that ended before this clock started is another call.
    expect(autoEnd([ev('start', 0)], agenda, callEnded(-5))?.event.by).toBe('auto');
    // A call that ended after the hour's edge: the clock had ended itself by then.
    expect(autoEnd([ev('start', 0)], agenda, callEnded(120))).toEqual({ due: at(90), event: { type: 'end', at: at(90), by: 'auto' } });
  });

  it('the hour’s edge comes first when it is nearer than the call’s grace', () => {
    expect(autoEnd([ev('start', 0)], agenda, callEnded(85))).toEqual({ due: at(90), event: { type: 'end', at: at(85), by: 'call' } });
  });

  it('adds nothing to an upcoming or ended session, or before it is due', () => {
    expect(autoEnd([], agenda)).toBeNull();
    expect(autoEnd(hour, agenda)).toBeNull();
    expect(withAutoEnd(hour, agenda, at(DAY / M))).toEqual(hour);
    expect(withAutoEnd([ev('start', 0)], agenda, at(80))).toEqual([ev('start', 0)]);
  });
});

describe('recorded minutes', () => {
  it('the Markdown export reads the recorded minutes a month later, not the time since', () => {
    const labels = { phase: 'Phase', planned: 'Planned', actual: 'Actual', total: 'Total', minutes: (n: number) => `${n} min` };
    const ctx = (now: number) => ({
      coacheeName: 'Ada',
      defaultAgenda: agenda,
      labels: new Proxy(labels, {
        get: (target, key) => (key in target ? target[key as keyof typeof labels] : () => ''),
      }) as unknown as MarkdownLabels,
      formatDate: () => '',
      now,
    });
    const ended = { ...sampleSession(), timer: hour };
    const forgotten = { ...sampleSession(), timer: [ev('start', 0), ev('next', 25), ev('next', 50)] };
    const month = at((31 * DAY) / M);
    expect(sessionMarkdown(ended, ctx(month))).toContain('| **Total** | **60 min** | **60 min** |');
    // A clock never ended reads as the auto-end rule ended it: the hour and the margin, never 44,590 minutes.
    expect(sessionMarkdown(forgotten, ctx(month))).toContain('| **Total** | **60 min** | **90 min** |');
  });

  it('the index (and so the progress charts) holds the recorded minutes', () => {
    const source = {
      topic: { title: '', difficulty: '', outcome: '', updatedAt: 0 },
      timer: [ev('start', 0), ev('next', 31), ev('next', 52), end(63)],
      agenda: null,
      plan: [],
      homework: [],
      review: null,
      nextSessionAt: null,
    };
    const entry = indexEntry({ id: 's', coacheeId: 'c', createdAt: T0 }, source, agenda, at((31 * DAY) / M));
    expect(entry.lengthMs).toBe(63 * M);
    expect(phasesPerSession([entry])[0]?.phases.map((p) => p.actual)).toEqual([31, 21, 11]);
  });
});

describe('the stored log', () => {
  it('keeps old logs valid and accepts ends with who ended them; refuses an unknown hand', () => {
    expect(v.is(TimerLogSchema, [ev('start', 0), ev('pause', 3), { type: 'extend', at: at(4), minutes: 5 }])).toBe(true);
    expect(v.is(TimerLogSchema, [...hour, fix(58, 70), end(90, 'auto'), end(91, 'call')])).toBe(true);
    expect(v.is(TimerLogSchema, [{ type: 'end', at: at(1), by: 'someone' }])).toBe(false);
    expect(v.is(TimerLogSchema, [{ type: 'end', at: at(1) }])).toBe(false);
  });
});
