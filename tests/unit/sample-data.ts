import { defaultTemplate } from '../../utils/domain/agenda';
import type { DataSet, SessionRecord } from '../../utils/domain/backup';
import type { IndexEntry } from '../../utils/domain/history/session-index';
import { EMPTY_WRAP_UP } from '../../utils/domain/model';
import { DEFAULT_SETTINGS } from '../../utils/domain/settings';

const M = 60_000;
export const T0 = Date.UTC(2026, 10, 25, 10, 0, 0);

/** A full session record with every part filled, for export and backup tests. */
export function sampleSession(id = 's1', coacheeId = 'ada'): SessionRecord {
  return {
    meta: { id, coacheeId, createdAt: T0 - M },
    topic: {
      title: 'Speaking up in meetings',
      difficulty: 'Talked over twice this week.\nStopped trying.',
      outcome: 'One habit to try',
      updatedAt: T0,
    },
    notes: 'She waits for a perfect moment.\n— 10:14 · Understand the problem · 14:00 in —\nTry: first comment in the first five minutes.',
    timer: [
      { type: 'start', at: T0 },
      { type: 'next', at: T0 + 27 * M },
      { type: 'next', at: T0 + 50 * M },
      { type: 'pause', at: T0 + 59 * M },
    ],
    agenda: null,
    plan: [
      { id: 'p1', text: 'Speak in the first five minutes of two meetings a week', done: true },
      { id: 'p2', text: 'Tell the lead about the pattern', done: false },
    ],
    homework: [
      { id: 'h1', kind: 'reading', title: 'Quiet, chapter 3', minutesPerWeek: 30, logged: { '2026-11-23': 20 } },
      { id: 'h2', kind: 'exercise', title: 'Write the point down before the meeting', minutesPerWeek: 15, logged: {} },
    ],
    review: {
      fromSessionId: 's0',
      items: [{ stepId: 'x1', text: 'Ask one question in standup', status: 'not', heldBack: 'No time', dreading: 'Sounding junior' }],
      rootCause: 'Fear of being judged, not time.',
    },
    wrapUp: { ...EMPTY_WRAP_UP, feedback: 'The examples helped.', nextSessionAt: T0 + 28 * 24 * 60 * M },
  };
}

export function sampleData(): DataSet {
  return {
    coachees: [
      { id: 'me', name: '', createdAt: T0 - 10 * M },
      { id: 'ada', name: 'Ada', createdAt: T0 - 5 * M },
    ],
    sessions: [sampleSession('s1', 'ada'), { ...sampleSession('s2', 'me'), meta: { id: 's2', coacheeId: 'me', createdAt: T0 } }],
    settings: { ...DEFAULT_SETTINGS, theme: 'dark' },
    templates: [{ id: 'short', name: 'Half hour', phases: [{ id: 'a', title: 'All of it', minutes: 30, prompt: '' }] }],
    activeSessionId: 's2',
  };
}

export const DAY = 86_400_000;
/** A Thursday, noon; its week's Monday is 2026-11-23 (the progress figures' tests). */
export const NOW = new Date(2026, 10, 26, 12).getTime();

/** An index entry of Ada's started at NOW with nothing in it, changed by `over`. */
export const entry = (over: Partial<IndexEntry>): IndexEntry => ({
  id: 's',
  coacheeId: 'ada',
  createdAt: NOW,
  startedAt: NOW,
  title: '',
  lengthMs: 0,
  phases: [],
  plan: { total: 0, done: 0 },
  homework: { perWeek: 0, logged: {} },
  review: null,
  nextSessionAt: null,
  ...over,
});

/** The method's hour with plain English phase titles, as the export tests label it. */
export const exportAgenda = () =>
  defaultTemplate({
    name: 'h',
    understand: { title: 'Understand the problem', prompt: '' },
    plan: { title: 'Plan the attack', prompt: '' },
    wrapUp: { title: 'Review and wrap up', prompt: '' },
  }).phases;
