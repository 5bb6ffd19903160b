import { describe, expect, it } from 'vitest';
import { queryWords } from '../../../../utils/domain/history';

describe('history search words', () => {
  it('are the words of the query in any spacing, without case or accents', () => {
    expect(queryWords(' Résumé\tSALARY  gaps\n')).toEqual(['resume', 'salary', 'gaps']);
  });
  it('are none for an empty query', () => {
    expect(queryWords('   ')).toEqual([]);
  });
});
