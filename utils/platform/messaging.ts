/**
 * The typed commands surfaces send to the background. Storage is the bus for
 * data; messages are only for things the background must do.
 */
import { browser } from 'wxt/browser';
import type { CallReport } from '../domain/call-detect';
import type { CallPlatform } from '../domain/call-urls';

/** Every message, by type, with its one object argument. */
export interface Protocol {
  /** A content script saw a call page appear, change or go away. */
  callState: { platform: CallPlatform; state: CallReport; url: string };
  /** The background asks an open panel to play the chime (the panel answers true). */
  chime: { [key in never]: never };
}

export type Message = { [K in keyof Protocol]: { type: K } & Protocol[K] }[keyof Protocol];

/** Send a command to the background; never throws (the background may be restarting). */
export async function send<K extends keyof Protocol>(type: K, payload: Protocol[K]): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type, ...payload });
  } catch {
    // The worker may be starting up or the extension reloading: the next
    // state change or tab update sends the state again.
  }
}

/** Narrow an unknown incoming message to the protocol, or null. */
export function asMessage(raw: unknown): Message | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const msg = raw as Partial<Message>;
  if (
    msg.type === 'callState' &&
    (msg.platform === 'meet' || msg.platform === 'zoom') &&
    (msg.state === 'none' || msg.state === 'inCall' || msg.state === 'unsure' || msg.state === 'ended') &&
    typeof msg.url === 'string'
  ) {
    return msg as Message;
  }
  if (msg.type === 'chime') return { type: 'chime' };
  return null;
}
