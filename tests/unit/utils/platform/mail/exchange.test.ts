import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { weekKey } from '../../../../../utils/domain/homework';
import { answersOf } from '../../../../../utils/domain/mail/intake';
import { instantOf } from '../../../../../utils/domain/session-date';
import { identityStore } from '../../../../../utils/platform/card-exchange';
import { addCoachee, setMailLanguage } from '../../../../../utils/platform/coachee-repo';
import { mailLanguageOf, makeAskMail, makePlanMail, previewMail, takeInMail } from '../../../../../utils/platform/mail/exchange';
import { ensureActiveSession } from '../../../../../utils/platform/session-activation';
import { activeSessionIdStore, partStore, readChecked, sessionsStore } from '../../../../../utils/platform/storage';

const T0 = 1_764_000_000_000;

/** The coach's browser: Anna, and a session of hers with a plan and homework whose clock ran. */
async function annaWithPlan(): Promise<{ coacheeId: string; planSessionId: string }> {
  await ensureActiveSession(T0);
  const coacheeId = await addCoachee('Anna', T0 + 1);
  const planSessionId = (await readChecked(activeSessionIdStore)).value as string;
  await partStore('plan', planSessionId).item.setValue([
    { id: 'p1', text: 'Talk to Sam', done: false },
    { id: 'p2', text: 'Block two mornings', done: false },
  ]);
  await partStore('homework', planSessionId).item.setValue([
    { id: 'h1', kind: 'exercise', title: 'Journaling', minutesPerWeek: 30, logged: {} },
  ]);
  await partStore('timer', planSessionId).item.setValue([{ type: 'start', at: T0 + 10 }]);
  return { coacheeId, planSessionId };
}

const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

describe('the coachee by plain mail (coach)', () => {
  it('asks in the coachee’s language, and reads the reply back as a card would fill it, writing nothing before', async () => {
    const { coacheeId, planSessionId } = await annaWithPlan();
    await setMailLanguage(coacheeId, 'de');
    const { mail, language } = await makeAskMail(coacheeId, T0 + 100);
    expect(language).toBe('de');
    expect(mail.body).toContain('Hallo Anna,');
    expect(mail.body).toContain('[4.1] [ ] Talk to Sam');

    const reply = `1. Release\n2. Nein sagen\n3. Ein Satz\n4.1 erledigt\n4.2 noch nicht, keine Zeit\n5. Meetings\n6.1 20 Minuten\n\nAm 30.11.2026 um 10:12 schrieb Maria:\n${quote(mail.body)}`;
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const read = await previewMail(reply);
    if (!read.ok) throw new Error('refused');
    expect(read.preview).toMatchObject({ kind: 'ask', coacheeId, planSessionId });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);

    const at = T0 + 200;
    const { sessionId, same } = await takeInMail(read.preview, answersOf(read.preview.reading), coacheeId, at);
    expect(same).toBe(false);
    expect(sessionId).not.toBe(planSessionId);
    expect((await readChecked(activeSessionIdStore)).value).toBe(sessionId);
    expect((await readChecked(partStore('topic', sessionId as string))).value).toMatchObject({
      title: 'Release',
      difficulty: 'Nein sagen',
    });
    const plan = (await readChecked(partStore('plan', planSessionId))).value;
    expect(plan.map((s) => s.done)).toEqual([true, false]);
    expect((await readChecked(partStore('homework', planSessionId))).value[0]?.logged).toEqual({ [weekKey(at)]: 20 });
    const review = (await readChecked(partStore('review', sessionId as string))).value;
    expect(review?.items.map((i) => i.coachee)).toEqual([
      { mark: 'done', heldBack: '', dreading: '' },
      { mark: 'not', heldBack: 'keine Zeit', dreading: '' },
    ]);
    expect(review?.coacheeRootCause).toBe('Meetings');
  });

  it('reads a plan reply into the plan’s ticks and the homework log, and a reply without a reference waits for the coach to say whose', async () => {
    const { coacheeId, planSessionId } = await annaWithPlan();
    const { mail } = await makePlanMail(planSessionId);
    const read = await previewMail(`1.1 done\n3.1 20 min\n\n${quote(mail.body)}`);
    if (!read.ok) throw new Error('refused');
    expect(read.preview).toMatchObject({ kind: 'plan', coacheeId, planSessionId });
    await takeInMail(read.preview, answersOf(read.preview.reading), coacheeId, T0 + 300);
    expect((await readChecked(partStore('plan', planSessionId))).value[0]?.done).toBe(true);
    expect((await readChecked(partStore('homework', planSessionId))).value[0]?.logged).toEqual({ [weekKey(T0 + 300)]: 20 });

    const bare = await previewMail('1. Release\n2. Saying no');
    expect(bare.ok && bare.preview.coacheeId).toBeNull();
  });

  it('a plan reply taken in a month later, with no next session yet, fills a new next session with every word; taken again, nothing changes', async () => {
    const { coacheeId, planSessionId } = await annaWithPlan();
    const { mail } = await makePlanMail(planSessionId);
    const reply = `1.1 done\n1.2 not yet, the client kept calling\n2. Saying yes too fast\n3.1 25 min the first week, 30 min the second week\n\n${quote(mail.body)}`;
    const read = await previewMail(reply);
    if (!read.ok) throw new Error('refused');
    const monthLater = T0 + 30 * 86_400_000;
    const sessionsBefore = (await readChecked(sessionsStore)).value.length;
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const answers = answersOf(read.preview.reading, read.preview.kind, read.preview.planAt);
    const first = await takeInMail(read.preview, answers, coacheeId, monthLater);
    expect(first.same).toBe(false);
    const next = first.sessionId as string;
    expect(next).not.toBe(planSessionId);
    const sessions = (await readChecked(sessionsStore)).value;
    expect(sessions).toHaveLength(sessionsBefore + 1);
    expect(sessions.find((s) => s.id === next)).toMatchObject({ coacheeId });
    // Every word the preview showed is stored: the marks, the words on a step, what held them back.
    const review = (await readChecked(partStore('review', next))).value;
    expect(review?.fromSessionId).toBe(planSessionId);
    expect(review?.items.map((i) => i.coachee)).toEqual([
      { mark: 'done', heldBack: '', dreading: '' },
      { mark: 'not', heldBack: 'the client kept calling', dreading: '' },
    ]);
    expect(review?.coacheeRootCause).toBe('Saying yes too fast');
    expect((await readChecked(partStore('plan', planSessionId))).value.map((s) => s.done)).toEqual([true, false]);
    // 55 minutes over two weeks, in those weeks of the plan (not the week of taking in).
    expect((await readChecked(partStore('homework', planSessionId))).value[0]?.logged).toEqual({
      [weekKey(T0 + 10)]: 25,
      [weekKey(T0 + 10 + 7 * 86_400_000)]: 30,
    });
    // The new session is the active one, made so only once it is whole.
    expect((await readChecked(activeSessionIdStore)).value).toBe(next);
    const writes = set.mock.calls.map(([items]) => Object.keys(items as object));
    expect(writes).toEqual([expect.arrayContaining(['sessions', `review.${next}`, `plan.${planSessionId}`]), ['activeSessionId']]);

    set.mockClear();
    const again = await takeInMail(read.preview, answers, coacheeId, monthLater + 60_000);
    expect(again).toEqual({ sessionId: next, same: true });
    expect(set).not.toHaveBeenCalled();
    expect((await readChecked(sessionsStore)).value).toHaveLength(sessionsBefore + 1);
  });

  it('refuses a text that is no reply, and a name cannot add a mail header', async () => {
    expect(await previewMail('See you Thursday')).toEqual({ ok: false, problem: { kind: 'notAReply' } });
    await ensureActiveSession(T0);
    const id = await addCoachee('Eve\r\nBcc: everyone@example.org', T0 + 1);
    const { mail } = await makeAskMail(id, T0 + 2);
    expect(mail.body.split('\n')[0]).toBe('Hi Eve,');
    expect(mail.body).not.toMatch(/\r|\nBcc:/);
  });

  it('keeps a coachee’s mail language with the coachee, never taking it from the coach’s browser', async () => {
    const { coacheeId } = await annaWithPlan();
    fakeBrowser.i18n.getUILanguage = () => 'de-DE';
    try {
      expect(mailLanguageOf({})).toBe('en');
      expect((await makeAskMail(coacheeId, T0 + 100)).mail.body).toMatch(/^Hi Anna,/);
      await setMailLanguage(coacheeId, 'de');
      fakeBrowser.i18n.getUILanguage = () => 'en-US';
      expect((await makeAskMail(coacheeId, T0 + 100)).language).toBe('de');
    } finally {
      fakeBrowser.i18n.getUILanguage = () => 'en-US';
    }
  });

  it('signs with the coach’s card name, greets by first name, and numbers the plan mail from [1]', async () => {
    const { planSessionId } = await annaWithPlan();
    await identityStore.item.setValue({ id: 'me', name: 'Maria Coach' });
    const { mail } = await makePlanMail(planSessionId);
    expect(mail.body).toMatch(/^Hi Anna,\n/);
    expect(mail.body).toContain('\nThank you!\nMaria Coach\n\nRef: SC2-P-');
    expect(mail.body).toContain('\n[1.1] [ ] Talk to Sam\n');
    expect(mail.subject).toMatch(/^Your plan from our session on \d{1,2} \w+ 20\d\d$/);
  });

  it('files minutes by the weeks the coachee names, counted from the plan, a month later', async () => {
    const { coacheeId, planSessionId } = await annaWithPlan();
    const { mail } = await makePlanMail(planSessionId);
    const later = T0 + 31 * 86_400_000;
    const read = await previewMail(`3.1 25 min the first week, 30 min the second week\n\n${quote(mail.body)}`);
    if (!read.ok) throw new Error('refused');
    expect(read.preview.planAt).toBe(T0 + 10);
    const answers = answersOf(read.preview.reading, read.preview.kind, read.preview.planAt);
    expect(answers.minutes[0]?.weeks).toEqual([
      { week: 1, minutes: 25 },
      { week: 2, minutes: 30 },
    ]);
    await takeInMail(read.preview, answers, coacheeId, later);
    expect((await readChecked(partStore('homework', planSessionId))).value[0]?.logged).toEqual({
      [weekKey(T0 + 10)]: 25,
      [weekKey(T0 + 10 + 7 * 86_400_000)]: 30,
    });
  });

  it('says the next session’s day without inventing a time when none was picked, and its time when one was', async () => {
    const { coacheeId, planSessionId } = await annaWithPlan();
    const day = { day: '2026-12-22', time: null, zone: null };
    // The instant kept beside a day is noon, for order and reminders only.
    await partStore('wrapUp', planSessionId).item.setValue({
      feedback: '',
      nextSessionAt: instantOf(day, 'UTC'),
      next: day,
      checkInNote: '',
    });
    const plan = (await makePlanMail(planSessionId)).mail;
    expect(plan.body).toContain('Our next session: Tuesday, 22 December 2026.');
    const ask = (await makeAskMail(coacheeId, T0 + 100)).mail;
    expect(ask.subject).toBe('Pre-work for our session on Tuesday, 22 December 2026');
    expect(`${plan.body}${ask.subject}${ask.body}`).not.toMatch(/12:00/);

    const timed = { day: '2026-12-22', time: '09:30', zone: 'Europe/Berlin' };
    await partStore('wrapUp', planSessionId).item.setValue({
      feedback: '',
      nextSessionAt: instantOf(timed, 'UTC'),
      next: timed,
      checkInNote: '',
    });
    expect((await makePlanMail(planSessionId)).mail.body).toContain('Our next session: Tuesday, 22 December 2026 at 09:30.');
    expect((await makeAskMail(coacheeId, T0 + 100)).mail.subject).toBe('Pre-work for our session on Tuesday, 22 December 2026 at 09:30');
  });
});
