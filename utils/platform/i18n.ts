/**
 * The one way user-visible text is looked up: `browser.i18n`, so every string
 * lives in `public/_locales/<lang>/messages.json` (a platform adapter).
 */
import { browser } from 'wxt/browser';
import type enMessages from '../../public/_locales/en/messages.json';

/** Every message key the English locale defines. */
export type MessageKey = keyof typeof enMessages;

/** The text of a message in the browser's language, with `$1`, `$2`… filled in. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  return getMessage(key, subs.map(String)) || key;
}

/** The browser's UI language as a BCP 47 tag (for `lang` and `Intl`). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.().replace('_', '-') || 'en';
}
