import { type Signal, signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useMemo } from 'preact/hooks';

/**
 * A component whose code loads only when it is first needed (code splitting
 * without preact/compat). Null until loaded: the caller renders nothing meanwhile.
 */
export function useLazy<P>(load: () => Promise<ComponentType<P>>, needed: boolean): ComponentType<P> | null {
  const state = useMemo<{ component: Signal<ComponentType<P> | null>; started: boolean }>(
    () => ({ component: signal(null), started: false }),
    [],
  );
  if (needed && !state.started) {
    state.started = true;
    void load().then((c) => {
      state.component.value = c;
    });
  }
  return state.component.value;
}
