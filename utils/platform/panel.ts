/**
 * Opening and enabling the in-call panel: Chrome's side panel, Firefox's
 * sidebar (a platform adapter).
 */
import { browser } from 'wxt/browser';

/** The panel page, relative to the extension root. */
const PANEL_PATH = 'sidepanel.html';

interface SidebarAction {
  open(): Promise<void>;
}

function firefoxSidebar(): SidebarAction | undefined {
  // sidebarAction exists only in Firefox, and Chrome's typings do not know it.
  return (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
}

/**
 * Open the panel beside `tabId`. Must be called synchronously inside a user
 * gesture (a click or a command): an `await` before it loses the gesture.
 */
export function openPanel(tabId: number): Promise<void> {
  const sidebar = firefoxSidebar();
  if (sidebar) return sidebar.open();
  // Enable for this tab and open in the same turn: both calls are sent before the gesture ends.
  void browser.sidePanel.setOptions({ tabId, path: PANEL_PATH, enabled: true });
  return browser.sidePanel.open({ tabId });
}

/** Enable the panel for a call tab, disable it for any other (Chrome only). */
export async function setPanelForTab(tabId: number, isCall: boolean): Promise<void> {
  if (firefoxSidebar() || !browser.sidePanel) return;
  await browser.sidePanel.setOptions(isCall ? { tabId, path: PANEL_PATH, enabled: true } : { tabId, enabled: false });
}

/** Turn the panel off globally, so it appears only where a call tab enables it (Chrome only). */
export async function disablePanelGlobally(): Promise<void> {
  if (firefoxSidebar() || !browser.sidePanel) return;
  await browser.sidePanel.setOptions({ enabled: false });
}

/** Bring the call tab to the front of its window (the panel sits beside it). */
export async function activateTab(tabId: number): Promise<void> {
  await browser.tabs.update(tabId, { active: true });
}
