import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogEntries, changelogEntry } from '../../../../utils/domain/changelog';
import { textBlocks } from '../../../../utils/domain/text-blocks';

describe('changelog', () => {
  const sample =
    '# Changes\n\nIntro.\n\n## 0.3.0 — 2026-11-30\n\n- A welcome page\n  on install.\n- Roles.\n\n## 0.2.0 — 2026-11-26\n\n- Cards.\n\n## 0.1.1\n';
  it('reads each entry, newest first, with its points joined across lines', () => {
    expect(changelogEntries(sample)).toEqual([
      { version: '0.3.0', date: '2026-11-30', points: ['A welcome page on install.', 'Roles.'] },
      { version: '0.2.0', date: '2026-11-26', points: ['Cards.'] },
      { version: '0.1.1', date: '', points: [] },
    ]);
  });
  it('finds a version’s entry, and none for a version without points or without a heading', () => {
    expect(changelogEntry(sample, '0.2.0')?.points).toEqual(['Cards.']);
    expect(changelogEntry(sample, '0.1.1')).toBeNull();
    expect(changelogEntry(sample, '0.4.0')).toBeNull();
  });
  it('has an entry for the version in package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(changelogEntry(readFileSync('CHANGELOG.md', 'utf8'), version)).not.toBeNull();
  });
});

describe('text blocks', () => {
  it('reads headings, paragraphs over several lines and list items, with inline Markdown as plain words', () => {
    expect(textBlocks('# Title\n\nOne **line**\nand `two`.\n\n- an [item](x.md)\n  going on\n- _two_\n\n## Next')).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'One line and two.' },
      { kind: 'item', text: 'an item going on' },
      { kind: 'item', text: 'two' },
      { kind: 'heading', level: 2, text: 'Next' },
    ]);
  });
  it('keeps markup-looking text as text (the page renders text nodes only)', () => {
    expect(textBlocks('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'paragraph', text: '<img src=x onerror=alert(1)>' }]);
  });
});
