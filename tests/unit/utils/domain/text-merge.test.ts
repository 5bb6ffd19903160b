import { describe, expect, it } from 'vitest';
import { mergeText } from '../../../../utils/domain/text-merge';

const MARK = '--- from another window ---';

describe('mergeText', () => {
  it('takes the other side when only it changed, and ours when only we did', () => {
    expect(mergeText('a', 'a', 'ab', MARK)).toBe('ab');
    expect(mergeText('a', 'ab', 'a', MARK)).toBe('ab');
    expect(mergeText('a', 'ab', 'ab', MARK)).toBe('ab');
  });

  it('applies both edits when they are in different places', () => {
    const base = 'Goals:\n\nNotes:\n';
    const local = 'Goals: speak up\n\nNotes:\n';
    const remote = 'Goals:\n\nNotes:\nSays meetings run long\n';
    expect(mergeText(base, local, remote, MARK)).toBe('Goals: speak up\n\nNotes:\nSays meetings run long\n');
  });

  it('keeps both when both append at the end at once', () => {
    const merged = mergeText('Start.', 'Start. Mine', 'Start. Theirs', MARK);
    expect(merged).toContain('Mine');
    expect(merged).toContain('Theirs');
  });

  it('keeps both sides of an overlapping edit, ours first and theirs marked', () => {
    const merged = mergeText('The plan is X.', 'The plan is Y.', 'The plan is Z.', MARK);
    expect(merged).toBe(`The plan is Y.\n\n${MARK}\nZ`);
  });

  it('never loses a character from either side over many random edits', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const words = ['alpha', 'beta', 'gamma', 'delta', 'omega'];
    for (let i = 0; i < 500; i++) {
      const base = Array.from({ length: 1 + rand(6) }, () => words[rand(words.length)]).join(' ');
      const edit = (tag: string) => {
        const at = rand(base.length + 1);
        return `${base.slice(0, at)}${tag}${base.slice(at + rand(3))}`;
      };
      const local = edit('LOCAL');
      const remote = edit('REMOTE');
      const merged = mergeText(base, local, remote, MARK);
      expect(merged).toContain('LOCAL');
      expect(merged).toContain('REMOTE');
    }
  });
});
