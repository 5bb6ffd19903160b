/**
 * Two people, two browsers: the coachee's pre-work reaches the coach and the
 * coach's plan reaches the coachee as cards, copied and pasted as a person would,
 * between two Chromium profiles with no server and no request.
 */
import { describe, expect, it } from 'vitest';
import { extensionPerTest, pasteClipboard, setRole } from './chromium';
import { openFold } from './pages';
import { everything, settled } from './storage';

describe('cards between two browsers', () => {
  // Two people: a fresh profile each per test, closed after it.
  const coachee = extensionPerTest();
  const coach = extensionPerTest();

  it('the day a pre-work card names is the next session’s date in the coach’s popup', async () => {
    const popup = await coachee.openPage('popup.html');
    await popup.getByLabel('Your topic, in one line').fill('Asking for a raise');
    await popup.locator('summary', { hasText: 'Send to my coach' }).click();
    await popup.getByLabel('Your name, as your coach knows you').fill('Ada');
    await popup.getByLabel('Date of the session (optional)').fill('2026-12-10');
    const copy = popup.getByRole('button', { name: 'Copy the card' });
    await expect.poll(() => copy.isEnabled(), { timeout: 5000 }).toBe(true);
    await popup.getByText('Pre-work from Ada for our coaching session', { exact: true }).waitFor();
    // The card is made ahead of the click: copy until the one made from the last edit (the date) is copied.
    let card = '';
    await expect
      .poll(async () => {
        await copy.click();
        await popup.getByText('Card copied', { exact: false }).waitFor();
        card = await pasteClipboard(coachee);
        return card.includes('December 10, 2026');
      })
      .toBe(true);

    await setRole(coach.worker, 'coach');
    const coachPopup = await coach.openPage('popup.html');
    await coachPopup.getByText('No coachee yet.', { exact: false }).waitFor();
    await coachPopup.locator('summary', { hasText: 'Take in a card' }).click();
    await coachPopup.getByLabel('Paste a card or your coachee’s reply to a mail (the whole message is fine)').fill(card);
    await coachPopup.getByRole('button', { name: 'Show what it brings' }).click();
    await coachPopup.getByRole('button', { name: 'Take it in', exact: true }).click();
    const again = await coach.openPage('popup.html');
    await again.getByTestId('coach-popup-topic').getByText('Asking for a raise').waitFor();
    await again.getByTestId('coach-popup-next').getByText('Next session: Thursday, December 10, 2026', { exact: true }).waitFor();
  });

  it('pre-work goes to the coach, the plan comes back, and a damaged card changes nothing', async () => {
    // The coachee writes the pre-work and sends it.
    const popup = await coachee.openPage('popup.html');
    await popup.getByLabel('Your topic, in one line').fill('I find it hard to speak up in meetings');
    await popup.getByLabel('What has been hardest in the past 2–4 weeks?').fill('Twice I had an idea and said nothing.');
    await popup.locator('summary', { hasText: 'Send to my coach' }).click();
    await popup.getByLabel('Your name, as your coach knows you').fill('Ada');
    const copy = popup.getByRole('button', { name: 'Copy the card' });
    await expect.poll(() => copy.isEnabled(), { timeout: 5000 }).toBe(true);
    // The card is made ahead of the click (copying must happen inside the gesture): wait until the one made from the
    // last edit (the name) is shown.
    await popup.getByText('Pre-work from Ada for our coaching session', { exact: true }).waitFor();
    await copy.click();
    await popup.getByText('Card copied', { exact: false }).waitFor();
    const preworkCard = await pasteClipboard(coachee);
    expect(preworkCard).toContain('Pre-work from Ada');
    expect(preworkCard).toContain('I find it hard to speak up in meetings');
    expect(preworkCard).toMatch(/sidecoach-card\.2\.prework\./);

    // The coach takes it in: a preview first, then the panel shows Ada's topic.
    const panel = await coach.openPage('sidepanel.html');
    await openFold(panel, 'Take in a card');
    await panel
      .getByLabel('Paste a card or your coachee’s reply to a mail (the whole message is fine)')
      .fill(`Hi!\n\n${preworkCard}\n\nAda`);
    await panel.getByRole('button', { name: 'Show what it brings' }).click();
    await panel.getByText('A new coachee: Ada.').waitFor();
    await panel.getByRole('button', { name: 'Take it in' }).click();
    await panel.getByTestId('panel-topic').getByText('I find it hard to speak up in meetings').waitFor();

    // The same card again changes nothing.
    await openFold(panel, 'Take in a card');
    await panel.getByLabel('Paste a card or your coachee’s reply to a mail (the whole message is fine)').fill(preworkCard);
    await panel.getByRole('button', { name: 'Show what it brings' }).click();
    await panel.getByText('This card is already taken in: nothing would change.').waitFor();
    expect(await panel.getByRole('button', { name: 'Take it in' }).count()).toBe(0);

    // A damaged card is refused with a message, and nothing is written.
    const before = await settled(panel);
    const broken = preworkCard.replace(/(sidecoach-card\.2\.prework\.)(.)/, (_, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'));
    await panel.getByLabel('Paste a card or your coachee’s reply to a mail (the whole message is fine)').fill(broken);
    await panel.getByRole('button', { name: 'Show what it brings' }).click();
    await panel.getByRole('alert').getByText('This card is damaged or cut off', { exact: false }).waitFor();
    // A fixed wait is the point: nothing may be written in the moments after the refusal either.
    await panel.waitForTimeout(800);
    expect(await everything(panel)).toEqual(JSON.parse(before));

    // The coach writes the plan and homework, and sends the plan to Ada.
    await openFold(panel, 'Plan for the month');
    await panel.getByLabel('New step').fill('Say my prepared point in the first ten minutes');
    await panel.getByRole('button', { name: 'Add step' }).click();
    await panel.getByLabel('Exercise or reading').fill('Quiet: chapter 3');
    await panel.getByLabel('Minutes a week').fill('30');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    const send = panel.getByRole('region', { name: 'Send the plan to Ada' });
    const sendCopy = send.getByRole('button', { name: 'Copy the card' });
    await expect.poll(() => sendCopy.isEnabled(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => send.locator('textarea').inputValue(), { timeout: 5000 }).toContain('Quiet: chapter 3');
    await sendCopy.click();
    await send.getByText('Card copied', { exact: false }).waitFor();
    const planCard = await pasteClipboard(coach);
    expect(planCard).toContain('The plan for the month, for Ada');

    // The coachee takes the plan in; the popup shows the plan to tick and the homework to log.
    await popup.locator('summary', { hasText: 'Take in a card' }).click();
    await popup.getByLabel('Paste a card (the whole message is fine)').fill(planCard);
    await popup.getByRole('button', { name: 'Check the card' }).click();
    await popup.getByText('A plan of 1 step and 1 exercise or reading', { exact: false }).waitFor();
    await popup.getByRole('button', { name: 'Take it in' }).click();
    await popup.getByText('Taken in.').waitFor();
    // The plan shows at once, without reopening the popup.
    const plan = popup.getByRole('region', { name: 'Your plan this month' });
    await plan.getByRole('checkbox', { name: 'Say my prepared point in the first ten minutes', exact: true }).check();
    await plan.getByLabel('Time spent on Quiet: chapter 3, in minutes to add').fill('20');
    await plan.getByRole('button', { name: 'Add time spent' }).click();
    await plan.getByText('This week so far: 20 min').waitFor();
    await plan.getByText('This week: 20 of about 60 minutes').waitFor();
  });
});
