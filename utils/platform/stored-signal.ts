/**
 * The one bridge between storage and the UI: a Preact signal that holds a
 * stored item's value, follows every change made by any page, and writes the
 * page's own edits back, debounced, with retries, so nothing typed is lost.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import { sameJson } from '../domain/json';
import { mergeValues } from '../domain/merge';
import type { Merge } from '../domain/session-parts';
import { check, readChecked, type Stored } from './storage';

/** Where this page's edits are on their way to storage. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/** A read or write problem, for the page to put in words. */
export interface StoreProblem {
  kind: 'unreadable' | 'readFailed' | 'writeFailed';
  /** The stored item's key (without area). */
  key: string;
  /** The browser's or the schema's own words. */
  detail: string;
}

export interface StoredSignalOptions<T> {
  /** Quiet time after the last edit before writing. */
  debounceMs?: number;
  /** Longest an edit waits while typing goes on, so long typing still saves. */
  maxWaitMs?: number;
  /** How a change from another page combines with this page's unsaved edits. Default: the stored item's own rule, else `mergeValues` (by id, by field). */
  merge?: Merge<T>;
  /** The line that heads another page's conflicting words in a text merge (the page's language). */
  conflictMarker?: string;
  /** First retry delay after a failed write; doubles up to 30 s. */
  retryMs?: number;
}

export interface StoredSignal<T> {
  /** The current value: this page's edits, or the latest stored one. */
  readonly value: ReadonlySignal<T>;
  /** True once the stored value has been read. */
  readonly loaded: ReadonlySignal<boolean>;
  readonly saveState: ReadonlySignal<SaveState>;
  /** A read or write problem to show the user, or null. */
  readonly problem: ReadonlySignal<StoreProblem | null>;
  /** Replace the value now and schedule the write. */
  set(next: T): void;
  /** Write any pending edit now. */
  flush(): Promise<void>;
  /** Stop following storage; a pending edit is still written. */
  dispose(): void;
}

/** Every stored signal of this page that is alive (read by pending-writes.ts). */
export const live = new Set<StoredSignal<unknown>>();

/** Write every pending edit of every live stored signal (for pagehide). */
export function flushAll(): Promise<void> {
  return Promise.all([...live].map((s) => s.flush())).then(() => undefined);
}

/**
 * Flush pending edits whenever the page is hidden or left, so text typed just
 * before the panel or popup closes is kept. Returns a remover.
 */
export function flushOnHide(target: Window): () => void {
  const onHide = () => void flushAll();
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') void flushAll();
  };
  target.addEventListener('pagehide', onHide);
  target.addEventListener('blur', onHide);
  target.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', onHide);
    target.removeEventListener('blur', onHide);
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Keep a signal in step with a stored item in this and every other page. */
export function storedSignal<T>(stored: Stored<T>, options: StoredSignalOptions<T> = {}): StoredSignal<T> {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const retryBase = options.retryMs ?? 1000;
  const merge: Merge<T> = options.merge ?? stored.merge ?? mergeValues;
  const context = { conflictMarker: options.conflictMarker ?? '———' };

  const value = signal<T>(stored.fallback);
  const loaded = signal(false);
  const saveState = signal<SaveState>('saved');
  const problem = signal<StoreProblem | null>(null);
  const key = stored.bare;

  /** The last value known to be in storage (ours or another page's). */
  let base: T = stored.fallback;
  let dirty = false;
  let firstEditAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = retryBase;
  let writing: Promise<void> | null = null;
  let disposed = false;

  const applyRemote = (remote: T) => {
    if (sameJson(remote, base)) return;
    if (dirty) {
      const merged = merge(base, value.value, remote, context);
      base = remote;
      value.value = merged;
      if (sameJson(merged, remote)) {
        dirty = false;
        saveState.value = 'saved';
      }
    } else {
      base = remote;
      value.value = remote;
    }
  };

  readChecked(stored)
    .then((read) => {
      if (disposed) return;
      if (read.problem) problem.value = { kind: 'unreadable', key, detail: read.problem };
      applyRemote(read.value);
      loaded.value = true;
    })
    .catch((err: unknown) => {
      problem.value = { kind: 'readFailed', key, detail: String(err) };
      loaded.value = true;
    });

  const unwatch = stored.item.watch((raw) => {
    const checked = check(stored, raw);
    if (!checked.valid) {
      problem.value = { kind: 'unreadable', key, detail: checked.problem ?? '' };
      return;
    }
    applyRemote(checked.value);
  });

  const schedule = (delay?: number) => {
    if (timer) clearTimeout(timer);
    const now = Date.now();
    const wait = delay ?? Math.max(0, Math.min(debounceMs, firstEditAt + maxWaitMs - now));
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, wait);
  };

  const write = async (): Promise<void> => {
    const toWrite = value.value;
    // Edits typed while this write is under way wait at most maxWaitMs from now.
    firstEditAt = Date.now();
    saveState.value = 'saving';
    try {
      await stored.item.setValue(toWrite);
      base = toWrite;
      retryDelay = retryBase;
      if (sameJson(value.value, toWrite)) {
        dirty = false;
        saveState.value = 'saved';
        if (problem.value?.kind === 'writeFailed') problem.value = null;
      } else {
        saveState.value = 'pending';
        schedule();
      }
    } catch (err: unknown) {
      saveState.value = 'error';
      problem.value = { kind: 'writeFailed', key, detail: err instanceof Error ? err.message : String(err) };
      schedule(retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30_000);
    }
  };

  const flush = async (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (writing) await writing;
    if (!dirty) return;
    writing = write();
    try {
      await writing;
    } finally {
      writing = null;
    }
  };

  const self: StoredSignal<T> = {
    value,
    loaded,
    saveState,
    problem,
    set(next: T) {
      if (sameJson(next, value.value)) return;
      if (!dirty) firstEditAt = Date.now();
      dirty = true;
      value.value = next;
      if (saveState.value !== 'error') saveState.value = 'pending';
      schedule();
    },
    flush,
    dispose() {
      disposed = true;
      unwatch();
      void flush().finally(() => live.delete(self as StoredSignal<unknown>));
    },
  };
  live.add(self as StoredSignal<unknown>);
  return self;
}
