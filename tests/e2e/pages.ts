import type { Locator, Page } from 'playwright-core';

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
}
