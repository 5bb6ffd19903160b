import { describe, expect, it } from 'vitest';
import { defaultTemplate, type Phase } from '../../../../utils/domain/agenda';
import { availableActions, badgeText, eventForCommand, formatDuration, timerView, upcomingAlerts } from '../../../../utils/domain/timer';
import type { PlainTimerEventType, TimerEvent } from '../../../../utils/domain/timer-schema';

const M = 60_000;
const T0 = 1_700_000_000_000;
const agenda: Phase[] = defaultTemplate({
  name: 'Hour',
  understand: { title: 'Understand', prompt: 'p1' },
  plan: { title: 'Plan', prompt: 'p2' },
  wrapUp: { title: 'Wrap up', prompt: 'p3' },
}).phases;
const at = (minutes: number) => T0 + minutes * M;
const ev = (type: PlainTimerEventType, minutes: number): TimerEvent => ({ type, at: at(minutes) });
const extend = (minutes: number, by = 5): TimerEvent => ({ type: 'extend', at: at(minutes), minutes: by });

describe('timerView', () => {
  it('is idle with the plan as it stands before the clock starts', () => {
    const view = timerView([], agenda, at(3));
    expect(view.status).toBe('idle');
    expect(view.sessionMs).toBe(60 * M);
    expect(view.sessionRemainingMs).toBe(60 * M);
    expect(view.phases.map((p) => [p.state, p.plannedMs, p.adjustedMs])).toEqual([
      ['upcoming', 25 * M, 25 * M],
      ['upcoming', 25 * M, 25 * M],
      ['upcoming', 10 * M, 10 * M],
    ]);
    expect(view.wrapUpSqueezed).toBe(false);
  });

  it('counts the first phase from start', () => {
    const view = timerView([ev('start', 0)], agenda, at(10));
    expect(view).toMatchObject({
      status: 'running',
      phaseIndex: 0,
      phaseElapsedMs: 10 * M,
      phaseRemainingMs: 15 * M,
      sessionRemainingMs: 50 * M,
    });
    expect(view.phases[0]?.state).toBe('current');
  });

  it('stops counting while paused and goes on after resume', () => {
    const events = [ev('start', 0), ev('pause', 10), ev('resume', 30)];
    expect(timerView(events.slice(0, 2), agenda, at(20)).phaseElapsedMs).toBe(10 * M);
    expect(timerView(events, agenda, at(35)).phaseElapsedMs).toBe(15 * M);
    expect(timerView(events, agenda, at(35)).status).toBe('running');
  });

  it('moves to the next phase and keeps what each phase took', () => {
    const view = timerView([ev('start', 0), ev('next', 20), ev('next', 45)], agenda, at(50));
    expect(view.phaseIndex).toBe(2);
    expect(view.phases.map((p) => [p.state, p.actualMs])).toEqual([
      ['done', 20 * M],
      ['done', 25 * M],
      ['current', 5 * M],
    ]);
  });

  it('goes back to the previous phase and adds to its time', () => {
    const view = timerView([ev('start', 0), ev('next', 20), ev('back', 22)], agenda, at(30));
    expect(view.phaseIndex).toBe(0);
    expect(view.phases.map((p) => p.actualMs)).toEqual([28 * M, 2 * M, 0]);
  });

  it('counts a pause that spans a phase change in neither phase', () => {
    const view = timerView([ev('start', 0), ev('pause', 20), ev('next', 25), ev('resume', 40)], agenda, at(45));
    expect(view.phases.map((p) => p.actualMs)).toEqual([20 * M, 5 * M, 0]);
    expect(view.sessionElapsedMs).toBe(25 * M);
  });

  it('extends the current phase by five minutes and re-plans the rest to keep the hour', () => {
    const view = timerView([ev('start', 0), extend(10)], agenda, at(12));
    expect(view.phases[0]?.plannedMs).toBe(30 * M);
    expect(view.phaseRemainingMs).toBe(18 * M);
    expect(view.phases[1]?.adjustedMs).toBe(20 * M);
    expect(view.phases[2]?.adjustedMs).toBe(10 * M);
    expect(view.sessionMs).toBe(60 * M);
  });

  it('squeezes the middle phases before the wrap-up when an early phase runs over', () => {
    const view = timerView([ev('start', 0)], agenda, at(40));
    expect(view.phaseRemainingMs).toBe(-15 * M);
    expect(view.phases[1]?.adjustedMs).toBe(10 * M);
    expect(view.phases[2]?.adjustedMs).toBe(10 * M);
    expect(view.wrapUpSqueezed).toBe(false);
  });

  it('says the wrap-up is squeezed once the hour cannot hold its floor', () => {
    expect(timerView([ev('start', 0)], agenda, at(54)).wrapUpSqueezed).toBe(false);
    const view = timerView([ev('start', 0)], agenda, at(56));
    expect(view.phases[1]?.adjustedMs).toBe(0);
    expect(view.phases[2]?.adjustedMs).toBe(4 * M);
    expect(view.wrapUpSqueezed).toBe(true);
  });

  it('says the wrap-up is squeezed when it starts with under five minutes left', () => {
    const view = timerView([ev('start', 0), ev('next', 25), ev('next', 57)], agenda, at(57));
    expect(view.wrapUpSqueezed).toBe(true);
    expect(timerView([ev('start', 0), ev('next', 25), ev('next', 50)], agenda, at(58)).wrapUpSqueezed).toBe(false);
  });

  it('shows overtime past the hour instead of hiding it', () => {
    const view = timerView([ev('start', 0), ev('next', 25), ev('next', 50)], agenda, at(63));
    expect(view.sessionRemainingMs).toBe(-3 * M);
    expect(view.overtimeMs).toBe(3 * M);
    expect(view.phaseRemainingMs).toBe(-3 * M);
  });

  it('reset clears everything back to idle, and start begins again from the first phase', () => {
    const events = [ev('start', 0), ev('next', 10), extend(12), ev('reset', 15)];
    const idle = timerView(events, agenda, at(20));
    expect(idle).toMatchObject({ status: 'idle', phaseIndex: 0, sessionElapsedMs: 0, startedAt: null });
    expect(idle.phases[1]?.plannedMs).toBe(25 * M);
    const again = timerView([...events, ev('start', 20)], agenda, at(21));
    expect(again).toMatchObject({ status: 'running', phaseIndex: 0, sessionElapsedMs: M, startedAt: at(20) });
  });

  describe('events that make no sense in the state change nothing', () => {
    const cases: [string, TimerEvent[]][] = [
      ['pause while idle', [ev('pause', 1)]],
      ['resume while idle', [ev('resume', 1)]],
      ['next while idle', [ev('next', 1)]],
      ['back while idle', [ev('back', 1)]],
      ['extend while idle', [extend(1)]],
      ['reset while idle', [ev('reset', 1)]],
    ];
    it.each(cases)('%s', (_name, events) => {
      expect(timerView(events, agenda, at(5))).toEqual(timerView([], agenda, at(5)));
    });

    it.each([
      ['start while running', [ev('start', 0), ev('start', 5)]],
      ['resume while running', [ev('start', 0), ev('resume', 5)]],
      ['back on the first phase', [ev('start', 0), ev('back', 5)]],
    ] as [string, TimerEvent[]][])('%s', (_name, events) => {
      expect(timerView(events, agenda, at(8))).toEqual(timerView([ev('start', 0)], agenda, at(8)));
    });

    it('pause while paused and start while paused', () => {
      const base = [ev('start', 0), ev('pause', 5)];
      expect(timerView([...base, ev('pause', 6), ev('start', 7)], agenda, at(9))).toEqual(timerView(base, agenda, at(9)));
    });

    it('next on the last phase', () => {
      const base = [ev('start', 0), ev('next', 1), ev('next', 2)];
      expect(timerView([...base, ev('next', 3)], agenda, at(9))).toEqual(timerView(base, agenda, at(9)));
    });
  });

  it('allows next, back and extend while paused, counting no time', () => {
    const view = timerView([ev('start', 0), ev('pause', 10), ev('next', 11), extend(12, 10), ev('back', 13)], agenda, at(20));
    expect(view).toMatchObject({ status: 'paused', phaseIndex: 0, sessionElapsedMs: 10 * M });
    expect(view.phases[1]?.plannedMs).toBe(35 * M);
  });

  describe('a clock that jumps', () => {
    it('never runs backwards when the system time is set back', () => {
      const events: TimerEvent[] = [ev('start', 0), ev('pause', 10), { type: 'resume', at: at(5) }];
      const view = timerView(events, agenda, at(12));
      expect(view.phaseElapsedMs).toBe(12 * M);
      expect(timerView(events, agenda, at(2)).phaseElapsedMs).toBe(10 * M);
    });

    it('treats now before the last event as the last event time (no negative times)', () => {
      const view = timerView([ev('start', 10)], agenda, at(0));
      expect(view.phaseElapsedMs).toBe(0);
      expect(view.sessionRemainingMs).toBe(60 * M);
    });

    it('counts a sleep while running as time that passed, and shows the overtime', () => {
      const view = timerView([ev('start', 0)], agenda, at(24 * 60));
      expect(view.overtimeMs).toBe((24 * 60 - 60) * M);
      expect(Number.isFinite(view.phaseRemainingMs)).toBe(true);
    });
  });

  it('matches a second-by-second reference over an hour of random events', () => {
    const kinds = ['start', 'pause', 'resume', 'next', 'back', 'extend', 'reset'] as const;
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 50; run++) {
      const events: TimerEvent[] = [{ type: 'start', at: T0 }];
      let t = 0;
      while (t < 3600) {
        t += 1 + Math.floor(rand() * 300);
        const type = kinds[Math.floor(rand() * kinds.length)] ?? 'next';
        events.push(type === 'extend' ? { type, at: T0 + t * 1000, minutes: 5 } : { type, at: T0 + t * 1000 });
      }
      const end = t + 120;
      // Reference: step one second at a time, applying each event at its second.
      let status: 'idle' | 'running' | 'paused' = 'idle';
      let phase = 0;
      let spent = [0, 0, 0];
      let extra = [0, 0, 0];
      for (let second = 0; second < end; second++) {
        for (const e of events.filter((x) => x.at === T0 + second * 1000)) {
          if (e.type === 'start' && status === 'idle') [status, phase] = ['running', 0];
          else if (e.type === 'pause' && status === 'running') status = 'paused';
          else if (e.type === 'resume' && status === 'paused') status = 'running';
          else if (e.type === 'next' && status !== 'idle' && phase < 2) phase++;
          else if (e.type === 'back' && status !== 'idle' && phase > 0) phase--;
          else if (e.type === 'extend' && status !== 'idle') extra[phase] = (extra[phase] ?? 0) + 5;
          else if (e.type === 'reset') [status, phase, spent, extra] = ['idle', 0, [0, 0, 0], [0, 0, 0]];
        }
        if (status === 'running') spent[phase] = (spent[phase] ?? 0) + 1;
      }
      const view = timerView(events, agenda, T0 + end * 1000);
      expect(view.status).toBe(status);
      expect(view.phaseIndex).toBe(phase);
      expect(view.phases.map((p) => p.actualMs / 1000)).toEqual(spent);
      expect(view.phases.map((p, i) => p.plannedMs / M - (agenda[i]?.minutes ?? 0))).toEqual(extra);
      expect(view.sessionRemainingMs).toBe(3600_000 - spent.reduce((a, b) => a + b, 0) * 1000);
    }
  });
});

describe('upcomingAlerts', () => {
  it('names the phase end, five minutes before the hour ends, and the hour end while running', () => {
    const view = timerView([ev('start', 0)], agenda, at(10));
    expect(upcomingAlerts(view, at(10))).toEqual([
      { kind: 'phaseEnd', at: at(25) },
      { kind: 'fiveMinutesLeft', at: at(55) },
      { kind: 'sessionEnd', at: at(60) },
    ]);
  });

  it('has none while paused or idle', () => {
    expect(upcomingAlerts(timerView([ev('start', 0), ev('pause', 1)], agenda, at(2)), at(2))).toEqual([]);
    expect(upcomingAlerts(timerView([], agenda, at(2)), at(2))).toEqual([]);
  });
});

describe('availableActions', () => {
  it('offers start only when idle, and pause or resume by state', () => {
    expect(availableActions(timerView([], agenda, at(0)))).toEqual({
      start: true,
      pause: false,
      resume: false,
      next: false,
      back: false,
      extend: false,
      reset: false,
      end: false,
    });
    expect(availableActions(timerView([ev('start', 0)], agenda, at(1)))).toMatchObject({
      start: false,
      pause: true,
      next: true,
      back: false,
    });
    expect(availableActions(timerView([ev('start', 0), ev('pause', 1)], agenda, at(2)))).toMatchObject({ pause: false, resume: true });
  });
});

describe('formatting', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [25 * M, '25:00'],
    [61 * M + 5000, '1:01:05'],
    [-3 * M, '−3:00'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('keeps the badge within four characters', () => {
    expect(badgeText(timerView([], agenda, at(0)))).toBe('');
    expect(badgeText(timerView([ev('start', 0)], agenda, at(1)))).toBe('24m');
    expect(badgeText(timerView([ev('start', 0)], agenda, at(30)))).toBe('+5');
    expect(badgeText(timerView([ev('start', 0)], agenda, at(24 * 60 * 7)))).toBe('+999');
    for (const minutes of [0, 1, 24, 26, 59, 61, 600, 100_000]) {
      expect(badgeText(timerView([ev('start', 0)], agenda, at(minutes))).length).toBeLessThanOrEqual(4);
    }
  });
});

describe('eventForCommand', () => {
  it('starts, pauses and resumes with one command', () => {
    expect(eventForCommand('toggle-clock', timerView([], agenda, at(0)), at(0))).toEqual({ type: 'start', at: at(0) });
    expect(eventForCommand('toggle-clock', timerView([ev('start', 0)], agenda, at(1)), at(1))).toEqual({ type: 'pause', at: at(1) });
    expect(eventForCommand('toggle-clock', timerView([ev('start', 0), ev('pause', 1)], agenda, at(2)), at(2))).toEqual({
      type: 'resume',
      at: at(2),
    });
  });

  it('moves to the next phase only when there is one', () => {
    expect(eventForCommand('next-phase', timerView([ev('start', 0)], agenda, at(1)), at(1))).toEqual({ type: 'next', at: at(1) });
    expect(eventForCommand('next-phase', timerView([], agenda, at(1)), at(1))).toBeNull();
    expect(eventForCommand('next-phase', timerView([ev('start', 0), ev('next', 1), ev('next', 2)], agenda, at(3)), at(3))).toBeNull();
  });
});
