import { type ReadonlySignal, signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

const now = signal(Date.now());
let users = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function tick() {
  now.value = Date.now();
  // Re-arm on the next whole second, so every clock on the page turns over together.
  timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
}

function onVisible() {
  if (document.visibilityState === 'visible') now.value = Date.now();
}

/**
 * The time now, as a signal that changes once a second while any component
 * uses it. Only computed text bound into the JSX reads it, so a tick updates
 * text nodes, not components.
 */
export function useNow(): ReadonlySignal<number> {
  useEffect(() => {
    users++;
    if (users === 1) {
      tick();
      document.addEventListener('visibilitychange', onVisible);
    }
    return () => {
      users--;
      if (users === 0) {
        clearTimeout(timer);
        document.removeEventListener('visibilitychange', onVisible);
      }
    };
  }, []);
  return now;
}
