// @vitest-environment node
/**
 * The sync engine against a real WebDAV server (rclone on 127.0.0.1): whole
 * rounds between computers, a sync stopped between applying and clearing, a
 * file missing on the server, a file replayed under a newer name.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeKeyFile, openKeyFile, parseKeyFile, toBase64 } from '../../../../../utils/platform/sync/crypto';
import { startSync, stopSync } from '../../../../../utils/platform/sync/engine';
import { createKeyFile, KEY_FILE } from '../../../../../utils/platform/sync/server';
import { closeSyncState, readApplying, readSecrets } from '../../../../../utils/platform/sync/state';
import { createDavClient } from '../../../../../utils/platform/sync/webdav';
import { startProxy } from '../../../../webdav-server';
import { type Computer, computer, on } from './computers';
import { edit, notesOf, PASSPHRASE, serverRounds, withSession } from './server-rounds';

/** Each test its own folder on the server (t1/, t2/, …). */
const rounds = serverRounds('t');
const { folderOnDisk, server, devices, start, sync } = rounds;
/** The change files in a device's folder, by number. */
const changeFiles = async (dev: string) =>
  (await readdir(join(folderOnDisk(), dev))).filter((n) => /^c\d+$/.test(n)).sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));

/** A computer that has sent three versions of its notes (c1, c2, c3). */
async function threeFiles(): Promise<{ a: Computer; dev: string }> {
  const a = computer('a', withSession('s1', 'one'));
  await start(a);
  await sync(a);
  await edit(a, 's1', 'one two');
  await sync(a);
  await edit(a, 's1', 'one two three');
  await sync(a);
  const [dev] = await devices();
  return { a, dev: dev as string };
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

    // The key and the app password are not where content scripts could read them.
    for (const c of [a, b]) expect(JSON.stringify(c.local.syncConfig)).not.toMatch(/"key"|"password"|app-password/);
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
    // Someone (or a sync client) puts the first file under the second's name, through the server.
    const first = await server().get(`${dev}/c1`);
    await server().remove(`${dev}/c2`);
    await server().create(`${dev}/c2`, first as Uint8Array<ArrayBuffer>);

    const b = computer('b');
    await start(b);
    const status = await sync(b);
    expect(status.problem?.fault).toBe('altered');
    expect(status.problem?.detail).toContain(`${dev}/c2`);
    expect(notesOf(b, 's1')).toBe('first');
  });

  it('a missing change file is said in words, not waited on in silence, and the rest arrives once it is back', async () => {
    const { dev } = await threeFiles();
    // Deleted through the server (a person in the server's web page, or a sync client).
    const kept = await server().get(`${dev}/c2`);
    await server().remove(`${dev}/c2`);

    const b = computer('b');
    await start(b);
    const status = await sync(b);
    expect(status.problem?.fault, status.problem?.detail).toBe('missing');
    expect(status.problem?.detail).toContain(`${dev}/c2`);
    expect(notesOf(b, 's1')).toBe('one');

    await server().create(`${dev}/c2`, kept as Uint8Array<ArrayBuffer>);
    const again = await sync(b);
    expect(again.problem).toBeNull();
    expect(notesOf(b, 's1')).toBe('one two three');
  });
});

describe('gaps found and said, files written once', { timeout: 90_000 }, () => {
  it('a log cut short at its end is noticed by the head file, and the cut files are not asked for again and again', async () => {
    const { dev } = await threeFiles();
    expect((await readdir(join(folderOnDisk(), dev))).sort()).toEqual(['c1', 'c2', 'c3', 'h3']);
    const cut = await server().get(`${dev}/c3`);
    await server().remove(`${dev}/c3`);
    const b = computer('b');
    await start(b);
    const status = await sync(b);
    expect(status.problem?.fault).toBe('missing');
    expect(status.problem?.detail).toBe(`${dev}/c3`);
    expect(notesOf(b, 's1')).toBe('one two');

    // Put back: the next sync takes it, and the problem is gone.
    await server().create(`${dev}/c3`, cut as Uint8Array<ArrayBuffer>);
    expect((await sync(b)).problem).toBeNull();
    expect(notesOf(b, 's1')).toBe('one two three');
  });

  it('files after a gap are not downloaded while it lasts', async () => {
    const { dev } = await threeFiles();
    await server().remove(`${dev}/c2`);
    const proxy = await startProxy(rounds.dav);
    const viaProxy = rounds.url.replace(rounds.dav.origin, proxy.origin);
    const b = computer('b');
    await on(b, () => startSync(viaProxy, rounds.dav.user, rounds.dav.password, PASSPHRASE));
    await sync(b);
    await sync(b);
    const gets = proxy.seen.filter((r) => r.startsWith('GET ') && r.includes(dev));
    expect(gets.filter((r) => r.endsWith('/c1'))).toHaveLength(1);
    expect(gets.filter((r) => r.endsWith('/c3'))).toEqual([]);
    await proxy.close();
  });

  it('a computer whose sent file is gone takes a new identity and sends everything again; the other gets it all', async () => {
    const { a, dev } = await threeFiles();
    await server().remove(`${dev}/c2`);
    const b = computer('b', withSession('s2', 'from b'));
    await start(b);
    expect((await sync(b)).problem?.fault).toBe('missing');
    expect(notesOf(b, 's1')).toBe('one');

    // A lists its own folder, finds c2 gone: new device id, everything again, the broken folder removed.
    expect((await sync(a)).problem).toBeNull();
    const now = await devices();
    expect(now).not.toContain(dev);
    expect(now).toHaveLength(2);
    expect(notesOf(a, 's2')).toBe('from b');
    const healed = await sync(b);
    expect(healed.problem).toBeNull();
    expect(notesOf(b, 's1')).toBe('one two three');
  });

  it('the whole folder deleted: each computer puts the key back, sends everything again, nothing is lost', async () => {
    const { a } = await threeFiles();
    // B has sent files of its own too: both find their folders gone.
    const b = computer('b', withSession('s2', 'from b'));
    await start(b);
    await sync(b);
    await edit(b, 's1', 'one two three four');
    // B's edit waits (offline, say) while the folder is deleted on the server.
    await server().remove('');
    expect((await sync(a)).problem).toBeNull();
    expect((await sync(b)).problem).toBeNull();
    expect((await sync(a)).problem).toBeNull();
    expect(notesOf(a, 's1')).toBe('one two three four');
    expect(notesOf(b, 's1')).toBe('one two three four');
    expect(notesOf(a, 's2')).toBe('from b');
    expect(await devices()).toHaveLength(2);
  });

  it('two computers starting at the same moment on an empty folder end with one key file', async () => {
    const first = JSON.stringify((await makeKeyFile(PASSPHRASE, 100_000)).file);
    const second = JSON.stringify((await makeKeyFile(PASSPHRASE, 100_000)).file);
    // As the engine's client does: a request the server answers "locked" (rclone, to the second of two at once) is tried again.
    const computerClient = () =>
      createDavClient({ url: rounds.url, user: rounds.dav.user, password: rounds.dav.password, retryDelays: [100, 400] });
    const [x, y] = await Promise.all([createKeyFile(computerClient(), first), createKeyFile(computerClient(), second)]);
    expect(x).toBe(y);
    expect(new TextDecoder().decode((await server().get(KEY_FILE)) as Uint8Array)).toBe(x);
    // No temporary upload is left behind by the one that lost.
    expect(await readdir(folderOnDisk())).toEqual([KEY_FILE]);
  });

  it('starting never makes a key file where computers have data and the key file is gone', async () => {
    const { a } = await threeFiles();
    await server().remove(KEY_FILE);
    const c = computer('c');
    await expect(start(c)).rejects.toMatchObject({ fault: 'keyMissing' });
    expect(await server().get(KEY_FILE)).toBeNull();
    // A computer that still syncs puts it back; then the new one starts with the same passphrase.
    await sync(a);
    await start(c);
    await sync(c);
    expect(notesOf(c, 's1')).toBe('one two three');
  });

  it('a name taken by another file (a profile restored from a copy): the file is never replaced, the computer renews', async () => {
    const { a, dev } = await threeFiles();
    const foreign = new Uint8Array([1, 2, 3, 4]);
    await server().create(`${dev}/c4`, foreign);
    await server().create(`${dev}/tmp-left-over`, new Uint8Array([9]));
    await edit(a, 's1', 'one two three, and four');
    // A reads its old folder as another computer's now, and says the file there is not one it can open.
    expect((await sync(a)).problem).toMatchObject({ fault: 'altered', detail: `${dev}/c4` });
    // The other file stays as it was; A now writes under a new device id.
    expect([...((await server().get(`${dev}/c4`)) ?? [])]).toEqual([...foreign]);
    expect(await devices()).toHaveLength(2);
    const b = computer('b');
    await start(b);
    // B says the other file cannot be read (it is not a Sidecoach file) and has everything A wrote.
    expect((await sync(b)).problem).toMatchObject({ fault: 'altered', detail: `${dev}/c4` });
    expect(notesOf(b, 's1')).toBe('one two three, and four');
  });

  it('a computer removes its own leftover temporary uploads', async () => {
    const { a, dev } = await threeFiles();
    await server().create(`${dev}/tmp-left-over`, new Uint8Array([9]));
    await sync(a);
    expect((await readdir(join(folderOnDisk(), dev))).filter((n) => n.startsWith('tmp-'))).toEqual([]);
  });
});

describe('secrets', { timeout: 60_000 }, () => {
  it('a key and app password kept in storage.local by an earlier version move out at the next sync', async () => {
    const a = computer('a', withSession('s1', 'moved'));
    await start(a);
    const keyFile = (a.local.syncConfig as { keyFile: string }).keyFile;
    const raw = await openKeyFile(parseKeyFile(keyFile), PASSPHRASE);
    // What an earlier version kept: the raw key and the password in storage.local, nothing in the database.
    await on(a, async () => {
      await closeSyncState();
      await new Promise<void>((resolve) => {
        const open = indexedDB.open('sidecoach-sync');
        open.onsuccess = () => {
          const tx = open.result.transaction('secrets', 'readwrite');
          tx.objectStore('secrets').clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      });
      await fakeBrowser.storage.local.set({
        syncConfig: { url: rounds.url, user: rounds.dav.user, password: rounds.dav.password, key: toBase64(raw), keyFile },
      });
    });
    expect((await sync(a)).problem).toBeNull();
    expect(a.local.syncConfig).toEqual({ url: rounds.url, user: rounds.dav.user, keyFile });
    const b = computer('b');
    await start(b);
    await sync(b);
    expect(notesOf(b, 's1')).toBe('moved');
    const secrets = await on(a, readSecrets);
    expect(secrets?.password).toBe(rounds.dav.password);
    expect(secrets?.key.extractable).toBe(false);
  });
});

describe('stopping and deleting everything', { timeout: 60_000 }, () => {
  it('stopping forgets sync here: its settings, its database and the access to the server (given back)', async () => {
    const a = computer('a', withSession('s1', 'kept here'));
    await start(a);
    await sync(a);
    const removed: string[] = [];
    fakeBrowser.runtime.getManifest = () => ({
      manifest_version: 3,
      name: 'x',
      version: '1',
      host_permissions: ['https://meet.google.com/*'],
    });
    fakeBrowser.permissions.getAll = async () => ({ origins: ['https://meet.google.com/*', 'http://127.0.0.1/*'], permissions: [] });
    fakeBrowser.permissions.remove = async (p) => {
      removed.push(...(p.origins ?? []));
      return true;
    };
    await on(a, async () => {
      expect((await indexedDB.databases()).map((d) => d.name)).toContain('sidecoach-sync');
      await stopSync();
      expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('sidecoach-sync');
    });
    expect(removed).toEqual(['http://127.0.0.1/*']);
    expect(a.local.syncConfig ?? null).toBeNull();
    expect(notesOf(a, 's1')).toBe('kept here');
  });
});

describe('snapshots', { timeout: 120_000 }, () => {
  /** Prose-like words that compress about as notes do (a fixed sequence: the same text every run). */
  function prose(words: number, seed: number): string {
    const vocabulary = ['goal', 'step', 'team', 'meeting', 'feedback', 'question', 'Kim', 'Monday', 'plan', 'practise', 'ask', 'first'];
    let x = seed;
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      out.push(`${vocabulary[x % vocabulary.length]}${x % 97}`);
    }
    return out.join(' ');
  }

  it('a computer joining after many edits of one note reads a snapshot, not every change file', async () => {
    const a = computer('a', withSession('s1', prose(800, 1)));
    await start(a);
    await sync(a);
    const edits = 40;
    for (let i = 0; i < edits; i++) {
      await edit(a, 's1', `${prose(800, 1)} ${prose(20 + i, i + 7)}`);
      await sync(a);
    }
    const [dev] = await devices();
    const names = await readdir(join(folderOnDisk(), dev as string));
    expect(names.filter((n) => /^s\d+$/.test(n))).toHaveLength(1);

    const proxy = await startProxy(rounds.dav);
    const b = computer('b');
    await on(b, () => startSync(rounds.url.replace(rounds.dav.origin, proxy.origin), rounds.dav.user, rounds.dav.password, PASSPHRASE));
    expect((await sync(b)).problem).toBeNull();
    expect(notesOf(b, 's1')).toBe(notesOf(a, 's1'));
    const changeGets = proxy.seen.filter((r) => r.startsWith('GET ') && /\/c\d+$/.test(r));
    expect(changeGets.length).toBeLessThan(edits / 2);
    await proxy.close();
  });
});
