/**
 * The one listener of a context (a platform adapter): every message it answers,
 * of the typed map in messaging.ts, is checked (message-checks.ts) before its
 * handler sees it. The background answers through one call; an open panel
 * answers the chime.
 */
import { browser } from 'wxt/browser';
import type { Message, MessageOf, Protocol, ReplyOf } from './messaging';

/** What a handler returns: its reply, or nothing for a command that is not answered. */
type HandlerResult<K extends keyof Protocol> = [ReplyOf<K>] extends [undefined] ? void | Promise<void> : ReplyOf<K> | Promise<ReplyOf<K>>;

type Sender = Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1];

/** A message's input check: whether an incoming object is a well-formed message of its type. */
export type MessageCheck = (message: Record<string, unknown>) => boolean;

/** A handler for each message this context answers, with the check its input must pass. */
export type Answers = {
  [K in keyof Protocol]?: { check: MessageCheck; handle: (message: MessageOf<K>, sender: Sender) => HandlerResult<K> };
};

/**
 * Answer messages in this context with one listener: a message of a type it has
 * a handler for, once its check passes, goes to that handler, whose return value
 * is the reply (typed by the protocol); anything else is left unanswered.
 * Returns the function that removes the listener.
 */
export function answerMessages(answers: Answers): () => void {
  const listener = (raw: unknown, sender: Sender) => {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const msg = raw as Record<string, unknown>;
    const answer = answers[msg.type as keyof Protocol] as
      | { check: MessageCheck; handle: (message: Message, sender: Sender) => unknown }
      | undefined;
    if (!answer?.check(msg)) return undefined;
    return Promise.resolve(answer.handle(msg as Message, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
