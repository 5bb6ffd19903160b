/**
 * Opening the extension's own pages in tabs (a platform adapter).
 */
import { browser } from 'wxt/browser';

/** Open one of the extension's own pages (e.g. `/print.html#…`) in a new tab. */
export async function openExtensionPage(path: Parameters<typeof browser.runtime.getURL>[0]): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
