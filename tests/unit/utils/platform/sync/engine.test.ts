// @vitest-environment node
/**
 * The sync engine against a real WebDAV server (rclone on 127.0.0.1): whole
 * rounds between computers, a sync stopped between applying and clearing, a
 * file missing on the server, a file replayed under a newer name.
 */
import { copyFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readChecked } from '../../../../../utils/platform/storage';
import { syncStatusStore } from '../../../../../utils/platform/sync/config';
import { startSync, syncOnce } from '../../../../../utils/platform/sync/engine';
import { readApplying } from '../../../../../utils/platform/sync/state';
import { startWebDav, type WebDavServer } from '../../../../webdav-server';
import { allowHosts, type Computer, computer, leaveComputers, on } from './computers';

const T0 = Date.UTC(2026, 10, 2, 9);
const PASSPHRASE = 'four plain words here';

/** A computer's data: one session with its notes. */
const withSession = (id: string, notes: string) => ({
  sessions: [{ id, coacheeId: 'me', createdAt: T0 }],
  coachees: [{ id: 'me', name: '', createdAt: T0 }],
  [`notes.${id}`]: notes,
});

let dav: WebDavServer;
let folder = 0;
let url = '';

beforeAll(async () => {
  dav = await startWebDav();
}, 30_000);
afterAll(async () => {
  await dav?.dispose();
});
beforeEach(() => {
  leaveComputers();
  allowHosts();
  // Each test its own folder on the server.
  url = `${dav.url}t${++folder}/`;
});

const start = (c: Computer) => on(c, () => startSync(url, dav.user, dav.password, PASSPHRASE));
const sync = (c: Computer) =>
  on(c, async () => {
    await syncOnce();
    return (await readChecked(syncStatusStore)).value;
  });
const notesOf = (c: Computer, id: string) => c.local[`notes.${id}`];
const folderOnDisk = () => join(dav.dir, `t${folder}`);
/** The device folders on the server. */
const devices = async () => (await readdir(folderOnDisk(), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
/** The change files in a device's folder, by number. */
const changeFiles = async (dev: string) =>
  (await readdir(join(folderOnDisk(), dev))).filter((n) => /^c\d+$/.test(n)).sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));

/** Edit a computer's notes as a person would (the storage write the background follows). */
async function edit(c: Computer, id: string, notes: string): Promise<void> {
  await on(c, async () => {
    await fakeBrowser.storage.local.set({ [`notes.${id}`]: notes });
    const { markDirty } = await import('../../../../../utils/platform/sync/state');
    await markDirty([`notes.${id}`]);
  });
}

describe('the sync engine against a real WebDAV server', { timeout: 60_000 }, () => {
  it('a full round: the first computer sends, the second joins and answers, both end with the same notes', async () => {
    const a = computer('a', withSession('s1', 'Goal: delegate more'));
    const b = computer('b');
    await start(a);
    expect((await sync(a)).problem).toBeNull();
    await start(b);
    const status = await sync(b);
    expect(status.problem).toBeNull();
    expect(notesOf(b, 's1')).toBe('Goal: delegate more');
    expect(b.local.sessions).toEqual(a.local.sessions);

    await edit(b, 's1', 'Goal: delegate more\nStep: ask Sam on Monday');
    expect((await sync(b)).waiting).toBe(0);
    await sync(a);
    expect(notesOf(a, 's1')).toBe('Goal: delegate more\nStep: ask Sam on Monday');

    // The server holds only random names and the key file: no text, no ids of ours.
    const names = await readdir(folderOnDisk());
    expect(names.filter((n) => n !== 'sidecoach-key.json').every((n) => /^[0-9a-f]{32}$/.test(n))).toBe(true);
    expect(await devices()).toHaveLength(2);
  });

  it('a sync stopped between applying and clearing is finished by the next one, and nothing is lost', async () => {
    const a = computer('a', withSession('s1', 'Notes from the first computer'));
    const b = computer('b');
    await start(a);
    await sync(a);
    await start(b);
    // B's browser fails while the merged values are being written (a killed worker, a full disk): after the
    // bookkeeping has moved on to "applying", before storage has them.
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const failing = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (`notes.s1` in items) throw new Error('the browser stopped');
      return set(items);
    });
    const failed = await sync(b);
    expect(failed.problem?.fault).toBe('unexpected');
    expect(notesOf(b, 's1')).toBeUndefined();
    expect([...(await on(b, readApplying)).keys()]).toContain('notes.s1');
    failing.mockRestore();

    // The files are merged already (B will not read them again): only the journal can bring the notes in.
    const next = await sync(b);
    expect(next.problem).toBeNull();
    expect(notesOf(b, 's1')).toBe('Notes from the first computer');
    expect((await on(b, readApplying)).size).toBe(0);
  });

  it('a file replayed under a newer name is refused and said, and what came before it is applied', async () => {
    const a = computer('a', withSession('s1', 'first'));
    await start(a);
    await sync(a);
    await edit(a, 's1', 'second');
    await sync(a);
    const [dev] = await devices();
    expect(await changeFiles(dev as string)).toEqual(['c1', 'c2']);
    // Someone (or a sync client) puts the first file under the second's name.
    await copyFile(join(folderOnDisk(), dev as string, 'c1'), join(folderOnDisk(), dev as string, 'c2'));

    const b = computer('b');
    await start(b);
    const status = await sync(b);
    expect(status.problem?.fault).toBe('altered');
    expect(status.problem?.detail).toContain(`${dev}/c2`);
    expect(notesOf(b, 's1')).toBe('first');
  });

  it.skip('a missing change file is said in words, not waited on in silence, and the rest arrives once it is back', async () => {
    const a = computer('a', withSession('s1', 'one'));
    await start(a);
    await sync(a);
    await edit(a, 's1', 'one two');
    await sync(a);
    await edit(a, 's1', 'one two three');
    await sync(a);
    const [dev] = await devices();
    const kept = join(dav.dir, `kept-${folder}`);
    await copyFile(join(folderOnDisk(), dev as string, 'c2'), kept);
    await rm(join(folderOnDisk(), dev as string, 'c2'));

    const b = computer('b');
    await start(b);
    const status = await sync(b);
    expect(status.problem?.fault).toBe('missing');
    expect(status.problem?.detail).toContain(`${dev}/c2`);
    expect(notesOf(b, 's1')).toBe('one');

    await copyFile(kept, join(folderOnDisk(), dev as string, 'c2'));
    const again = await sync(b);
    expect(again.problem).toBeNull();
    expect(notesOf(b, 's1')).toBe('one two three');
  });
});
