/**
 * One intake for cards and mail (issue #32): a reply to the plan mail, taken in
 * when no next session exists yet (the normal state a month later), fills the
 * next session with every word the preview showed, exactly as a card would: the
 * review in the panel and the coachee's page show them. The same reply taken in
 * again changes nothing, and says so.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { extensionPerTest, pasteClipboard } from './chromium';
import { openFold, optionsSection } from './pages';

const everything = (page: Page) => page.evaluate(() => chrome.storage.local.get(null));

/** All that is stored, once the background has finished its own follow-up writes (the session index). */
async function settled(page: Page): Promise<string> {
  let last = JSON.stringify(await everything(page));
  for (let i = 0; i < 20; i++) {
    // The point: storage counts as settled only when it stays the same over half a second.
    await page.waitForTimeout(500);
    const now = JSON.stringify(await everything(page));
    if (now === last) return now;
    last = now;
  }
  throw new Error('storage kept changing');
}

/** Gmail's inline reply: the mail quoted with "> ", an answer typed under each question. */
function gmailInline(mail: string, answers: Record<string, string>): string {
  const out = ['On Mon, Nov 30, 2026 at 10:12 AM Maria Coach <maria@coach.example> wrote:', ''];
  for (const line of mail.split('\n')) {
    out.push(line ? `> ${line}` : '>');
    const key = /^\[(\d(?:\.\d+)?)\]/.exec(line)?.[1];
    if (key && answers[key]) out.push('', answers[key], '');
  }
  return out.join('\n');
}

const PASTE = 'Paste a card or your coachee’s reply to a mail (the whole message is fine)';
const READ = 'Show what it brings';

describe('a reply to the plan mail, taken in with no next session', () => {
  const coach = extensionPerTest({ role: 'coach' });

  it('fills a new next session with every word (review, coachee page); taken in again, nothing changes and a message says so', async () => {
    // The coach adds Anna and writes her plan: two steps and an exercise.
    const popup = await coach.openPage('popup.html');
    await popup.getByRole('heading', { name: 'Your next session' }).waitFor();
    await popup.getByRole('button', { name: 'Add coachee' }).click();
    await popup.getByLabel('New coachee’s name').fill('Anna');
    await popup.getByRole('button', { name: 'Add coachee' }).click();
    await expect.poll(() => popup.getByLabel('Coachee', { exact: true }).inputValue(), { timeout: 5000 }).toMatch(/^c-/);
    const panel = await coach.openPage('sidepanel.html');
    await openFold(panel, 'Plan for the month');
    for (const step of ['Talk to Sam about the release date', 'Block two mornings for deep work']) {
      await panel.getByLabel('New step').fill(step);
      await panel.getByRole('button', { name: 'Add step' }).click();
    }
    await panel.getByLabel('Exercise or reading').fill('Journaling');
    await panel.getByLabel('Minutes a week').fill('30');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();

    // The plan by mail, copied as the coach sends it.
    const send = panel.getByRole('region', { name: 'Send the plan to Anna' });
    await send.locator('summary', { hasText: 'Or as a plain mail' }).click();
    await send.locator('summary', { hasText: 'The mail: Your plan from our session on' }).click();
    const planBody = send.getByRole('textbox', { name: /^The mail: / });
    await expect.poll(() => planBody.inputValue(), { timeout: 5000 }).toContain('Block two mornings for deep work');
    await send.getByRole('button', { name: 'Copy the mail' }).click();
    await send.getByText('The mail is on the clipboard', { exact: false }).waitFor();
    const planMail = await pasteClipboard(coach);
    const planSessionId = await panel.evaluate(async () => (await chrome.storage.local.get('activeSessionId')).activeSessionId as string);
    const sessionsBefore = await panel.evaluate(async () => ((await chrome.storage.local.get('sessions')).sessions as unknown[]).length);

    // A month later Anna replies inline: one step done, one not with her words, what held her back, minutes.
    const reply = gmailInline(planMail, {
      '1.1': 'Done!',
      '1.2': 'Not yet, the client kept calling every morning',
      '2': 'I say yes before I think',
      '3.1': '25 min the first week, 30 min the second week',
    });
    await openFold(panel, 'Take in a card');
    await panel.getByLabel(PASTE).fill(reply);
    await panel.getByRole('button', { name: READ }).click();
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
    await panel.getByText('Anna on the reason behind it: I say yes before I think').waitFor();

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

    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      expect({ colorScheme, violations: await axeViolations(panel) }).toEqual({ colorScheme, violations: [] });
    }
    await panel.emulateMedia({ colorScheme: 'light' });

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
    await openFold(panel, 'Take in a card');
    await panel.getByLabel(PASTE).fill(reply);
    await panel.getByRole('button', { name: READ }).click();
    await expect
      .poll(() => panel.getByLabel('Their words on step 2').inputValue(), { timeout: 5000 })
      .toBe('the client kept calling every morning');
    await panel.getByRole('button', { name: 'Take it in', exact: true }).click();
    await panel.getByRole('status').getByText('This reply was already taken in: nothing changed.').waitFor();
    expect(await settled(panel)).toBe(before);
  });
});
