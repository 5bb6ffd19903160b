// @vitest-environment node
/**
 * Computers and passphrases against a real WebDAV server (rclone on 127.0.0.1): a computer named and
 * listed, a computer removed (it reads nothing written after), the passphrase changed (the others ask
 * for it, then sync both ways with nothing lost or doubled).
 */
import { describe, expect, it } from 'vitest';
import { SYNC_CONFLICT_MARKER } from '../../../../../utils/domain/sync/keys';
import { readChecked } from '../../../../../utils/platform/storage';
import { syncConfigStore } from '../../../../../utils/platform/sync/config';
import { clientFor, secretsOf, startSync } from '../../../../../utils/platform/sync/engine';
import { listComputers } from '../../../../../utils/platform/sync/names';
import { changeKey, enterNewKey } from '../../../../../utils/platform/sync/rekey';
import { readMeta } from '../../../../../utils/platform/sync/state';
import { type Computer, computer, on } from './computers';
import { edit, notesOf, PASSPHRASE, serverRounds, T0, withSession } from './server-rounds';

const NEW_PASSPHRASE = 'seven green apples on a wall';

/** Each test its own folder on the server (k1/, k2/, …); every sync at T0. */
const rounds = serverRounds('k', T0);
const { devices, start, sync } = rounds;
const devOf = (c: Computer) => on(c, async () => (await readMeta()).dev);

/** Three computers syncing the same notes. */
async function threeComputers(): Promise<[Computer, Computer, Computer]> {
  const a = computer('a', withSession('s1', 'Goal: delegate more'));
  const b = computer('b');
  const c = computer('c');
  await start(a);
  await sync(a);
  for (const x of [b, c]) {
    await start(x);
    expect((await sync(x)).problem).toBeNull();
  }
  expect(notesOf(c, 's1')).toBe('Goal: delegate more');
  return [a, b, c];
}

describe('computers and passphrases against a real WebDAV server', { timeout: 120_000 }, () => {
  it('a computer named on one is listed with its name and when it was last seen on another', async () => {
    const a = computer('a', withSession('s1', 'notes'));
    const b = computer('b');
    await start(a);
    await on(a, async () => {
      const config = (await readChecked(syncConfigStore)).value;
      await syncConfigStore.item.setValue({ ...(config as NonNullable<typeof config>), name: 'Office laptop' });
    });
    await sync(a);
    await start(b);
    await sync(b);
    const list = await on(b, async () => {
      const config = (await readChecked(syncConfigStore)).value as NonNullable<Awaited<ReturnType<typeof readChecked>>['value']>;
      const secrets = await secretsOf(config as never);
      return listComputers(clientFor(config as never, secrets.password), secrets.key, (await readMeta()).dev, T0);
    });
    expect(list).toHaveLength(2);
    expect(list[0]?.self).toBe(true);
    expect(list[1]).toMatchObject({ dev: await devOf(a), name: 'Office laptop', seenAt: T0, self: false });
  });

  it('a computer removed reads nothing written after; the others ask for the passphrase, then sync both ways', async () => {
    const [a, b, c] = await threeComputers();
    const gone = await devOf(c);
    await on(a, () => changeKey(PASSPHRASE, [gone], T0));
    expect((await sync(a)).problem).toBeNull();
    // Only A's new folder is left: every folder of the old key was removed.
    expect(await devices()).toEqual([await devOf(a)]);
    await edit(a, 's1', 'Goal: delegate more\nAfter the removal: ask Sam');
    await sync(a);

    const removed = await sync(c);
    expect(removed.problem?.fault).toBe('removed');
    expect(notesOf(c, 's1')).toBe('Goal: delegate more');

    const asked = await sync(b);
    expect(asked.problem?.fault).toBe('keyChanged');
    await edit(b, 's1', 'Goal: delegate more\nFrom B while the key changed');
    await on(b, () => enterNewKey(PASSPHRASE));
    expect((await sync(b)).problem).toBeNull();
    await sync(a);
    for (const x of [a, b]) {
      const notes = String(notesOf(x, 's1'));
      expect(notes).toContain('After the removal: ask Sam');
      expect(notes).toContain('From B while the key changed');
      expect(notes).not.toContain(SYNC_CONFLICT_MARKER);
    }
    expect(notesOf(a, 's1')).toBe(notesOf(b, 's1'));
    // C still reads nothing new, on its next sync too.
    expect((await sync(c)).problem?.fault).toBe('removed');
    expect(String(notesOf(c, 's1'))).not.toContain('ask Sam');
  });

  it('the passphrase changed on one computer: the other refuses the old one, takes the new one and syncs', async () => {
    const a = computer('a', withSession('s1', 'first words'));
    const b = computer('b');
    await start(a);
    await sync(a);
    await start(b);
    await sync(b);
    await on(a, () => changeKey(NEW_PASSPHRASE, [], T0));
    await sync(a);
    await edit(a, 's1', 'first words\nwritten under the new key');
    await sync(a);

    expect((await sync(b)).problem?.fault).toBe('keyChanged');
    await expect(on(b, () => enterNewKey(PASSPHRASE))).rejects.toThrow();
    expect((await sync(b)).problem?.fault).toBe('keyChanged');
    await on(b, () => enterNewKey(NEW_PASSPHRASE));
    expect((await sync(b)).problem).toBeNull();
    expect(notesOf(b, 's1')).toBe('first words\nwritten under the new key');
    await edit(b, 's1', 'first words\nwritten under the new key\nand an answer from B');
    await sync(b);
    await sync(a);
    expect(notesOf(a, 's1')).toBe('first words\nwritten under the new key\nand an answer from B');
    // A third computer joins with the new passphrase only.
    const c = computer('c');
    await expect(start(c)).rejects.toThrow();
    await on(c, () => startSync(rounds.url, rounds.dav.user, rounds.dav.password, NEW_PASSPHRASE));
    expect((await sync(c)).problem).toBeNull();
    expect(notesOf(c, 's1')).toBe(notesOf(a, 's1'));
  });
});
