import { describe, expect, it } from 'vitest';
import { extensionPerTest } from './chromium';
import { ClockPage, openFold } from './pages';

describe('the month between sessions in Chromium', () => {
  const browser = extensionPerTest();

  it('plans in one session, reviews it honestly in the next, and asks what was behind "no time"', async () => {
    const panel = await browser.openPage('sidepanel.html');
    const clock = new ClockPage(panel);
    await clock.button('Start').click();
    await clock.button('Next phase').click();
    await panel.getByRole('region', { name: 'Plan for the month' }).waitFor();

    for (const step of ['Speak first in two meetings a week', 'Tell the lead about the pattern']) {
      await panel.getByLabel('New step').fill(step);
      await panel.getByRole('button', { name: 'Add step' }).click();
    }
    const addHomework = async (kind: string, title: string, minutes: string) => {
      await panel.getByLabel('Kind').selectOption({ label: kind });
      await panel.getByLabel('Exercise or reading').fill(title);
      await panel.getByLabel('Minutes a week').fill(minutes);
      await panel.getByRole('button', { name: 'Add', exact: true }).click();
    };
    await addHomework('Reading', 'Quiet, chapter 3', '30');
    await addHomework('Exercise', 'Write the point down first', '20');
    await panel.getByText('50 of about 60 minutes a week').waitFor();
    expect(await panel.getByText('more than an hour a week', { exact: false }).count()).toBe(0);
    await addHomework('Exercise', 'Daily journaling', '25');
    await panel.getByText('more than an hour a week', { exact: false }).waitFor();
    await panel.getByRole('button', { name: 'Remove: Daily journaling' }).click();

    await clock.button('Next phase').click();
    const wrap = panel.getByRole('region', { name: 'Before you say goodbye' });
    await wrap.getByText('A plan for the month is written (done)').waitFor();
    await wrap.getByLabel('Feedback on the session').fill('The examples helped.');
    await wrap.getByText('Feedback on the session is noted (done)').waitFor();

    // Between sessions: the popup shows the plan; tick a step and log minutes.
    const popup = await browser.openPage('popup.html');
    const plan = popup.getByRole('region', { name: 'Your plan this month' });
    await plan.getByRole('checkbox', { name: 'Speak first in two meetings a week', exact: true }).check();
    await plan.getByLabel('Time spent on Quiet, chapter 3, in minutes to add').fill('20');
    await plan.getByRole('button', { name: 'Add time spent' }).first().click();
    await plan.getByText('This week so far: 20 min').waitFor();
    await plan.getByText('This week: 20 of about 60 minutes').waitFor();
    await openFold(panel, 'Plan for the month');
    await expect
      .poll(() =>
        panel
          .getByRole('region', { name: 'Plan for the month' })
          .getByRole('checkbox', { name: 'Speak first in two meetings a week' })
          .isChecked(),
      )
      .toBe(true);

    // The next session opens with the review of that plan.
    await openFold(panel, 'This session');
    await panel.getByRole('button', { name: 'Start a new session' }).click();
    await panel.getByRole('button', { name: 'Start it' }).click();
    const review = panel.getByRole('region', { name: 'How did the last plan go?' });
    await review.getByText('Tell the lead about the pattern').waitFor();
    await expect.poll(() => review.getByRole('radio', { name: 'Done' }).first().isChecked()).toBe(true);
    const held = review.getByLabel('What held you back?');
    await held.fill("didn't have time");
    await review.getByText('Time is often the first answer', { exact: false }).waitFor();
    await held.fill("didn't have time, but honestly I was afraid of how he'd react");
    await review.getByText('Time is often the first answer', { exact: false }).waitFor({ state: 'detached' });
    await review.getByLabel('What were you most dreading?').fill('Sounding like I am complaining');
    await review.getByRole('status').getByText('Saved').waitFor();

    // Saved with the session and present in the export.
    const options = await browser.openPage('options.html#export');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const md = await readFile(await download.path(), 'utf8');
    expect(md).toContain('- [x] Speak first in two meetings a week');
    expect(md).toContain('- Reading: Quiet, chapter 3 (30 min a week)');
    expect(md).toContain('- Tell the lead about the pattern: not done');
    expect(md).toContain('What you were most dreading: Sounding like I am complaining');
  });
});
