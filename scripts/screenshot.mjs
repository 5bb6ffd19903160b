#!/usr/bin/env node
/**
 * Screenshots of the popup and the side panel in real Chromium, for a person to
 * look at and for the README: `node scripts/screenshot.mjs [outdir]` (default
 * docs/screens). Needs `npm run build`. The panel is shown at the sizes a side
 * panel has (400×800 and 360×640), idle, running and ended, light and dark; what
 * the panel says of the call (reconnecting at 360×640, ended at 420×800); a
 * coachee's reply by mail read back in the panel's preview; a past session read
 * whole, the coachee's month in the popup, and a coachee's page of progress at
 * 1280×800 and 420×800, light and dark, English and German. The profile answers
 * the welcome's question as a coachee (the popup shots are the coachee's); the
 * welcome and the coach's popup are in `scripts/store-shots.mjs`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionId, launchChromium } from './chromium.mjs';
import { renderMailOnPhone } from './mail-phone.mjs';

const out = process.argv[2] ?? 'docs/screens';
mkdirSync(out, { recursive: true });
const ext = resolve('.output/chrome-mv3');
const context = await launchChromium(mkdtempSync(join(tmpdir(), 'sc-shot-')), { extension: ext });
const { id, worker } = await extensionId(context);
// As a coachee who answered the welcome's question (popup.html then opens the coachee's popup).
await worker.evaluate(async () => {
  const { settings } = await chrome.storage.local.get('settings');
  await chrome.storage.local.set({
    settings: {
      ...(settings ?? {
        alerts: { sound: true, notification: true, badge: true },
        theme: 'system',
        checkIn: false,
        defaultTemplateId: 'method-hour',
        compactPanel: false,
        preworkReminder: true,
      }),
      role: 'coachee',
    },
  });
});
const MIN = 60_000;

/** The clock time of an instant, as the panel's time markers write it in English (this machine's zone, like the browser's). */
const clockTime = (at) => new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(at);
/**
 * The coach's notes of a session that started at `start`, their time markers read from it: the pictures show
 * notes written at the times the summary beside them says (not a fixed 10:02 on a session that ended at 04:18).
 */
const notesFrom = (start) =>
  [
    `${clockTime(start + 2 * MIN)} · Understand the problem · 0:02`,
    'Ideas come late: waits until sure.',
    'Manager talks fast, meeting is packed.',
    '',
    `${clockTime(start + 27 * MIN)} · Understand the problem · 0:27`,
    'Pattern: the same in 1:1s? No: only in groups.',
    '',
    `${clockTime(start + 31 * MIN)} · Plan the attack · 0:31`,
    'Try: write one point before the meeting, say it in the first ten minutes.',
  ].join('\n');

/** A session 31 minutes in: understanding ran 5 over, planning began a minute ago. */
async function seedRunning(page) {
  const now = Date.now();
  await page.evaluate(
    async ({ min, now, notes }) => {
      const { activeSessionId: id } = await chrome.storage.local.get('activeSessionId');
      await chrome.storage.local.set({
        [`topic.${id}`]: {
          title: 'I find it hard to speak up in meetings',
          difficulty: 'In the weekly planning meeting I had an idea twice and said nothing.',
          outcome: 'One thing I can try next week.',
          updatedAt: now,
        },
        [`timer.${id}`]: [
          { type: 'start', at: now - 31 * min },
          { type: 'next', at: now - 1 * min },
        ],
        [`notes.${id}`]: notes,
        [`plan.${id}`]: [{ id: 'p1', text: 'Say my prepared point in the first ten minutes, twice a week', done: false }],
      });
    },
    { min: MIN, now, notes: notesFrom(now - 31 * MIN) },
  );
}

for (const scheme of ['light', 'dark']) {
  const popup = await context.newPage();
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByLabel('Your topic, in one line').fill('I find it hard to speak up in meetings');
  await popup.screenshot({ path: `${out}/popup-${scheme}.png`, fullPage: true });
  await popup.close();

  const panel = await context.newPage();
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await panel.evaluate(async () => {
    const { activeSessionId: id } = await chrome.storage.local.get('activeSessionId');
    await chrome.storage.local.remove([`timer.${id}`, `notes.${id}`, `plan.${id}`]);
  });
  await panel.reload();
  await panel.getByRole('timer').first().waitFor();
  await panel.waitForTimeout(400);
  await panel.screenshot({ path: `${out}/panel-idle-400x800-${scheme}.png` });
  await seedRunning(panel);
  await panel.reload();
  await panel.getByText('ends', { exact: false }).first().waitFor();
  await panel.waitForTimeout(600);
  await panel.screenshot({ path: `${out}/panel-running-400x800-${scheme}.png` });
  await panel.setViewportSize({ width: 360, height: 640 });
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: `${out}/panel-running-360x640-${scheme}.png` });
  // What the panel saw of the call: reconnecting, then ended with the clock still running.
  const seedCall = (call) =>
    panel.evaluate(async (c) => {
      const now = Date.now();
      await chrome.storage.local.set({
        callState: {
          tabId: 1,
          platform: 'meet',
          startedAt: now - c.started,
          endedAt: c.ended ? now - c.ended : null,
          inCall: !c.ended,
          unsureSince: c.unsure ? now - c.unsure : null,
        },
      });
    }, call);
  await seedCall({ started: 32 * MIN, unsure: 20_000 });
  await panel.getByText('Reconnecting…').waitFor();
  await panel.screenshot({ path: `${out}/panel-call-reconnecting-360x640-${scheme}.png` });
  await seedCall({ started: 32 * MIN, ended: 2 * MIN });
  await panel.getByRole('button', { name: 'Go to the wrap-up' }).waitFor();
  await panel.setViewportSize({ width: 420, height: 800 });
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: `${out}/panel-call-ended-420x800-${scheme}.png` });
  await panel.evaluate(() => chrome.storage.local.remove('callState'));
  // The same session ended by the coach: its summary in the clock's place.
  const endedStart = Date.now() - 75 * MIN;
  await panel.evaluate(
    async ({ min, start, notes }) => {
      const { activeSessionId: id } = await chrome.storage.local.get('activeSessionId');
      await chrome.storage.local.set({
        [`notes.${id}`]: notes,
        [`timer.${id}`]: [
          { type: 'start', at: start },
          { type: 'next', at: start + 29 * min },
          { type: 'next', at: start + 52 * min },
          { type: 'end', at: start + 63 * min, by: 'coach' },
        ],
        [`wrapup.${id}`]: { feedback: '', nextSessionAt: start + 28 * 24 * 60 * min, checkInNote: '' },
      });
    },
    { min: MIN, start: endedStart, notes: notesFrom(endedStart) },
  );
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.reload();
  await panel.getByRole('heading', { name: /^The session of / }).waitFor();
  await panel.waitForTimeout(400);
  await panel.screenshot({ path: `${out}/panel-ended-400x800-${scheme}.png` });
  await panel.setViewportSize({ width: 360, height: 640 });
  await panel.waitForTimeout(300);
  await panel.screenshot({ path: `${out}/panel-ended-360x640-${scheme}.png` });
  // Back to a session being prepared (one with a plan shows its month in the popup instead of the topic form).
  await panel.evaluate(async () => {
    const { activeSessionId: id } = await chrome.storage.local.get('activeSessionId');
    await chrome.storage.local.remove([`timer.${id}`, `notes.${id}`, `plan.${id}`, `wrapup.${id}`]);
  });
  await panel.close();
}
// The coachee's side of the loop: the popup with "Send to my coach" open, the card made.
const popup = await context.newPage();
await popup.setViewportSize({ width: 380, height: 900 });
await popup.goto(`chrome-extension://${id}/popup.html`);
await popup.locator('summary', { hasText: 'Send to my coach' }).click();
await popup.getByLabel('Your name, as your coach knows you').fill('Ada');
await popup.getByRole('button', { name: 'Copy the card' }).waitFor();
await popup.waitForTimeout(800);
await popup.locator('.card-preview > summary').click();
await popup.waitForTimeout(200);
await popup.screenshot({ path: `${out}/popup-send-card-light.png`, fullPage: true });
await popup.close();

// Coachees in the options app: the list with their figures, and Ada's page of progress after three sessions with
// plans and homework, at a laptop's and a phone's width, light and dark, in English and German.
/** Ada with three sessions (plans, homework, a review) and Ben with one, his next session ahead. */
async function seedCoachees(worker) {
  await worker.evaluate(async () => {
    const now = Date.now();
    const day = 86_400_000;
    const monday = new Date(now);
    monday.setHours(0, 0, 0, 0);
    monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
    const week = (back) => {
      const d = new Date(monday.getTime() - back * 7 * day);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const { sessions = [], coachees = [] } = await chrome.storage.local.get(['sessions', 'coachees']);
    const t = [70, 40, 10].map((d) => now - d * day);
    const b = now - 20 * day;
    await chrome.storage.local.set({
      coachees: [...coachees, { id: 'ada', name: 'Ada', createdAt: t[0] }, { id: 'ben', name: 'Ben', createdAt: b }],
      sessions: [
        ...sessions,
        ...t.map((at, i) => ({ id: `ada${i}`, coacheeId: 'ada', createdAt: at })),
        { id: 'ben0', coacheeId: 'ben', createdAt: b },
      ],
      'topic.ada0': { title: 'I find it hard to speak up in meetings', difficulty: '', outcome: '', updatedAt: t[0] },
      'timer.ada0': [
        { type: 'start', at: t[0] },
        { type: 'next', at: t[0] + 31 * 60_000 },
        { type: 'next', at: t[0] + 53 * 60_000 },
        { type: 'pause', at: t[0] + 63 * 60_000 },
      ],
      'plan.ada0': [
        { id: 'a', text: 'Speak first twice a week', done: true },
        { id: 'b', text: 'Prepare one point', done: false },
      ],
      'topic.ada1': { title: 'Being heard by my manager', difficulty: '', outcome: '', updatedAt: t[1] },
      'timer.ada1': [
        { type: 'start', at: t[1] },
        { type: 'next', at: t[1] + 24 * 60_000 },
        { type: 'next', at: t[1] + 50 * 60_000 },
        { type: 'pause', at: t[1] + 59 * 60_000 },
      ],
      'plan.ada1': [
        { id: 'c', text: 'Ask for a 1:1', done: true },
        { id: 'd', text: 'Bring one proposal', done: true },
      ],
      'review.ada1': {
        fromSessionId: 'ada0',
        items: [{ stepId: 'b', text: 'Prepare one point', status: 'not', heldBack: "I didn't have time", dreading: '' }],
        rootCause: '',
      },
      'topic.ada2': { title: 'Saying no to extra projects', difficulty: '', outcome: '', updatedAt: t[2] },
      'timer.ada2': [
        { type: 'start', at: t[2] },
        { type: 'next', at: t[2] + 26 * 60_000 },
        { type: 'next', at: t[2] + 51 * 60_000 },
        { type: 'pause', at: t[2] + 60 * 60_000 },
      ],
      'plan.ada2': [{ id: 'e', text: 'Say no once, kindly', done: false }],
      'homework.ada2': [
        {
          id: 'h',
          kind: 'reading',
          title: 'Quiet, chapter 3',
          minutesPerWeek: 30,
          logged: { [week(2)]: 25, [week(1)]: 70, [week(0)]: 40 },
        },
      ],
      'review.ada2': {
        fromSessionId: 'ada1',
        items: [
          { stepId: 'd', text: 'Bring one proposal', status: 'done', heldBack: 'Dreaded the first minute of the meeting', dreading: '' },
        ],
        rootCause: '',
      },
      'wrapup.ada2': { feedback: '', nextSessionAt: now + 18 * day, checkInNote: '' },
      'topic.ben0': { title: 'Leading my first team', difficulty: '', outcome: '', updatedAt: b },
      'timer.ben0': [
        { type: 'start', at: b },
        { type: 'pause', at: b + 58 * 60_000 },
      ],
      'plan.ben0': [
        { id: 'f', text: 'One-to-ones with each person', done: true },
        { id: 'g', text: 'Write down the team’s goals', done: false },
        { id: 'h', text: 'Ask for feedback', done: false },
      ],
      'homework.ben0': [{ id: 'i', kind: 'exercise', title: 'Daily notes', minutesPerWeek: 45, logged: { [week(1)]: 30 } }],
      'wrapup.ben0': { feedback: '', nextSessionAt: now + 8 * day, checkInNote: '' },
    });
  });
}

const sizes = [
  [1280, 800],
  [420, 800],
];
/** The options page is shaped by role: its coachee list and coachees' pages are a coach's. */
const playRole = (worker, role) =>
  worker.evaluate(async (role) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, role } });
  }, role);
for (const lang of ['en', 'de']) {
  const ctx = lang === 'en' ? context : await launchChromium(mkdtempSync(join(tmpdir(), 'sc-shot-de-')), { extension: ext, lang: 'de' });
  const { worker, id: extId } = await extensionId(ctx);
  await seedCoachees(worker);
  await playRole(worker, 'coach');
  const suffix = lang === 'en' ? '' : '-de';
  for (const scheme of ['light', 'dark']) {
    const options = await ctx.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    for (const [width, height] of sizes) {
      await options.setViewportSize({ width, height });
      await options.goto(`chrome-extension://${extId}/options.html#coachee=ada`);
      await options.locator('#chart-months-title').waitFor({ timeout: 10_000 });
      await options.waitForTimeout(600);
      // The newest week's bar focused by keyboard: its tooltip shows.
      await options.locator('#chart-homework-title').scrollIntoViewIfNeeded();
      await options.locator('figure:has(#chart-homework-title) [data-slot][tabindex="0"]').focus();
      await options.waitForTimeout(200);
      await options.screenshot({ path: `${out}/options-coachee-${width}x${height}-${scheme}${suffix}.png` });
    }
    if (lang === 'en') {
      await options.setViewportSize({ width: 1100, height: 1000 });
      await options.goto(`chrome-extension://${extId}/options.html#coachee=ada`);
      await options.locator('#chart-months-title').waitFor({ timeout: 10_000 });
      await options.waitForTimeout(600);
      await options.screenshot({ path: `${out}/options-coachee-${scheme}.png`, fullPage: true });
      await options.goto(`chrome-extension://${extId}/options.html#coachees`);
      await options.locator('.coachees-table').waitFor({ timeout: 10_000 });
      await options.waitForTimeout(400);
      await options.screenshot({ path: `${out}/options-coachees-${scheme}.png` });
    }
    await options.close();
  }
  if (ctx !== context) await ctx.close();
}

// The coachee by plain mail: the pre-work mail asked on Ada's page, her reply (Gmail, inline) read back in the panel.
// The mail is signed with the coach's own name (the card identity's), so for this picture it is the coach's.
const identityBefore = await worker.evaluate(async () => (await chrome.storage.local.get('identity')).identity ?? null);
await worker.evaluate(async (before) => {
  await chrome.storage.local.set({ identity: { id: before?.id ?? 'coach-maria', name: 'Maria Coach' } });
}, identityBefore);
const asking = await context.newPage();
await asking.goto(`chrome-extension://${id}/options.html#coachee=ada`);
await asking.locator('summary', { hasText: 'The mail:' }).click();
const askText = asking.getByRole('textbox', { name: /^The mail:/ });
await askText.waitFor();
const asked = await askText.inputValue();
const askedSubject = ((await asking.locator('summary', { hasText: 'The mail:' }).textContent()) ?? '').replace(/^The mail: /, '');
await asking.close();
await worker.evaluate(async (before) => {
  if (before) await chrome.storage.local.set({ identity: before });
  else await chrome.storage.local.remove('identity');
}, identityBefore);
// The same mail as Ada's phone shows it (README, the mail section).
await renderMailOnPhone(context, { subject: askedSubject, body: asked }, `${out}/mail-phone-390.png`);
const answers = {
  1: 'Saying no to extra projects without sounding lazy',
  2: 'My manager asks in the corridor and I say yes before I think.',
  3: 'Two sentences I can use next time.',
  4.1: 'not yet, he was away',
  5: 'I did not want to disappoint him.',
  6.1: '40 min',
};
const reply = ['On Mon, Nov 30, 2026 at 10:12 AM Maria Coach <maria@coach.example> wrote:', ''];
for (const line of asked.split('\n')) {
  reply.push(line ? `> ${line}` : '>');
  const key = /^\[(\d(?:\.\d+)?)\]/.exec(line)?.[1];
  if (key && answers[key]) reply.push('', answers[key], '');
}
reply.splice(0, 0, 'Hi Maria, answers below. See you Thursday!', '');
for (const scheme of ['light', 'dark']) {
  const panel = await context.newPage();
  await panel.emulateMedia({ colorScheme: scheme });
  // Tall enough that the preview needs no scrolling under the pinned clock bar.
  await panel.setViewportSize({ width: 400, height: 2400 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  const inbox = panel.locator('details.fold', { has: panel.locator(':scope > summary', { hasText: 'Take in a card' }) });
  await inbox.locator(':scope > summary').click();
  await panel.getByLabel('Paste a card or your coachee’s reply to a mail (the whole message is fine)').fill(reply.join('\n'));
  await panel.getByRole('button', { name: 'Show what it brings' }).click();
  const preview = panel.locator('fieldset.mail-preview');
  await preview.waitFor();
  await panel.waitForTimeout(300);
  // The preview with its legend (drawn on the border) and a margin around it.
  await preview.scrollIntoViewIfNeeded();
  const box = await preview.boundingBox();
  await panel.screenshot({
    path: `${out}/panel-mail-reply-400-${scheme}.png`,
    clip: { x: 0, y: Math.max(0, box.y - 16), width: 400, height: box.height + 28 },
  });
  await panel.close();
}

// Sync with the coach's server: the set-up form, then the status line with a problem in words.
for (const scheme of ['light', 'dark']) {
  const options = await context.newPage();
  await options.emulateMedia({ colorScheme: scheme });
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`chrome-extension://${id}/options.html#sync`);
  await options.getByRole('button', { name: 'Start syncing' }).waitFor();
  await options.getByLabel('Server folder address (WebDAV)').fill('https://cloud.example.org/remote.php/dav/files/ann/Sidecoach/');
  await options.getByLabel('User name').fill('ann');
  await options.screenshot({ path: `${out}/options-sync-setup-${scheme}.png`, fullPage: true });
  await options.close();
}
{
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html#sync`);
  await options.evaluate(async () => {
    await chrome.storage.local.set({
      syncConfig: {
        url: 'https://cloud.example.org/remote.php/dav/files/ann/Sidecoach/',
        user: 'ann',
        password: 'x',
        key: 'AAAA',
        keyFile: '{}',
      },
    });
  });
  // The background tries at once (no host access was given here); then the status is shown as after a day offline.
  await options.waitForTimeout(3_000);
  await options.evaluate(async () => {
    const at = Date.now() - 5 * 60_000;
    await chrome.storage.local.set({
      syncStatus: {
        running: false,
        lastSyncedAt: at - 3_600_000,
        waiting: 3,
        failures: 2,
        problem: { fault: 'unreachable', at, detail: '' },
      },
    });
  });
  for (const scheme of ['light', 'dark']) {
    await options.emulateMedia({ colorScheme: scheme });
    await options.getByRole('button', { name: 'Sync now' }).waitFor();
    await options.screenshot({ path: `${out}/options-sync-status-${scheme}.png`, fullPage: true });
  }
  await options.evaluate(() => chrome.storage.local.remove(['syncConfig', 'syncStatus']));
  await options.close();
}

// A past session, whole, read first in the options page.
for (const scheme of ['light', 'dark']) {
  const options = await context.newPage();
  await options.emulateMedia({ colorScheme: scheme });
  await options.setViewportSize({ width: 1100, height: 1000 });
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByRole('button', { name: 'Saying no to extra projects' }).click();
  await options.getByRole('button', { name: 'Edit this session' }).waitFor();
  await options.waitForTimeout(400);
  await options.screenshot({ path: `${out}/options-session-whole-${scheme}.png`, fullPage: true });
  await options.close();
}

// The coachee's month in the popup: the next date, the coach's feedback, steps marked, minutes this week.
await worker.evaluate(async () => {
  const { activeSessionId: sid } = await chrome.storage.local.get('activeSessionId');
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  const week = `${monday.getFullYear()}-${String(monday.getMonth() + 1).padStart(2, '0')}-${String(monday.getDate()).padStart(2, '0')}`;
  const next = new Date(now.getTime() + 21 * 86_400_000);
  const day = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
  await chrome.storage.local.set({
    [`plan.${sid}`]: [
      { id: 'p1', text: 'Say my prepared point in the first ten minutes', done: true },
      { id: 'p2', text: 'Ask for a 1:1 about the project', done: false, partly: true },
      { id: 'p3', text: 'Tell the lead about the pattern', done: false },
    ],
    [`homework.${sid}`]: [{ id: 'h1', kind: 'reading', title: 'Quiet, chapter 3', minutesPerWeek: 30, logged: { [week]: 25 } }],
    [`wrapup.${sid}`]: {
      feedback: 'You named the pattern clearly. Try the prepared point before anything bigger.',
      nextSessionAt: next.getTime(),
      next: { day, time: null, zone: null },
      checkInNote: '',
    },
  });
});
// The coachee's month, as the coachee sees it.
await playRole(worker, 'coachee');
for (const scheme of ['light', 'dark']) {
  const month = await context.newPage();
  await month.emulateMedia({ colorScheme: scheme });
  await month.setViewportSize({ width: 380, height: 900 });
  await month.goto(`chrome-extension://${id}/popup.html`);
  await month.getByRole('region', { name: 'Your plan this month' }).getByText('This week so far: 25 min').waitFor();
  await month.screenshot({ path: `${out}/popup-month-${scheme}.png`, fullPage: true });
  await month.close();
}
await context.close();
console.log(`screenshots in ${out}`);
