/**
 * The typed messages between the extension's contexts: one map of every message
 * with its reply type, one way to send, and one listener per context that checks
 * each message before its handler sees it. Storage is the bus for data; messages
 * are only for things another context must do (the background's call tracking,
 * history queries and sync; an open panel's chime). A message that is answered
 * declares its reply with `ProtocolWithReturn` (the shape webext-core's messaging
 * uses), so both the sender and the handler are checked against one map. The one
 * listener of a context is message-answers.ts (apart: the pages that only send do
 * not carry it).
 */
import { browser } from 'wxt/browser';
import type { CallReport } from '../domain/call-detect';
import type { CallPlatform } from '../domain/call-urls';
import type { HistoryPage, HistoryQuery } from '../domain/history/records';
import type { SyncFault } from '../domain/sync/faults';
import type { ComputerInfo } from './sync/names';

/** A message whose handler answers with `TReturn`. */
export interface ProtocolWithReturn<TData, TReturn> {
  data: TData;
  reply: TReturn;
}

/** The server's address and the account on it. */
interface SyncAccount {
  url: string;
  user: string;
  password: string;
}
/** The background sync's answer: done (with what a test found), or the problem. */
export type SyncReply = { ok: true; found?: 'empty' | 'sidecoach'; computers?: ComputerInfo[] } | { ok: false; fault: SyncFault };
type Nothing = { [key in never]: never };

/** Every message, by type, with its one object argument (and its reply, where it has one). */
export interface Protocol {
  /** A content script saw a call page appear, change or go away. */
  callState: { platform: CallPlatform; state: CallReport; url: string };
  /** The background asks an open panel to play the chime; the panel answers true. */
  chime: ProtocolWithReturn<Nothing, boolean>;
  /** The options page asks the background, which holds the indexes, for one page of the history. */
  historyQuery: ProtocolWithReturn<HistoryQuery, HistoryPage>;
  /** The options page asks the background's sync to try a server, start, sync now or stop. */
  syncTest: ProtocolWithReturn<SyncAccount, SyncReply>;
  syncStart: ProtocolWithReturn<SyncAccount & { passphrase: string }, SyncReply>;
  syncNow: ProtocolWithReturn<Nothing, SyncReply>;
  syncStop: ProtocolWithReturn<Nothing, SyncReply>;
  /** The options page asks for the computers that sync, names this one, changes the key, or enters a new key's passphrase. */
  syncComputers: ProtocolWithReturn<Nothing, SyncReply>;
  syncName: ProtocolWithReturn<{ name: string }, SyncReply>;
  syncRekey: ProtocolWithReturn<{ passphrase: string; remove: string[] }, SyncReply>;
  syncRejoin: ProtocolWithReturn<{ passphrase: string }, SyncReply>;
}

type DataOf<T> = T extends ProtocolWithReturn<infer D, unknown> ? D : T;
/** What the handler of a message answers (`void` for a command with no reply). */
export type ReplyOf<K extends keyof Protocol> = Protocol[K] extends ProtocolWithReturn<unknown, infer R> ? R : undefined;
export type Message = { [K in keyof Protocol]: { type: K } & DataOf<Protocol[K]> }[keyof Protocol];
export type MessageOf<K extends keyof Protocol> = Extract<Message, { type: K }>;

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
