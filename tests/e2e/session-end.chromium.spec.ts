/**
 * A session's life in real Chromium: the coach runs the hour with the page clock
 * (Playwright's page.clock), ends it in the wrap-up, and a day and a month later
 * the panel shows the session's summary with the recorded length (never an old
 * clock counting on), and the Markdown export reads the recorded minutes. A clock
 * left running from 23:10 is ended by the background's auto-end and recorded as
 * such; the coach corrects the end to that evening and to the next morning. Every
 * page's clock is set (page.clock), so nothing depends on the hour the suite runs.
 * The panel follows the phase at side-panel sizes.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { extensionPerTest, installedWorker } from './chromium';
import { routeCallSites } from './fixtures';
import { ClockPage, NotesPage, optionsSection } from './pages';

/** Tomorrow at 10:00 local time: later than the background's real clock, so its auto-end is not due. */
function tomorrowAtTen(): Date {
  const day = new Date(Date.now() + 24 * 60 * 60_000);
  day.setHours(10, 0, 0, 0);
  return day;
}

async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= 0 && box.y + box.height <= size.height;
}

describe('a session that ends', () => {
  const browser = extensionPerTest();

  it('the coach ends the hour: a day and a month later the panel shows its summary and 60 minutes, and so does the export', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    const day = tomorrowAtTen();
    await page.clock.install({ time: day });
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const clock = new ClockPage(page);
    await clock.button('Start').click();
    await clock.button('Pause').waitFor();
    await page.clock.fastForward('25:00');
    await clock.button('Next phase').click();
    await page.clock.fastForward('25:00');
    await clock.button('Next phase').click();
    await page.clock.fastForward('10:00');
    // The wrap-up is open in the last phase; End the session is its last step.
    const wrapUp = page.getByRole('region', { name: 'Before you say goodbye' });
    await wrapUp.getByRole('button', { name: 'End the session' }).click();

    const summary = page.getByRole('region', { name: /^The session of / });
    await summary.waitFor();
    // The time as the panel's language shows it ("11:00 AM" in en-US).
    await summary.getByText(/^Ended at 11:00( AM)?\.$/).waitFor();
    const total = summary.getByRole('row', { name: /The whole session/ });
    expect(await total.textContent()).toContain('60 min60 min');
    expect(await page.getByRole('timer').count()).toBe(0);
    // The notes stay editable.
    const notes = new NotesPage(page);
    await notes.field.fill('Agreed: first comment within five minutes.');
    await notes.saveStatus.getByText('Saved').waitFor();

    for (const later of [24 * 60 * 60_000, 30 * 24 * 60 * 60_000]) {
      await page.clock.fastForward(later);
      await page.reload();
      await summary.waitFor();
      expect(await total.textContent()).toContain('60 min60 min');
      expect(await page.getByText(/\+\d+:\d\d:\d\d/).count()).toBe(0);
      expect(await page.getByText('The session’s time is up', { exact: false }).count()).toBe(0);
      expect(await page.getByRole('timer').count()).toBe(0);
      // The next session is one click away.
      await summary.getByRole('button', { name: 'Start a new session' }).waitFor();
    }

    const options = await browser.openPage('options.html');
    await optionsSection(options, 'Export & backup');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const text = await readFile(await download.path(), 'utf8');
    expect(text).toContain('| Understand the problem | 25 min | 25 min |');
    expect(text).toContain('| **Total** | **60 min** | **60 min** |');
  });

  it('a clock left running from 23:10 is ended by Sidecoach; the coach corrects the end to 23:59 that evening, then to 00:35 the next morning', async () => {
    // The panel's clock is set (the next morning at 09:00, on a fixed day long past), so this reads the same at any
    // hour the suite runs; the background keeps the machine's own clock, which is later still, so its auto-end is due.
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.clock.install({ time: new Date(2026, 2, 10, 9, 0) });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await new ClockPage(panel).button('Start').waitFor();
    const worker = await installedWorker(browser);
    // 23:10 on 9 March in the browser's own zone: started, and forgotten.
    const startedAt = await panel.evaluate(() => new Date(2026, 2, 9, 23, 10).getTime());
    await worker.evaluate(async (at) => {
      const { activeSessionId } = await chrome.storage.local.get('activeSessionId');
      await chrome.storage.local.set({ [`timer.${activeSessionId}`]: [{ type: 'start', at }] });
    }, startedAt);
    const recorded = () =>
      worker.evaluate(async () => {
        const { activeSessionId } = await chrome.storage.local.get('activeSessionId');
        const key = `timer.${activeSessionId}`;
        return (await chrome.storage.local.get(key))[key] as { type: string; at: number; by?: string }[];
      });
    // 30 minutes past the hour, it ended itself: at 00:40, the next day.
    await expect
      .poll(async () => (await recorded()).at(-1), { timeout: 5000 })
      .toEqual({ type: 'end', at: startedAt + 90 * 60_000, by: 'auto' });
    expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

    // Times and dates as the panel's language writes them ("12:40 AM", "March 9, 2026" in en-US).
    const shown = (ms: number) =>
      panel.evaluate((t) => new Intl.DateTimeFormat(navigator.language, { hour: '2-digit', minute: '2-digit' }).format(t), ms);
    const date = (ms: number) => panel.evaluate((t) => new Intl.DateTimeFormat(navigator.language, { dateStyle: 'long' }).format(t), ms);
    const summary = panel.getByRole('region', { name: /^The session of / });
    const total = summary.getByRole('row', { name: /The whole session/ });
    await summary
      .getByText(`Ended by Sidecoach at ${await shown(startedAt + 90 * 60_000)} the next day: the clock was still running.`)
      .waitFor();
    expect(await total.textContent()).toContain('60 min90 min');

    const correct = async (time: string, day: string) => {
      await summary.getByRole('button', { name: 'Correct the end time' }).click();
      await summary.getByLabel('The session ended at').fill(time);
      // The field says which day the time is read on before it is saved.
      await summary.getByText(day).waitFor();
      await summary.getByRole('button', { name: 'Save the end time' }).click();
    };
    await correct('23:59', `On ${await date(startedAt)}, the day the session began.`);
    await summary.getByText(`Ended at ${await shown(startedAt + 49 * 60_000)} (time corrected).`).waitFor();
    await expect.poll(() => total.textContent()).toContain('60 min49 min');
    // The summary shows the correction before its write lands: wait for the stored log itself.
    await expect
      .poll(async () => (await recorded()).at(-1), { timeout: 5000 })
      .toMatchObject({ type: 'end', at: startedAt + 49 * 60_000, by: 'coach' });

    await correct('00:35', `On ${await date(startedAt + 85 * 60_000)}: the next day, after midnight.`);
    await summary.getByText(`Ended at ${await shown(startedAt + 85 * 60_000)} the next day (time corrected).`).waitFor();
    await expect.poll(() => total.textContent()).toContain('60 min85 min');
    // The summary shows the correction before its write lands: wait for the stored log itself.
    await expect
      .poll(async () => (await recorded()).at(-1), { timeout: 5000 })
      .toMatchObject({ type: 'end', at: startedAt + 85 * 60_000, by: 'coach' });

    // A time before the start (22:40 is no session of 23 hours and a half) is refused with a message, and nothing changes.
    await summary.getByRole('button', { name: 'Correct the end time' }).click();
    await summary.getByLabel('The session ended at').fill('22:40');
    await summary.getByRole('button', { name: 'Save the end time' }).click();
    await summary
      .getByRole('alert')
      .getByText(`That is before the clock started (${await shown(startedAt)}).`)
      .waitFor();
    // The summary shows the correction before its write lands: wait for the stored log itself.
    await expect.poll(async () => (await recorded()).at(-1), { timeout: 5000 }).toMatchObject({ at: startedAt + 85 * 60_000 });
    expect(await total.textContent()).toContain('60 min85 min');
    // The summary, the correction form and its message pass axe, light and dark.
    await expectAccessible(panel, 'the summary and its correction');
  });

  for (const [width, height] of [
    [400, 800],
    [360, 640],
  ] as const) {
    it(`at ${width}×${height} the panel follows the phase: the prompt under its name, the section in view, never moving while the coach types`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height });
      await page.clock.install({ time: tomorrowAtTen() });
      await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
      const clock = new ClockPage(page);
      await clock.button('Start').click();
      await page.locator('.clockbar .phase-prompt').getByText('Ask before you advise', { exact: false }).waitFor();
      const planSummary = page.locator('details.fold > summary', { hasText: 'Plan for the month' });
      await planSummary.waitFor();
      expect(await inViewport(page, planSummary)).toBe(false);

      // Next by the button: the plan section comes into view below the pinned bar.
      await clock.button('Next phase').click();
      await page.locator('.clockbar .phase-prompt').getByText('Turn what you learned', { exact: false }).waitFor();
      await expect.poll(() => inViewport(page, planSummary), { timeout: 5000 }).toBe(true);
      const bar = await page.locator('.clockbar').boundingBox();
      const fold = await planSummary.boundingBox();
      expect((fold?.y ?? 0) + 1).toBeGreaterThanOrEqual((bar?.y ?? 0) + (bar?.height ?? 0));

      // Typing in the notes, Alt+N moves the clock on but not the page, and the caret stays.
      const notes = new NotesPage(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await notes.field.click();
      await page.keyboard.type('She waits for the perfect moment.');
      const scrolled = await page.evaluate(() => window.scrollY);
      await page.keyboard.press('Alt+N');
      await expect.poll(() => page.locator('.clockbar .phase-name').textContent()).toContain('Review and wrap up');
      await page.keyboard.type(' Then it is gone.');
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
      expect(await notes.field.inputValue()).toBe('She waits for the perfect moment. Then it is gone.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('session-notes');
      // Screen readers hear the change and the prompt.
      await page.getByText('Now: Review and wrap up. Read the plan back', { exact: false }).waitFor({ state: 'attached' });
    });
  }
});

describe('a session that ends with the call', () => {
  const browser = extensionPerTest({ setUp: (b) => routeCallSites(b.context) });

  it('when the call ends with the clock running, the panel offers to end the session at the call’s end', async () => {
    const panel = await browser.openPage('sidepanel.html');
    const clock = new ClockPage(panel);
    const meet = await browser.context.newPage();
    await meet.goto('https://meet.google.com/_meet/abc-defg-hij?fixture=meet-in-call.html');
    await panel.bringToFront();
    await panel.getByRole('button', { name: /^Start the clock from / }).click();
    await clock.button('Pause').waitFor();
    await meet.close();
    await panel.getByText(/^Call ended .+ — the clock is still running$/).waitFor({ timeout: 10_000 });
    await panel.getByRole('button', { name: /^End the session at / }).click();
    const summary = panel.getByRole('region', { name: /^The session of / });
    await summary.getByText(/^Ended at .+, when the call ended\.$/).waitFor();
    expect(await panel.getByRole('timer').count()).toBe(0);
    // The summary shows the end before its write lands: wait for the stored log itself.
    const last = () =>
      browser.context.serviceWorkers()[0]?.evaluate(async () => {
        const { activeSessionId } = await chrome.storage.local.get('activeSessionId');
        const key = `timer.${activeSessionId}`;
        return ((await chrome.storage.local.get(key))[key] as { type: string; by?: string }[]).at(-1);
      });
    await expect.poll(last, { timeout: 5000 }).toMatchObject({ type: 'end', by: 'call' });
  });
});
