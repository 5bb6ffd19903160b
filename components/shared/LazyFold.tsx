import { useSignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { type LazyModule, useLazy } from '../hooks/useLazy';

/**
 * A folded section whose content's code loads, and whose content first
 * renders, when it is first opened (so a rarely used tool costs nothing until
 * then); it stays mounted after, so nothing typed in it is lost on closing.
 */
export function LazyFold<P extends object>({
  title,
  module,
  props,
  headingId,
  level = 2,
}: {
  title: string;
  module: LazyModule<ComponentType<P>>;
  props: P;
  headingId?: string;
  /** The heading level of the summary (2 in a page's sections, 4 inside a section). */
  level?: 2 | 3 | 4;
}) {
  const open = useSignal(false);
  const Content = useLazy(module, open.value);
  const Heading = `h${level}` as 'h2';
  return (
    <details class="fold" onToggle={(e) => (open.value = (e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <Heading id={headingId}>{title}</Heading>
      </summary>
      {Content && (
        <div class="fold-body">
          <Content {...props} />
        </div>
      )}
    </details>
  );
}
