import { describe, expect, it } from 'vitest';
import { containsAll, queryWords, searchTexts } from '../../../../utils/domain/history';

describe('history search', () => {
  it('finds every word in any order, without case or accents', () => {
    const texts = searchTexts(
      { title: 'Résumé gaps', difficulty: 'My manager', outcome: '', updatedAt: 0 },
      'We talked about SALARY',
      'Ada',
    );
    expect(containsAll(texts, queryWords('resume salary'))).toBe(true);
    expect(containsAll(texts, queryWords('salary ada'))).toBe(true);
    expect(containsAll(texts, queryWords('salary bonus'))).toBe(false);
  });
  it('matches everything for an empty query', () => {
    expect(queryWords('   ')).toEqual([]);
    expect(containsAll(['x'], [])).toBe(true);
  });
});
