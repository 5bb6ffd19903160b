/**
 * The options page's requests to the background's sync (a platform adapter):
 * the sync itself runs only in the background, so no page carries its code
 * and a page closed mid-sync stops nothing. The passphrase passes from the
 * page to the background inside the extension, and no further.
 */
import { browser } from 'wxt/browser';
import type { SyncReply } from '../messaging';
import { send } from '../messaging';
import { originPattern } from './config';

/** A request to the background's sync. */
export type SyncRequest =
  | { type: 'syncTest'; url: string; user: string; password: string }
  | { type: 'syncStart'; url: string; user: string; password: string; passphrase: string }
  | { type: 'syncNow' }
  | { type: 'syncStop' }
  | { type: 'syncComputers' }
  | { type: 'syncName'; name: string }
  | { type: 'syncRekey'; passphrase: string; remove: string[] }
  | { type: 'syncRejoin'; passphrase: string };

/** The background's answer: done (with what a test found), or the problem (one type with the message map's). */
export type { SyncReply } from '../messaging';

const TYPES = new Set(['syncTest', 'syncStart', 'syncNow', 'syncStop', 'syncComputers', 'syncName', 'syncRekey', 'syncRejoin']);
const DEVICE_ID = /^[0-9a-f]{32}$/;

/** Narrow an incoming message to a sync request, or null. */
export function asSyncRequest(raw: unknown): SyncRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const msg = raw as Record<string, unknown>;
  if (typeof msg.type !== 'string' || !TYPES.has(msg.type)) return null;
  const strings = (...keys: string[]) => keys.every((k) => typeof msg[k] === 'string');
  if (msg.type === 'syncTest' && !strings('url', 'user', 'password')) return null;
  if (msg.type === 'syncStart' && !strings('url', 'user', 'password', 'passphrase')) return null;
  if (msg.type === 'syncName' && !strings('name')) return null;
  if ((msg.type === 'syncRekey' || msg.type === 'syncRejoin') && !strings('passphrase')) return null;
  if (msg.type === 'syncRekey' && !(Array.isArray(msg.remove) && msg.remove.every((d) => typeof d === 'string' && DEVICE_ID.test(d))))
    return null;
  return msg as SyncRequest;
}

/** Ask the background's sync to do something, and wait for its answer. */
export async function askSync(request: SyncRequest): Promise<SyncReply> {
  const { type, ...payload } = request;
  // The typed message map (messaging.ts) types each request; the background checks its fields (message-checks.ts).
  // The cast: `type` is a union here, so the payload's type cannot follow it; SyncRequest has the same shapes.
  const reply = await send(type, payload as never);
  return reply ?? { ok: false, fault: 'unexpected' };
}

/** Ask for access to the server: call it first thing in a click (the browser needs the gesture). */
export function requestHostAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] });
}
