import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A faithful i18n fake: resolves $NAME$ placeholders to $1, $2… like the browser does. */
export function fakeGetMessage(messages: Messages) {
  return (key: string, subs?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return '';
    const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_m, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_n, i: string) => args[Number(i) - 1] ?? '');
    });
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = fakeGetMessage(en as Messages) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
});

afterEach(() => {
  vi.useRealTimers();
});
