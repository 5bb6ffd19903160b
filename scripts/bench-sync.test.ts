/**
 * `npm run bench:sync`: the sync engine at scale, run in Node against Debian's
 * rclone (`rclone serve webdav`) on 127.0.0.1 with the engine's own code
 * (WXT's fakeBrowser for storage, fake-indexeddb for sync's database; the
 * browser's own storage and IndexedDB are faster or slower by their own
 * measure: scripts/bench-scale.mjs times a first sync in Chromium).
 *
 * 1. First sync of 10,000 sessions with notes that compress like prose: time and bytes on the server.
 * 2. One notes change afterwards: bytes it adds on the server.
 * 3. 1,000 edits of one note, then a new computer joins: bytes it downloads against the data's
 *    compressed size; and the files on the server then, and once the first computer has synced
 *    again (it removes the change files both have merged and its snapshot covers).
 * Budgets (issue 34): ≤ 60 s and ≤ 20 MB; ≤ 5 kB; ≤ 2× the data. A figure over its budget fails.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allowHosts, computer, on } from '../tests/unit/utils/platform/sync/computers';
import { startProxy, startWebDav, type WebDavServer } from '../tests/webdav-server';
import { startSync, syncOnce } from '../utils/platform/sync/engine';
import { markDirty } from '../utils/platform/sync/state';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 10_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 1_000);
const PASSPHRASE = 'bench passphrase of several words';
const T0 = Date.UTC(2020, 0, 6, 9);

/** Words as a coach's notes use them: a vocabulary of a few thousand, drawn unevenly (prose compresses about 3:1). */
const VOCABULARY = Array.from({ length: 3000 }, (_, i) => {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sta', 'ver', 'ing', 'ton', 'el', 'ar', 'di'];
  let w = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / 12)) w += syllables[n % 12];
  return w;
});
function prose(words: number, seed: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    // Zipf-like: most words from the first few hundred.
    const r = (x % 10_000) / 10_000;
    out.push(VOCABULARY[Math.floor(VOCABULARY.length * r ** 3)] as string);
    if (i % 14 === 13) out.push('.\n');
  }
  return out.join(' ');
}

function dataSet(): Record<string, unknown> {
  const data: Record<string, unknown> = {
    coachees: [{ id: 'me', name: '', createdAt: T0 }],
    sessions: Array.from({ length: SESSIONS }, (_, i) => ({ id: `s${i}`, coacheeId: 'me', createdAt: T0 + i * 60_000 })),
  };
  for (let i = 0; i < SESSIONS; i++) {
    data[`topic.s${i}`] = { title: `Topic ${i}: ${prose(4, i)}`, difficulty: '', outcome: '', updatedAt: T0 };
    data[`notes.s${i}`] = prose(600, i + 1);
  }
  return data;
}

async function filesIn(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { recursive: true })) if ((await stat(join(dir, entry))).isFile()) n++;
  return n;
}

async function bytesIn(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true })) {
    const s = await stat(join(dir, entry));
    if (s.isFile()) total += s.size;
  }
  return total;
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const MB = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

let dav: WebDavServer;
beforeAll(async () => {
  dav = await startWebDav();
  allowHosts();
});
afterAll(async () => {
  await dav?.dispose();
});

it(`syncs ${SESSIONS} sessions, one change, and a computer joining after ${EDITS} edits of one note`, async () => {
  const url = `${dav.url}bench/`;
  const data = dataSet();
  const raw = Buffer.byteLength(JSON.stringify(data));
  const compressed = gzipSync(JSON.stringify(data)).length;
  const a = computer('a', data);

  let t = performance.now();
  await on(a, async () => {
    await startSync(url, dav.user, dav.password, PASSPHRASE);
    await syncOnce();
  });
  const firstMs = performance.now() - t;
  const firstBytes = await bytesIn(join(dav.dir, 'bench'));

  const before = await bytesIn(join(dav.dir, 'bench'));
  await on(a, async () => {
    await fakeBrowser.storage.local.set({ 'notes.s5000': `${data['notes.s5000']}\nOne more sentence after the call.` });
    await markDirty(['notes.s5000']);
    await syncOnce();
  });
  const oneChange = (await bytesIn(join(dav.dir, 'bench'))) - before;

  t = performance.now();
  let note = String(data['notes.s42']);
  await on(a, async () => {
    for (let i = 0; i < EDITS; i++) {
      note += ` edit${i}`;
      await fakeBrowser.storage.local.set({ 'notes.s42': note });
      await markDirty(['notes.s42']);
      await syncOnce();
    }
  });
  const editsMs = performance.now() - t;

  const proxy = await startProxy(dav);
  const b = computer('b');
  t = performance.now();
  await on(b, async () => {
    await startSync(url.replace(dav.origin, proxy.origin), dav.user, dav.password, PASSPHRASE);
    await syncOnce();
  });
  const joinMs = performance.now() - t;
  const downloaded = proxy.received.bytes;
  await proxy.close();
  expect(b.local['notes.s42']).toBe(note);
  const filesAfterJoin = await filesIn(join(dav.dir, 'bench'));
  // A hears that B has merged everything and removes what both merged (a few hundred files a sync).
  for (let i = 0; i < 5; i++) await on(a, () => syncOnce());
  await on(b, () => syncOnce());
  const filesLater = await filesIn(join(dav.dir, 'bench'));

  console.log(
    [
      `data: ${SESSIONS} sessions, ${MB(raw)} as JSON, ${MB(compressed)} gzip'd`,
      `first sync: ${(firstMs / 1000).toFixed(1)} s, ${MB(firstBytes)} on the server (budget 60 s, 20 MB)`,
      `one notes change: ${kB(oneChange)} added on the server (budget 5 kB)`,
      `${EDITS} edits of one note, each synced: ${(editsMs / 1000).toFixed(1)} s; server now ${MB(await bytesIn(join(dav.dir, 'bench')))}`,
      `a computer joining: ${(joinMs / 1000).toFixed(1)} s, ${MB(downloaded)} downloaded = ${(downloaded / compressed).toFixed(2)}× the data (budget 2×)`,
      `files on the server: ${filesAfterJoin} after the join, ${filesLater} once A has synced again (${MB(await bytesIn(join(dav.dir, 'bench')))})`,
    ].join('\n'),
  );
  expect(firstMs).toBeLessThan(60_000);
  expect(firstBytes).toBeLessThan(20e6);
  expect(oneChange).toBeLessThan(5_000);
  expect(downloaded).toBeLessThan(2 * compressed);
});
