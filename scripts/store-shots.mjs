#!/usr/bin/env node
/**
 * Pictures made from the real production build (`npm run build` first), in
 * English and German: the welcome page's step pictures (public/welcome/<lang>/,
 * 360×450, light and `-dark`, shipped in the extension), each made in its
 * role's own state (a coach's pages as a coach, a coachee's as a coachee), with
 * a record of what each was made from and shows (docs/welcome-shots.json, which
 * tests/e2e/welcome.chromium.spec.ts holds the alt texts to); the store
 * screenshots (store/screenshots/<lang>/, 1280×800, light and dark) and the
 * store tile (store/tile-440x280.png). Part of `npm run screenshots`; the store
 * check (tests/unit/store.test.ts) holds their sizes. `--welcome` makes only the
 * welcome pictures.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
          ...sessions.filter((s) => !['dana1', 'me-shots', 'me-next'].includes(s.id)),
          { id: 'dana1', coacheeId: 'dana', createdAt: now - 3 * 86_400_000 },
          { id: 'me-shots', coacheeId: 'me', createdAt: now - 86_400_000 },
          // The coachee's next session: the pre-work being written (the month's plan is the one before's).
          { id: 'me-next', coacheeId: 'me', createdAt: now - 3_600_000 },
        ],
        'topic.me-next': {
          title: de ? 'Ich will in der Teamrunde meine Idee vorstellen' : 'I want to pitch my idea at the team meeting',
          difficulty: de
            ? 'Letzte Woche habe ich es wieder verschoben, weil ich dachte, sie sei noch nicht fertig.'
            : 'Last week I put it off again because I thought it was not ready yet.',
          outcome: '',
          updatedAt: now,
        },
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
/** Play one role only (no switch between the popups): each role's pictures are made in its own state. */
const playRole = (worker, role) =>
  worker.evaluate(async (role) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, role } });
  }, role);

/**
 * What a picture shows, as a person reads it: the visible headings, labels,
 * buttons, fold titles and list items inside `rects` (viewport coordinates).
 */
function visibleTexts(page, rects) {
  return page.evaluate((rects) => {
    // In the document's coordinates (a crop of a full-page picture, or the scrolled view).
    const inside = (b) => {
      const r = { top: b.top + window.scrollY, bottom: b.bottom + window.scrollY };
      return b.width > 0 && b.height > 0 && rects.some((c) => r.bottom > c.y + 2 && r.top < c.y + c.height - 2);
    };
    const texts = new Set();
    const shown = 'h1, h2, h3, h4, summary, label, button, legend, li, [role="timer"], .topic-title, .phase-name, .clock-label';
    for (const el of document.querySelectorAll(shown)) {
      // Not what is hidden (a closed fold's content, a screen reader's text), nor what lies outside the picture.
      if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.sr-only') || !inside(el.getBoundingClientRect())) continue;
      const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim();
      if (text) texts.add(text.slice(0, 160));
    }
    return [...texts];
  }, rects);
}
const viewport = (page) => page.evaluate(() => [{ x: 0, y: window.scrollY, width: window.innerWidth, height: window.innerHeight }]);

/** Two crops of one page stacked into one 360×450 picture (the plan's steps, and the control that sends it). */
async function stacked(context, page, [first, second], path, scheme) {
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const crops = [await page.screenshot({ clip: first, fullPage: true }), await page.screenshot({ clip: second, fullPage: true })];
  const gap = 14;
  const scale = Math.min(1, (WELCOME.height - gap) / (first.height + second.height));
  const img = (png, r) => `<img src="${src(png)}" width="${Math.round(r.width * scale)}" height="${Math.round(r.height * scale)}">`;
  const shot = await context.newPage();
  await shot.setViewportSize(WELCOME);
  await shot.emulateMedia({ colorScheme: scheme });
  await shot.setContent(`<body style="margin:0;height:${WELCOME.height}px;background:${bg};display:flex;flex-direction:column;align-items:center;gap:${gap}px;overflow:hidden">
    ${img(crops[0], first)}${img(crops[1], second)}</body>`);
  await shot.waitForLoadState('load');
  await shot.screenshot({ path });
  await shot.close();
}

/**
 * The welcome's six step pictures in one language and one scheme, each from its
 * role's own page and state; returns what each was made from and shows.
 */
async function welcomePictures(context, worker, id, lang, scheme) {
  const dir = `public/welcome/${lang}`;
  const file = (name) => `${dir}/${name}${scheme === 'dark' ? '-dark' : ''}.png`;
  const made = {};
  const record = (name, page, role, visible) => {
    made[name] = { page: new URL(page.url()).pathname.slice(1), role, visible };
  };

  // The coach: the panel during the hour, the popup with the coachee's pre-work, the plan and its copy control.
  await playRole(worker, 'coach');
  await activate(worker, 'dana1');
  let page = await open(context, id, 'sidepanel.html', { scheme });
  await page
    .getByText(lang === 'de' ? 'endet' : 'ends', { exact: false })
    .first()
    .waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: file('coach-1') });
  record('coach-1', page, 'coach', await visibleTexts(page, await viewport(page)));
  // The plan's steps (in the plan section) and "Send the plan to …" with its copy button (in the wrap-up).
  await page.setViewportSize({ width: WELCOME.width, height: 1400 });
  await page.locator('#wrap-fold > summary').click();
  await page.locator('[id$="-coach-name"]').fill('Sam');
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(400);
  const box = async (selector) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: 0, y: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
      });
  await page.evaluate(() => window.scrollTo(0, 0));
  const planTop = await box('#plan-heading');
  const planEnd = await box('#plan-fold .checklist, #plan-fold ul');
  const sendTop = await box('.send-plan h3');
  const sendEnd = await box('.send-plan .card-send button, .send-plan button.primary');
  const rects = [
    { x: 0, y: planTop.y - 6, width: WELCOME.width, height: planEnd.bottom - planTop.y + 12 },
    { x: 0, y: sendTop.y - 6, width: WELCOME.width, height: sendEnd.bottom - sendTop.y + 12 },
  ];
  await stacked(context, page, rects, file('coach-3'), scheme);
  record('coach-3', page, 'coach', await visibleTexts(page, rects));
  await page.close();
  page = await open(context, id, 'popup-coach.html', { scheme });
  await page
    .locator('summary')
    .filter({ hasText: lang === 'de' ? /^Karte .*übernehmen/ : /^Take in a card/ })
    .click();
  await page.evaluate(() => document.activeElement?.blur());
  await scrollTo(page, page.locator('#coach-topic-heading'));
  await page.screenshot({ path: file('coach-2') });
  record('coach-2', page, 'coach', await visibleTexts(page, await viewport(page)));
  await page.close();

  // The coachee: the pre-work form, sending it, the month's plan.
  await playRole(worker, 'coachee');
  await activate(worker, 'me-next');
  page = await open(context, id, 'popup-coachee.html', { scheme });
  await page.waitForTimeout(300);
  await page.screenshot({ path: file('coachee-1') });
  record('coachee-1', page, 'coachee', await visibleTexts(page, await viewport(page)));
  const send = page.locator('summary').first();
  await send.click();
  await page.locator('#card-name').fill('Ada');
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(300);
  await scrollTo(page, send);
  await page.screenshot({ path: file('coachee-2') });
  record('coachee-2', page, 'coachee', await visibleTexts(page, await viewport(page)));
  await send.click();
  await scrollTo(page, page.locator('#popup-plan-heading'));
  await page.screenshot({ path: file('coachee-3') });
  record('coachee-3', page, 'coachee', await visibleTexts(page, await viewport(page)));
  await page.close();
  await playRole(worker, 'both');
  return made;
}

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

const onlyWelcome = process.argv.includes('--welcome');
/** What each welcome picture was made from and shows, per language (the light ones; the dark are the same pages). */
const shots = {};
for (const lang of ['en', 'de']) {
  const profile = mkdtempSync(join(tmpdir(), 'sc-store-'));
  const context = await launchChromium(profile, { extension: ext, lang: lang === 'de' ? 'de' : 'en-US' });
  const { worker, id } = await extensionId(context);
  const storeDir = `store/screenshots/${lang}`;
  mkdirSync(`public/welcome/${lang}`, { recursive: true });
  mkdirSync(storeDir, { recursive: true });
  await seed(worker, lang);

  for (const scheme of ['light', 'dark']) {
    const made = await welcomePictures(context, worker, id, lang, scheme);
    if (scheme === 'light') shots[lang] = made;
  }
  if (onlyWelcome) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    continue;
  }

  // The store: the welcome, the panel beside a call (light and dark), both popups (dark).
  let page = await open(context, id, 'welcome.html', { size: STORE });
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

writeFileSync('docs/welcome-shots.json', `${JSON.stringify(shots, null, 2)}\n`);
if (onlyWelcome) {
  console.log('welcome pictures in public/welcome/, what they show in docs/welcome-shots.json');
  process.exit(0);
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
