/**
 * How the coachee marked a step, in words or symbols, in English or German:
 * `x`, `[x]`, `✓`, `done`, `erledigt`, `partly`, `teilweise`, `not yet`,
 * `noch nicht`…, and the words they wrote beside the mark.
 * Pure: no browser calls.
 */
import type { StepMark } from '../plan-progress';

/** A box at the start of a step's line (`[ ]`, `[x]`), with what was typed in it. */
export const BOX = /^\[\s*([^\]\s]?)\s*\]\s*/;

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
const MARK_WORDS: [StepMark, string][] = [
  [
    'not',
    "not yet|not done|not started|not really|did not|didn't|haven't|noch nicht|nicht erledigt|nicht geschafft|gar nicht|nein|nope|no|not|nicht|offen",
  ],
  [
    'partly',
    'partly|partially|part of it|halfway|half done|half|in progress|started|some of it|teilweise|teils|zum teil|zur hälfte|halb|angefangen|begonnen|in arbeit',
  ],
  ['done', 'done|yes|completed|complete|finished|did it|ja|erledigt|fertig|geschafft|gemacht|erfüllt|check'],
];
const MARK_RE = new RegExp(
  `${WORD_START}(${MARK_WORDS.map(([, w]) => w)
    .join('|')
    .split('|')
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})${WORD_END}`,
  'iu',
);
const MARK_OF = new Map<string, StepMark>(
  MARK_WORDS.flatMap(([mark, words]) => words.split('|').map((w) => [w, mark] as [string, StepMark])),
);
const SYMBOL_MARK: [RegExp, StepMark][] = [
  [/^(x|✓|✔|✔️|☑|☑️|✅|\+)(?=\s|$|[.,:;!-])/i, 'done'],
  [/^(✗|✘|❌|–|-)(?=\s|$)/, 'not'],
  [/^(~|½|\/)(?=\s|$)/, 'partly'],
];

export const BOX_MARK: Record<string, StepMark> = {
  x: 'done',
  X: 'done',
  '✓': 'done',
  '✔': 'done',
  '*': 'done',
  '+': 'done',
  '/': 'partly',
  '~': 'partly',
  '½': 'partly',
  '-': 'not',
  '✗': 'not',
  '✘': 'not',
};

/** A mark in words or symbols at the start of a text (within its first few words), and the words after it. */
export function markOf(text: string): { mark: StepMark | null; note: string } {
  const s = text.trim();
  if (!s) return { mark: null, note: '' };
  const box = BOX.exec(s);
  if (box?.[1] && BOX_MARK[box[1]]) return { mark: BOX_MARK[box[1]] as StepMark, note: tidyNote(s.slice(box[0].length)) };
  for (const [re, mark] of SYMBOL_MARK) {
    const m = re.exec(s);
    if (m) return { mark, note: tidyNote(s.slice(m[0].length)) };
  }
  const m = MARK_RE.exec(s);
  // Only near the start: "Done, finally" is a mark; "I said no to my boss" is not.
  if (m && m.index <= 10 && s.slice(0, m.index).split(/\s+/).filter(Boolean).length <= 1) {
    const mark = MARK_OF.get((m[1] ?? '').toLowerCase()) ?? null;
    if (mark) return { mark, note: tidyNote(s.slice(m.index + m[0].length)) };
  }
  return { mark: null, note: s };
}
const tidyNote = (s: string) => s.replace(/^[\s.,:;!–—-]+/, '').trim();
