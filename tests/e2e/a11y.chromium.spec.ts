import { describe, expect, it } from 'vitest';
import { extensionPerTest } from './chromium';
import { ClockPage } from './pages';

describe('accessibility of the panel in Chromium', () => {
  const browser = extensionPerTest();

  it('reflows without sideways scrolling in a 320-px panel at 200% zoom', async () => {
    for (const path of ['sidepanel.html', 'popup.html', 'options.html']) {
      const page = await browser.context.newPage();
      // 320 device pixels at 200% zoom leave 160 CSS pixels.
      await page.setViewportSize({ width: 160, height: 800 });
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect({ path, ...widths }).toEqual({ path, scroll: widths.client, client: widths.client });
      await page.close();
    }
  });

  it('runs the clock by keyboard alone, with a visible focus, announcing the phase change but not the seconds', async () => {
    const clock = new ClockPage(await browser.openPage('sidepanel.html'));
    const start = clock.button('Start');
    await start.waitFor();
    for (let i = 0; i < 40 && !(await start.evaluate((el) => el === document.activeElement)); i++) await clock.page.keyboard.press('Tab');
    expect(await start.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await start.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await clock.page.keyboard.press('Enter');
    await clock.button('Pause').waitFor();

    const live = clock.page.locator('[aria-live="polite"][aria-atomic="true"]');
    expect(await clock.phaseTimer.getAttribute('aria-live')).toBeNull();
    const before = await live.textContent();
    // A fixed wait is the point: a second of ticking must not change the live region.
    await clock.page.waitForTimeout(1200);
    expect(await live.textContent()).toBe(before);
    await clock.page.keyboard.press('Alt+N');
    // The phase and its prompt from the template.
    await expect.poll(() => live.textContent()).toMatch(/^Now: Plan the attack\. Turn what you learned/);
  });
});
