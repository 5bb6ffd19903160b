import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { coacheeIdFromCard } from '../../../../utils/domain/card-intake';
import { makePlanCard, makePreworkCard, previewCard, takeInCard } from '../../../../utils/platform/cards';
import { ensureActiveSession } from '../../../../utils/platform/sessions';
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
    const second = await preworkCardFromAnotherBrowser('Speaking up, and being heard');
    await fakeBrowser.storage.local.set(stored);
    const newer = await previewCard(second, T0 + 3000);
    expect(newer.ok && newer.preview.intake.status).toBe('replaces');
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
    const card = await makePlanCard(coachSession, T0);
    fakeBrowser.reset();
    // The coachee's side.
    const mine = await ensureActiveSession(T0 + 1000);
    const read = await previewCard(card.text, T0 + 2000);
    if (!read.ok) throw new Error('refused');
    expect(read.preview.intake.status).toBe('new');
    await takeInCard(read.preview);
    expect((await readChecked(partStore('plan', mine))).value).toEqual([{ id: 'p1', text: 'Speak first twice a week', done: false }]);
    expect((await readChecked(partStore('wrapUp', mine))).value.nextSessionAt).toBe(T0 + 30 * 86_400_000);
    await partStore('plan', mine).item.setValue([{ id: 'p1', text: 'Speak first twice a week', done: true }]);
    const again = await previewCard(card.text);
    expect(again.ok && again.preview.intake.status).toBe('same');
  });
});
