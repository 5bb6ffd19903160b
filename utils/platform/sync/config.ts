/**
 * Sync's settings and status, kept in this browser only (never synced, never
 * in a backup): where the server is, the account, the key made from the
 * passphrase (the passphrase itself is not kept), and how the last sync went.
 */
import * as v from 'valibot';
import { define } from '../storage';

const Text = v.pipe(v.string(), v.maxLength(2000));

const SyncConfigSchema = v.nullable(
  v.object({
    /** The server folder's URL (ending in `/`). */
    url: Text,
    user: Text,
    /** The app password (kept so the background can sync; extension storage is private to Sidecoach). */
    password: Text,
    /** The 256-bit key derived from the passphrase, base64. */
    key: Text,
    /** The server's key file as it was when the passphrase was checked (to put back if the folder is lost). */
    keyFile: v.pipe(v.string(), v.maxLength(4000)),
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
