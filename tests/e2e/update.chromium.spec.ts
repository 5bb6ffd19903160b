/**
 * A real update, as a store update does it: each earlier release (tests/e2e/releases.json,
 * built from git history by scripts/build-release.mjs) is loaded unpacked from a folder
 * into a new profile and used through its own UI: a coachee, their topic, a session run
 * with notes holding a word of its own, a plan and the next session's date. The browser
 * is closed, the folder's files are replaced by the current build, and the browser starts
 * again on the same profile. Then every page shows what was there: the options history
 * lists the sessions the old build listed (never "0 of 0"), its search finds the notes'
 * word, the coachee page shows the month, the coach's popup the next session, the panel
 * the topic, notes and plan.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, type ExtensionBrowser, launchExtension } from './chromium';
import { openFold } from './pages';

interface Release {
  version: string;
  commit: string;
  date: string;
}

const { releases } = JSON.parse(await readFile('tests/e2e/releases.json', 'utf8')) as { releases: Release[] };

/** Each release's build folder (.tmp/releases/<commit>/chrome-mv3), filled before the tests. */
const builds = new Map<string, string>();

const DAY = 24 * 60 * 60_000;
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Version strings compared as Chrome does: number by number, missing numbers as 0. */
function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * The version the current build's copy in `dir` carries: an update always brings a higher
 * version than the installed one. Between releases the current build may still say the last
 * release's (0.3.0 over 0.3.0): then its copy gets a fourth number, as the next upload to a
 * store would. (Chromium does not take files of the same version as an update: with a renamed
 * service worker it ran none at all.)
 */
async function newerVersion(dir: string, release: Release): Promise<string> {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { version: string };
  const installed = (JSON.parse(await readFile(join(builds.get(release.version) ?? '', 'manifest.json'), 'utf8')) as { version: string })
    .version;
  if (compareVersions(manifest.version, installed) > 0) return manifest.version;
  const parts = installed.split('.').map(Number).concat(0, 0, 0).slice(0, 4);
  parts[3] = (parts[3] ?? 0) + 1;
  manifest.version = parts.join('.');
  await writeFile(file, JSON.stringify(manifest));
  return manifest.version;
}

/** What a person puts into the old build; each release's notes carry a word no other text has. */
function sessionData(release: Release) {
  const words: Record<string, string> = { '0.1.0': 'lighthouse', '0.2.0': 'marmalade', '0.3.0': 'kingfisher' };
  const word = words[release.version] ?? `release${release.version.replace(/\D/g, '')}`;
  // The next session three weeks ahead, a date without a time: the old builds store it at noon local time.
  const nextDay = iso(new Date(Date.now() + 21 * DAY));
  return {
    coachee: 'Ada',
    topic: 'Speaking up in meetings',
    word,
    notes: `Agreed to try one question per meeting, the ${word} way.`,
    step: 'Speak first in two meetings a week',
    nextDay,
    nextAt: new Date(`${nextDay}T12:00`).getTime(),
    month: new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' }).format(Date.now()),
  };
}
type SessionData = ReturnType<typeof sessionData>;

/** Open a folded section by its title when the release folds it (0.1.0 shows every section open). */
async function openIfFolded(page: Page, title: string): Promise<void> {
  const details = page.locator('details.fold', { has: page.locator(':scope > summary', { hasText: title }) });
  if ((await details.count()) === 0) return;
  if ((await details.getAttribute('open')) === null) await details.locator(':scope > summary').click();
}

/** UPDATE_SHOTS=dir: a picture of every open page at a failure, to see what a person would see. */
async function picturesOfEveryPage(browser: ExtensionBrowser | undefined, name: string): Promise<void> {
  const shots = process.env.UPDATE_SHOTS;
  if (!shots || !browser) return;
  for (const [i, open] of browser.context.pages().entries()) {
    await open.screenshot({ path: join(shots, `${name}-${i}.png`), fullPage: true }).catch(() => undefined);
  }
}

/**
 * The options page, watched from its first script for "0 of 0 sessions": with sessions
 * stored it may say it is preparing the history, never that there is none.
 */
async function watchedOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const seen = window as unknown as { zeroOfZero?: boolean };
    seen.zeroOfZero = false;
    new MutationObserver(() => {
      // Text of neighbouring elements runs together in textContent ("…notes0 of 0 sessionsNo…"): no \b here.
      if (/(^|\D)0 of 0 sessions/.test(document.body?.textContent ?? '')) seen.zeroOfZero = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}

/** Whether the watched options page ever said "0 of 0 sessions". */
const saidNoSessions = (page: Page) => page.evaluate(() => (window as unknown as { zeroOfZero?: boolean }).zeroOfZero === true);

/** The options history's "N of M sessions" line, once it says one. */
async function historyCount(options: Page): Promise<string> {
  const count = options.getByRole('status').getByText(/\d+ of \d+ sessions?$/);
  await count.first().waitFor();
  return (await count.first().textContent()) ?? '';
}

/**
 * The keys each release's install writes last (its background's onInstalled, read from git
 * history): 0.1.0 and 0.2.0 make a first session for "Me" and make it active, 0.2.0 then
 * stores its session index, 0.3.0 stores an empty index and makes no session.
 */
const INSTALL_WRITES: Record<string, string[]> = {
  '0.1.0': ['activeSessionId'],
  '0.2.0': ['activeSessionId', 'sessionIndex'],
};

/**
 * Wait for the old build's install to finish its own writes, as a person is a moment slower
 * than a script: 0.2.0's install made "Me" the active session after a coachee added within its
 * first second had been made active, so the panel opened on the wrong session (seen 3 times in ~15 runs).
 */
async function installDone(browser: ExtensionBrowser, release: Release): Promise<void> {
  const keys = INSTALL_WRITES[release.version] ?? ['sessionIndex'];
  await expect
    .poll(
      () =>
        browser.worker.evaluate(async (keys) => {
          const stored = await chrome.storage.local.get(keys);
          return keys.every((key) => stored[key] !== undefined && stored[key] !== null);
        }, keys),
      { timeout: 15_000 },
    )
    .toBe(true);
}

/**
 * Use an earlier release's UI as its coach would (each release's own e2e tests, read from
 * git history, show its labels). Returns what its options page listed. A release added to
 * releases.json later is used as 0.3.0 is (roles, the coach's popup, the panel's folds);
 * one whose UI differs gets its own branch here.
 */
async function useOldBuild(browser: ExtensionBrowser, release: Release, data: SessionData): Promise<{ listed: string }> {
  await installDone(browser, release);
  if (release.version === '0.1.0' || release.version === '0.2.0') {
    // One popup for everyone: a coach adds the coachee there and types their topic.
    const popup = await browser.openPage('popup.html');
    await popup.getByRole('button', { name: 'Coaching several people?' }).click();
    await popup.getByLabel('New coachee’s name').fill(data.coachee);
    await popup.getByRole('button', { name: 'Add coachee' }).click();
    await expect.poll(() => popup.getByLabel('Coachee').inputValue()).not.toBe('me');
    // 0.2.0's topic form could stay bound to "Me"'s session right after a coachee was added (its
    // store switched under it); a person who opens the popup again writes into Ada's session.
    // First the new coachee's session must be stored as the active one (the add's own writes).
    await expect
      .poll(
        () =>
          browser.worker.evaluate(async () => {
            const { activeSessionId, sessions } = await chrome.storage.local.get(['activeSessionId', 'sessions']);
            const list = (sessions ?? []) as { id: string; coacheeId: string }[];
            return list.some((x) => x.id === activeSessionId && x.coacheeId !== 'me');
          }),
        { timeout: 10_000 },
      )
      .toBe(true);
    await popup.close();
    const again = await browser.openPage('popup.html');
    const picker = again.getByLabel('Coachee');
    await picker.locator('option', { hasText: data.coachee }).waitFor({ state: 'attached' });
    if ((await picker.inputValue()) === 'me') await picker.selectOption({ label: data.coachee });
    await expect.poll(() => picker.inputValue()).not.toBe('me');
    await again.getByLabel('Your topic, in one line').fill(data.topic);
    // "Saved" also stands before anything is typed: wait for the topic in the active session's own keys.
    await expect
      .poll(
        () =>
          browser.worker.evaluate(async (topic) => {
            const all = await chrome.storage.local.get(null);
            const active = String(all.activeSessionId ?? '');
            return Object.entries(all).some(([key, value]) => key.includes(active) && JSON.stringify(value).includes(topic));
          }, data.topic),
        { timeout: 10_000 },
      )
      .toBe(true);
    await again.close();
  } else {
    // The welcome asks the role; the coach's popup adds the coachee; the coach types the topic in the panel.
    const welcome = browser.context.pages().find((p) => p.url().endsWith('/welcome.html')) ?? (await browser.openPage('welcome.html'));
    await welcome.getByRole('button', { name: 'I coach' }).click();
    await welcome.getByRole('status').getByText('Saved.', { exact: false }).waitFor();
    const popup = await browser.openPage('popup.html');
    await popup.getByRole('heading', { name: 'Your next session' }).waitFor();
    await popup.getByRole('button', { name: 'Add coachee' }).click();
    await popup.getByLabel('New coachee’s name').fill(data.coachee);
    await popup.getByRole('button', { name: 'Add coachee' }).click();
    await popup.getByText('No pre-work yet.', { exact: false }).waitFor();
    await popup.close();
  }

  const panel = await browser.openPage('sidepanel.html');
  if (release.version === '0.3.0') {
    const card = panel.getByRole('region', { name: 'Pre-work topic' });
    const toggle = card.locator('button[aria-expanded]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await card.getByRole('button', { name: 'Edit the topic' }).click();
    await card.getByLabel('Your topic, in one line').fill(data.topic);
    await card.getByRole('button', { name: 'Done' }).click();
  }
  await panel
    .getByText(data.topic)
    .first()
    .waitFor()
    .catch(async () => {
      // 0.2.0's panel now and then opened on "Me" although the popup had just made Ada's session
      // the active one (its pages open on the stored active session and check the list behind):
      // a person opens the panel again.
      await panel.reload();
      await panel
        .getByText(data.topic)
        .first()
        .waitFor()
        .catch(async (error: Error) => {
          const stored = await browser.worker.evaluate(() => chrome.storage.local.get(['activeSessionId', 'sessions']));
          throw new Error(`${error.message}\nstored: ${JSON.stringify(stored)}`);
        });
    });
  const notes = panel.getByLabel('Session notes');
  await notes.fill(data.notes);
  await panel.getByRole('region', { name: 'Notes' }).getByRole('status').getByText('Saved').waitFor();
  // The hour: start the clock, plan the month, and in the wrap-up set the next session's date.
  await panel.getByRole('button', { name: 'Start', exact: true }).click();
  await panel.getByRole('button', { name: 'Next phase' }).click();
  await openIfFolded(panel, 'Plan for the month');
  const plan = panel.getByRole('region', { name: 'Plan for the month' });
  await plan.getByLabel('New step').fill(data.step);
  await plan.getByRole('button', { name: 'Add step' }).click();
  await plan.getByText(data.step).first().waitFor();
  await panel.getByRole('button', { name: 'Next phase' }).click();
  const wrapUp = panel.getByRole('region', { name: 'Before you say goodbye' });
  await wrapUp.getByLabel('Next session (optional)').fill(data.nextDay);
  // The date is written after a pause in typing: a person sees it still there after a reload.
  await expect
    .poll(
      async () => {
        await panel.reload();
        return panel.getByRole('region', { name: 'Before you say goodbye' }).getByLabel('Next session (optional)').inputValue();
      },
      { timeout: 10_000 },
    )
    .toBe(data.nextDay);

  // What the old build's own history lists, and that its search finds the word.
  const options = await browser.openPage('options.html');
  const listed = await historyCount(options);
  expect(listed).not.toMatch(/^0 of/);
  await options.getByLabel('Search topics and notes').fill(data.word);
  await options
    .getByRole('button', { name: new RegExp(data.topic) })
    .first()
    .waitFor();
  return { listed };
}

/**
 * After the update: every page shows what the old build had. Each page is checked on its
 * own and every page's failure is reported (one missing record should not hide another).
 */
async function checkEveryPage(browser: ExtensionBrowser, data: SessionData, listed: string): Promise<string[]> {
  const failures: string[] = [];
  const check = async (page: string, steps: () => Promise<void>) => {
    try {
      await steps();
    } catch (error) {
      await picturesOfEveryPage(browser, `${data.word}-${failures.length}`);
      failures.push(`${page}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
    }
  };
  const options = await watchedOptions(browser);
  await options.getByRole('heading', { level: 1 }).waitFor();

  await check(`options history lists "${listed}"`, async () => {
    // A history still being prepared may say so; after 20 s it lists what the old build listed.
    await expect.poll(() => historyCount(options), { timeout: 20_000 }).toBe(listed);
    expect(await saidNoSessions(options), 'it said "0 of 0 sessions" on the way').toBe(false);
  });
  await check(`options search finds "${data.word}" in the notes`, async () => {
    await options.getByLabel('Search topics and notes').fill(data.word);
    const found = options.getByRole('button', { name: new RegExp(data.topic) });
    // The list shown before stays until the search answers, and the words in context follow the rows in a second
    // answer: the row is found once it shows the word marked, not when a row with the topic is there.
    await expect
      .poll(() => found.first().locator('mark').allTextContents(), { timeout: 10_000 })
      .toContain(data.word)
      .catch(async (error: Error) => {
        throw new Error(`${error.message.split('\n')[0]}; the history says "${await historyCount(options).catch(() => 'nothing')}"`);
      });
    await options.getByLabel('Search topics and notes').fill('');
  });
  await check(`coachee page of ${data.coachee} shows ${data.month}`, async () => {
    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Coachees', exact: true }).click();
    await options.getByRole('link', { name: data.coachee, exact: true }).click();
    await options.getByRole('heading', { name: `Progress: ${data.coachee}` }).waitFor();
    // The chart's figures (its table stays there when the chart has nothing to draw: "Nothing to show yet.").
    const months = options.locator('figure', { hasText: 'Sessions per month' });
    await months.getByText('The figures').click();
    expect(await months.getByRole('table').getByRole('rowheader').allTextContents()).toContain(data.month);
  });
  await check("coach's popup shows the coachee, the topic and the next session", async () => {
    // A build with roles asks once which role is yours; the coach answers it as a person would.
    const popup = await browser.openPage('popup.html');
    const question = popup.getByRole('heading', { name: 'How will you use Sidecoach?' });
    const coachHeading = popup.getByRole('heading', { name: 'Your next session' });
    await question.or(coachHeading).first().waitFor();
    if (await question.isVisible()) await popup.getByRole('button', { name: 'I coach' }).click();
    await coachHeading.waitFor();
    await expect.poll(() => popup.getByLabel('Coachee').locator('option:checked').textContent()).toBe(data.coachee);
    await popup.getByTestId('coach-popup-topic').getByText(data.topic).waitFor();
    const nextOn = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short' }).format(data.nextAt);
    await popup.getByTestId('coach-popup-next').getByText(`Next session: ${nextOn}`).waitFor();
  });
  await check('panel shows the topic, the notes, the plan and the running clock', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByTestId('panel-topic').getByText(data.topic).waitFor();
    await expect.poll(() => panel.getByLabel('Session notes').inputValue()).toBe(data.notes);
    await openFold(panel, 'Plan for the month');
    await panel.getByRole('region', { name: 'Plan for the month' }).getByText(data.step).first().waitFor();
    // The clock the old build started still runs (minutes ago: no auto-end is due).
    await panel.getByRole('button', { name: 'Pause' }).first().waitFor();
  });
  return failures;
}

describe('a real update from each earlier release, in Chromium', () => {
  let browser: ExtensionBrowser | undefined;
  let folder: string | undefined;

  beforeAll(async () => {
    // Each release is built once from git history and kept in .tmp/releases (seconds when cached).
    const started = Date.now();
    // Not spawnSync: a first build installs dependencies for minutes, and the test worker stays responsive meanwhile.
    const code = await new Promise<number | null>((done, fail) =>
      spawn('node', ['scripts/build-release.mjs', '--all'], { stdio: ['ignore', 'ignore', 'inherit'] })
        .on('error', fail)
        .on('close', done),
    );
    if (code !== 0) throw new Error(`scripts/build-release.mjs --all failed (exit ${code})`);
    for (const release of releases) {
      const dir = resolve('.tmp', 'releases', release.commit, 'chrome-mv3');
      if (!existsSync(join(dir, 'manifest.json')))
        throw new Error(`scripts/build-release.mjs made no build of ${release.version} in ${dir}`);
      builds.set(release.version, dir);
    }
    console.warn(`update spec: ${releases.length} earlier releases ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 20 * 60_000);

  afterEach(async () => {
    await browser?.close();
    browser = undefined;
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = undefined;
  });

  for (const release of releases) {
    it(`${release.version} (${release.commit.slice(0, 7)}) → the current build: every page shows what was there`, {
      timeout: 240_000,
    }, async () => {
      folder = await mkdtemp(join(tmpdir(), 'sidecoach-update-'));
      const extensionDir = join(folder, 'sidecoach');
      await cp(builds.get(release.version) ?? '', extensionDir, { recursive: true });
      const data = sessionData(release);

      browser = await launchExtension(undefined, { role: null, extensionDir });
      const oldId = browser.extensionId;
      const { listed } = await useOldBuild(browser, release, data).catch(async (error: Error) => {
        await picturesOfEveryPage(browser, `${data.word}-old`);
        throw new Error(`Using ${release.version}'s UI: ${error.message}`);
      });
      const profile = browser.userDataDir;
      await browser.close(true);

      // The update: the folder's files replaced by the current build's, the same profile started again.
      await rm(extensionDir, { recursive: true, force: true });
      await cp(CHROME_BUILD, extensionDir, { recursive: true });
      const version = await newerVersion(extensionDir, release);
      browser = await launchExtension(profile, { extensionDir });
      expect(browser.extensionId).toBe(oldId);
      expect(await browser.worker.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);

      const failures = await checkEveryPage(browser, data, listed);

      // And again after the browser's next start (the derived records are not kept across it).
      await browser.close(true);
      browser = await launchExtension(profile, { extensionDir });
      const options = await watchedOptions(browser);
      await expect
        .poll(() => historyCount(options), { timeout: 20_000 })
        .toBe(listed)
        .then(async () => expect(await saidNoSessions(options), 'it said "0 of 0 sessions" on the way').toBe(false))
        .catch((error: Error) => failures.push(`after a restart, options history lists "${listed}": ${error.message.split('\n')[0]}`));
      expect(failures).toEqual([]);
    });
  }
});
