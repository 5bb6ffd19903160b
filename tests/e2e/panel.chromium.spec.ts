/**
 * The panel at a glance, in a real Chromium page at side-panel sizes: the clock
 * bar stays in view while the coach types, the notes are in the first view, the
 * sections follow the phase, compact is remembered; and the re-planned hour with
 * the page clock fast-forwarded (Playwright's page.clock).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extensionPerTest } from './chromium';
import { ClockPage, NotesPage } from './pages';

/** Whether the whole of an element is inside the page's viewport. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('the panel at a glance', () => {
  const browser = extensionPerTest();

  for (const [width, height] of [
    [400, 800],
    [360, 640],
  ] as const) {
    it(`at ${width}×${height}: notes in the first view, and the clock bar stays in view while typing 45 lines`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
      const clock = new ClockPage(page);
      const notes = new NotesPage(page);
      await notes.field.waitFor();
      expect(await inViewport(page, notes.field)).toBe(true);
      await clock.button('Start').click();
      await clock.button('Pause').waitFor();
      await notes.field.click();
      for (let i = 1; i <= 45; i++) await page.keyboard.type(`Line ${i}: what the coachee said about the meeting\n`, { delay: 0 });
      await expect.poll(() => notes.field.inputValue()).toContain('Line 45');
      const phaseTimer = page.getByRole('timer').first();
      expect(await inViewport(page, phaseTimer)).toBe(true);
      expect(await inViewport(page, page.locator('.clockbar .phase-name'))).toBe(true);
      expect(await page.locator('.clockbar .phase-name').textContent()).toContain('Understand the problem');
      expect(await inViewport(page, clock.button('Pause'))).toBe(true);
      expect(await noSidewaysScroll(page)).toBe(true);
      // The caret's field is not under the pinned bar: the bar's bottom is above the field's top.
      const bar = await page.locator('.clockbar').boundingBox();
      const field = await notes.field.boundingBox();
      expect((bar?.y ?? 0) + (bar?.height ?? 0)).toBeLessThanOrEqual((field?.y ?? 0) + 1);
    });
  }

  it('opens the section of the current phase, keeps the others one click away, and remembers compact', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const clock = new ClockPage(page);
    const planSummary = page.locator('details.fold > summary', { hasText: 'Plan for the month' });
    await planSummary.waitFor();
    const planDetails = page.locator('details.fold', { has: page.locator(':scope > summary', { hasText: 'Plan for the month' }) });
    expect(await planDetails.getAttribute('open')).toBeNull();
    await clock.button('Start').click();
    await clock.button('Next phase').click();
    await expect.poll(() => planDetails.getAttribute('open')).toBe('');
    await expect.poll(() => page.getByLabel('New step').isVisible()).toBe(true);
    // The full phase list is folded, one click away, with planned vs actual.
    const phases = page.locator('summary', { hasText: 'Phases' });
    await phases.click();
    await page.getByText('planned 25 min', { exact: false }).first().waitFor();

    await page.getByRole('button', { name: 'Compact' }).click();
    await expect.poll(() => planSummary.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.getByLabel('Session notes').waitFor();
    // A fixed wait is the point: after the reload, compact must stay on (no late flip from storage).
    await page.waitForTimeout(500);
    expect(await planSummary.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('after 30 minutes of understanding, Next gives planning about 20 minutes and keeps the 10-minute wrap-up; past the hour, overtime is plain', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    // Tomorrow at 10:00: a start in the page's past but the worker's future, where the auto-end is never due yet.
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setHours(10, 0, 0, 0);
    await page.clock.install({ time: tomorrow });
    await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const clock = new ClockPage(page);
    await clock.button('Start').click();
    await clock.button('Pause').waitFor();
    await page.clock.fastForward('30:00');
    await page.locator('summary', { hasText: 'Phases' }).click();
    await page.getByText('re-planned to 20 min', { exact: false }).waitFor();
    await clock.button('Next phase').click();
    await expect.poll(() => page.locator('.clockbar .phase-name').textContent()).toContain('Plan the attack');
    await page.clock.fastForward(2000);
    const left = await clock.seconds(clock.phaseTimer);
    expect(Math.abs(left - 20 * 60)).toBeLessThanOrEqual(3);
    expect(await page.getByText('The wrap-up no longer fits', { exact: false }).count()).toBe(0);
    const wrapRow = page.getByRole('listitem').filter({ hasText: 'Review and wrap up' });
    expect(await wrapRow.textContent()).toContain('planned 10 min');
    expect(await wrapRow.textContent()).not.toContain('re-planned');
    expect(await page.getByText('ends 11:00', { exact: false }).count()).toBe(1);

    await page.clock.fastForward('31:00');
    await page.getByText('The session’s time is up. Anything more is overtime.').waitFor();
    await page.getByText('Over the session’s time by').waitFor();
    expect(await page.getByText('the hour ended 11:00', { exact: false }).count()).toBe(1);
  });
});
