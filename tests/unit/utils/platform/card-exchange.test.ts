import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { coacheeIdFromCard } from '../../../../utils/domain/card-intake';
import { makePlanCard, makePreworkCard, previewCard, takeInCard } from '../../../../utils/platform/card-exchange';
import { ensureActiveSession } from '../../../../utils/platform/session-activation';
import { activeSessionIdStore, coacheesStore, partStore, readChecked, sessionsStore } from '../../../../utils/platform/storage';

const T0 = 1_764_000_000_000;

/** The coachee's browser writes pre-work and makes the card; returns its text. Storage is then wiped, as if on the coach's computer. */
async function preworkCardFromAnotherBrowser(title: string): Promise<string> {
  const sessionId = await ensureActiveSession(T0);
  await fakeBrowser.storage.local.set({ identity: { id: 'id-ada', name: 'Ada' } });
  await partStore('topic', sessionId).item.setValue({ title, difficulty: 'Twice silent', outcome: '', updatedAt: T0 });
  const card = await makePreworkCard(sessionId, '2026-12-03', undefined, T0);
  fakeBrowser.reset();
  return card.text;
}

describe('taking in a pre-work card (coach)', () => {
  it('shows the change first, then creates the coachee and their upcoming session and makes it active', async () => {
    const text = await preworkCardFromAnotherBrowser('Speaking up');
    await ensureActiveSession(T0 + 1000);
    const before = await fakeBrowser.storage.local.get(null);
    const read = await previewCard(text, T0 + 2000);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.preview.intake).toMatchObject({ status: 'new', coacheeIsNew: true, sessionIsNew: true, coachee: { name: 'Ada' } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    const sessionId = await takeInCard(read.preview, T0 + 2000);
    expect((await readChecked(activeSessionIdStore)).value).toBe(sessionId);
    expect((await readChecked(partStore('topic', sessionId))).value.title).toBe('Speaking up');
    expect((await readChecked(coacheesStore)).value.map((c) => c.id)).toContain(coacheeIdFromCard('id-ada'));
  });

  it('changes nothing the second time, and asks before a newer card replaces the topic', async () => {
    const first = await preworkCardFromAnotherBrowser('Speaking up');
    await ensureActiveSession(T0);
    const read = await previewCard(first, T0 + 1000);
    if (!read.ok) throw new Error('refused');
    await takeInCard(read.preview, T0 + 1000);
    const again = await previewCard(first, T0 + 2000);
    expect(again.ok && again.preview.intake.status).toBe('same');
    const sessionsBefore = (await readChecked(sessionsStore)).value.length;

    const stored = await fakeBrowser.storage.local.get(null);
    fakeBrowser.reset();
    const second = await preworkCardFromAnotherBrowser('Speaking up, and being heard');
    await fakeBrowser.storage.local.set(stored);
    const newer = await previewCard(second, T0 + 3000);
    expect(newer.ok && newer.preview.intake.status).toBe('replaces');
    expect(newer.ok && newer.preview.intake.changes).toEqual([
      { field: 'title', before: 'Speaking up', after: 'Speaking up, and being heard' },
    ]);
    expect((await readChecked(sessionsStore)).value.length).toBe(sessionsBefore);
  });
});

describe('taking in a plan card (coachee)', () => {
  it('puts the plan, the homework, the next date and the feedback into the session the coachee prepared, keeping ticks', async () => {
    // The coach's side.
    const coachSession = await ensureActiveSession(T0);
    await partStore('plan', coachSession).item.setValue([{ id: 'p1', text: 'Speak first twice a week', done: false }]);
    await partStore('homework', coachSession).item.setValue([
      { id: 'h1', kind: 'reading', title: 'Chapter 1', minutesPerWeek: 30, logged: {} },
    ]);
    await partStore('wrapUp', coachSession).item.setValue({ feedback: 'Good hour', nextSessionAt: T0 + 30 * 86_400_000, checkInNote: '' });
    const card = await makePlanCard(coachSession, 'Dana', T0);
    fakeBrowser.reset();
    // The coachee's side.
    const mine = await ensureActiveSession(T0 + 1000);
    const read = await previewCard(card.text, T0 + 2000);
    if (!read.ok) throw new Error('refused');
    expect(read.preview.intake.status).toBe('new');
    await takeInCard(read.preview);
    expect((await readChecked(partStore('plan', mine))).value).toEqual([{ id: 'p1', text: 'Speak first twice a week', done: false }]);
    // A day picked without a time stays a day.
    expect((await readChecked(partStore('wrapUp', mine))).value.next).toMatchObject({ time: null });
    await partStore('plan', mine).item.setValue([{ id: 'p1', text: 'Speak first twice a week', done: true }]);
    const again = await previewCard(card.text);
    expect(again.ok && again.preview.intake.status).toBe('same');
  });
});

/** Copy one browser's storage out, and another's in: two computers in one test. */
async function snapshot(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}
async function switchTo(store: Record<string, unknown>): Promise<void> {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(store);
}
const DAY = 86_400_000;

describe('the months: two browsers, two sessions', () => {
  it("keeps each month apart on the coachee's side and brings their progress back to the coach", async () => {
    // Coachee, month one: pre-work.
    const c1 = await ensureActiveSession(T0);
    await fakeBrowser.storage.local.set({ identity: { id: 'id-ada', name: 'Ada' } });
    await partStore('topic', c1).item.setValue({ title: 'Speaking up', difficulty: '', outcome: '', updatedAt: T0 });
    const pre1 = await makePreworkCard(c1, null, undefined, T0);
    let coachee = await snapshot();

    // Coach: takes it in, runs the session, writes the plan.
    fakeBrowser.reset();
    await ensureActiveSession(T0);
    let read = await previewCard(pre1.text, T0 + DAY);
    if (!read.ok) throw new Error('refused');
    const s1 = await takeInCard(read.preview, T0 + DAY);
    await partStore('timer', s1).item.setValue([{ type: 'start', at: T0 + 2 * DAY }]);
    await partStore('plan', s1).item.setValue([
      { id: 'p1', text: 'Ask Sam', done: false },
      { id: 'p2', text: 'Say no once', done: false },
      { id: 'p3', text: 'Write the proposal', done: false },
    ]);
    await partStore('homework', s1).item.setValue([{ id: 'h1', kind: 'exercise', title: 'Journal', minutesPerWeek: 45, logged: {} }]);
    await partStore('wrapUp', s1).item.setValue({
      feedback: 'Good start',
      nextSessionAt: null,
      next: { day: '2026-01-15', time: null, zone: null },
      checkInNote: '',
    });
    const plan1 = await makePlanCard(s1, 'Dana', T0 + 2 * DAY);
    // The same pre-work card again, after the session ran: nothing new.
    read = await previewCard(pre1.text, T0 + 3 * DAY);
    expect(read.ok && read.preview.intake).toMatchObject({ status: 'same', sessionId: s1, sessionIsNew: false });
    const coach = await snapshot();

    // Coachee: the plan fills month one; they mark and log.
    await switchTo(coachee);
    read = await previewCard(plan1.text, T0 + 3 * DAY);
    if (!read.ok) throw new Error('refused');
    expect(read.preview.intake).toMatchObject({ status: 'new', sessionId: c1, sessionIsNew: false });
    await takeInCard(read.preview, T0 + 3 * DAY);
    await partStore('plan', c1).item.setValue([
      { id: 'p1', text: 'Ask Sam', done: true },
      { id: 'p2', text: 'Say no once', done: true },
      { id: 'p3', text: 'Write the proposal', done: false, partly: true },
    ]);
    await partStore('homework', c1).item.setValue([
      { id: 'h1', kind: 'exercise', title: 'Journal', minutesPerWeek: 45, logged: { '2026-01-05': 45, '2026-01-12': 40 } },
    ]);
    // Month two: a new session of their own, the pre-work and their answers.
    const { startNextSession } = await import('../../../../utils/platform/session-start');
    const c2 = await startNextSession(c1, {}, T0 + 20 * DAY);
    expect(c2).not.toBe(c1);
    await partStore('topic', c2).item.setValue({ title: 'Being heard', difficulty: '', outcome: '', updatedAt: T0 });
    await partStore('review', c2).item.setValue({
      fromSessionId: c1,
      items: [{ stepId: 'p3', text: 'Write the proposal', status: 'partly', heldBack: 'Afraid of the review', dreading: '' }],
      rootCause: '',
    });
    const pre2 = await makePreworkCard(c2, null, undefined, T0 + 20 * DAY);
    expect(pre2.card.kind === 'prework' && pre2.card.sessionOn).toBe('2026-01-15');
    coachee = await snapshot();

    // Coach: a new session for month two; the review opens with the coachee's marks; the plan and minutes of month one fill.
    await switchTo(coach);
    read = await previewCard(pre2.text, T0 + 21 * DAY);
    if (!read.ok) throw new Error('refused');
    expect(read.preview.intake).toMatchObject({ status: 'new', sessionIsNew: true });
    const s2 = await takeInCard(read.preview, T0 + 21 * DAY);
    expect(s2).not.toBe(s1);
    const review = (await readChecked(partStore('review', s2))).value;
    expect(review?.fromSessionId).toBe(s1);
    expect(review?.items.map((i) => i.coachee?.mark)).toEqual(['done', 'done', 'partly']);
    expect(review?.items[2]?.coachee?.heldBack).toBe('Afraid of the review');
    expect((await readChecked(partStore('plan', s1))).value.filter((s) => s.done)).toHaveLength(2);
    expect((await readChecked(partStore('homework', s1))).value[0]?.logged).toEqual({ '2026-01-05': 45, '2026-01-12': 40 });
    await partStore('plan', s2).item.setValue([{ id: 'q1', text: 'Present the proposal', done: false }]);
    const plan2 = await makePlanCard(s2, 'Dana', T0 + 22 * DAY);

    // Coachee: the second plan fills month two; month one keeps its plan and ticks.
    await switchTo(coachee);
    read = await previewCard(plan2.text, T0 + 23 * DAY);
    if (!read.ok) throw new Error('refused');
    expect(read.preview.intake).toMatchObject({ status: 'new', sessionId: c2 });
    await takeInCard(read.preview, T0 + 23 * DAY);
    expect((await readChecked(partStore('plan', c1))).value.map((s) => s.done)).toEqual([true, true, false]);
    expect((await readChecked(partStore('plan', c2))).value.map((s) => s.text)).toEqual(['Present the proposal']);
    // The first plan card again changes nothing; the second again neither.
    for (const text of [plan1.text, plan2.text]) {
      const again = await previewCard(text, T0 + 24 * DAY);
      expect(again.ok && again.preview.intake.status).toBe('same');
    }
    expect((await readChecked(sessionsStore)).value).toHaveLength(2);
  });

  it('shows field by field what a changed plan card for the same session would replace', async () => {
    const coachSession = await ensureActiveSession(T0);
    await partStore('plan', coachSession).item.setValue([{ id: 'p1', text: 'Speak first', done: false }]);
    await partStore('wrapUp', coachSession).item.setValue({ feedback: 'Good', nextSessionAt: null, checkInNote: '' });
    const first = await makePlanCard(coachSession, 'Dana', T0);
    await partStore('plan', coachSession).item.setValue([{ id: 'p2', text: 'Speak second', done: false }]);
    await partStore('wrapUp', coachSession).item.setValue({ feedback: 'Very good', nextSessionAt: null, checkInNote: '' });
    const second = await makePlanCard(coachSession, 'Dana', T0 + 1000);
    fakeBrowser.reset();
    await ensureActiveSession(T0);
    const read = await previewCard(first.text);
    if (!read.ok) throw new Error('refused');
    await takeInCard(read.preview);
    const before = await snapshot();
    const newer = await previewCard(second.text);
    expect(newer.ok && newer.preview.intake.status).toBe('replaces');
    expect(newer.ok && newer.preview.intake.changes).toEqual([
      { field: 'stepRemoved', item: 'Speak first', before: 'Speak first', after: null },
      { field: 'stepAdded', item: 'Speak second', before: null, after: 'Speak second' },
      { field: 'feedback', before: 'Good', after: 'Very good' },
    ]);
    expect(await snapshot()).toEqual(before);
  });
});
