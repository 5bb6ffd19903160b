/**
 * The typed commands surfaces send to the background (and the background to
 * an open panel). Storage is the bus for data; messages are only for things
 * another context must do. A message that is answered declares its reply with
 * `ProtocolWithReturn` (the shape webext-core's messaging uses), so both the
 * sender and the handler are checked against one map.
 */
import { browser } from 'wxt/browser';
import type { CallReport } from '../domain/call-detect';
import type { CallPlatform } from '../domain/call-urls';

/** A message whose handler answers with `TReturn`. */
export interface ProtocolWithReturn<TData, TReturn> {
  data: TData;
  reply: TReturn;
}

/** Every message, by type, with its one object argument (and its reply, where it has one). */
export interface Protocol {
  /** A content script saw a call page appear, change or go away. */
  callState: { platform: CallPlatform; state: CallReport; url: string };
  /** The background asks an open panel to play the chime; the panel answers true. */
  chime: ProtocolWithReturn<{ [key in never]: never }, boolean>;
}

type DataOf<T> = T extends ProtocolWithReturn<infer D, unknown> ? D : T;
/** What the handler of a message answers (`void` for a command with no reply). */
export type ReplyOf<K extends keyof Protocol> = Protocol[K] extends ProtocolWithReturn<unknown, infer R> ? R : undefined;
export type Message = { [K in keyof Protocol]: { type: K } & DataOf<Protocol[K]> }[keyof Protocol];
type MessageOf<K extends keyof Protocol> = Extract<Message, { type: K }>;

/**
 * Send a message; never throws (the other side may be starting up or not be
 * open at all). Resolves to the reply, or `undefined` when nobody answered.
 */
export async function send<K extends keyof Protocol>(type: K, payload: DataOf<Protocol[K]>): Promise<ReplyOf<K> | undefined> {
  try {
    return (await browser.runtime.sendMessage({ type, ...payload })) as ReplyOf<K> | undefined;
  } catch {
    // The worker may be starting up or the extension reloading: the next
    // state change or tab update sends the state again.
    return undefined;
  }
}

/** Narrow an unknown incoming message to the protocol, or null. */
function asMessage(raw: unknown): Message | null {
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

/** What a handler returns: its reply, or nothing for a command that is not answered. */
type HandlerResult<K extends keyof Protocol> = [ReplyOf<K>] extends [undefined] ? void | Promise<void> : ReplyOf<K> | Promise<ReplyOf<K>>;

type Sender = Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1];

/**
 * Answer one kind of message in this context. The handler's return value is
 * the reply (typed by the protocol); messages of other kinds are left to
 * other listeners. Returns the function that removes the listener.
 */
export function onMessage<K extends keyof Protocol>(
  type: K,
  handler: (message: MessageOf<K>, sender: Sender) => HandlerResult<K>,
): () => void {
  const listener = (raw: unknown, sender: Sender) => {
    const msg = asMessage(raw);
    if (msg?.type !== type) return undefined;
    return Promise.resolve(handler(msg as MessageOf<K>, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
