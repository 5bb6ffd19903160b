/**
 * The input check of every message the background answers (a platform adapter,
 * loaded by the background only): a message from another context is data from
 * outside, so its fields are checked before a handler sees it. Kept apart from
 * messaging.ts, which the pages and content scripts load, so their bundles do
 * not carry checks they never run.
 */
import type { MessageCheck } from './message-answers';
import type { Protocol } from './messaging';

const strings = (m: Record<string, unknown>, ...keys: string[]) => keys.every((k) => typeof m[k] === 'string');

/** One check per message type (the map is complete: a new message without a check does not compile). */
export const MESSAGE_CHECKS: { [K in keyof Protocol]: MessageCheck } = {
  callState: (m) =>
    (m.platform === 'meet' || m.platform === 'zoom') &&
    (m.state === 'none' || m.state === 'inCall' || m.state === 'unsure' || m.state === 'ended') &&
    typeof m.url === 'string',
  chime: () => true,
  historyQuery: (m) =>
    typeof m.query === 'string' &&
    (m.snippets === undefined || typeof m.snippets === 'boolean') &&
    (m.coacheeId === null || typeof m.coacheeId === 'string') &&
    Number.isInteger(m.offset) &&
    Number.isInteger(m.limit),
  syncTest: (m) => strings(m, 'url', 'user', 'password'),
  syncStart: (m) => strings(m, 'url', 'user', 'password', 'passphrase'),
  syncNow: () => true,
  syncStop: () => true,
  syncComputers: () => true,
  syncName: (m) => strings(m, 'name'),
  syncRekey: (m) => strings(m, 'passphrase') && Array.isArray(m.remove) && m.remove.every((d) => typeof d === 'string'),
  syncRejoin: (m) => strings(m, 'passphrase'),
};
