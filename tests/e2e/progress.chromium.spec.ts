/**
 * The coach's workspace: the options page's sections by keyboard and the back
 * button, and a coachee's page of progress with named charts and their figures,
 * after two sessions with a plan and homework minutes.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { extensionPerTest } from './chromium';

describe('progress over the months', () => {
  const browser = extensionPerTest();

  it('shows a coachee’s charts with the same figures in tables, by keyboard and back button, with no WCAG violations', async () => {
    const worker = browser.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');
    // Two sessions with Ada: plans, homework minutes logged this week, the first ran 6 minutes over in understanding.
    await worker.evaluate(async () => {
      const now = Date.now();
      const day = 86_400_000;
      const monday = new Date(now);
      monday.setHours(0, 0, 0, 0);
      monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
      const week = `${monday.getFullYear()}-${String(monday.getMonth() + 1).padStart(2, '0')}-${String(monday.getDate()).padStart(2, '0')}`;
      const t1 = now - 35 * day;
      const t2 = now - 5 * day;
      await chrome.storage.local.set({
        coachees: [{ id: 'ada', name: 'Ada', createdAt: t1 }],
        sessions: [
          { id: 'a1', coacheeId: 'ada', createdAt: t1 },
          { id: 'a2', coacheeId: 'ada', createdAt: t2 },
        ],
        activeSessionId: 'a2',
        'topic.a1': { title: 'Speaking up in meetings', difficulty: '', outcome: '', updatedAt: t1 },
        'timer.a1': [
          { type: 'start', at: t1 },
          { type: 'next', at: t1 + 31 * 60_000 },
          { type: 'next', at: t1 + 52 * 60_000 },
          { type: 'pause', at: t1 + 62 * 60_000 },
        ],
        'plan.a1': [
          { id: 'p1', text: 'Speak first twice a week', done: true },
          { id: 'p2', text: 'Prepare one point', done: false },
        ],
        'topic.a2': { title: 'Being heard by my manager', difficulty: '', outcome: '', updatedAt: t2 },
        'timer.a2': [
          { type: 'start', at: t2 },
          { type: 'pause', at: t2 + 40 * 60_000 },
        ],
        'plan.a2': [{ id: 'q1', text: 'Ask for a 1:1', done: true }],
        'homework.a2': [{ id: 'h1', kind: 'reading', title: 'Quiet, chapter 3', minutesPerWeek: 30, logged: { [week]: 45 } }],
        'review.a2': {
          fromSessionId: 'a1',
          items: [{ stepId: 'p2', text: 'Prepare one point', status: 'not', heldBack: "I didn't have time", dreading: '' }],
          rootCause: '',
        },
      });
    });

    const page = await browser.openPage('options.html');
    // Ada's two sessions (and the install's own first one, if it was made after the seed).
    await page
      .getByRole('status')
      .getByText(/of [23] sessions/)
      .waitFor({ timeout: 20_000 });
    // By keyboard: Tab to the Coachees link and press Enter.
    const coacheesLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Coachees' });
    for (let i = 0; i < 20 && !(await coacheesLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Coachees', level: 2 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#coachees');
    await page.getByRole('link', { name: /Ada/ }).click();
    await page.getByRole('heading', { name: 'Progress: Ada' }).waitFor();

    // At least two named charts, each an image with a table of the same figures.
    const homework = page.getByRole('img', { name: 'Homework minutes per week, against the hour-a-week budget' });
    const plan = page.getByRole('img', { name: 'Plan steps done and not done, per session' });
    await homework.waitFor();
    await plan.waitFor();
    expect(await page.getByRole('img', { name: 'Minutes planned and taken, per session' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'Sessions per month' }).count()).toBe(1);
    const homeworkTable = page.locator('figure', { has: homework }).getByRole('table');
    const lastWeek = homeworkTable.getByRole('row').last();
    expect(await lastWeek.getByRole('cell').allTextContents()).toEqual(['45', '60']);
    const planRows = page.locator('figure', { has: plan }).getByRole('table').getByRole('row');
    expect(await planRows.count()).toBe(3); // header + two sessions
    expect(await planRows.nth(1).getByRole('cell').allTextContents()).toEqual(['1', '1']);
    const phases = page.locator('figure', { has: page.getByRole('img', { name: 'Minutes planned and taken, per session' }) });
    expect(await phases.getByRole('row').nth(1).textContent()).toContain('Ran over most in: Understand the problem');
    // What held them back, with the "no time" answer marked.
    await page.getByText("I didn't have time").waitFor();
    await page.getByText('“No time”: worth asking what is behind it').waitFor();

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect({ colorScheme, violations: await axeViolations(page) }).toEqual({ colorScheme, violations: [] });
    }

    // The back button goes back through the sections.
    await page.goBack();
    await page.getByRole('heading', { name: 'Coachees', level: 2 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Past sessions', level: 2 }).waitFor();
  });
});
