/**
 * Sync's settings and status, kept in this browser only (never synced, never
 * in a backup): where the server is, the account's user name, the server's key
 * file, and how the last sync went. The secrets (the key made from the
 * passphrase, and the app password) are not here: `storage.local` can be read
 * by content scripts, and ours run on Meet and Zoom; they are in sync's
 * IndexedDB (state.ts), the key as a non-extractable CryptoKey. The
 * passphrase itself is kept nowhere.
 */
import * as v from 'valibot';
import { define } from '../storage';

const Text = v.pipe(v.string(), v.maxLength(2000));

const SyncConfigSchema = v.nullable(
  v.object({
    /** The server folder's URL (ending in `/`). */
    url: Text,
    user: Text,
    /** Before secrets moved to IndexedDB: the app password (moved out at the next sync). */
    password: v.optional(Text),
    /** Before secrets moved to IndexedDB: the raw key, base64 (moved out at the next sync). */
    key: v.optional(Text),
    /** The server's key file as it was when the passphrase was checked (to put back if the folder is lost). */
    keyFile: v.pipe(v.string(), v.maxLength(4000)),
    /** The key's epoch: 1 until a passphrase change or a computer's removal made a new key (`sidecoach-key-<e>.json`). */
    epoch: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    /** This computer's name, as the person gave it (sent encrypted, shown in every computer's list). */
    name: v.optional(v.pipe(v.string(), v.maxLength(200))),
    /** The name as last sent to the server (a new name is sent at the next sync). */
    sentName: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
);
export type SyncConfig = v.InferOutput<typeof SyncConfigSchema>;

/** Where and how this browser syncs; null while sync is off. */
export const syncConfigStore = define<SyncConfig>('local:syncConfig', SyncConfigSchema, null);

const SyncStatusSchema = v.object({
  running: v.boolean(),
  /** When the last sync completed (epoch ms). */
  lastSyncedAt: v.nullable(v.number()),
  /** Changes recorded here and not yet on the server. */
  waiting: v.number(),
  /** The last problem (a SyncFault), when the last sync failed or refused a file. */
  problem: v.nullable(v.object({ fault: v.string(), at: v.number(), detail: v.pipe(v.string(), v.maxLength(500)) })),
  /** Failed syncs in a row (for the wait before the next try). */
  failures: v.number(),
});
export type SyncStatus = v.InferOutput<typeof SyncStatusSchema>;

const IDLE_STATUS: SyncStatus = { running: false, lastSyncedAt: null, waiting: 0, problem: null, failures: 0 };

/** How the last sync went, for the status line. */
export const syncStatusStore = define<SyncStatus>('local:syncStatus', SyncStatusSchema, IDLE_STATUS);

/** The origin pattern host access is asked for (`https://host:port/*`). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
