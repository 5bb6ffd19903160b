import { describe, expect, it } from 'vitest';
import { EMPTY_TOPIC } from '../../../../utils/domain/model';
import { mergeTopic } from '../../../../utils/domain/topic';
import { topicSummary } from '../../../../utils/domain/topic-summary';

describe('mergeTopic', () => {
  const base = { ...EMPTY_TOPIC, title: 'Speaking up', updatedAt: 1 };

  it('keeps both pages\u2019 edits when they touched different fields', () => {
    const local = { ...base, title: 'Speaking up in meetings', updatedAt: 2 };
    const remote = { ...base, outcome: 'One concrete habit', updatedAt: 3 };
    expect(mergeTopic(base, local, remote)).toEqual({
      title: 'Speaking up in meetings',
      difficulty: '',
      outcome: 'One concrete habit',
      updatedAt: 3,
    });
  });

  it('lets this page\u2019s unsaved edit of a field win over a remote edit of the same field', () => {
    const local = { ...base, title: 'Mine', updatedAt: 2 };
    const remote = { ...base, title: 'Theirs', updatedAt: 3 };
    expect(mergeTopic(base, local, remote).title).toBe('Mine');
  });

  it('takes the remote value of fields this page did not change', () => {
    const remote = { ...base, difficulty: 'My manager talks over me', updatedAt: 3 };
    expect(mergeTopic(base, base, remote)).toEqual(remote);
  });
});

describe('topicSummary', () => {
  const labels = { heading: 'Pre-work', topic: 'Topic', difficulty: 'Hardest', outcome: 'Outcome' };

  it('lays out every filled field as plain text', () => {
    const text = topicSummary({ title: ' Speaking up ', difficulty: 'Talked over twice', outcome: 'One habit', updatedAt: 1 }, labels);
    expect(text).toBe('Pre-work\n\nTopic: Speaking up\n\nHardest:\nTalked over twice\n\nOutcome:\nOne habit');
  });

  it('leaves out empty fields and keeps markup as typed text', () => {
    const text = topicSummary({ ...EMPTY_TOPIC, title: '<img src=x onerror=alert(1)>' }, labels);
    expect(text).toBe('Pre-work\n\nTopic: <img src=x onerror=alert(1)>');
  });
});
