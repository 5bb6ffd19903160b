#!/usr/bin/env node
/**
 * Pictures made from the real production build (`npm run build` first), in
 * English and German: the welcome page's step pictures (public/welcome/<lang>/,
 * 360×450, shipped in the extension), the store screenshots
 * (store/screenshots/<lang>/, 1280×800, light and dark) and the store tile
 * (store/tile-440x280.png). Part of `npm run screenshots`; the store check
 * (tests/unit/store.test.ts) holds their sizes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionId, launchChromium } from './chromium.mjs';

const ext = resolve('.output/chrome-mv3');
const MIN = 60_000;
const WELCOME = { width: 360, height: 450 };
const STORE = { width: 1280, height: 800 };

/** Dana's next session (the coach's side) and the coachee's own (self) session, seeded as a person would have left them. */
async function seed(worker, lang) {
  await worker.evaluate(
    async ({ min, de }) => {
      const now = Date.now();
      const { settings } = await chrome.storage.local.get('settings');
      const { coachees = [], sessions = [] } = await chrome.storage.local.get(['coachees', 'sessions']);
      await chrome.storage.local.set({
        coachees: [...coachees.filter((c) => c.id !== 'dana'), { id: 'dana', name: 'Dana Weber', createdAt: now - 40 * 86_400_000 }],
        sessions: [
          ...sessions.filter((s) => s.id !== 'dana1' && s.id !== 'me-shots'),
          { id: 'dana1', coacheeId: 'dana', createdAt: now - 3 * 86_400_000 },
          { id: 'me-shots', coacheeId: 'me', createdAt: now - 86_400_000 },
        ],
        'topic.dana1': {
          title: de ? 'Ich traue mich nicht, in Meetings etwas zu sagen' : 'I find it hard to speak up in meetings',
          difficulty: de
            ? 'Im Planungsmeeting hatte ich zweimal eine Idee und habe nichts gesagt.'
            : 'In the weekly planning meeting I had an idea twice and said nothing.',
          outcome: de ? 'Eine Sache, die ich nächste Woche ausprobieren kann.' : 'One thing I can try next week.',
          updatedAt: now,
        },
        'timer.dana1': [
          { type: 'start', at: now - 31 * min },
          { type: 'next', at: now - 1 * min },
        ],
        'notes.dana1': de
          ? 'Ideen kommen spät: wartet, bis sie sicher ist.\nDer Manager redet schnell, das Meeting ist voll.\n\nMuster: auch im 1:1? Nein, nur in Gruppen.\n\nVersuch: vor dem Meeting einen Punkt aufschreiben und in den ersten zehn Minuten sagen.'
          : 'Ideas come late: waits until sure.\nManager talks fast, meeting is packed.\n\nPattern: the same in 1:1s? No: only in groups.\n\nTry: write one point before the meeting, say it in the first ten minutes.',
        'plan.dana1': [
          {
            id: 'p1',
            text: de
              ? 'Zweimal pro Woche meinen vorbereiteten Punkt in den ersten zehn Minuten sagen'
              : 'Say my prepared point in the first ten minutes, twice a week',
            done: false,
          },
          { id: 'p2', text: de ? 'Nach dem Meeting notieren, was passiert ist' : 'Note after the meeting what happened', done: false },
        ],
        'topic.me-shots': {
          title: de ? 'Ich sage zu oft Ja zu Extra-Projekten' : 'I say yes to too many extra projects',
          difficulty: de
            ? 'Drei neue Aufgaben in zwei Wochen; meine eigene Arbeit bleibt liegen.'
            : 'Three new tasks in two weeks; my own work waits.',
          outcome: '',
          updatedAt: now,
        },
        'plan.me-shots': [
          { id: 'q1', text: de ? 'Einmal freundlich Nein sagen' : 'Say no once, kindly', done: true },
          { id: 'q2', text: de ? 'Meine Woche am Montag planen' : 'Plan my week on Monday', done: false },
        ],
        'homework.me-shots': [
          {
            id: 'h1',
            kind: 'reading',
            title: de ? 'Essentialismus, Kapitel 3' : 'Essentialism, chapter 3',
            minutesPerWeek: 30,
            logged: {},
          },
        ],
        settings: { ...(settings ?? { alerts: { sound: true, notification: true, badge: true }, theme: 'system' }), role: 'both' },
      });
    },
    { min: MIN, de: lang === 'de' },
  );
}
const activate = (worker, id) => worker.evaluate((id) => chrome.storage.local.set({ activeSessionId: id }), id);

async function open(context, id, path, { scheme = 'light', size = WELCOME } = {}) {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${id}/${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}
/** Scroll so that `locator` sits near the top, then let the page settle. */
async function scrollTo(page, locator) {
  await locator.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
  await page.waitForTimeout(300);
}

/** A composed 1280×800 store picture: real screenshots (PNG buffers) placed on a plain page. */
async function compose(context, html, path) {
  const page = await context.newPage();
  await page.setViewportSize(STORE);
  await page.setContent(html);
  await page.waitForLoadState('load');
  await page.screenshot({ path });
  await page.close();
}
const src = (png) => `data:image/png;base64,${png.toString('base64')}`;

/** A video call's stand-in: two tiles, as a call looks beside the panel (the call page is Meet's or Zoom's, not ours). */
function callBeside(panelPng, scheme) {
  const bg = scheme === 'dark' ? '#202124' : '#3c4043';
  return `<body style="margin:0;display:flex;height:800px;background:${bg};font-family:sans-serif">
    <div style="flex:1;display:grid;grid-template-columns:1fr 1fr;gap:12px;padding:24px;align-content:center">
      <div style="aspect-ratio:4/3;border-radius:12px;background:#5f6368;display:grid;place-items:center;color:#fff;font-size:48px">D</div>
      <div style="aspect-ratio:4/3;border-radius:12px;background:#5f6368;display:grid;place-items:center;color:#fff;font-size:48px">C</div>
    </div>
    <img src="${src(panelPng)}" width="400" height="800" style="display:block"></body>`;
}

for (const lang of ['en', 'de']) {
  const profile = mkdtempSync(join(tmpdir(), 'sc-store-'));
  const context = await launchChromium(profile, { extension: ext, lang: lang === 'de' ? 'de' : 'en-US' });
  const { worker, id } = await extensionId(context);
  const welcomeDir = `public/welcome/${lang}`;
  const storeDir = `store/screenshots/${lang}`;
  mkdirSync(welcomeDir, { recursive: true });
  mkdirSync(storeDir, { recursive: true });
  await seed(worker, lang);

  // The coach: the panel during the hour, the popup with the coachee's pre-work, the plan sent as a card.
  await activate(worker, 'dana1');
  let page = await open(context, id, 'sidepanel.html');
  await page
    .getByText(lang === 'de' ? 'endet' : 'ends', { exact: false })
    .first()
    .waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${welcomeDir}/coach-1.png` });
  await scrollTo(page, page.locator('#plan-heading'));
  await page.screenshot({ path: `${welcomeDir}/coach-3.png` });
  await page.close();
  page = await open(context, id, 'popup-coach.html');
  await page.locator('summary').last().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${welcomeDir}/coach-2.png` });
  await page.close();

  // The coachee: the pre-work, sending it, the month's plan.
  await activate(worker, 'me-shots');
  page = await open(context, id, 'popup-coachee.html');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${welcomeDir}/coachee-1.png` });
  const send = page.locator('summary').first();
  await send.click();
  await page.locator('#card-name').fill('Ada');
  await scrollTo(page, send);
  await page.screenshot({ path: `${welcomeDir}/coachee-2.png` });
  await send.click();
  await scrollTo(page, page.locator('#popup-plan-heading'));
  await page.screenshot({ path: `${welcomeDir}/coachee-3.png` });
  await page.close();

  // The store: the welcome, the panel beside a call (light and dark), both popups (dark).
  page = await open(context, id, 'welcome.html', { size: STORE });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${storeDir}/1-welcome-light.png` });
  await page.close();
  await activate(worker, 'dana1');
  for (const [n, scheme] of [
    [2, 'light'],
    [3, 'dark'],
  ]) {
    page = await open(context, id, 'sidepanel.html', { scheme, size: { width: 400, height: 800 } });
    await page
      .getByText(lang === 'de' ? 'endet' : 'ends', { exact: false })
      .first()
      .waitFor({ timeout: 8000 })
      .catch(async (e) => {
        await page.screenshot({ path: '/tmp/store-fail.png' });
        throw e;
      });
    await page.waitForTimeout(500);
    const panel = await page.screenshot();
    await page.close();
    await compose(context, callBeside(panel, scheme), `${storeDir}/${n}-panel-${scheme}.png`);
  }
  page = await open(context, id, 'popup-coach.html', { scheme: 'dark', size: { width: 380, height: 640 } });
  await page.waitForTimeout(300);
  const coachPopup = await page.screenshot();
  await page.close();
  await activate(worker, 'me-shots');
  page = await open(context, id, 'popup-coachee.html', { scheme: 'dark', size: { width: 380, height: 640 } });
  await page.waitForTimeout(300);
  const coacheePopup = await page.screenshot();
  await page.close();
  await compose(
    context,
    `<body style="margin:0;height:800px;display:flex;gap:64px;justify-content:center;align-items:center;background:#1b1c1f">
      <img src="${src(coachPopup)}" width="380" height="640" style="border-radius:10px;box-shadow:0 4px 24px #000">
      <img src="${src(coacheePopup)}" width="380" height="640" style="border-radius:10px;box-shadow:0 4px 24px #000"></body>`,
    `${storeDir}/4-popups-dark.png`,
  );
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

// The tile: the icon, the name, the promise (English; the stores show it beside the listing).
const tileContext = await launchChromium(mkdtempSync(join(tmpdir(), 'sc-tile-')));
const tile = await tileContext.newPage();
await tile.setViewportSize({ width: 440, height: 280 });
const listing = JSON.parse(readFileSync('store/listing.en.json', 'utf8'));
const icon = readFileSync('public/icon/128.png');
await tile.setContent(`<body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:20px;padding:0 28px;box-sizing:border-box;background:#0b57d0;color:#fff;font-family:sans-serif">
  <img src="${src(icon)}" width="96" height="96">
  <div><div style="font-size:34px;font-weight:700">${listing.name}</div><div style="font-size:16px;margin-top:8px;line-height:1.35">${listing.tileLine}</div></div></body>`);
await tile.screenshot({ path: 'store/tile-440x280.png' });
await tileContext.close();
console.log('welcome pictures in public/welcome/, store screenshots in store/screenshots/, tile in store/tile-440x280.png');
