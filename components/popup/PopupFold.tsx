import { useSignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { type LazyModule, useLazy } from '../hooks/useLazy';

/**
 * A folded section whose content's code loads when it is first opened: the popups' lean
 * shared/LazyFold (an h2 summary, no body wrapper), kept apart for their start-up budget.
 */
export function PopupFold<P extends object>({ title, module, props }: { title: string; module: LazyModule<ComponentType<P>>; props: P }) {
  const open = useSignal(false);
  const Content = useLazy(module, open.value);
  return (
    <details class="fold" onToggle={(e) => (open.value = (e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <h2>{title}</h2>
      </summary>
      {Content && <Content {...props} />}
    </details>
  );
}
