/**
 * Counts in the user's language: a count message has one key per plural form
 * (`<key>_one`, `<key>_other`), and the browser's plural rules
 * (`Intl.PluralRules`) for the language of the messages shown pick one. Kept
 * apart from `i18n.ts` so pages that show no count (the popup's first view)
 * do not load it.
 */
import { type MessageKey, t } from './i18n';

/** The count messages: every key that has an `_other` form, without the suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

let rules: { lang: string; rules: Intl.PluralRules; numbers: Intl.NumberFormat } | undefined;

/**
 * The message for `count` items: `<key>_<form>` for the plural form the rules
 * of the messages' own language give (falling back to `_other`), with `subs`
 * filled in (by default the count as `$1`); numbers are written as the
 * language writes them ("4,000", "4.000").
 */
export function tn(key: PluralKey, count: number, ...subs: (string | number)[]): string {
  const lang = t('messagesLocale');
  if (rules?.lang !== lang) rules = { lang, rules: new Intl.PluralRules(lang), numbers: new Intl.NumberFormat(lang) };
  const { numbers } = rules;
  const args = (subs.length > 0 ? subs : [count]).map((x) => (typeof x === 'number' ? numbers.format(x) : x));
  const exact = `${key}_${rules.rules.select(count)}`;
  const text = t(exact as MessageKey, ...args);
  return text === exact ? t(`${key}_other` as MessageKey, ...args) : text;
}
