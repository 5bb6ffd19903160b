/** A card's readable part: its headings take one colon, none after a question's own "?". */
import { describe, expect, it } from 'vitest';
import { type CardLabels, cardText, type PlanCard, type PreworkCard } from '../../../../utils/domain/card-format';

const LABELS: CardLabels = {
  preworkTitle: (name) => `Pre-work from ${name}`,
  planTitle: (name) => `The plan for ${name}`,
  sessionOn: 'Session on',
  topic: 'Topic',
  difficulty: 'What has been hardest?',
  outcome: 'What would make this hour worth it?',
  review: 'How did the last plan go?',
  status: { done: 'done', partly: 'partly', not: 'not yet' },
  heldBack: 'What held you back?',
  dreading: 'What were you dreading?',
  rootCause: 'What lay under it all?',
  logged: 'Homework logged',
  minutes: (m) => `${m} min`,
  plan: 'Plan',
  homework: 'Homework',
  exercise: 'Exercise',
  reading: 'Reading',
  perWeek: (m) => `${m} min a week`,
  nextSession: 'Next session',
  feedback: 'Feedback',
  howToTakeIn: 'Choose “Take in a card” and paste this whole message.',
  howToTakeInCoach: 'Choose “Take in a card or a reply” and paste this whole message.',
};
const CARD: PreworkCard = {
  kind: 'prework',
  id: 'card-1',
  createdAt: 1_700_000_000_000,
  from: { id: 'id-abc', name: 'Ada' },
  sessionId: 'me-1',
  sessionOn: null,
  topic: { title: 'Speaking up', difficulty: 'Twice I said nothing.', outcome: 'One thing to try' },
  progress: {
    fromSessionId: 'x',
    steps: [{ id: 's1', text: 'Speak first', mark: 'partly', heldBack: 'Fear', dreading: '' }],
    homework: [{ id: 'h1', title: 'Journal', minutesPerWeek: 30, logged: { '2026-11-02': 45 } }],
    rootCause: '',
  },
};

const PLAN_CARD: PlanCard = {
  kind: 'plan',
  id: 'card-2',
  createdAt: 1_700_000_000_000,
  from: { name: 'Maria' },
  to: { id: 'id-abc', name: 'Ada' },
  sessionId: 'coach-1',
  forSessionId: null,
  plan: [{ id: 'p1', text: 'Speak first' }],
  homework: [],
  next: null,
  feedback: '',
};

describe('a card’s readable part', () => {
  it('writes no doubled punctuation after a question, and one colon after a plain heading', () => {
    const text = cardText(
      CARD,
      'payload',
      LABELS,
      () => '',
      (day) => day,
    );
    expect(text).not.toMatch(/[?!.]:/);
    expect(text).toContain('\nHow did the last plan go?\n');
    expect(text).toContain('\nWhat has been hardest?\nTwice I said nothing.');
    expect(text).toContain('\nHomework logged:\n');
  });

  it('tells each reader the section they take it in under: the coach’s “Take in a card or a reply”, the coachee’s “Take in a card”', () => {
    const prework = cardText(
      CARD,
      'payload',
      LABELS,
      () => '',
      (day) => day,
    );
    expect(prework).toContain('Choose “Take in a card or a reply”');
    const plan = cardText(
      PLAN_CARD,
      'payload',
      LABELS,
      () => '',
      (day) => day,
    );
    expect(plan).toContain('Choose “Take in a card” and paste');
  });
});
