/**
 * Writes to stored lists (sessions, coachees, quarantine) that never drop
 * another page's change: the read, the change and the write happen under one
 * lock shared by every page and the background of the extension, so the change
 * applies to what is stored at write time (a platform adapter).
 */
import { sameJson } from '../domain/json';
import { readChecked, type Stored } from './storage';

/** The Web Locks API where the page has it (extension pages, service worker, Firefox's background page). */
type Locks = { request<R>(name: string, callback: () => Promise<R>): Promise<R> };

const queues = new Map<string, Promise<unknown>>();

/**
 * Run `task` alone among every page and the background holding the lock `name`:
 * under a Web Lock where there is one, else after the earlier tasks of this page.
 * Not reentrant: a task must not ask for the lock it holds.
 */
export function exclusive<R>(name: string, task: () => Promise<R>): Promise<R> {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  if (locks) return locks.request(`sidecoach:${name}`, task);
  const run = (queues.get(name) ?? Promise.resolve()).then(task, task);
  queues.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * Change a stored value as one step against what is stored right now: `change`
 * gets the current value and returns the next one (or the same, to write nothing).
 * Returns the value written.
 */
export function updateStored<T>(stored: Stored<T>, change: (current: T) => T): Promise<T> {
  return exclusive(stored.bare, async () => {
    const current = (await readChecked(stored, Date.now(), false)).value;
    const next = change(current);
    if (!sameJson(next, current)) await stored.item.setValue(next);
    return next;
  });
}
