import { describe, expect, it } from 'vitest';
import { defaultTemplate, totalMinutes } from '../../../../utils/domain/agenda';
import { SYNC_ITEM_MAX_BYTES, syncItemBytes, templateProblems } from '../../../../utils/domain/template-rules';

const text = { name: 'Hour', understand: { title: 'U', prompt: '' }, plan: { title: 'P', prompt: '' }, wrapUp: { title: 'W', prompt: '' } };

describe('agenda templates', () => {
  it('the default is the method\u2019s hour: 25, 25 and 10 minutes', () => {
    const tpl = defaultTemplate(text);
    expect(tpl.phases.map((p) => p.minutes)).toEqual([25, 25, 10]);
    expect(totalMinutes(tpl.phases)).toBe(60);
    expect(templateProblems(tpl)).toEqual([]);
  });

  it.each([
    [{ name: ' ', phases: [{ title: 'A', minutes: 10 }] }, [{ kind: 'noName' }]],
    [{ name: 'X', phases: [] }, [{ kind: 'phaseCount', count: 0 }]],
    [{ name: 'X', phases: Array.from({ length: 13 }, () => ({ title: 'A', minutes: 5 })) }, [{ kind: 'phaseCount', count: 13 }]],
    [{ name: 'X', phases: [{ title: '', minutes: 10 }] }, [{ kind: 'phaseTitle', index: 0 }]],
    [{ name: 'X', phases: [{ title: 'A', minutes: 0 }] }, [{ kind: 'phaseMinutes', index: 0, minutes: 0 }]],
    [{ name: 'X', phases: [{ title: 'A', minutes: 241 }] }, [{ kind: 'phaseMinutes', index: 0, minutes: 241 }]],
    [{ name: 'X', phases: [{ title: 'A', minutes: 2.5 }] }, [{ kind: 'phaseMinutes', index: 0, minutes: 2.5 }]],
  ])('names every problem of an invalid template (%#)', (template, problems) => {
    expect(templateProblems(template)).toEqual(problems);
  });

  it('accepts the edges: 1 and 12 phases, 1 and 240 minutes', () => {
    expect(templateProblems({ name: 'X', phases: [{ title: 'A', minutes: 1 }] })).toEqual([]);
    expect(templateProblems({ name: 'X', phases: Array.from({ length: 12 }, () => ({ title: 'A', minutes: 240 })) })).toEqual([]);
  });

  it('measures a sync item as key plus JSON in bytes', () => {
    expect(syncItemBytes('templates', ['é'])).toBe('templates'.length + '["é"]'.length + 1);
    expect(SYNC_ITEM_MAX_BYTES).toBeLessThan(8192);
  });
});
