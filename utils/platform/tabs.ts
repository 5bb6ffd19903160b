/**
 * Opening the extension's own pages in tabs (a platform adapter).
 */
import { browser } from 'wxt/browser';
import { pickCallTab } from '../domain/call-urls';

/**
 * The call tab of the current window, if there is one. Without the `tabs`
 * permission only Meet and Zoom tabs show their URL: enough to find the call.
 */
export async function currentWindowCallTab(): Promise<{ id?: number; active?: boolean } | undefined> {
  const tab = pickCallTab(await browser.tabs.query({ currentWindow: true }));
  return tab ? { id: tab.id, active: tab.active } : undefined;
}

/** Open one of the extension's own pages (e.g. `/print.html#…`) in a new tab. */
export async function openExtensionPage(path: Parameters<typeof browser.runtime.getURL>[0]): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
