/**
 * The coach's workspace: the options page's sections by keyboard and the back
 * button, the coachees' sortable list with their figures, and a coachee's page
 * of progress with charts that read without their tables (axis, legend, values,
 * a bar said by keyboard and pointer), after two sessions with a plan and
 * homework minutes.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, expectAccessible } from './axe';
import { extensionPerTest, installedWorker } from './chromium';

/** The options page's "now": a Thursday at noon on a fixed day, so weeks and months never turn over mid-test. */
const NOW = new Date(2026, 10, 26, 12).getTime();

describe('progress over the months', () => {
  const browser = extensionPerTest({ role: 'coach' });

  it('lists coachees with their figures, sortable, and shows a coachee’s charts that read without the table, by keyboard and pointer, with no WCAG violations', async () => {
    const worker = await installedWorker(browser);
    // Two sessions with Ada: plans, homework minutes logged this week, the first ran 6 minutes over in understanding
    // (with 5 minutes added to the plan phase); a third is planned, not held yet.
    await worker.evaluate(async (now) => {
      const day = 86_400_000;
      const monday = new Date(now);
      monday.setHours(0, 0, 0, 0);
      monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
      const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const week = iso(monday);
      const lastWeek = iso(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7));
      const t1 = now - 35 * day;
      const t2 = now - 5 * day;
      await chrome.storage.local.set({
        coachees: [
          { id: 'ada', name: 'Ada', createdAt: t1 },
          { id: 'ben', name: 'Ben', createdAt: t1 },
        ],
        sessions: [
          { id: 'a1', coacheeId: 'ada', createdAt: t1 },
          { id: 'a2', coacheeId: 'ada', createdAt: t2 },
          { id: 'a3', coacheeId: 'ada', createdAt: now - day },
          { id: 'b1', coacheeId: 'ben', createdAt: t1 - day },
        ],
        activeSessionId: 'a2',
        'topic.a1': { title: 'Speaking up in meetings', difficulty: '', outcome: '', updatedAt: t1 },
        'timer.a1': [
          { type: 'start', at: t1 },
          { type: 'next', at: t1 + 31 * 60_000 },
          { type: 'extend', at: t1 + 45 * 60_000, minutes: 5 },
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
        'homework.a2': [
          { id: 'h1', kind: 'reading', title: 'Quiet, chapter 3', minutesPerWeek: 30, logged: { [lastWeek]: 70, [week]: 45 } },
        ],
        'wrapup.a2': { feedback: '', nextSessionAt: now + 10 * day, checkInNote: '' },
        'timer.b1': [
          { type: 'start', at: t1 - day },
          { type: 'pause', at: t1 - day + 55 * 60_000 },
        ],
        'plan.b1': [
          { id: 'r1', text: 'One-to-ones', done: false },
          { id: 'r2', text: 'Team goals', done: false },
        ],
        'review.a2': {
          fromSessionId: 'a1',
          items: [
            { stepId: 'p2', text: 'Prepare one point', status: 'not', heldBack: "I didn't have time", dreading: '' },
            // The coachee's own words, as their card brought them: the coach wrote nothing of their own.
            {
              stepId: 'p1',
              text: 'Speak first twice a week',
              status: 'partly',
              heldBack: '',
              dreading: '',
              coachee: { mark: 'partly', heldBack: 'Sam cancelled both meetings', dreading: '' },
            },
          ],
          rootCause: '',
        },
      });
    }, NOW);

    const page = await browser.context.newPage();
    await page.clock.install({ time: NOW });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Ada's two sessions and Ben's one (and the install's own first one, if it was made after the seed).
    await page
      .getByRole('status')
      .getByText(/of [45] sessions/)
      .waitFor({ timeout: 20_000 });
    // By keyboard: Tab to the Coachees link and press Enter.
    const coacheesLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Coachees' });
    for (let i = 0; i < 20 && !(await coacheesLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Coachees', level: 2 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#coachees');

    // Every coachee at a glance: the plan done of all, last week's homework against the budget, the last and next session.
    const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
    const { t2, next } = await worker.evaluate(async () => {
      const got = (await chrome.storage.local.get(['timer.a2', 'wrapup.a2'])) as {
        'timer.a2': { at: number }[];
        'wrapup.a2': { nextSessionAt: number };
      };
      return { t2: got['timer.a2'][0]?.at ?? 0, next: got['wrapup.a2'].nextSessionAt };
    });
    const table = page.getByRole('table', { name: 'Coachees' });
    const ada = table.getByRole('row', { name: /Ada/ });
    expect(await ada.getByRole('cell').allTextContents()).toEqual(['1 of 1 step', '70 of 60 min', day.format(t2), day.format(next)]);
    expect(await table.getByRole('row', { name: /Ben/ }).getByRole('cell').allTextContents()).toEqual([
      '0 of 2 steps',
      '0 of 60 min',
      expect.any(String),
      '–',
    ]);
    await ada.getByText('3 sessions').waitFor();
    await table
      .getByRole('row', { name: /Ben/ })
      .getByText(/\b1 session$/)
      .waitFor();
    // Sortable by each figure: a button in each header, the sorted column says so.
    const names = async () => (await table.getByRole('rowheader').allTextContents()).map((t) => t.split(' · ')[0]);
    const homeworkHeader = table.getByRole('columnheader', { name: /Homework last week/ });
    await homeworkHeader.getByRole('button').click();
    expect(await homeworkHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await names())[0]).toBe('Ada');
    await homeworkHeader.getByRole('button').click();
    expect(await homeworkHeader.getAttribute('aria-sort')).toBe('ascending');
    expect((await names()).at(-1)).toBe('Ada');
    expect(await table.getByRole('columnheader', { name: /Coachee/ }).getAttribute('aria-sort')).toBeNull();
    await table
      .getByRole('columnheader', { name: /Coachee/ })
      .getByRole('button')
      .click();
    expect((await names()).filter((n) => n !== 'Me')).toEqual(['Ada', 'Ben']);
    await expectAccessible(page, 'coachees');

    await page.getByRole('link', { name: 'Ada' }).click();
    await page.getByRole('heading', { name: 'Progress: Ada' }).waitFor();
    await page.getByText('The current plan: 1 of 1 step done').waitFor();

    // Four named charts.
    const homework = page.getByRole('group', { name: 'Homework minutes per week, against the hour-a-week budget' });
    const plan = page.getByRole('group', { name: 'Plan steps done and not done, per session' });
    const phasesChart = page.getByRole('group', { name: 'Minutes planned and taken, per session' });
    await homework.waitFor();
    await plan.waitFor();
    expect(await phasesChart.count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Sessions per month' }).count()).toBe(1);
    const homeworkFigure = page.locator('figure', { has: homework });

    // The legend names each mark; the value axis shows round ticks and its unit; the week is under each bar.
    expect(await homeworkFigure.getByRole('list', { name: 'Legend' }).getByRole('listitem').allTextContents()).toEqual([
      'Minutes logged',
      '60 min budget',
    ]);
    expect(
      await page.locator('figure', { has: plan }).getByRole('list', { name: 'Legend' }).getByRole('listitem').allTextContents(),
    ).toEqual(['Done', 'Not done']);
    const drawn = await homework.locator('text').allTextContents();
    expect(drawn).toEqual(expect.arrayContaining(['min', '0', '20', '40', '60', '80', '60 min budget', '45', '70']));
    const weekOf = (ms: number) => {
      const d = new Date(ms);
      return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7), 12).getTime();
    };
    expect(drawn).toContain(new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short' }).format(weekOf(NOW)));

    // A bar reached by keyboard says its value, in its name and in a tooltip; the arrow keys move between bars.
    for (let i = 0; i < 30 && !(await homeworkFigure.evaluate((f) => f.contains(document.activeElement))); i++)
      await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const thisWeek = `Week of ${day.format(weekOf(NOW))}: Minutes logged 45 min, Budget 60 min`;
    expect(await focused.getAttribute('aria-label')).toBe(thisWeek);
    await homeworkFigure.getByText(thisWeek).waitFor();
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator(':focus').getAttribute('aria-label')).toContain('Minutes logged 70 min');
    await homeworkFigure.getByText('Minutes logged 70 min', { exact: false }).waitFor();
    await page.keyboard.press('Home');
    // The weeks start with the week of Ada's first session (35 days ago), not before it.
    const firstWeek = `Week of ${day.format(weekOf(NOW - 35 * 86_400_000))}`;
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(`${firstWeek}: Minutes logged 0 min, Budget 60 min`);
    // By pointer: hovering a plan bar shows its figures.
    const planSlots = plan.getByRole('img');
    await planSlots.first().hover();
    await page.locator('figure', { has: plan }).getByText('Done 1 step, Not done 1 step', { exact: false }).waitFor();

    // The same figures in a table folded under each chart.
    await homeworkFigure.getByText('The figures').click();
    const rows = homeworkFigure.getByRole('table').getByRole('row');
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toBe(firstWeek);
    expect(await rows.last().getByRole('cell').allTextContents()).toEqual(['45', '60']);
    const planFigure = page.locator('figure', { has: plan });
    await planFigure.getByText('The figures').click();
    const planRows = planFigure.getByRole('table').getByRole('row');
    expect(await planRows.count()).toBe(3); // header + two sessions
    expect(await planRows.nth(1).getByRole('cell').allTextContents()).toEqual(['1', '1']);
    const phases = page.locator('figure', { has: phasesChart });
    await phases.getByText('The figures').click();
    expect(await phases.getByRole('row').nth(1).textContent()).toContain('Ran over most in: Understand the problem');
    // Planned is the phases added up, +5 included (65, as the session's summary and exports say), against 62 taken.
    expect(await phases.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(['65', '62']);
    // Sessions per month: those held, and the planned one apart (October: a1; November: a2 held, a3 not yet).
    const months = page.locator('figure', { has: page.getByRole('group', { name: 'Sessions per month' }) });
    expect(await months.getByRole('list', { name: 'Legend' }).getByRole('listitem').allTextContents()).toEqual([
      'Sessions held',
      'Not held yet',
    ]);
    await months.getByText('The figures').click();
    const monthRows = months.getByRole('table').getByRole('row');
    expect(await monthRows.nth(1).getByRole('cell').allTextContents()).toEqual(['1', '0']);
    expect(await monthRows.nth(2).getByRole('cell').allTextContents()).toEqual(['1', '1']);
    // What held them back: the coachee's own words (from their card) and the coach's, the "no time" answer marked.
    await page.getByText('Sam cancelled both meetings').waitFor();
    await page.getByText("I didn't have time").waitFor();
    await page.getByText('“No time”: worth asking what is behind it').waitFor();

    // A tooltip showing and the tables open: no WCAG violations, light and dark.
    await planSlots.first().hover();
    await expectAccessible(page, 'progress');
    // A phone-sized window: the charts are drawn at its width, the text stays its size.
    await page.setViewportSize({ width: 420, height: 800 });
    await expect.poll(() => homework.evaluate((svg) => svg.getBoundingClientRect().width)).toBeLessThan(400);
    expect(await homework.locator('text', { hasText: '60 min budget' }).evaluate((el) => getComputedStyle(el).fontSize)).toBe('12px');
    expect({ width: 420, violations: await axeViolations(page) }).toEqual({ width: 420, violations: [] });

    // The back button goes back through the sections.
    await page.goBack();
    await page.getByRole('heading', { name: 'Coachees', level: 2 }).waitFor();
    // At 360 px the table is wider than the page: it says so, and its box scrolls by keyboard to the next session.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByText('The table scrolls sideways: the next session is at the far right.').waitFor();
    const box = page.locator('.table-scroll');
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await box.focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const nextHeader = page.getByRole('columnheader', { name: /Next session/ });
    await expect
      .poll(() =>
        Promise.all([
          nextHeader.evaluate((el) => el.getBoundingClientRect().right),
          box.evaluate((el) => el.getBoundingClientRect().right),
        ]),
      )
      .toSatisfy(([cell, edge]: number[]) => (cell ?? Infinity) <= (edge ?? 0) + 1);
    await page.screenshot({ path: '/tmp/follow-coachees-360.png' });
    expect({ width: 360, violations: await axeViolations(page) }).toEqual({ width: 360, violations: [] });
    await page.emulateMedia({ colorScheme: 'dark' });
    await box.evaluate((el) => (el.scrollLeft = 0));
    await page.screenshot({ path: '/tmp/follow-coachees-360-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goBack();
    await page.getByRole('heading', { name: 'Past sessions', level: 2 }).waitFor();
  });
});
