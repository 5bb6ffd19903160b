/**
 * Steps the removal tests share (prune.test.ts and its review, prune-review.test.ts): a sync at a given
 * moment, a computer's folder as the server's disk holds it, and text that barely compresses.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readChecked } from '../../../../../utils/platform/storage';
import { syncStatusStore } from '../../../../../utils/platform/sync/config';
import { syncOnce } from '../../../../../utils/platform/sync/engine';
import { readMeta } from '../../../../../utils/platform/sync/state';
import { type Computer, computer, on } from './computers';
import { notesOf, type ServerRounds, T0, withSession } from './server-rounds';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
/** The first computer's notes. */
export const GOAL = 'Goal: delegate more';

/** One sync on a computer at the moment `at`; its status afterwards. */
export const syncAt = (c: Computer, at: number) =>
  on(c, async () => {
    await syncOnce(at);
    return (await readChecked(syncStatusStore)).value;
  });

/** The computer's device folder name on the server. */
export const devOf = (c: Computer) => on(c, async () => (await readMeta()).dev);

/** A pasted transcript: text that barely compresses (a fixed sequence from `seed`), so its change file outweighs the first upload. */
export function transcript(chars: number, seed = 7): string {
  let x = seed;
  let out = '';
  const letters = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,';
  while (out.length < chars) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += letters[(x >>> 16) % letters.length];
  }
  return out;
}

/** The files of the test's folder on the server's disk, and computers started into it. */
export function pruneSteps(rounds: ServerRounds) {
  /** The names in a computer's folder matching `pattern`, by number ([] when the folder is gone). */
  const filesOf = async (dev: string, pattern: RegExp) =>
    (await readdir(join(rounds.folderOnDisk(), dev)).catch(() => [] as string[]))
      .filter((n) => pattern.test(n))
      .sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
  return {
    filesOf,
    changeFiles: (dev: string) => filesOf(dev, /^c\d+$/),
    /** A starts with one session (GOAL), and each of `others` starts and syncs a minute apart: every one has merged A's c1. */
    async started(others: Computer[]): Promise<{ a: Computer; aDev: string }> {
      const a = computer('a', withSession('s1', GOAL));
      await rounds.start(a);
      expect((await syncAt(a, T0)).problem).toBeNull();
      for (const [i, c] of others.entries()) {
        await rounds.start(c);
        expect((await syncAt(c, T0 + (i + 1) * MINUTE)).problem).toBeNull();
        expect(notesOf(c, 's1')).toBe(GOAL);
      }
      return { a, aDev: await devOf(a) };
    },
  };
}
