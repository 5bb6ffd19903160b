import { describe, expect, it } from 'vitest';
import { queryWords, textMatcher } from '../../../../../utils/domain/history/query';

describe('history search words', () => {
  it('are the words of the query in any spacing, without case or accents', () => {
    expect(queryWords(' Résumé\tSALARY  gaps\n')).toEqual(['resume', 'salary', 'gaps']);
  });
  it('are none for an empty query', () => {
    expect(queryWords('   ')).toEqual([]);
  });
});

describe('a session text matched without the index', () => {
  const matches = (query: string, ...texts: string[]) => textMatcher(queryWords(query))(texts);
  it('finds every word of the query at the start of a word, as the index does', () => {
    expect(matches('xylo', 'She brought up the xylophone lessons.')).toBe(true);
    expect(matches('XYLOPHONE lessons', 'the Xylophone\nlessons')).toBe(true);
    expect(matches('phone', 'the xylophone')).toBe(false);
    expect(matches('xylophone piano', 'the xylophone')).toBe(false);
    expect(matches('xylophone ada', 'the xylophone', 'Ada Lovelace')).toBe(true);
  });
  it('ignores accents and case on both sides, also in text that is not plain ASCII', () => {
    expect(matches('resume', 'Ihr Résumé war lang')).toBe(true);
    expect(matches('résumé', 'a RESUME')).toBe(true);
    expect(matches('uber', '— Über den Mut')).toBe(true);
  });
  it('takes words with signs of regular expressions as plain text', () => {
    expect(matches('c++', 'learning c++ now')).toBe(true);
    expect(matches('a.b', 'axb')).toBe(false);
  });
});
