import type { Page } from 'playwright-core';

/** Everything in the extension's `storage.local`, read from one of its pages. */
export const everything = (page: Page): Promise<Record<string, unknown>> => page.evaluate(() => chrome.storage.local.get(null));

/**
 * All that is stored, as JSON, once the background has finished its own
 * follow-up writes (the session index): the baseline for "nothing changed".
 */
export async function settled(page: Page): Promise<string> {
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
