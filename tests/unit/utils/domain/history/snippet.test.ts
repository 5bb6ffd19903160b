import { describe, expect, it } from 'vitest';
import { queryWords } from '../../../../../utils/domain/history/query';
import { firstSnippet, snippet } from '../../../../../utils/domain/history/snippet';
import { fold } from '../../../../../utils/domain/text';

const shown = (parts: ReturnType<typeof snippet>) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('snippet: the matching words in context', () => {
  it('marks the whole word around a prefix, accent- and case-free as the search matches', () => {
    expect(shown(snippet('Spoke up twice in the Résumé review', queryWords('resu')))).toBe('Spoke up twice in the [Résumé] review');
    expect(shown(snippet('I stayed SILENT again', queryWords('silent')))).toBe('I stayed [SILENT] again');
  });

  it('cuts a long text around the first match at whole words, with an ellipsis each side', () => {
    const before = 'word '.repeat(40);
    const after = ' more'.repeat(40);
    const out = shown(snippet(`${before}the standup felt easier${after}`, ['standup'], 20));
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    expect(out).toContain('[standup] felt easier');
    expect(out.length).toBeLessThan(80);
    expect(out).not.toMatch(/…\S*ord\b(?<!word)/); // no word cut in half at the start
  });

  it('marks every word of the query that falls inside the piece, and folds line breaks to spaces', () => {
    expect(shown(snippet('Meetings:\n\nspeak up first', queryWords('speak meet')))).toBe('[Meetings]: [speak] up first');
  });

  it('keeps positions right when folding changes the length (ß, ligatures)', () => {
    expect(shown(snippet('Die Straße ﬁnden, dann reden', queryWords('reden')))).toBe('Die Straße ﬁnden, dann [reden]');
  });

  it('is empty when no word occurs, for no words, and for empty text', () => {
    expect(snippet('nothing here', ['zebra'])).toEqual([]);
    expect(snippet('nothing here', [])).toEqual([]);
    expect(snippet('', ['a'])).toEqual([]);
  });

  it('takes the first text that has a match', () => {
    expect(shown(firstSnippet(['', 'no match', 'the review went well'], ['review']))).toBe('the [review] went well');
    expect(firstSnippet(['a', 'b'], ['z'])).toEqual([]);
  });

  it('keeps hostile text as text (parts are strings, never markup)', () => {
    const parts = snippet('<img src=x onerror=alert(1)> found', ['found']);
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> found');
  });
});

describe('snippet, as the full-text index matches', () => {
  const text = `${'Some opening words. '.repeat(10)}Then we talked about the Résumé and her next résumés.${' Closing words follow.'.repeat(10)}`;

  it('shows the first match with the text around it, every match in it marked, and an ellipsis where text is left out', () => {
    const parts = snippet(text, ['resume'], 40);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Résumé', 'résumés']);
    const shown = parts.map((p) => p.text).join('');
    expect(shown).toContain('talked about the Résumé and her next résumés');
    expect(shown.length).toBeLessThan(140);
  });

  it('matches at the start of a word only, and is empty when nothing matches', () => {
    expect(snippet('a meeting with the team', ['eting'])).toEqual([]);
    expect(snippet('a meeting, then', ['meet'])).toEqual([
      { text: 'a ', mark: false },
      { text: 'meeting', mark: true },
      { text: ', then', mark: false },
    ]);
    expect(snippet('', ['x'])).toEqual([]);
  });
});

describe('the words in context, where folding changes the length', () => {
  it('maps the match back to the original text (a Hangul syllable folds to three letters)', () => {
    const text = 'A note on 한국 first, then the résumé.';
    expect(fold(text).length).not.toBe(text.length);
    const parts = snippet(text, ['resume']);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['résumé']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
});
