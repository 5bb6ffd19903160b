// @vitest-environment node
/**
 * Change files removed once every active computer has merged them, against a real WebDAV server (rclone on
 * 127.0.0.1): removed after all merged, held back while one active computer lags, a computer back after a
 * long time starting again from the snapshot with nothing lost, and a sync stopped in the middle of its removals.
 */
import { describe, expect, it, vi } from 'vitest';
import { ACTIVE_MS } from '../../../../../utils/domain/sync/prune';
import { readMeta } from '../../../../../utils/platform/sync/state';
import { computer, on } from './computers';
import { DAY, devOf, GOAL, MINUTE, pruneSteps, syncAt, transcript } from './prune-steps';
import { edit, notesOf, serverRounds, T0 } from './server-rounds';

const rounds = serverRounds('p');
const { devices, start } = rounds;
const { filesOf, changeFiles, started } = pruneSteps(rounds);
const PASTED = `${GOAL}\n${transcript(120_000)}`;

describe('change files every active computer merged are removed', { timeout: 120_000 }, () => {
  it('removed once all merged and a snapshot covers them; a computer joining later has every word, later words arrive', async () => {
    const b = computer('b');
    const c = computer('c');
    const { a, aDev } = await started([b]);
    // B merged c1, but no snapshot covers it yet: nothing goes.
    await syncAt(a, T0 + 10 * MINUTE);
    expect(await changeFiles(aDev)).toEqual(['c1']);

    // A pasted a long transcript: its change file outweighs the first upload, so A writes a snapshot.
    await edit(a, 's1', PASTED);
    expect((await syncAt(a, T0 + 11 * MINUTE)).problem).toBeNull();
    expect(await filesOf(aDev, /^s\d+$/)).toEqual(['s2']);
    expect((await syncAt(b, T0 + 12 * MINUTE)).problem).toBeNull();
    await edit(b, 's1', `${PASTED}\nStep: ask Sam on Monday`);
    expect((await syncAt(b, T0 + 13 * MINUTE)).problem).toBeNull();
    // C joins late: from A's snapshot and B's change files.
    await start(c);
    expect((await syncAt(c, T0 + 14 * MINUTE)).problem).toBeNull();
    expect(notesOf(c, 's1')).toBe(`${PASTED}\nStep: ask Sam on Monday`);

    // C only reads (it has nothing of its own to send): it says what it merged in a merged file.
    const cDev = await devOf(c);
    expect(await filesOf(cDev, /^[chm]\d+$/)).toEqual(['m1']);
    // All three have merged c1 and c2 (B and C said so): A removes them; its head and snapshot stay.
    expect((await syncAt(a, T0 + 15 * MINUTE)).problem).toBeNull();
    expect(await changeFiles(aDev)).toEqual([]);
    expect(await filesOf(aDev, /^[hs]\d+$/)).toEqual(['h2', 's2']);
    expect(await on(a, readMeta)).toMatchObject({ removed: 2 });

    // A fourth computer joining now has every word; a word written after arrives everywhere.
    const d = computer('d');
    await start(d);
    expect((await syncAt(d, T0 + 16 * MINUTE)).problem).toBeNull();
    expect(notesOf(d, 's1')).toBe(`${PASTED}\nStep: ask Sam on Monday`);
    await edit(a, 's1', `${PASTED}\nStep: ask Sam on Monday\nDone: asked`);
    expect((await syncAt(a, T0 + 17 * MINUTE)).problem).toBeNull();
    for (const x of [b, c, d]) {
      expect((await syncAt(x, T0 + 18 * MINUTE)).problem).toBeNull();
      expect(notesOf(x, 's1')).toBe(`${PASTED}\nStep: ask Sam on Monday\nDone: asked`);
    }
    expect(await devices()).toHaveLength(4);
  });

  it('held back while one active computer lags, removed once it has merged them too', async () => {
    const b = computer('b');
    const c = computer('c');
    const { a, aDev } = await started([b, c]);
    await edit(a, 's1', PASTED);
    await syncAt(a, T0 + 10 * MINUTE);
    await syncAt(b, T0 + 11 * MINUTE);
    // C (synced a few minutes ago, so active) has merged only c1: c2 stays for it.
    expect((await syncAt(a, T0 + 12 * MINUTE)).problem).toBeNull();
    expect(await changeFiles(aDev)).toEqual(['c2']);
    expect((await syncAt(c, T0 + 13 * MINUTE)).problem).toBeNull();
    expect(notesOf(c, 's1')).toBe(PASTED);
    // C's newest merged file does not open (altered on the server): A takes C for neither away nor up to date.
    const cDev = await devOf(c);
    const [mark] = await filesOf(cDev, /^m\d+$/);
    const good = await rounds.server().get(`${cDev}/${mark}`);
    await rounds.server().remove(`${cDev}/${mark}`);
    await rounds.server().create(`${cDev}/${mark}`, new Uint8Array([1, 2, 3]));
    expect((await syncAt(a, T0 + 14 * MINUTE)).problem).toBeNull();
    expect(await changeFiles(aDev)).toEqual(['c2']);
    await rounds.server().remove(`${cDev}/${mark}`);
    await rounds.server().create(`${cDev}/${mark}`, good as Uint8Array<ArrayBuffer>);
    expect((await syncAt(a, T0 + 15 * MINUTE)).problem).toBeNull();
    expect(await changeFiles(aDev)).toEqual([]);
  });

  it('a computer back after a long time finds the files it needs removed: it starts from the snapshot and loses no word', async () => {
    const c = computer('c');
    const { a, aDev } = await started([c]);
    // C is put away with an edit of its own not yet sent; A goes on for weeks.
    await edit(c, 's1', `${GOAL}\nWritten on C while away`);
    const later = T0 + ACTIVE_MS + DAY;
    await edit(a, 's1', PASTED);
    await syncAt(a, later);
    expect((await syncAt(a, later + MINUTE)).problem).toBeNull();
    // C not heard of for longer than ACTIVE_MS holds nothing back.
    expect(await changeFiles(aDev)).toEqual([]);

    const back = await syncAt(c, later + 2 * MINUTE);
    expect(back.problem).toBeNull();
    const text = notesOf(c, 's1') as string;
    expect(text).toContain(transcript(120_000));
    expect(text).toContain('Written on C while away');
    expect((await syncAt(a, later + 3 * MINUTE)).problem).toBeNull();
    expect(notesOf(a, 's1')).toBe(text);
  });

  it('a sync stopped in the middle of its removals: the next one finishes them, and no removed file counts as lost', async () => {
    const { a, aDev } = await started([]);
    await edit(a, 's1', PASTED);
    // The removals fail (the browser stopped, the server refused): the number to remove up to is kept first.
    const realFetch = globalThis.fetch;
    const refused = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async (input, init) =>
        init?.method === 'DELETE' && /\/c\d+$/.test(String(input)) ? new Response(null, { status: 403 }) : realFetch(input, init),
      );
    expect((await syncAt(a, T0 + MINUTE)).problem).toBeNull();
    refused.mockRestore();
    // (c2 went up in this very sync, after A had listed its folder: c1 was the one to go.)
    expect(await changeFiles(aDev)).toEqual(['c1', 'c2']);
    expect(await on(a, readMeta)).toMatchObject({ removed: 1 });

    // A computer joining in between reads the snapshot and has every word.
    const b = computer('b');
    await start(b);
    expect((await syncAt(b, T0 + 2 * MINUTE)).problem).toBeNull();
    expect(notesOf(b, 's1')).toBe(PASTED);

    // The next sync removes them, and A keeps its identity (its folder is not taken for lost).
    expect((await syncAt(a, T0 + 3 * MINUTE)).problem).toBeNull();
    expect(await changeFiles(aDev)).toEqual([]);
    expect(await devOf(a)).toBe(aDev);
    await edit(a, 's1', `${PASTED}\nafter`);
    expect((await syncAt(a, T0 + 4 * MINUTE)).problem).toBeNull();
    expect(await devOf(a)).toBe(aDev);
    expect(await changeFiles(aDev)).toEqual(['c3']);
    expect((await syncAt(b, T0 + 5 * MINUTE)).problem).toBeNull();
    expect(notesOf(b, 's1')).toBe(`${PASTED}\nafter`);
  });
});
