import { useEffect } from 'preact/hooks';

/**
 * Page-wide Alt+key shortcuts, matched by key position (`event.code`, e.g.
 * `KeyS`) so they work in every keyboard layout; Ctrl, Meta and an IME
 * composition leave the key alone.
 */
export function useAltKeys(actions: Partial<Record<string, () => void>>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
      const action = actions[event.code];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
}
