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

/** Ordinals that name a step in free words ("the first one", "das zweite", "step 2", "der letzte Schritt"). */
const STEP_ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  erst: 1,
  zweit: 2,
  dritt: 3,
  viert: 4,
  fünft: 5,
  sechst: 6,
};
const STEP_REF = new RegExp(
  [
    // "the first (one|step)", "das erste", "der zweite Schritt", "1st", "2."
    `${WORD_START}(?:(?:the|das|der|die|den|dem)\\s+)?(first|second|third|fourth|fifth|sixth|last|other|(?:erst|zweit|dritt|viert|fünft|sechst|letzt|ander)(?:e[nmrs]?)?|\\d(?:st|nd|rd|th))(?:\\s+(?:one|step|item|task|schritt|punkt|aufgabe|teil))?${WORD_END}`,
    // "step 2", "Schritt 1", "#2", "no. 2"
    `${WORD_START}(?:step|schritt|punkt|item|no\\.?|nr\\.?|#)\\s*(\\d{1,2})${WORD_END}`,
  ].join('|'),
  'giu',
);
/** "both done", "all done", "beide erledigt", "alles erledigt": a mark for every step. */
const ALL_STEPS = new RegExp(`${WORD_START}(both|all|all of them|each|beide|beides|alle|alles|jeder)${WORD_END}`, 'iu');
/** A week or minutes in the words: a minutes line, not marks. */
const ABOUT_TIME = /(?<![\p{L}])(weeks?|woche[n]?|min(?:utes?|uten)?|mins?|hours?|stunden?|std)(?![\p{L}])/iu;

/** The step an ordinal or number names among `count` steps, or null. */
function stepNumberOf(m: RegExpExecArray, count: number): number | null {
  if (m[2]) return Number(m[2]);
  const raw = (m[1] ?? '').toLowerCase();
  if (/^\d/.test(raw)) return Number.parseInt(raw, 10);
  const stem = raw.replace(/e[nmrs]?$/, '');
  if (raw === 'last' || stem === 'letzt') return count;
  // "the other" only among two steps, once the first is named: the caller gives it the step not yet named.
  if (raw === 'other' || stem === 'ander') return 0;
  return STEP_ORDINALS[raw] ?? STEP_ORDINALS[stem] ?? null;
}

/** One step's mark read from free words, with the coachee's words beside it. */
export interface FreeMark {
  n: number;
  mark: StepMark;
  note: string;
}

/**
 * Marks written in free words about the steps of a plan of `count` steps, in
 * the steps' order: "Done the first one. Second not yet, Sam was away", "both
 * done", "das erste erledigt, das zweite noch nicht", "step 2: half". Returns
 * the marks found and the words that named no step (kept, never dropped).
 * A line about weeks or minutes is left for the minutes.
 */
export function freeMarksOf(text: string, count: number): { marks: FreeMark[]; rest: string } {
  const marks: FreeMark[] = [];
  const rest: string[] = [];
  if (count < 1) return { marks, rest: text };
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const s = sentence.trim();
    if (!s) continue;
    const found = ABOUT_TIME.test(s) ? [] : marksInSentence(s, count, marks);
    if (found.length === 0) rest.push(s);
    for (const f of found) if (!marks.some((m) => m.n === f.n)) marks.push(f);
  }
  marks.sort((a, b) => a.n - b.n);
  return { marks, rest: rest.join('\n') };
}

/** The marks one sentence gives: each clause that names a step, or "both/all" with one mark. */
function marksInSentence(s: string, count: number, before: readonly FreeMark[]): FreeMark[] {
  const refs = [...s.matchAll(STEP_REF)].map((m) => ({ m, n: stepNumberOf(m, count) })).filter((r) => r.n !== null);
  if (refs.length === 0) {
    const all = ALL_STEPS.exec(s);
    if (!all) return [];
    const read = markOf(s.slice(0, all.index) + s.slice(all.index + all[0].length));
    if (!read.mark) return [];
    return Array.from({ length: count }, (_, i) => ({ n: i + 1, mark: read.mark as StepMark, note: read.note }));
  }
  const out: FreeMark[] = [];
  refs.forEach((r, i) => {
    // The clause of this step: from the separator before its ordinal (after the previous one) to the next clause.
    const start = i === 0 ? 0 : clauseStart(s, refs[i - 1]?.m.index ?? 0, r.m.index);
    const next = refs[i + 1];
    const end = next ? clauseStart(s, r.m.index, next.m.index) : s.length;
    const clause = s.slice(start, end);
    const at = r.m.index - start;
    const words = `${clause.slice(0, at)} ${clause.slice(at + r.m[0].length)}`.replace(/\s+/g, ' ').trim();
    const read = markOf(words.replace(/^[\s,;:.–—-]+/, '').replace(/^(?:one|is|was|ist|war|wurde|habe ich|hab ich)\s+/i, ''));
    if (!read.mark) return;
    let n = r.n as number;
    if (n === 0) n = count === 2 ? ([1, 2].find((k) => !out.some((o) => o.n === k) && !before.some((b) => b.n === k)) ?? 0) : 0;
    if (n < 1 || n > count) return;
    out.push({ n, mark: read.mark, note: read.note.replace(/[.!]+$/, '') });
  });
  return out;
}

/** Where the clause holding the ordinal at `to` starts: after the last ",", ";", "and"/"und"/"but"/"aber" between `from` and `to`. */
function clauseStart(s: string, from: number, to: number): number {
  const between = s.slice(from, to);
  let cut = -1;
  for (const m of between.matchAll(/[,;]\s*|\s(?:and|und|but|aber|while|während)\s/giu)) cut = m.index + m[0].length;
  return cut < 0 ? to : from + cut;
}
