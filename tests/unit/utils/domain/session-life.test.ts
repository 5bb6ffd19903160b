import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { defaultTemplate, type Phase } from '../../../../utils/domain/agenda';
import { documentMarkdown, type MarkdownLabels, sessionMarkdown } from '../../../../utils/domain/export-markdown';
import { sessionFrontMatter } from '../../../../utils/domain/export-notes';
import type { CallState } from '../../../../utils/domain/model';
import { phasesPerSession } from '../../../../utils/domain/progress';
import { type ProgressLabels, progressDocument } from '../../../../utils/domain/progress-doc';
import { instantOf, wallClock } from '../../../../utils/domain/session-date';
import { indexEntry } from '../../../../utils/domain/session-index';
import {
  AUTO_END_MARGIN_MS,
  autoEnd,
  CALL_END_GRACE_MS,
  correctEnd,
  endEvent,
  endOnDay,
  recordedMinutes,
  recordedView,
  sessionStatus,
  withAutoEnd,
} from '../../../../utils/domain/session-life';
import { availableActions, badgeText, eventForCommand, timerView, upcomingAlerts } from '../../../../utils/domain/timer';
import { mergeTimerLogs } from '../../../../utils/domain/timer-log';
import { type PlainTimerEventType, type TimerEvent, TimerLogSchema } from '../../../../utils/domain/timer-schema';
import { sampleSession } from '../../sample-data';

const M = 60_000;
const DAY = 24 * 60 * M;
const T0 = Date.UTC(2026, 10, 25, 10, 0, 0);
const agenda: Phase[] = defaultTemplate({
  name: 'Hour',
  understand: { title: 'Understand', prompt: 'What is the real problem?' },
  plan: { title: 'Plan', prompt: '' },
  wrapUp: { title: 'Wrap up', prompt: '' },
}).phases;
const at = (minutes: number) => T0 + minutes * M;
const ev = (type: PlainTimerEventType, minutes: number): TimerEvent => ({ type, at: at(minutes) });
const end = (minutes: number, by: 'coach' | 'call' | 'auto' = 'coach'): TimerEvent => ({ type: 'end', at: at(minutes), by });
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

  it('refuses a time before the start or in the future, a text that is no time, and a session that has not ended', () => {
    // T0 is 10:00 UTC: the session ran from 10:00 to 11:00, and it is 11:10 now.
    const view = timerView(hour, agenda, at(70));
    expect(correctEnd(view, '09:55', 'UTC', at(70))).toEqual({ problem: 'beforeStart' });
    expect(correctEnd(view, '11:11', 'UTC', at(70))).toEqual({ problem: 'inFuture' });
    expect(correctEnd(view, '', 'UTC', at(70))).toEqual({ problem: 'noTime' });
    expect(correctEnd(view, '24:10', 'UTC', at(70))).toEqual({ problem: 'noTime' });
    expect(correctEnd(timerView([ev('start', 0)], agenda, at(5)), '10:04', 'UTC', at(5))).toEqual({ problem: 'notEnded' });
    expect(correctEnd(view, '10:55', 'UTC', at(70))).toEqual({
      event: { type: 'end', at: at(55), by: 'coach', correctedAt: at(70) },
      nextDay: false,
    });
  });
});

describe('correcting the end to a time of day: the day it belongs to', () => {
  /** A session begun at `start` (wall time on `day` in `zone`), ended by Sidecoach 90 minutes later, its end corrected to `typed`. */
  const corrected = (day: string, start: string, zone: string, typed: string, now = Number.POSITIVE_INFINITY) => {
    const startedAt = instantOf({ day, time: start, zone }, zone);
    const log: TimerEvent[] = [
      { type: 'start', at: startedAt },
      { type: 'end', at: startedAt + 90 * M, by: 'auto' },
    ];
    const result = correctEnd(timerView(log, agenda, startedAt + DAY), typed, zone, now);
    if ('problem' in result) return result;
    return { nextDay: result.nextDay, minutes: timerView([...log, result.event], agenda, startedAt + DAY).sessionElapsedMs / M };
  };

  it('a session from 23:10 ends at 23:59 that evening or at 00:35 the next morning, never "in the future"', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/St_Johns', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Asia/Kathmandu']) {
      expect({ zone, ...corrected('2026-11-25', '23:10', zone, '23:59') }).toMatchObject({ zone, nextDay: false, minutes: 49 });
      expect({ zone, ...corrected('2026-11-25', '23:10', zone, '00:35') }).toMatchObject({ zone, nextDay: true, minutes: 85 });
      expect(wallClock(instantOf({ day: '2026-11-25', time: '23:10', zone }, zone) + 85 * M, zone)).toEqual({
        day: '2026-11-26',
        time: '00:35',
      });
    }
  });

  it('reads the typed time against the session’s start, not against the recorded end’s day nor the machine’s', () => {
    // Sidecoach ended it at 00:40 the next day: 23:59 is still that evening, and a time it has not reached yet is refused.
    const startedAt = instantOf({ day: '2026-11-25', time: '23:10', zone: 'Europe/Berlin' }, 'Europe/Berlin');
    expect(corrected('2026-11-25', '23:10', 'Europe/Berlin', '23:59', startedAt + 60 * M)).toMatchObject({ nextDay: false, minutes: 49 });
    expect(corrected('2026-11-25', '23:10', 'Europe/Berlin', '00:35', startedAt + 60 * M)).toEqual({ problem: 'inFuture' });
    expect(corrected('2026-11-25', '23:10', 'Europe/Berlin', '00:35', startedAt + 85 * M)).toMatchObject({ minutes: 85 });
  });

  it('a time earlier than the start is the next morning only within half a day: later, it is before the start', () => {
    expect(corrected('2026-11-25', '23:10', 'UTC', '10:00')).toMatchObject({ nextDay: true, minutes: 650 });
    expect(corrected('2026-11-25', '23:10', 'UTC', '11:10')).toMatchObject({ nextDay: true, minutes: 720 });
    expect(corrected('2026-11-25', '23:10', 'UTC', '11:11')).toEqual({ problem: 'beforeStart' });
    expect(corrected('2026-11-25', '23:10', 'UTC', '22:40')).toEqual({ problem: 'beforeStart' });
    // The same minute as the start: that day (a session that ended as it began), never 24 hours later.
    expect(corrected('2026-11-25', '23:10', 'UTC', '23:10')).toMatchObject({ nextDay: false, minutes: 0 });
    // A session of the morning: an earlier time is before its start.
    expect(corrected('2026-11-25', '10:00', 'UTC', '09:30')).toEqual({ problem: 'beforeStart' });
    expect(corrected('2026-11-25', '10:00', 'UTC', '11:05')).toMatchObject({ nextDay: false, minutes: 65 });
  });

  it('counts real minutes across a daylight-saving change in the night (the wall time typed stays the time meant)', () => {
    // Berlin springs forward at 02:00 on 29 March 2026 (an hour less) and falls back at 03:00 on 25 October (an hour more).
    expect(corrected('2026-03-28', '23:10', 'Europe/Berlin', '03:30')).toMatchObject({ nextDay: true, minutes: 200 });
    expect(corrected('2026-10-24', '23:10', 'Europe/Berlin', '03:30')).toMatchObject({ nextDay: true, minutes: 320 });
    // Lord Howe moves by half an hour; Chatham by an hour at a quarter to the hour.
    expect(corrected('2026-10-03', '23:10', 'Australia/Lord_Howe', '02:40')).toMatchObject({ nextDay: true, minutes: 180 });
    expect(corrected('2026-04-04', '23:10', 'Pacific/Chatham', '04:10')).toMatchObject({ nextDay: true, minutes: 360 });
  });

  it('takes the time as a time input gives it, or as typed with one hour digit', () => {
    expect(endOnDay(T0, '9:05', 'UTC')).toEqual({ at: at(23 * 60 + 5), nextDay: true });
    expect(endOnDay(T0, '11:05', 'UTC')).toEqual({ at: at(65), nextDay: false });
    expect(endOnDay(T0, ' 11:05 ', 'UTC')).toEqual({ at: at(65), nextDay: false });
    expect(endOnDay(T0, '11.05', 'UTC')).toBeNull();
    expect(endOnDay(T0, '11:5', 'UTC')).toBeNull();
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
  it('gives each phase and the session, planned and taken', () => {
    expect(recordedMinutes(timerView([ev('start', 0), ev('next', 27), ev('next', 50), end(61)], agenda, at(DAY / M)))).toEqual({
      phases: [
        { id: agenda[0]?.id, title: 'Understand', planned: 25, taken: 27 },
        { id: agenda[1]?.id, title: 'Plan', planned: 25, taken: 23 },
        { id: agenda[2]?.id, title: 'Wrap up', planned: 10, taken: 11 },
      ],
      planned: 60,
      taken: 61,
    });
  });

  it('is the one source of the figures: after +5 the summary, the index and charts, the progress figures, the Markdown and the front matter all say 25/30/10 and 65', () => {
    // +5 in the plan phase, which then took its 30 minutes: the phases planned add up to 65, and so does every total.
    const log: TimerEvent[] = [ev('start', 0), ev('next', 25), { type: 'extend', at: at(40), minutes: 5 }, ev('next', 55), end(65)];
    const month = at((31 * DAY) / M);
    const summary = recordedMinutes(recordedView(log, agenda, month));
    expect(summary.phases.map((p) => [p.planned, p.taken])).toEqual([
      [25, 25],
      [30, 30],
      [10, 10],
    ]);
    expect([summary.planned, summary.taken]).toEqual([65, 65]);
    const record = { ...sampleSession(), agenda: null, timer: log };
    const ctx = {
      coacheeName: 'Ada',
      defaultAgenda: agenda,
      labels: new Proxy({} as MarkdownLabels, {
        get: (_t, key) =>
          key === 'minutes'
            ? (n: number) => `${n} min`
            : key === 'status'
              ? { done: 'done', partly: 'partly', not: 'not' }
              : ['title', 'homework', 'perWeek', 'loggedWeek', 'coacheeMark'].includes(String(key))
                ? () => String(key)
                : String(key),
      }),
      formatDate: () => '',
      now: month,
    };
    expect(sessionMarkdown(record, ctx)).toContain('| Plan | 30 min | 30 min |');
    expect(sessionMarkdown(record, ctx)).toContain('| **total** | **65 min** | **65 min** |');
    const front = sessionFrontMatter(record, ctx);
    expect(front).toContain('planned_minutes: 65\ntaken_minutes: 65');
    const entry = indexEntry(record.meta, { ...record, nextSessionAt: null }, agenda, month);
    expect(entry.phases.map((p) => [p.planned, p.actual])).toEqual(summary.phases.map((p) => [p.planned, p.taken]));
    expect(phasesPerSession([entry])[0]).toMatchObject({ planned: 65, taken: 65 });
    const words = new Proxy({} as ProgressLabels, { get: (_t, key) => (key === 'heading' ? () => 'Progress' : String(key)) });
    const figures = documentMarkdown(progressDocument([entry], 'Ada', words, { day: () => 'day', week: (w) => w, month: (m) => m }, month));
    expect(figures).toContain('| day | 65 | 65 |');
  });

  it('gives whole minutes whose rows make the total: 24.6 + 25.3 + 10.5 is 25 + 25 + 10 of 60, not 61', () => {
    const sec = (minutes: number) => T0 + Math.round(minutes * M);
    const log: TimerEvent[] = [
      ev('start', 0),
      { type: 'next', at: sec(24.6) },
      { type: 'next', at: sec(49.9) },
      { type: 'end', at: sec(60.4), by: 'coach' },
    ];
    const minutes = recordedMinutes(timerView(log, agenda, at(200)));
    expect(minutes.phases.map((p) => p.taken)).toEqual([25, 25, 10]);
    expect(minutes.taken).toBe(60);
    expect(minutes.phases.reduce((sum, p) => sum + p.taken, 0)).toBe(minutes.taken);
  });

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
