/**
 * Sync rounds of several computers (./computers.ts) against one real WebDAV
 * server (rclone on 127.0.0.1) for a whole test file, each test in a fresh
 * folder on it: the set-up the engine's and the passphrase tests share.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readChecked } from '../../../../../utils/platform/storage';
import { syncStatusStore } from '../../../../../utils/platform/sync/config';
import { startSync, syncOnce } from '../../../../../utils/platform/sync/engine';
import { markDirty } from '../../../../../utils/platform/sync/state';
import { createDavClient } from '../../../../../utils/platform/sync/webdav';
import { startWebDav, type WebDavServer } from '../../../../webdav-server';
import { allowHosts, type Computer, leaveComputers, on } from './computers';

/** A fixed moment the tests' data is made at (no test depends on the machine's clock). */
export const T0 = Date.UTC(2026, 10, 2, 9);
/** The passphrase every computer starts with. */
export const PASSPHRASE = 'four plain words here';

/** A computer's data: one session with its notes. */
export const withSession = (id: string, notes: string) => ({
  sessions: [{ id, coacheeId: 'me', createdAt: T0 }],
  coachees: [{ id: 'me', name: '', createdAt: T0 }],
  [`notes.${id}`]: notes,
});

/** A session's notes as a computer has them stored. */
export const notesOf = (c: Computer, id: string) => c.local[`notes.${id}`];

/** Edit a computer's notes as a person would (the storage write the background follows). */
export async function edit(c: Computer, id: string, notes: string): Promise<void> {
  await on(c, async () => {
    await fakeBrowser.storage.local.set({ [`notes.${id}`]: notes });
    await markDirty([`notes.${id}`]);
  });
}

/** The file's server and the steps against the current test's folder on it. */
export interface ServerRounds {
  /** The server (set once the file's beforeAll has run). */
  readonly dav: WebDavServer;
  /** The current test's folder on the server, ending in `/`. */
  readonly url: string;
  /** The same folder on disk. */
  folderOnDisk(): string;
  /** The server as another program sees it (the test's own hands on the files). */
  server(): ReturnType<typeof createDavClient>;
  /** The device folders on the server. */
  devices(): Promise<string[]>;
  /** A computer starts syncing into the folder with PASSPHRASE. */
  start(c: Computer): Promise<void>;
  /** One sync on a computer (at `now`, or the clock's time); returns its status afterwards. */
  sync(c: Computer): ReturnType<typeof readStatus>;
}

const readStatus = async () => (await readChecked(syncStatusStore)).value;

/**
 * Start one server for the test file and give each test its own folder (`<prefix><n>/`) and a
 * fresh set of computers; call at the top of the file. `now` is the time each sync is given.
 */
export function serverRounds(prefix: string, now?: number): ServerRounds {
  let dav: WebDavServer | undefined;
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
    url = `${rounds.dav.url}${prefix}${++folder}/`;
  });
  const rounds: ServerRounds = {
    get dav() {
      if (!dav) throw new Error('The WebDAV server has not started (serverRounds runs in beforeAll).');
      return dav;
    },
    get url() {
      return url;
    },
    folderOnDisk: () => join(rounds.dav.dir, `${prefix}${folder}`),
    server: () => createDavClient({ url, user: rounds.dav.user, password: rounds.dav.password, retryDelays: [] }),
    devices: async () => (await readdir(rounds.folderOnDisk(), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name),
    start: (c) => on(c, () => startSync(url, rounds.dav.user, rounds.dav.password, PASSPHRASE)),
    sync: (c) =>
      on(c, async () => {
        await syncOnce(now);
        return readStatus();
      }),
  };
  return rounds;
}
