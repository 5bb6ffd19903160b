/**
 * One intake for cards and mail (issue #32): a reply to the plan mail, taken in
 * when no next session exists yet (the normal state a month later), fills the
 * next session with every word the preview showed, exactly as a card would: the
 * review in the panel and the coachee's page show them. The same reply taken in
 * again changes nothing, and says so.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { extensionPerTest } from './chromium';
import { addCoachee, openFold, optionsSection } from './pages';
import { copyPlanMail, gmailInline, readReply, writePlan } from './replies';
import { settled } from './storage';

/** The plan mail's homework line: the copy waits for it (homework is stored apart from the steps). */
const JOURNALING = '[3.1] Exercise: Journaling (30 min a week)';

/** Wait until the plan's first homework item holds minutes for `weeks` weeks (its log is written beside the review, under its own key). */
async function loggedWeeks(page: Page, planSessionId: string, weeks: number): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (planId) => {
          const homework = (await chrome.storage.local.get(`homework.${planId}`))[`homework.${planId}`] as { logged: object }[] | undefined;
          return Object.keys(homework?.[0]?.logged ?? {}).length;
        }, planSessionId),
      { timeout: 5000 },
    )
    .toBe(weeks);
}

describe('a reply to the plan mail, taken in with no next session', () => {
  const coach = extensionPerTest({ role: 'coach' });

  it('fills a new next session with every word (review, coachee page); taken in again, nothing changes and a message says so', async () => {
    // The coach adds Anna and writes her plan: two steps and an exercise.
    await addCoachee(await coach.openPage('popup.html'), 'Anna');
    const panel = await coach.openPage('sidepanel.html');
    await writePlan(panel, ['Talk to Sam about the release date', 'Block two mornings for deep work']);

    // The plan by mail, copied as the coach sends it.
    const planMail = await copyPlanMail(coach, panel, 'Anna', ['Block two mornings for deep work', JOURNALING]);
    const planSessionId = await panel.evaluate(async () => (await chrome.storage.local.get('activeSessionId')).activeSessionId as string);
    const sessionsBefore = await panel.evaluate(async () => ((await chrome.storage.local.get('sessions')).sessions as unknown[]).length);

    // A month later Anna replies inline: one step done, one not with her words, what held her back, minutes.
    const reply = gmailInline(planMail, {
      '1.1': 'Done!',
      '1.2': 'Not yet, the client kept calling every morning',
      '2': 'I say yes before I think',
      '3.1': '25 min the first week, 30 min the second week',
    });
    await readReply(panel, reply);
    // The preview shows the words.
    const note = panel.getByLabel('Their words on step 2');
    await expect.poll(() => note.inputValue(), { timeout: 5000 }).toBe('the client kept calling every morning');
    expect(await panel.getByRole('combobox', { name: /^Step 2: Block two mornings/ }).inputValue()).toBe('not');
    expect(await panel.getByLabel('What held you back?').inputValue()).toBe('I say yes before I think');
    await panel.getByRole('button', { name: 'Take it in', exact: true }).click();
    // The panel moves to the next session, made for it, as a card's intake does: its review opens with Anna's words.
    await openFold(panel, 'How did the last plan go?');
    const stalled = panel.getByRole('group', { name: 'Block two mornings for deep work' });
    await stalled.getByText('What held them back, in their words: the client kept calling every morning').waitFor();
    // Beside Anna's words, the coach's own fields say they are the coach's note.
    expect(await stalled.getByLabel('Your note: what held them back?').inputValue()).toBe('');
    await stalled.getByLabel('Your note: what were they most dreading?').waitFor();
    await panel.getByText('Anna on the reason behind it: I say yes before I think').waitFor();

    // The plan's homework log is written beside the review (its own key): wait for it before reading the rest.
    await loggedWeeks(panel, planSessionId, 2);
    // Stored: a new next session (Anna's, the active one) whose review holds every word.
    const stored = await panel.evaluate(async (planId) => {
      const all = await chrome.storage.local.get(null);
      const sessions = all.sessions as { id: string; coacheeId: string }[];
      const active = all.activeSessionId as string;
      const homework = all[`homework.${planId}`] as { logged: Record<string, number> }[];
      return {
        sessions: sessions.length,
        active,
        review: all[`review.${active}`],
        planDone: all[`plan.${planId}`],
        logged: homework[0]?.logged,
      };
    }, planSessionId);
    expect(stored.sessions).toBe(sessionsBefore + 1);
    expect(stored.active).not.toBe(planSessionId);
    expect(stored.review).toMatchObject({
      fromSessionId: planSessionId,
      coacheeRootCause: 'I say yes before I think',
      items: [{ coachee: { mark: 'done' } }, { coachee: { mark: 'not', heldBack: 'the client kept calling every morning' } }],
    });
    expect((stored.planDone as { done: boolean }[]).map((s) => s.done)).toEqual([true, false]);
    // 55 minutes over two weeks, in those weeks: the plan's first week and the one after (in order).
    expect(
      Object.entries(stored.logged ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, minutes]) => minutes),
    ).toEqual([25, 30]);

    await expectAccessible(panel, 'the review after a mail reply');

    // The coachee's page lists what held her back, in her words.
    const options = await coach.openPage('options.html');
    await optionsSection(options, 'Coachees');
    await options.getByRole('link', { name: /Anna/ }).click();
    await options.getByRole('heading', { name: 'Progress: Anna' }).waitFor();
    const heldBack = options.locator('ul.held-back');
    await heldBack.getByText('the client kept calling every morning').waitFor({ timeout: 15_000 });
    await heldBack.getByText('I say yes before I think').waitFor();

    // The same reply taken in again: nothing changes, and the coach is told so.
    const before = await settled(panel);
    await readReply(panel, reply);
    await expect
      .poll(() => panel.getByLabel('Their words on step 2').inputValue(), { timeout: 5000 })
      .toBe('the client kept calling every morning');
    await panel.getByRole('button', { name: 'Take it in', exact: true }).click();
    await panel.getByRole('status').getByText('This reply was already taken in: nothing changed.').waitFor();
    expect(await settled(panel)).toBe(before);
  });

  it('reads a reply typed on a phone above the quote, no markers: the marks in step order, 55 minutes over two weeks', async () => {
    await addCoachee(await coach.openPage('popup.html'), 'Anna');
    const panel = await coach.openPage('sidepanel.html');
    await writePlan(panel, ['Talk to Sam about the release date', 'Block two mornings for deep work']);
    const planMail = await copyPlanMail(coach, panel, 'Anna', ['Block two mornings for deep work', JOURNALING]);
    const planSessionId = await panel.evaluate(async () => (await chrome.storage.local.get('activeSessionId')).activeSessionId as string);

    // Anna answers from her phone, above the quoted mail, in her own words.
    const quoted = planMail
      .split('\n')
      .map((l) => (l ? `> ${l}` : '>'))
      .join('\n');
    const reply = `Done the first one. Second not yet, Sam was away\n25 min the first week, 30 the second\n\nSent from my iPhone\n\nOn 30. Nov 2026, at 10:12, Maria Coach <maria@coach.example> wrote:\n\n${quoted}`;
    await readReply(panel, reply);
    const first = panel.getByRole('combobox', { name: /^Step 1: Talk to Sam/ });
    await expect.poll(() => first.inputValue(), { timeout: 5000 }).toBe('done');
    expect(await panel.getByRole('combobox', { name: /^Step 2: Block two mornings/ }).inputValue()).toBe('not');
    expect(await panel.getByLabel('Their words on step 2').inputValue()).toBe('Sam was away');
    expect(await panel.getByLabel(/^Minutes in week 1 \(from .+\): Exercise: Journaling/).inputValue()).toBe('25');
    expect(await panel.getByLabel(/^Minutes in week 2 \(from .+\): Exercise: Journaling/).inputValue()).toBe('30');
    const takeIn = panel.getByRole('button', { name: 'Take it in', exact: true });
    expect(await takeIn.isEnabled()).toBe(true);
    await takeIn.click();

    await openFold(panel, 'How did the last plan go?');
    await panel
      .getByRole('group', { name: 'Block two mornings for deep work' })
      .getByText('What held them back, in their words: Sam was away')
      .waitFor();
    // The plan's homework log is written beside the review (its own key): wait for it before reading the rest.
    await loggedWeeks(panel, planSessionId, 2);
    const stored = await panel.evaluate(async (planId) => {
      const all = await chrome.storage.local.get(null);
      const homework = all[`homework.${planId}`] as { logged: Record<string, number> }[];
      return { done: (all[`plan.${planId}`] as { done: boolean }[]).map((s) => s.done), logged: homework[0]?.logged ?? {} };
    }, planSessionId);
    expect(stored.done).toEqual([true, false]);
    // 55 minutes over two weeks: the plan's first week and the one after, in order.
    expect(
      Object.entries(stored.logged)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, minutes]) => minutes),
    ).toEqual([25, 30]);
  });
});
