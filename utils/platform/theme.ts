/**
 * The theme setting (system, light or dark) applied to a page (a platform adapter).
 */
import { readChecked, settingsStore } from './storage';

/** Apply the theme setting to the page's root element, now and whenever it changes. */
export function followTheme(root: HTMLElement): void {
  const apply = (theme: string) => {
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  };
  void readChecked(settingsStore).then(({ value }) => apply(value.theme));
  settingsStore.item.watch((next) => apply(next?.theme ?? 'system'));
}
