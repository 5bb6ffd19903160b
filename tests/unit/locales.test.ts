import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const en = load('en');
const de = load('de');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('English and German have the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(['en', 'de'])('every placeholder used in %s is defined, and the same as in English', (lang) => {
    const messages = load(lang);
    for (const [key, entry] of Object.entries(messages)) {
      const used = [...entry.message.matchAll(/\$([A-Z0-9_]+)\$/g)].map((m) => m[1]?.toLowerCase()).sort();
      expect({ key, used }).toEqual({ key, used: [...new Set(used)].filter((u) => u && entry.placeholders?.[u]).sort() });
      expect({ key, placeholders: entry.placeholders }).toEqual({ key, placeholders: en[key]?.placeholders });
    }
  });

  it('German is translated, not copied', () => {
    const same = Object.keys(en).filter((k) => en[k]?.message === de[k]?.message && /[a-z]{4,}/.test(en[k]?.message ?? ''));
    // Product names and words that are the same in both languages.
    expect(
      same.filter(
        (k) =>
          ![
            'exportHeading',
            'extName',
            'mdPhase',
            'templatePhaseLegend',
            'historyCoacheeFilter',
            'navCoachees',
            'coacheesHeading',
            'chartBudget',
            'coacheesColName',
            'coacheeLabel',
          ].includes(k),
      ),
    ).toEqual([]);
  });

  it('every message is used by the code or the manifest', () => {
    const code = [...sourceFiles('components'), ...sourceFiles('entrypoints'), ...sourceFiles('utils'), 'wxt.config.ts']
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // A count message's forms (`x_one`, `x_other`) are used through `tn('x', count)`.
    const name = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
    const unused = Object.keys(en).filter(
      (k) => !code.includes(`'${name(k)}'`) && !code.includes(`__MSG_${k}__`) && !/^example\d$/.test(k),
    );
    expect(unused).toEqual([]);
  });

  it.each([
    ['en', en],
    ['de', de],
  ])(
    'every count in %s goes through plural rules: a number followed by a counted noun is a message with one/other forms',
    (lang, messages) => {
      // A placeholder followed (maybe after one word) by a noun that changes with the number.
      const counted =
        lang === 'en'
          ? /\$[A-Z_]+\$\s+(?:[a-z]+\s+)?(?:sessions?|steps?|minutes?|hours?|characters?|phases?|exercises?|readings?|weeks?|days?|months?|items?|files?|bytes?|notes?|coachees?|cards?|times?)\b/
          : /\$[A-Z_]+\$\s+(?:[a-zäöüß]+\s+)?(?:Sitzung(?:en)?|Schritte?n?|Minuten?|Stunden?|Zeichen|Phasen?|Übung(?:en)?|Lektüren?|Wochen?|Tage?n?|Monate?n?|Einträge?n?|Dateien|Datei|Bytes?|Notizen|Coachees?|Karten?|Mal)\b/;
      // The number here can never be 1: a text field's limit (always far above 1), a length above that limit, a size above a card's or a mail's limit (64 kB, 256 kB).
      const neverOne = ['charCount', 'tooLong', 'cardProblemTooLarge', 'mailProblemTooLarge'];
      const offenders = Object.entries(messages)
        .filter(([key, { message }]) => counted.test(message) && !/_(one|other)$/.test(key) && !neverOne.includes(key))
        .map(([key, { message }]) => `${key}: ${message}`);
      expect(offenders).toEqual([]);
      // Every count message has both forms, and is looked up by its base name, never one form directly.
      for (const key of Object.keys(messages).filter((k) => /_(one|other)$/.test(k)))
        expect(Object.keys(messages)).toContain(key.replace(/_(one|other)$/, key.endsWith('_one') ? '_other' : '_one'));
      expect(messages.messagesLocale?.message).toBe(lang);
    },
  );

  it('count messages are shown through tn(), never one plural form by name', () => {
    const code = [...sourceFiles('components'), ...sourceFiles('entrypoints'), ...sourceFiles('utils')]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(code.match(/'[A-Za-z]+_(?:one|other)'/g) ?? []).toEqual([]);
  });

  it('no user-visible string is hard-coded in components or pages', () => {
    const offenders: string[] = [];
    for (const file of [...sourceFiles('components'), ...sourceFiles('entrypoints')].filter((f) => f.endsWith('.tsx'))) {
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // Text between tags that contains letters, outside {expressions}.
      for (const m of text.matchAll(/(?<![=-])>(?!=)([^<>{}]*[A-Za-zÄÖÜäöüß]{2,}[^<>{}]*)</g)) {
        const t = m[1]?.trim() ?? '';
        // Segments with code punctuation are TypeScript generics or expressions, not JSX text.
        if (t && !/[;(){}=|&]/.test(t)) offenders.push(`${file}: ${t}`);
      }
      // Literal text in attributes people read or hear.
      for (const m of text.matchAll(/\b(aria-label|placeholder|title|alt|label)="([^"]*[A-Za-z]{2,}[^"]*)"/g))
        offenders.push(`${file}: ${m[1]}="${m[2]}"`);
    }
    expect(offenders).toEqual([]);
  });
});
