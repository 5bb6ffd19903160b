#!/usr/bin/env node
/**
 * Years of sessions, measured in real headless Chromium with the production build
 * (`npm run build` first): for 100, 1,000 and 10,000 stored sessions (about 4 kB
 * each, most of it notes), prints the options page until the history shows, a
 * search keystroke until the list updates, the panel and the coach's popup until ready,
 * the extension pages' JS heap with the panel and the options page open, and the
 * open options page's CPU while the panel's notes are typed into; the first open right
 * after the bulk write (as after a restore: newest rows, progress), the time until both
 * indexes are complete, and their sizes; and sync with a real WebDAV server on 127.0.0.1
 * (Debian's rclone): the first sync of everything (time, bytes on the server) and then one
 * change of the notes (time, bytes uploaded). Each figure that a build could slow is taken twice: right
 * after the bulk write (as after a restore or an update, while the background builds its indexes) and
 * once settled. "Settled" is the indexes complete and saved; each settled search is taken twice: with the
 * service worker warm (an open options page keeps it so, asking every 20 s) and with it stopped (as Chrome
 * stops an idle one after 30 s: its next start reads the indexes back from IndexedDB), by the page opened
 * then and by a page open before. Prints, never asserts.
 * `node scripts/bench-scale.mjs [counts…]` (default 100 1000 10000; BENCH_50K=1 adds 50,000;
 * BENCH_SKIP_SYNC=1 leaves out the sync figures).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionId, launchChromium } from './chromium.mjs';

const counts = process.argv.slice(2).map(Number).filter(Boolean);
// BENCH_50K=1 adds the coach who keeps every note for twenty years (about 200 MB; the run takes minutes longer).
const sizes = counts.length > 0 ? counts : [100, 1000, 10000, ...(process.env.BENCH_50K === '1' ? [50000] : [])];
// BENCH_EXT=dir measures another build (a before and after).
const ext = resolve(process.env.BENCH_EXT ?? '.output/chrome-mv3');
const rows = [];
const step = (what) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${what}\n`);

/** Seed `n` sessions from the service worker, a batch at a time. */
async function seed(worker, n) {
  await worker.evaluate(async (count) => {
    const T0 = Date.UTC(2020, 0, 6, 9);
    const words = ['meetings', 'manager', 'speaking', 'feedback', 'promotion', 'balance', 'conflict', 'delegation', 'deadline', 'mentor'];
    const note = (i) =>
      Array.from(
        { length: 40 },
        (_, k) => `${k}: talked about ${words[(i + k) % words.length]} and what to try next week, line ${k}.`,
      ).join('\n');
    const coachees = Array.from({ length: 20 }, (_, c) => ({ id: `c${c}`, name: `Coachee ${c}`, createdAt: T0 }));
    const sessions = [];
    for (let start = 0; start < count; start += 500) {
      const batch = {};
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const id = `s${i}`;
        const at = T0 + i * 3 * 3600_000;
        sessions.push({ id, coacheeId: `c${i % 20}`, createdAt: at });
        batch[`topic.${id}`] = {
          title: `Session ${i}: ${words[i % words.length]} again`,
          difficulty: 'It keeps coming back.',
          outcome: 'One step',
          updatedAt: at,
        };
        // One session's notes hold a word no other session has (the search below looks for it).
        batch[`notes.${id}`] = i === Math.floor(count / 2) ? `${note(i)}\nShe brought up the xylophone lessons.` : note(i);
        // The newest (the active one) is the session about to start (no times, no plan yet): a long-paused
        // session reads as ended, and one with a plan opens the popup on the plan.
        if (i < count - 1) {
          batch[`timer.${id}`] = [
            { type: 'start', at },
            { type: 'next', at: at + 27 * 60_000 },
            { type: 'next', at: at + 52 * 60_000 },
            { type: 'pause', at: at + 61 * 60_000 },
          ];
          batch[`plan.${id}`] = [
            { id: 'p1', text: 'Say one thing early in each meeting', done: i % 2 === 0 },
            { id: 'p2', text: 'Ask for feedback once a week', done: false },
          ];
          batch[`homework.${id}`] = [{ id: 'h1', kind: 'reading', title: 'A chapter a week', minutesPerWeek: 30, logged: {} }];
        }
      }
      await chrome.storage.local.set(batch);
    }
    await chrome.storage.local.set({ sessions, coachees, activeSessionId: sessions.at(-1)?.id ?? null });
  }, n);
}

/** Wait until the background's indexes hold every stored session (the install's own first session included). */
async function indexReady(context, n) {
  // Five minutes for 10,000 sessions, longer for more (the build runs at an eighth of a core).
  for (let i = 0; i < 1200 * Math.max(1, n / 10000); i++) {
    // The service worker may be stopped and started again meanwhile: take the live one each time.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const [size, prepared, stored] = await worker
      .evaluate(async () => {
        const { sessionIndex, sessions } = await chrome.storage.local.get(['sessionIndex', 'sessions']);
        const { historyHead } = await chrome.storage.session.get('historyHead');
        // The full-text index saved too (IndexedDB), so the worker is done with the build.
        const saved = await new Promise((resolve) => {
          const open = indexedDB.open('sidecoach');
          open.onsuccess = () => {
            const get = open.result.transaction('kv').objectStore('kv').get('fullText');
            get.onsuccess = () => resolve(get.result?.ids?.filter((x) => x !== null).length ?? 0);
            get.onerror = () => resolve(0);
          };
          open.onerror = () => resolve(0);
        });
        const size = sessionIndex?.rows?.length ?? 0;
        return [size, saved === sessions?.length ? (historyHead?.prepared ?? -1) : -1, sessions?.length ?? 0];
      })
      .catch(() => [0, -1, -1]);
    if (size === stored && prepared === stored && stored > 0) return stored;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the index was not built');
}

/** Wait until the install's own writes are done (its first session and the background's records), so seeding does not race them. */
async function installDone(context) {
  for (let i = 0; i < 400; i++) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const done = await worker
      .evaluate(async () => {
        // An install makes no session now (the first comes with the first panel or coachee); the keeper's empty
        // index is its last write.
        const { sessionIndex } = await chrome.storage.local.get('sessionIndex');
        return sessionIndex !== undefined;
      })
      .catch(() => false);
    if (done) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the install did not finish');
}

async function heapOf(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** Bytes of every file under a folder. */
function bytesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => statSync(join(dir, f)))
    .filter((st) => st.isFile())
    .reduce((sum, st) => sum + st.size, 0);
}

/** rclone serving a new folder on a free port of 127.0.0.1; returns its URL, folder and a stop function. */
async function startWebDav() {
  const port = await new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address();
      server.close(() => done(p));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'sc-dav-'));
  const child = spawn(
    process.env.RCLONE_PATH ?? '/usr/bin/rclone',
    ['serve', 'webdav', '--addr', `127.0.0.1:${port}`, '--user', 'u', '--pass', 'p', dir],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 150; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: 'OPTIONS' });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url: `http://127.0.0.1:${port}/sync/`, dir, stop: () => child.kill('SIGTERM') };
}

/** The first sync of everything stored, then one change of the notes: time and bytes on the server. */
async function measureSync(context, id, panel) {
  const dav = await startWebDav();
  // The person's "allow" for the server, as the e2e tests give it (chrome://extensions, Site access).
  const ext = await context.newPage();
  await ext.goto('chrome://extensions');
  await ext.evaluate((extId) => new Promise((r) => chrome.developerPrivate.addHostPermission(extId, 'http://127.0.0.1/*', r)), id);
  await ext.close();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html#sync`);
  await page.getByLabel('Server folder address (WebDAV)').fill(dav.url);
  await page.getByLabel('User name').fill('u');
  await page.getByLabel('App password').fill('p');
  await page.getByLabel('Sync passphrase').fill('a passphrase for the bench');
  const status = () => page.evaluate(async () => (await chrome.storage.local.get('syncStatus')).syncStatus ?? {});
  let started = Date.now();
  await page.getByRole('button', { name: 'Start syncing' }).click();
  await page.getByRole('status').getByText('Last synced', { exact: false }).waitFor({ timeout: 600_000 });
  const firstMs = Date.now() - started;
  const firstBytes = bytesUnder(dav.dir);
  if ((await status()).problem) throw new Error(`first sync: ${JSON.stringify((await status()).problem)}`);
  // One change: a line added to the notes, then Sync now.
  const notes = panel.getByLabel('Session notes');
  await notes.press('Control+End');
  await notes.pressSequentially(' One more line after the sync.');
  await panel.getByRole('region', { name: 'Notes' }).getByRole('status').getByText('Saved').waitFor();
  const before = await status();
  await page.getByRole('button', { name: 'Sync now' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('button[disabled]'));
  started = Date.now();
  await page.getByRole('button', { name: 'Sync now' }).click();
  for (let i = 0; i < 600; i++) {
    const now = await status();
    if (!now.running && now.lastSyncedAt !== before.lastSyncedAt) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const changeMs = Date.now() - started;
  const changeBytes = bytesUnder(dav.dir) - firstBytes;
  await page.close();
  dav.stop();
  rmSync(dav.dir, { recursive: true, force: true });
  return { firstMs, firstBytes, changeMs, changeBytes };
}

/** Panel and popup until ready: the median of `times` opens each (one open on a loaded machine is noise). */
async function readyMs(context, url, path, ready, times = 5) {
  const all = [];
  for (let i = 0; i < times; i++) {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(url(path));
    await ready(page).waitFor({ timeout: 60_000 });
    all.push(Date.now() - t0);
    await page.close();
  }
  return all.sort((a, b) => a - b)[Math.floor(times / 2)];
}
const panelReady = (p) => p.getByRole('button', { name: /^(Start|Pause|Resume)$/ });
const popupReady = (n) => (p) => p.getByText(new RegExp(`^Session ${n - 1}: `));

/**
 * Type `word` into the open options page's search; the time from the keystroke until the row of the
 * session `title` shows (the word is in that one session's notes).
 */
async function wordFound(page, word, title) {
  await page.locator('#history-search').waitFor({ timeout: 120_000 });
  return page.evaluate(
    async ([w, t]) => {
      const input = document.getElementById('history-search');
      const t0 = performance.now();
      input.value = w;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const found = () => [...document.querySelectorAll('.history-item .topic-title')].some((el) => el.textContent.startsWith(t));
      await new Promise((r) => {
        const check = () => found() && r();
        check();
        new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      return performance.now() - t0;
    },
    [word, title],
  );
}

const withSync = process.env.BENCH_SKIP_SYNC !== '1';

for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'sc-scale-'));
  const context = await launchChromium(dir, { extension: ext });
  const { worker, id } = await extensionId(context);
  const url = (path) => `chrome-extension://${id}/${path}`;
  await installDone(context);
  // Years of sessions are a coach's: answer the toolbar's question as one would, so it opens the coach's popup.
  const question = await context.newPage();
  await question.goto(url('popup.html'));
  await question.getByRole('button', { name: 'I coach' }).click();
  for (
    let i = 0;
    i < 100 && (await worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings?.role)) !== 'coach';
    i++
  )
    await question.waitForTimeout(100);
  await question.close();
  step(`${n}: install done, seeding`);
  const seedStart = Date.now();
  await seed(worker, n);
  const seededMs = Date.now() - seedStart;
  const wordTitle = `Session ${Math.floor(n / 2)}: `;

  // Right after the bulk write (as after a restore or an update), while the background builds its indexes:
  // a word in one session's notes (from the keystroke, and from the end of the write), the panel and the popup.
  const during = await context.newPage();
  const writtenAt = Date.now();
  await during.goto(url('options.html'));
  const duringWordMs = await wordFound(during, 'xylophone', wordTitle);
  const duringWordSinceWriteMs = Date.now() - writtenAt;
  const stillIndexing = await during
    .getByText('Still indexing')
    .isVisible()
    .catch(() => false);
  await during.close();
  const duringPanelMs = await readyMs(context, url, 'sidepanel.html', panelReady, 3);
  const duringPopupMs = await readyMs(context, url, 'popup.html', popupReady(n), 3);
  step(`${n}: right after the write: word ${duringWordMs.toFixed(0)} ms, panel ${duringPanelMs} ms, popup ${duringPopupMs} ms`);

  // The first open after the bulk write (as after a restore): until the newest rows show, and whether progress shows.
  const first = await context.newPage();
  let started = Date.now();
  await first.goto(url('options.html'));
  await first.getByRole('button', { name: new RegExp(`^Session ${n - 1}: `) }).waitFor({ timeout: 120_000 });
  const firstMs = Date.now() - started;
  step(`${n}: first open ${firstMs} ms`);
  const progressShown = await first
    .getByRole('progressbar')
    .isVisible()
    .catch(() => false);
  await first.close();
  const total = await indexReady(context, n);
  step(`${n}: indexes complete`);
  const buildMs = Date.now() - seedStart;
  const live = context.serviceWorkers()[0] ?? worker;
  const used = await live.evaluate(() => chrome.storage.local.getBytesInUse(null));
  const indexBytes = await live.evaluate(async () => {
    const meta = await chrome.storage.local.getBytesInUse(['sessionIndex']);
    const text = await new Promise((resolve) => {
      const open = indexedDB.open('sidecoach');
      open.onsuccess = () => {
        // The head and every shard (typed arrays, and the words of each).
        const all = open.result.transaction('kv').objectStore('kv').getAll();
        all.onsuccess = () =>
          resolve(
            all.result.reduce(
              (sum, v) =>
                sum +
                (v?.docs ? v.docs.byteLength + v.counts.byteLength + v.starts.byteLength + v.terms.join(' ').length : 0) +
                (Array.isArray(v?.ids) ? JSON.stringify(v).length : 0),
              0,
            ),
          );
        all.onerror = () => resolve(0);
      };
      open.onerror = () => resolve(0);
    });
    return { meta, text };
  });

  // A blank extension page first: the navigation cost every page pays (and it warms the renderer as a person's browser is).
  const blank = await context.newPage();
  started = Date.now();
  await blank.goto(url('offscreen.html'));
  const blankMs = Date.now() - started;
  await blank.close();

  // Options page until the history shows its count.
  const options = await context.newPage();
  started = Date.now();
  await options.goto(url('options.html'));
  await options
    .getByRole('status')
    .getByText(`of ${total.toLocaleString('en-US')} sessions`)
    .waitFor({ timeout: 120_000 });
  const optionsMs = Date.now() - started;
  step(`${n}: options ${optionsMs} ms`);

  // A search keystroke: from the input event to the updated count (each from the cleared list, so the count changes).
  const searchMs = [];
  for (const word of ['xylophone', 'promotion', 'mentor', 'zzz']) {
    await options.evaluate(() => {
      const input = document.getElementById('history-search');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options
      .getByRole('status')
      .getByText(`${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} sessions`)
      .waitFor();
    searchMs.push(
      await options.evaluate(async (w) => {
        const input = document.getElementById('history-search');
        const status = document.querySelector('[role="status"]');
        const before = status.textContent;
        const t0 = performance.now();
        input.value = w;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Answered: the count changed, or the status was busy asking and is no longer (a search that matches all).
        await new Promise((r) => {
          let busy = false;
          const check = () => {
            if (status.getAttribute('aria-busy') === 'true') busy = true;
            else if (busy || status.textContent !== before) r();
          };
          check();
          new MutationObserver(check).observe(status, { childList: true, subtree: true, characterData: true, attributes: true });
        });
        return performance.now() - t0;
      }, word),
    );
  }

  // The background's answer alone (the message's round trip and the index's work, no rendering), for the word in one note.
  const answerMs = await options.evaluate(async () => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ type: 'historyQuery', query: 'xylophone', coacheeId: null, offset: 0, limit: 50 });
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[2];
  });

  // Let the searches' work end before timing the other pages.
  await options.evaluate(() => {
    const input = document.getElementById('history-search');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await options.waitForTimeout(1500);

  const panelMs = await readyMs(context, url, 'sidepanel.html', panelReady);
  // The coach's popup (through the toolbar's router page), ready when the next session's topic shows.
  const popupMs = await readyMs(context, url, 'popup.html', popupReady(n));
  const load = loadavg()[0];
  step(`${n}: searches ${searchMs.map((m) => m.toFixed(0))}, panel ${panelMs} ms, popup ${popupMs} ms`);
  const panel = await context.newPage();
  await panel.goto(url('sidepanel.html'));
  await panel.getByRole('button', { name: /^(Start|Pause|Resume)$/ }).waitFor();

  const heap = (await heapOf(context, options)) + (await heapOf(context, panel));

  // The open options page's CPU while the panel's notes are typed into for 10 s. Extension pages share
  // one renderer process, whose task time CDP reports: the options page's cost is the difference
  // between typing with it open and typing with it closed.
  const cdp = await context.newCDPSession(panel);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const typingLoad = async () => {
    await panel.getByLabel('Session notes').click();
    const before = await task();
    const t0 = Date.now();
    while (Date.now() - t0 < 10_000) await panel.keyboard.type('typing notes during the call ', { delay: 40 });
    return ((await task()) - before) / ((Date.now() - t0) / 1000);
  };
  const withOptions = await typingLoad();
  await options.close();
  await panel.waitForTimeout(1000);
  const withoutOptions = await typingLoad();
  const cpu = Math.max(0, withOptions - withoutOptions);
  const sync = withSync ? await measureSync(context, id, panel) : null;
  const settledWordMs = await (async () => {
    const page = await context.newPage();
    await page.goto(url('options.html'));
    const ms = await wordFound(page, 'xylophone', wordTitle);
    await page.close();
    return ms;
  })();
  // Settled and cold: the service worker stopped (as Chrome stops it after 30 s idle), so its next start
  // loads the indexes from storage. The options page until the count shows, then a word in one note.
  const cold = await (async () => {
    await panel.close();
    const blankPage = await context.newPage();
    const cdp = await context.newCDPSession(blankPage);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await blankPage.waitForTimeout(1000);
    const page = await context.newPage();
    let t0 = Date.now();
    await page.goto(url('options.html'));
    await page
      .getByRole('status')
      .getByText(`of ${total.toLocaleString('en-US')} sessions`)
      .waitFor({ timeout: 120_000 });
    const optionsMs = Date.now() - t0;
    const wordMs = await wordFound(page, 'xylophone', wordTitle);
    await page.close();
    // Once more, the word alone: the worker stopped again, the options page open before it is typed.
    const again = await context.newPage();
    await again.goto(url('options.html'));
    await again
      .getByRole('status')
      .getByText(`of ${total.toLocaleString('en-US')} sessions`)
      .waitFor({ timeout: 120_000 });
    await cdp.send('ServiceWorker.stopAllWorkers');
    await again.waitForTimeout(1000);
    t0 = Date.now();
    const wordStoppedMs = await wordFound(again, 'xylophone', wordTitle);
    await again.close();
    await blankPage.close();
    return { optionsMs, wordMs, wordStoppedMs, load: loadavg()[0] };
  })();
  step(
    `${n}: cold: options ${cold.optionsMs} ms, word ${cold.wordMs.toFixed(0)} ms, word typed into an open page after the worker stopped ${cold.wordStoppedMs.toFixed(0)} ms`,
  );

  rows.push({
    n,
    cold,
    mb: used / 1e6,
    blankMs,
    optionsMs,
    searchMs,
    panelMs,
    popupMs,
    load,
    heapMb: heap / 1e6,
    cpu,
    firstMs,
    progressShown,
    buildMs,
    indexBytes,
    answerMs,
    sync,
    seededMs,
    duringWordMs,
    duringWordSinceWriteMs,
    stillIndexing,
    duringPanelMs,
    duringPopupMs,
    settledWordMs,
  });
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  '| sessions stored | blank extension page | options page until the history shows | search keystroke (a word in one note / promotion / mentor / zzz) | panel ready (median of 5) | popup ready (median of 5) | JS heap, panel + options | options CPU while notes are typed | load average (1 min) |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en-US')} (${r.mb.toFixed(1)} MB) | ${r.blankMs} ms | ${(r.optionsMs / 1000).toFixed(2)} s | ${r.searchMs.map((m) => m.toFixed(0)).join(' / ')} ms | ${r.panelMs} ms | ${r.popupMs} ms | ${r.heapMb.toFixed(1)} MB | ${(r.cpu * 100).toFixed(2)} % of a core | ${r.load.toFixed(1)} |`,
  );
}
console.log('');
console.log(
  '| sessions stored | first open after the bulk write: newest rows shown | progress shown | indexes complete and saved (from the write) | session index (storage) | full-text index (IndexedDB) | background answer, word in one note (median of 5) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en-US')} | ${(r.firstMs / 1000).toFixed(2)} s | ${r.progressShown ? 'yes' : 'no'} | ${(r.buildMs / 1000).toFixed(1)} s | ${(r.indexBytes.meta / 1e6).toFixed(2)} MB | ${(r.indexBytes.text / 1e6).toFixed(2)} MB | ${r.answerMs.toFixed(1)} ms |`,
  );
}
console.log('');
const base = rows.find((r) => r.n === 100);
const ratio = (ms, of) => (base ? ` (${(ms / base[of]).toFixed(2)}×)` : '');
console.log(
  '| sessions stored | bulk write | right after: word in one note, keystroke → row (since the write) | "Still indexing" shown | right after: panel (median of 3) | right after: popup (median of 3) | settled: word, keystroke → row | settled: panel | settled: popup | options page | load average (1 min) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en-US')} | ${(r.seededMs / 1000).toFixed(1)} s | ${r.duringWordMs.toFixed(0)} ms (${(r.duringWordSinceWriteMs / 1000).toFixed(2)} s) | ${r.stillIndexing ? 'yes' : 'no'} | ${r.duringPanelMs} ms${ratio(r.duringPanelMs, 'panelMs')} | ${r.duringPopupMs} ms${ratio(r.duringPopupMs, 'popupMs')} | ${r.settledWordMs.toFixed(0)} ms | ${r.panelMs} ms${ratio(r.panelMs, 'panelMs')} | ${r.popupMs} ms${ratio(r.popupMs, 'popupMs')} | ${(r.optionsMs / 1000).toFixed(2)} s | ${r.load.toFixed(1)} |`,
  );
}
console.log('');
console.log(
  '| sessions stored | settled, worker warm: word, keystroke → row | settled, worker stopped and started by the page: options page until the history shows | then a word, keystroke → row | a word typed into an open page, worker stopped meanwhile | load average (1 min) |',
);
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en-US')} | ${r.settledWordMs.toFixed(0)} ms | ${(r.cold.optionsMs / 1000).toFixed(2)} s | ${r.cold.wordMs.toFixed(0)} ms | ${r.cold.wordStoppedMs.toFixed(0)} ms | ${r.cold.load.toFixed(1)} |`,
  );
}
if (!withSync) process.exit(0);
console.log('\n| sessions stored | first sync (time) | on the server | one notes change: sync now | bytes uploaded |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en-US')} | ${(r.sync.firstMs / 1000).toFixed(1)} s | ${(r.sync.firstBytes / 1e6).toFixed(2)} MB | ${r.sync.changeMs} ms | ${r.sync.changeBytes.toLocaleString('en-US')} B |`,
  );
}
