import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../../../utils/domain/agenda';
import { buildHistory, type HistoryInput, historyInputFrom, searchHistory } from '../../../../utils/domain/history';
import { sampleData } from '../../sample-data';

const agenda = defaultTemplate({
  name: 'h',
  understand: { title: 'U', prompt: '' },
  plan: { title: 'P', prompt: '' },
  wrapUp: { title: 'W', prompt: '' },
}).phases;
const M = 60_000;

function input(): HistoryInput {
  return {
    sessions: [
      { id: 'a', coacheeId: 'me', createdAt: 1000 },
      { id: 'b', coacheeId: 'ada', createdAt: 3000 },
      { id: 'c', coacheeId: 'me', createdAt: 2000 },
    ],
    coachees: [
      { id: 'me', name: '', createdAt: 0 },
      { id: 'ada', name: 'Ada', createdAt: 0 },
    ],
    topics: {
      a: { title: 'Speaking up in meetings', difficulty: '', outcome: '', updatedAt: 0 },
      b: { title: 'Leaving the company', difficulty: 'Résumé is out of date', outcome: '', updatedAt: 0 },
    },
    notes: { c: 'Talked about delegation and saying no.' },
    timers: {
      a: [
        { type: 'start', at: 10_000 },
        { type: 'pause', at: 10_000 + 55 * M },
      ],
    },
    agendas: {},
  };
}

describe('buildHistory', () => {
  it('lists sessions newest first with coachee, topic and length', () => {
    const list = buildHistory(input(), agenda, 'Me', 20 * 60 * M);
    expect(list.map((e) => [e.id, e.coacheeName, e.topicTitle])).toEqual([
      ['a', 'Me', 'Speaking up in meetings'],
      ['b', 'Ada', 'Leaving the company'],
      ['c', 'Me', ''],
    ]);
    expect(list[0]?.lengthMs).toBe(55 * M);
    expect(list[1]?.lengthMs).toBe(0);
  });
});

describe('searchHistory', () => {
  const list = buildHistory(input(), agenda, 'Me', 0);

  it('finds words in topics, notes and coachee names, in any order and case', () => {
    expect(searchHistory(list, 'MEETINGS speaking').map((e) => e.id)).toEqual(['a']);
    expect(searchHistory(list, 'saying no').map((e) => e.id)).toEqual(['c']);
    expect(searchHistory(list, 'ada').map((e) => e.id)).toEqual(['b']);
  });

  it('ignores accents', () => {
    expect(searchHistory(list, 'resume').map((e) => e.id)).toEqual(['b']);
  });

  it('returns everything for an empty query and nothing for a missing word', () => {
    expect(searchHistory(list, '  ')).toHaveLength(3);
    expect(searchHistory(list, 'speaking zebra')).toEqual([]);
  });
});

describe('historyInputFrom', () => {
  it('lists the sessions of a whole data set with their topics and notes', () => {
    const list = buildHistory(historyInputFrom(sampleData()), agenda, 'Me', 0);
    // Both sample sessions started at the same moment, so compare them by id.
    expect(list.map((e) => [e.id, e.coacheeName, e.topicTitle]).sort()).toEqual([
      ['s1', 'Ada', 'Speaking up in meetings'],
      ['s2', 'Me', 'Speaking up in meetings'],
    ]);
    expect(searchHistory(list, 'ada perfect moment').map((e) => e.id)).toEqual(['s1']);
  });
});
