import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The popup, as a person sees it. */
export class PopupPage {
  constructor(readonly page: Page) {}
  get topic(): Locator {
    return this.page.getByLabel('Your topic, in one line');
  }
  get difficulty(): Locator {
    return this.page.getByLabel('What has been hardest in the past 2–4 weeks?');
  }
  get status(): Locator {
    return this.page.getByRole('status');
  }
  get alert(): Locator {
    return this.page.getByRole('alert');
  }
}

/** The side panel, as a person sees it. */
export class PanelPage {
  constructor(readonly page: Page) {}
  get topicCard(): Locator {
    return this.page.getByRole('region', { name: 'Pre-work topic' });
  }
  /** Open the one-line topic to the whole pre-work (its edit and copy buttons). */
  async openTopic(): Promise<void> {
    const toggle = this.topicCard.locator('button[aria-expanded]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
}

/** Open one of the panel's folded sections by its title, if it is closed. */
export async function openFold(page: Page, title: string): Promise<void> {
  const details = page.locator('details.fold', { has: page.locator(':scope > summary', { hasText: title }) });
  await details.waitFor();
  if ((await details.getAttribute('open')) === null) await details.locator(':scope > summary').click();
}

/** The session clock inside the side panel. */
export class ClockPage {
  constructor(readonly page: Page) {}
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
  get phaseTimer(): Locator {
    return this.page.getByRole('timer', { name: /this phase/i });
  }
  get sessionTimer(): Locator {
    return this.page.getByRole('timer', { name: /session/i });
  }
  /** Seconds shown on a m:ss clock. */
  async seconds(timer: Locator): Promise<number> {
    const text = (await timer.textContent())?.replace(/[^\d:]/g, '') ?? '';
    const parts = text.split(':').map(Number);
    return parts.reduce((acc, n) => acc * 60 + n, 0);
  }
}

/** The notes area inside the side panel. */
export class NotesPage {
  constructor(readonly page: Page) {}
  get field(): Locator {
    return this.page.getByLabel('Session notes');
  }
  get saveStatus(): Locator {
    return this.page.getByRole('region', { name: 'Notes' }).getByRole('status');
  }
}

/** Go to a section of the options page by its navigation link, as a person would. */
export async function optionsSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();
}

/** In the coach's popup: add a coachee by name, and wait until the popup has chosen them. */
export async function addCoachee(popup: Page, name: string): Promise<void> {
  await popup.getByRole('heading', { name: 'Your next session' }).waitFor();
  await popup.getByRole('button', { name: 'Add coachee' }).click();
  await popup.getByLabel('New coachee’s name').fill(name);
  await popup.getByRole('button', { name: 'Add coachee' }).click();
  await expect.poll(() => popup.getByLabel('Coachee', { exact: true }).inputValue(), { timeout: 5000 }).toMatch(/^c-/);
}
