import { describe, expect, it } from 'vitest';
import { exportFileName, type MarkdownLabels, sessionMarkdown } from '../../../../utils/domain/export-markdown';
import { exportAgenda, sampleSession } from '../../sample-data';

const labels: MarkdownLabels = {
  title: (d, c) => `Coaching session, ${d} with ${c}`,
  prework: 'Pre-work',
  topic: 'Topic',
  difficulty: 'Hardest lately',
  outcome: 'Hoped-for outcome',
  agenda: 'Agenda',
  phase: 'Phase',
  planned: 'Planned',
  actual: 'Actual',
  total: 'Total',
  minutes: (n) => `${n} min`,
  notes: 'Notes',
  plan: 'Plan for the month',
  homework: (n) => `Exercises and reading (${n} min a week)`,
  exercise: 'Exercise',
  reading: 'Reading',
  perWeek: (n) => `${n} min a week`,
  review: 'Review of the last plan',
  status: { done: 'done', partly: 'partly', not: 'not done' },
  heldBack: 'What held you back',
  dreading: 'What you were dreading',
  coachHeldBack: 'Coach’s note, what held them back',
  coachDreading: 'Coach’s note, what they were dreading',
  coacheeHeldBack: 'In the coachee’s words, what held them back',
  coacheeDreading: 'In the coachee’s words, what they were dreading',
  rootCause: 'Root cause',
  feedback: 'Feedback and next steps',
  nextSession: 'Next session',
  checkIn: 'Check-in',
  none: '(none)',
  loggedWeek: (w, n) => `Week of ${w}: ${n} min logged`,
  coacheeMark: (m) => `The coachee's own mark: ${m}`,
};
const agenda = exportAgenda();

describe('sessionMarkdown', () => {
  const md = sessionMarkdown(sampleSession(), {
    coacheeName: 'Ada',
    defaultAgenda: agenda,
    labels,
    formatDate: (ms) => new Date(ms).toISOString().slice(0, 10),
    now: 0,
  });

  it('has the date, coachee, topic, agenda planned vs actual, notes, plan, homework and review', () => {
    expect(md).toContain('# Coaching session, 2026-11-25 with Ada');
    expect(md).toContain('**Topic:** Speaking up in meetings');
    expect(md).toContain('| Understand the problem | 25 min | 27 min |');
    expect(md).toContain('| **Total** | **60 min** | **59 min** |');
    expect(md).toContain('Try: first comment in the first five minutes.');
    expect(md).toContain('- [x] Speak in the first five minutes of two meetings a week');
    expect(md).toContain('- [ ] Tell the lead about the pattern');
    expect(md).toContain('## Exercises and reading (45 min a week)');
    expect(md).toContain('- Reading: Quiet, chapter 3 (30 min a week)');
    expect(md).toContain('- Ask one question in standup: not done');
    expect(md).toContain('  - Coach’s note, what they were dreading: Sounding junior');
    expect(md).toContain('**Root cause:** Fear of being judged, not time.');
    expect(md).toContain('**Next session:** 2026-12-23');
  });

  it("has each step's mark, the minutes logged per week, the coachee's words and the next date as picked", () => {
    const base = sampleSession();
    const session = {
      ...base,
      plan: [{ id: 'p', text: 'Write the proposal', done: false, partly: true }],
      homework: [
        { id: 'h', kind: 'exercise' as const, title: 'Journal', minutesPerWeek: 30, logged: { '2026-01-12': 40, '2026-01-05': 45 } },
      ],
      review: {
        fromSessionId: 's0',
        items: [
          {
            stepId: 'p',
            text: 'Ask Sam',
            status: 'done' as const,
            heldBack: '',
            dreading: '',
            coachee: { mark: 'partly' as const, heldBack: 'Afraid', dreading: '' },
          },
        ],
        rootCause: '',
      },
      wrapUp: { ...base.wrapUp, next: { day: '2026-02-12', time: null, zone: null } },
    };
    const out = sessionMarkdown(session, {
      coacheeName: 'Ada',
      defaultAgenda: agenda,
      labels,
      formatDate: String,
      formatSessionDate: (d) => `day ${d.day}`,
      now: 0,
    });
    expect(out).toContain('- [ ] Write the proposal (partly)');
    expect(out).toContain('  - Week of 2026-01-05: 45 min logged\n  - Week of 2026-01-12: 40 min logged');
    expect(out).toContain("  - The coachee's own mark: partly\n  - In the coachee’s words, what held them back: Afraid");
    expect(out).toContain('**Next session:** day 2026-02-12');
  });

  it('says whose words each is: the coach’s note beside the coachee’s words; one’s own answers in one’s own sessions', () => {
    const base = sampleSession('s1', 'ada');
    const item = {
      stepId: 'p',
      text: 'Write the proposal',
      status: 'not' as const,
      heldBack: 'Deadline moved',
      dreading: 'The review',
      coachee: { mark: 'not' as const, heldBack: 'Afraid', dreading: 'Being judged' },
    };
    const session = { ...base, review: { fromSessionId: 's0', items: [item], rootCause: '' } };
    const ctx = { coacheeName: 'Ada', defaultAgenda: agenda, labels, formatDate: String, now: 0 };
    const out = sessionMarkdown(session, ctx);
    expect(out).toContain('  - In the coachee’s words, what held them back: Afraid');
    expect(out).toContain('  - In the coachee’s words, what they were dreading: Being judged');
    expect(out).toContain('  - Coach’s note, what held them back: Deadline moved');
    expect(out).toContain('  - Coach’s note, what they were dreading: The review');
    const own = sessionMarkdown(
      { ...session, meta: { ...base.meta, coacheeId: 'me' }, review: { ...session.review, items: [{ ...item, coachee: undefined }] } },
      ctx,
    );
    expect(own).toContain('  - What held you back: Deadline moved');
    expect(own).not.toContain('Coach’s note');
  });

  it('keeps multi-line text inside its list item', () => {
    const session = { ...sampleSession(), plan: [{ id: 'x', text: 'First line\nsecond line', done: false }] };
    const out = sessionMarkdown(session, { coacheeName: 'Ada', defaultAgenda: agenda, labels, formatDate: String, now: 0 });
    expect(out).toContain('- [ ] First line\n  second line');
  });
});

describe('exportFileName', () => {
  it('carries the date and a safe coachee name', () => {
    expect(exportFileName('notes', new Date(2026, 10, 25, 12), 'Zoë O’Neil', 'md')).toBe('sidecoach-notes-2026-11-25-zoe-o-neil.md');
    expect(exportFileName('backup', new Date(2026, 10, 25, 12), null, 'json')).toBe('sidecoach-backup-2026-11-25.json');
  });

  it('is dated by the local day, also in the hour after midnight (where UTC is still on the day before, or after)', () => {
    expect(exportFileName('backup', new Date(2026, 10, 25, 0, 20), null, 'json')).toBe('sidecoach-backup-2026-11-25.json');
    expect(exportFileName('backup', new Date(2026, 10, 25, 23, 50), null, 'json')).toBe('sidecoach-backup-2026-11-25.json');
  });
});
