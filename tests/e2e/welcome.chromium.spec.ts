import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { type ExtensionBrowser, launchExtension } from './chromium';
import { PopupPage } from './pages';

const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');

/** The welcome tab the install opened (it may have opened before the test looked). */
async function welcomeTab(browser: ExtensionBrowser): Promise<Page> {
  const open = browser.context.pages().find(isWelcome);
  const page = open ?? (await browser.context.waitForEvent('page', { predicate: isWelcome }));
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** The words of a message in a language, up to its first placeholder (what a picture shows begins with them). */
function words(lang: 'en' | 'de', key: string): string {
  const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  const text = messages[key]?.message;
  if (text === undefined) throw new Error(`No message ${key}`);
  return (text.split(/\$[A-Z_]+\$/)[0] ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * What each picture's alt text claims, as the page and role it must be made from and the words a person must
 * see in it (message keys); `hides` are words that must not be in it (the switch between the two popups, which
 * a coachee does not have; the month's plan, which is not the pre-work form).
 */
const CLAIMS: Record<string, { image: string; page: string; role: 'coach' | 'coachee'; shows: string[]; hides?: string[] }> = {
  welcomeCoach1Alt: { image: 'coach-1', page: 'sidepanel.html', role: 'coach', shows: ['clockPhaseLabel', 'phasePlanTitle', 'notesLabel'] },
  welcomeCoach2Alt: {
    image: 'coach-2',
    page: 'popup-coach.html',
    role: 'coach',
    shows: ['coachPopupTopicHeading', 'cardInboxHeading'],
    hides: ['popupViewCoachee'],
  },
  welcomeCoach3Alt: { image: 'coach-3', page: 'sidepanel.html', role: 'coach', shows: ['planHeading', 'cardSendPlan', 'cardCopy'] },
  welcomeCoachee1Alt: {
    image: 'coachee-1',
    page: 'popup-coachee.html',
    role: 'coachee',
    shows: ['popupTitle', 'topicTitleLabel', 'topicDifficultyLabel'],
    hides: ['popupViewCoach', 'popupViewCoachee', 'popupPlanHeading'],
  },
  welcomeCoachee2Alt: { image: 'coachee-2', page: 'popup-coachee.html', role: 'coachee', shows: ['cardSendHeading', 'cardCopy'] },
  welcomeCoachee3Alt: {
    image: 'coachee-3',
    page: 'popup-coachee.html',
    role: 'coachee',
    shows: ['popupPlanHeading', 'popupLogAdd', 'budgetLabel'],
    hides: ['popupViewCoach'],
  },
};

describe('the welcome’s pictures', () => {
  let browser: ExtensionBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  for (const lang of ['en', 'de'] as const)
    it(`in ${lang}, each alt text names what its picture shows, as recorded when it was made from the real page`, async () => {
      // What `npm run screenshots` (scripts/store-shots.mjs) recorded for each picture: its page, role and visible words.
      const shots = JSON.parse(readFileSync('docs/welcome-shots.json', 'utf8'))[lang] as Record<
        string,
        { page: string; role: string; visible: string[] }
      >;
      browser = await launchExtension(undefined, { role: 'both', lang: lang === 'de' ? 'de' : 'en-US' });
      const page = await browser.openPage('welcome.html');
      await page.getByRole('heading', { level: 3 }).nth(5).waitFor();
      const pictures = await page.locator('.welcome-steps picture').evaluateAll((all) =>
        all.map((p) => ({
          alt: p.querySelector('img')?.getAttribute('alt') ?? '',
          src: p.querySelector('img')?.getAttribute('src') ?? '',
          dark: p.querySelector('source')?.getAttribute('srcset') ?? '',
          media: p.querySelector('source')?.getAttribute('media') ?? '',
        })),
      );
      expect(pictures).toHaveLength(6);
      const claimed = new Set<string>();
      for (const picture of pictures) {
        const [key, claim] = Object.entries(CLAIMS).find(([k]) => words(lang, k) === picture.alt) ?? [];
        expect(claim, `a claim for the alt text "${picture.alt}"`).toBeDefined();
        if (!key || !claim) continue;
        claimed.add(key);
        expect(picture.src).toBe(`welcome/${lang}/${claim.image}.png`);
        expect(picture).toMatchObject({ dark: `welcome/${lang}/${claim.image}-dark.png`, media: '(prefers-color-scheme: dark)' });
        for (const file of [picture.src, picture.dark]) expect(existsSync(`public/${file}`), file).toBe(true);
        const shot = shots[claim.image];
        expect({ image: claim.image, page: shot?.page, role: shot?.role }).toEqual({
          image: claim.image,
          page: claim.page,
          role: claim.role,
        });
        const seen = (text: string) => shot?.visible.some((v) => v.startsWith(text)) ?? false;
        expect({ image: claim.image, missing: claim.shows.map((k) => words(lang, k)).filter((w) => !seen(w)) }).toEqual({
          image: claim.image,
          missing: [],
        });
        expect({ image: claim.image, shown: (claim.hides ?? []).map((k) => words(lang, k)).filter(seen) }).toEqual({
          image: claim.image,
          shown: [],
        });
      }
      expect([...claimed].sort()).toEqual(Object.keys(CLAIMS).sort());
    });
});

describe('the welcome, in Chromium with a fresh profile', () => {
  let browser: ExtensionBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('opens once on install; "I coach" gives the coach’s popup, and the choice survives a restart without a second welcome', async () => {
    browser = await launchExtension(undefined, { role: null });
    const welcome = await welcomeTab(browser);
    expect(await welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Sidecoach');
    await welcome.getByRole('heading', { name: 'Your data' }).waitFor();
    // The steps follow the answer, with pictures of the real UI.
    expect(await welcome.getByRole('heading', { name: 'When you coach' }).count()).toBe(0);
    await welcome.getByRole('button', { name: 'I coach' }).click();
    await welcome.getByRole('status').getByText('Saved.', { exact: false }).waitFor();
    await welcome.getByRole('heading', { name: 'When you coach' }).waitFor();
    const pictures = welcome.getByRole('region', { name: 'When you coach' }).getByRole('img');
    expect(await pictures.count()).toBe(3);
    for (const img of await pictures.all())
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await welcome.getByRole('button', { name: 'I coach' }).getAttribute('aria-pressed')).toBe('true');

    const popup = await browser.openPage('popup.html');
    await popup.getByRole('heading', { name: 'Your next session' }).waitFor();

    // Closed by the person, so a welcome after the restart could only be a new one.
    await welcome.close();
    const profile = browser.userDataDir;
    await browser.close(true);
    browser = await launchExtension(profile);
    const again = await browser.openPage('popup.html');
    await again.getByRole('heading', { name: 'Your next session' }).waitFor();
    // A restart is not an install: no welcome opens (the install's tab opened within a second).
    const late = await browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 2500 }).catch(() => null);
    expect(late).toBeNull();
    expect(browser.context.pages().filter(isWelcome)).toHaveLength(0);
  });

  it('in German: the welcome and "Ich werde gecoacht" give the coachee’s popup in German', async () => {
    browser = await launchExtension(undefined, { role: null, lang: 'de' });
    const welcome = await welcomeTab(browser);
    expect(await welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Willkommen bei Sidecoach');
    await welcome.getByRole('button', { name: 'Ich werde gecoacht' }).click();
    await welcome.getByRole('heading', { name: 'Wenn du gecoacht wirst' }).waitFor();
    const popup = await browser.openPage('popup.html');
    await popup.getByRole('heading', { name: 'Bereite deine Sitzung vor' }).waitFor();
    await popup.getByText('An meinen Coach senden').waitFor();
  });

  it('in English, "I am being coached" gives the coachee’s popup; the settings change it back to coach', async () => {
    browser = await launchExtension(undefined, { role: null });
    const welcome = await welcomeTab(browser);
    await welcome.getByRole('button', { name: 'I am being coached' }).click();
    await welcome.getByRole('heading', { name: 'When you are coached' }).waitFor();
    const popup = new PopupPage(await browser.openPage('popup.html'));
    await popup.topic.waitFor();
    const options = await browser.openPage('options.html#settings');
    await options.getByRole('radio', { name: 'I coach' }).check();
    const worker = browser.worker;
    await expect
      .poll(() =>
        worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { role?: string } | undefined)?.role),
      )
      .toBe('coach');
    const again = await browser.openPage('popup.html');
    await again.getByRole('heading', { name: 'Your next session' }).waitFor();
    // The welcome can be opened again from the settings.
    const [reopened] = await Promise.all([
      browser.context.waitForEvent('page', { predicate: isWelcome }),
      options.getByRole('link', { name: 'Show the welcome page again' }).click(),
    ]);
    await reopened.getByRole('button', { name: 'I coach', pressed: true }).waitFor();
  });

  it('after an update, the options page shows a quiet, dismissable "What’s new" line from the changelog', async () => {
    browser = await launchExtension();
    const { version } = await browser.worker.evaluate(() => chrome.runtime.getManifest());
    const options = await browser.openPage('options.html');
    await options.getByRole('heading', { level: 1 }).waitFor();
    expect(await options.getByText('What’s new in', { exact: false }).count()).toBe(0);
    // What the background records on an update to a new version (tested in tests/unit/utils/platform/release.test.ts).
    await browser.worker.evaluate((v) => chrome.storage.local.set({ whatsNew: v }), version);
    const line = options.getByText(`What’s new in ${version}`);
    await line.click();
    // The first point of this version's entry in CHANGELOG.md, as the page shows it (its first words).
    const entry =
      readFileSync('CHANGELOG.md', 'utf8')
        .split(/\n(?=## )/)
        .find((e) => e.startsWith(`## ${version} `)) ?? '';
    const firstPoint = /^- (.+)$/m.exec(entry)?.[1] ?? '';
    expect(firstPoint).not.toBe('');
    await options.getByText(firstPoint.split(/[:(]/)[0]?.trim() ?? firstPoint, { exact: false }).waitFor();
    await options.getByRole('button', { name: 'Dismiss' }).click();
    await line.waitFor({ state: 'detached' });
    await options.reload();
    await options.getByRole('heading', { level: 1 }).waitFor();
    expect(await options.getByText('What’s new in', { exact: false }).count()).toBe(0);
  });

  it('has no WCAG A/AA violations on the welcome page, light and dark', async () => {
    browser = await launchExtension(undefined, { role: 'both' });
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
      await page.getByRole('heading', { name: 'When you are coached' }).waitFor();
      expect({ colorScheme, violations: await axeViolations(page) }).toEqual({ colorScheme, violations: [] });
      // The privacy policy, one click away, is a page of its own (the same text as PRIVACY.md).
      await page.getByRole('link', { name: 'Read the full privacy policy' }).click();
      await page.getByRole('heading', { name: 'Sidecoach privacy policy' }).waitFor();
      expect({ colorScheme, privacy: await axeViolations(page) }).toEqual({ colorScheme, privacy: [] });
      await page.close();
    }
  });
});
