/**
 * The months, in two browsers with the page clock: round one is run and ended
 * by the coach; the coachee marks the plan (2 of 3 done, one partly) and logs
 * 45 and 40 minutes in two weeks; the next pre-work is a session of its own and
 * carries that progress back; the coach's review opens with the coachee's
 * marks and the progress page shows those minutes in those weeks and 2 done;
 * the second plan card fills month two and month one keeps its ticks; the same
 * card taken twice changes nothing.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { type ExtensionBrowser, extensionPerTest, pasteClipboard } from './chromium';
import { openFold } from './pages';

const DAY = 24 * 60 * 60_000;

/** Tomorrow at 10:00 local time (later than the background's real clock, so no auto-end is due). */
function tomorrowAtTen(): number {
  const day = new Date(Date.now() + DAY);
  day.setHours(10, 0, 0, 0);
  return day.getTime();
}
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** The week key (Monday's local date) of an instant, as Sidecoach counts weeks. */
function weekOf(at: number): string {
  const d = new Date(at);
  return iso(new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)));
}

/** An extension page whose clock starts at `at`. */
async function pageAt(browser: ExtensionBrowser, path: string, at: number, width = 400): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.clock.install({ time: at });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Copy a card from a send area once it is made. */
async function copyCard(browser: ExtensionBrowser, page: Page, scope: Locator | Page = page): Promise<string> {
  const copy = scope.getByRole('button', { name: 'Copy the card' });
  await expect.poll(() => copy.isEnabled(), { timeout: 10_000 }).toBe(true);
  // No wait here: Copy writes what was just typed and makes the card again, so the newest is copied.
  await copy.click();
  await scope.getByText('Card copied', { exact: false }).waitFor();
  return pasteClipboard(browser);
}

/** No WCAG A/AA violations, light and dark (and a picture to look at, when asked for). */
async function accessible(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    if (process.env.MONTHS_SHOTS) await page.screenshot({ path: `${process.env.MONTHS_SHOTS}/${name}-${colorScheme}.png`, fullPage: true });
    expect({ name, colorScheme, violations: await axeViolations(page) }).toEqual({ name, colorScheme, violations: [] });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Paste a card into an inbox and check it (the coach's inbox takes mail replies too, and says so). */
async function checkCard(page: Page, card: string): Promise<void> {
  await openFold(page, 'Take in a card');
  await page.getByLabel(/^Paste a card/).fill(card);
  await page.getByRole('button', { name: /^(Check the card|Show what it brings)$/ }).click();
}

describe('the months, in two browsers', () => {
  // Two people, a fresh profile each per test (the coach's profile coaches and is coached), closed after it.
  const coachee = extensionPerTest();
  const coach = extensionPerTest({ role: 'both' });

  it("keeps each month, brings the coachee's progress to the coach, and the same card twice changes nothing", {
    timeout: 300_000,
  }, async () => {
    const d0 = tomorrowAtTen();
    const nextDay = iso(new Date(d0 + 30 * DAY));

    // Month one, the coachee: the pre-work.
    let popup = await pageAt(coachee, 'popup.html', d0 - 2 * DAY);
    await popup.getByLabel('Your topic, in one line').fill('I find it hard to speak up in meetings');
    await popup.locator('summary', { hasText: 'Send to my coach' }).click();
    await popup.getByLabel('Your name, as your coach knows you').fill('Ada');
    const prework1 = await copyCard(coachee, popup);
    expect(prework1).toMatch(/sidecoach-card\.2\.prework\./);

    // The coach takes it in and runs the hour: the plan while planning, the feedback and next date in the wrap-up, then ends it.
    const panel = await pageAt(coach, 'sidepanel.html', d0);
    await checkCard(panel, prework1);
    await panel.getByRole('button', { name: 'Take it in' }).click();
    await panel.getByTestId('panel-topic').getByText('I find it hard to speak up in meetings').waitFor();
    await panel.getByRole('button', { name: 'Start', exact: true }).click();
    await panel.getByRole('button', { name: 'Pause' }).first().waitFor();
    await panel.clock.fastForward('25:00');
    await panel.getByRole('button', { name: 'Next phase' }).click();
    await openFold(panel, 'Plan for the month');
    for (const step of ['Ask Sam for the numbers', 'Say no to one meeting', 'Write the proposal']) {
      await panel.getByLabel('New step').fill(step);
      await panel.getByRole('button', { name: 'Add step' }).click();
    }
    await panel.getByLabel('Exercise or reading').fill('Journal');
    await panel.getByLabel('Minutes a week').fill('45');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.clock.fastForward('25:00');
    await panel.getByRole('button', { name: 'Next phase' }).click();
    const wrapUp = panel.getByRole('region', { name: 'Before you say goodbye' });
    await wrapUp.getByLabel('Feedback on the session').fill('You named the pattern clearly.');
    await wrapUp.getByLabel('Next session (optional)').fill(nextDay);
    const send = wrapUp.getByRole('region', { name: 'Send the plan to Ada' });
    await send.getByLabel('Your name, as your coachee knows you').fill('Dana');
    await expect.poll(() => send.locator('textarea').inputValue(), { timeout: 5000 }).toContain('Journal');
    const plan1 = await copyCard(coach, panel, send);
    // The card text without form labels; a date without a time stays a day.
    expect(plan1).toContain('Next session: ');
    expect(plan1).not.toContain('(optional)');
    expect(plan1).not.toMatch(/\d:\d\d/);
    await panel.clock.fastForward('10:00');
    await wrapUp.getByRole('button', { name: 'End the session' }).click();
    await panel.getByRole('region', { name: /^The session of / }).waitFor();

    // The coachee takes the plan in: the next date and the feedback show; they mark and log over two weeks.
    popup = await pageAt(coachee, 'popup.html', d0 + DAY);
    await checkCard(popup, plan1);
    await popup.getByRole('button', { name: 'Take it in' }).click();
    await popup.getByText('Taken in.').waitFor();
    await popup.reload();
    let month = popup.getByRole('region', { name: 'Your plan this month' });
    await month.getByText('Next session: ', { exact: false }).waitFor();
    await month.getByText('You named the pattern clearly.').waitFor();
    await month.getByRole('checkbox', { name: 'Ask Sam for the numbers', exact: true }).check();
    await month.getByRole('checkbox', { name: 'Say no to one meeting', exact: true }).check();
    await month.getByRole('checkbox', { name: 'Partly done: Write the proposal' }).check();
    await month.getByLabel('Time spent on Journal, in minutes to add').fill('45');
    await month.getByRole('button', { name: 'Add time spent' }).click();
    await month.getByText('This week so far: 45 min').waitFor();
    await popup.clock.setSystemTime(d0 + 8 * DAY);
    await popup.reload();
    month = popup.getByRole('region', { name: 'Your plan this month' });
    await month.getByText('This week so far: 0 min').waitFor();
    // A slip (50 instead of 40) is corrected.
    await month.getByLabel('Time spent on Journal, in minutes to add').fill('50');
    await month.getByRole('button', { name: 'Add time spent' }).click();
    await month.getByText('This week so far: 50 min').waitFor();
    await month.getByRole('button', { name: 'Correct this week’s minutes on Journal' }).click();
    await month.getByLabel('Minutes this week on Journal, in all').fill('40');
    await month.getByRole('button', { name: 'Save' }).click();
    await month.getByText('This week so far: 40 min').waitFor();
    expect(await month.getByRole('checkbox', { name: 'Ask Sam for the numbers', exact: true }).isChecked()).toBe(true);
    await accessible(popup, 'popup-month');

    // Month two: the next pre-work is a session of its own; the answers on the last plan go with it.
    await popup.clock.setSystemTime(d0 + 27 * DAY);
    await popup.reload();
    await popup.getByRole('button', { name: /^Write the pre-work for / }).click();
    await popup.getByLabel('Your topic, in one line').fill('Being heard by my manager');
    const review = popup.getByRole('region', { name: 'How did the last plan go?' });
    await review.getByRole('group', { name: 'Write the proposal' }).getByLabel('What held you back?').fill('I was afraid of the review');
    await popup.getByRole('status').getByText('Saved').first().waitFor();
    await popup.locator('summary', { hasText: 'Send to my coach' }).click();
    await expect.poll(() => popup.locator('#card-date').inputValue()).toBe(nextDay);
    await accessible(popup, 'popup-next-prework');
    const prework2 = await copyCard(coachee, popup);
    expect(prework2).toContain('Being heard by my manager');
    expect(prework2).toContain('- Write the proposal: Partly');

    // The coach: a new session; the progress says what it brings; the review opens with the coachee's marks.
    await panel.clock.setSystemTime(d0 + 30 * DAY);
    await panel.reload();
    await checkCard(panel, prework2);
    await panel
      .getByText('Their progress on the last plan: steps done 2 of 3, partly 1; homework logged: 85 min', { exact: false })
      .waitFor();
    await accessible(panel, 'panel-card-progress');
    await panel.getByRole('button', { name: 'Take it in' }).click();
    await panel.getByTestId('panel-topic').getByText('Being heard by my manager').waitFor();
    await openFold(panel, 'How did the last plan go?');
    const ask = panel.getByRole('group', { name: 'Ask Sam for the numbers' });
    await expect.poll(() => ask.getByRole('radio', { name: 'Done' }).isChecked()).toBe(true);
    await ask.getByText('Ada’s own mark: Done').waitFor();
    const proposal = panel.getByRole('group', { name: 'Write the proposal' });
    await expect.poll(() => proposal.getByRole('radio', { name: 'Partly' }).isChecked()).toBe(true);
    await proposal.getByText('What held them back, in their words: I was afraid of the review').waitFor();
    // The coach's own answer field stays theirs (empty), beside the coachee's.
    expect(await proposal.getByLabel('Your note: what held them back?').inputValue()).toBe('');
    await accessible(panel, 'panel-review-coachee');

    // The first pre-work card again, after its session was run: nothing changes, no second session.
    await checkCard(panel, prework1);
    await panel.getByText('This card is already taken in: nothing would change.').waitFor();

    // The coach's progress page: those minutes in those weeks, and 2 done.
    const options = await pageAt(coach, 'options.html#coachees', d0 + 30 * DAY, 1000);
    await options.getByRole('link', { name: /Ada/ }).click();
    await options.getByRole('heading', { name: 'Progress: Ada' }).waitFor();
    // What held them back: the coachee's own words, as their card brought them.
    await options
      .getByRole('listitem')
      .filter({ hasText: 'I was afraid of the review' })
      .getByText(/their words/)
      .waitFor();
    const homework = options.locator('figure', {
      has: options.getByRole('group', { name: 'Homework minutes per week, against the hour-a-week budget' }),
    });
    // The figures are folded under the chart.
    await homework.getByText('The figures').click();
    // Rows are named by the week as the page writes it ("Week of Nov 30, 2026").
    const shownWeek = (key: string) =>
      `Week of ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(`${key}T12:00:00`))}`;
    const weekRow = (week: string) => homework.getByRole('table').getByRole('row', { name: shownWeek(week) });
    expect(
      await weekRow(weekOf(d0 + DAY))
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('45');
    expect(
      await weekRow(weekOf(d0 + 8 * DAY))
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('40');
    const planFigure = options.locator('figure', {
      has: options.getByRole('group', { name: 'Plan steps done and not done, per session' }),
    });
    await planFigure.getByText('The figures').click();
    const planRows = planFigure.getByRole('table').getByRole('row');
    expect(await planRows.nth(1).getByRole('cell').allTextContents()).toEqual(['2', '1']);

    // Month two's plan goes back to the coachee.
    await openFold(panel, 'Plan for the month');
    await panel.getByLabel('New step').fill('Present the proposal to Sam');
    await panel.getByRole('button', { name: 'Add step' }).click();
    const send2 = panel.getByRole('region', { name: 'Send the plan to Ada' });
    await expect.poll(() => send2.locator('textarea').inputValue(), { timeout: 5000 }).toContain('Present the proposal to Sam');
    const plan2 = await copyCard(coach, panel, send2);

    // The coachee: the second plan fills month two; month one keeps its plan and ticks; both cards again change nothing.
    await popup.clock.setSystemTime(d0 + 31 * DAY);
    await popup.reload();
    await checkCard(popup, plan2);
    await popup.getByRole('button', { name: 'Take it in' }).click();
    await popup.getByText('Taken in.').waitFor();
    for (const card of [plan1, plan2]) {
      await checkCard(popup, card);
      await popup.getByText('This card is already taken in: nothing would change.').waitFor();
      expect(await popup.getByRole('button', { name: 'Take it in' }).count()).toBe(0);
    }
    await popup.reload();
    await popup.getByRole('region', { name: 'Your plan this month' }).getByText('Present the proposal to Sam').waitFor();

    // Month one, whole, in the coachee's history: the plan with its marks, the minutes by week.
    const history = await pageAt(coachee, 'options.html', d0 + 31 * DAY, 1000);
    await history.getByRole('status').getByText('2 of 2 sessions').waitFor();
    await history.getByRole('button', { name: 'I find it hard to speak up in meetings' }).click();
    const read = history.locator('article.session-read');
    await read.getByText('☑ Ask Sam for the numbers').waitFor();
    await read.getByText('☑ Say no to one meeting').waitFor();
    await read.getByText('☐ Write the proposal (partly done)').waitFor();
    await read.getByText(`Week of ${weekOf(d0 + DAY)}: 45 min logged`).waitFor();
    await read.getByText(`Week of ${weekOf(d0 + 8 * DAY)}: 40 min logged`).waitFor();
    await read.getByText('You named the pattern clearly.').waitFor();
    await accessible(history, 'options-session-whole');
  });
});
