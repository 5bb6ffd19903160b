import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionPerTest } from './chromium';
import { openFold, optionsSection } from './pages';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  'javascript:window.__xss=4',
  '<a href="javascript:window.__xss=5">x</a>',
  '{{constructor.constructor("window.__xss=6")()}}',
];
const ALL = PAYLOADS.join(' ');

/** Nothing ran, no element was injected, no dialog opened. */
async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('main img, main svg[onload], main script, main a[href^="javascript"]').count()).toBe(0);
}

describe('hostile text in every field, in Chromium', () => {
  const dialogs: string[] = [];
  const browser = extensionPerTest({
    setUp: (b) => void b.context.on('page', (p) => p.on('dialog', (d) => void dialogs.push(d.message()))),
  });
  // No page may have opened a dialog (an alert() would mean a payload ran).
  afterEach(() => expect(dialogs).toEqual([]));

  it('shows payloads typed into the topic, notes, plan, homework and review as text', async () => {
    const popup = await browser.openPage('popup.html');
    await popup.getByLabel('Your topic, in one line').fill(PAYLOADS.slice(0, 3).join(' '));
    await popup.getByLabel('What has been hardest in the past 2–4 weeks?').fill(ALL);
    const panel = await browser.openPage('sidepanel.html');
    await panel
      .getByText(PAYLOADS[0] ?? '', { exact: false })
      .first()
      .waitFor();
    await panel.getByLabel('Session notes').fill(ALL);
    await openFold(panel, 'Plan for the month');
    await panel.getByLabel('New step').fill(PAYLOADS[1] ?? '');
    await panel.getByRole('button', { name: 'Add step' }).click();
    await panel.getByLabel('Exercise or reading').fill(PAYLOADS[2] ?? '');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel
      .getByRole('region', { name: 'Plan for the month' })
      .getByText(PAYLOADS[1] ?? '')
      .waitFor();
    await expectInert(panel);
    await expectInert(popup);

    // Review: the next session shows the plan step (a payload) and takes payload answers.
    await openFold(panel, 'This session');
    await panel.getByRole('button', { name: 'Start a new session' }).click();
    await panel.getByRole('button', { name: 'Start it' }).click();
    const review = panel.getByRole('region', { name: 'How did the last plan go?' });
    await review.getByText(PAYLOADS[1] ?? '').waitFor();
    await review.getByLabel('What held you back?').fill(ALL);
    await review.getByRole('status').getByText('Saved').waitFor();
    await expectInert(panel);

    // History, export and print show the same text inert.
    const options = await browser.openPage('options.html');
    await options.getByRole('button', { name: PAYLOADS[0] }).waitFor();
    await expectInert(options);
    await optionsSection(options, 'Export & backup');
    const [print] = await Promise.all([
      browser.context.waitForEvent('page'),
      options.getByRole('button', { name: 'Open the print view' }).click(),
    ]);
    await print
      .getByText(PAYLOADS[5] ?? '', { exact: false })
      .first()
      .waitFor();
    await expectInert(print);
  });
});
