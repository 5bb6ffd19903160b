import { describe, expect, it } from 'vitest';
import { documentMarkdown, type MarkdownLabels, sessionMarkdown } from '../../../../utils/domain/export-markdown';
import { sessionFrontMatter } from '../../../../utils/domain/export-notes';
import { indexEntry } from '../../../../utils/domain/history/session-index';
import { phasesPerSession } from '../../../../utils/domain/progress';
import { type ProgressLabels, progressDocument } from '../../../../utils/domain/progress-doc';
import { recordedMinutes } from '../../../../utils/domain/session-figures';
import { recordedView } from '../../../../utils/domain/session-life';
import { timerView } from '../../../../utils/domain/timer';
import type { TimerEvent } from '../../../../utils/domain/timer-schema';
import { sampleSession } from '../../sample-data';
import { agenda, at, DAY, end, ev, M, T0 } from '../../timer-events';

describe('a session’s figures: recordedMinutes, the one source', () => {
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
});
