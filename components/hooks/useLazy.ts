import { type ReadonlySignal, signal } from '@preact/signals';
import type { ComponentType } from 'preact';

/** Code that loads the first time it is needed (code splitting without preact/compat). */
export interface LazyModule<T> {
  /** What the import gave, or null until it has loaded. */
  readonly value: ReadonlySignal<T | null>;
  /** Start loading (once) and return what it gives. */
  load(): Promise<T>;
}

/** The one way pages load rarely used code: `lazyModule(() => import('…').then((m) => m.thing))`. */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  const value = signal<T | null>(null);
  let loading: Promise<T> | null = null;
  return {
    value,
    load() {
      loading ??= importer().then((loaded) => {
        value.value = loaded;
        return loaded;
      });
      return loading;
    },
  };
}

/** A lazily loaded component, loaded once `needed` is first true; null until then (the caller renders nothing meanwhile). */
export function useLazy<P>(module: LazyModule<ComponentType<P>>, needed: boolean): ComponentType<P> | null {
  if (needed) void module.load();
  return module.value.value;
}
