import { options, type VNode } from 'preact';

/** Count component (not element) renders through Preact's diff hook, until `restore`. */
export function countComponentRenders() {
  const counter = { renders: 0 };
  const previous = options.diffed;
  options.diffed = (vnode: VNode) => {
    if (typeof vnode.type === 'function') counter.renders++;
    previous?.(vnode);
  };
  return { counter, restore: () => (options.diffed = previous) };
}
