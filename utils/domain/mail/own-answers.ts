/**
 * Answers the coachee wrote outside our quoted mail (above it, below it, or
 * with the quote deleted): numbered as the mail numbered its questions
 * (`1.`, `2)`, `[3]`, `4.1 done`, even run together on one line), or under a
 * label in their own words ("Topic:", "Thema:", "Hardest:", "Hope:", "Worth
 * it:", "Am schwierigsten:", or the question's own first words, "What has
 * been hardest:"). Lines that answer nothing are handed back as they are.
 * Pure: no browser calls.
 */
import { norm, orderOf, QUESTION_WORDS } from './headings';
import type { Line } from './lines';

/** How a mail numbers what it asks: its number for each key ('1.2' in a plan mail is the step '4.2'), or null. */
export type Numbering = (marker: string) => string | null;

/** The pre-work mail, and plan mails before `SC2`: [1]…[6], [4.n], [6.n]. */
export const ASK_NUMBERING: Numbering = (marker) => (/^[1-6]$|^[46]\.\d{1,2}$/.test(marker) ? marker : null);

/** The plan mail: [1] the plan, [1.n] its steps, [2] what held them back, [3] homework, [3.n] its items. */
export const PLAN_NUMBERING: Numbering = (marker) => {
  const [a, b] = marker.split('.');
  const key = { '1': '4', '2': '5', '3': '6' }[a ?? ''];
  if (!key) return null;
  if (b === undefined) return key;
  return key === '5' ? null : `${key}.${Number(b)}`;
};

const NUMBERED = /^(?:\[(\d)(?:\.(\d{1,2}))?\]|\((\d)(?:\.(\d{1,2}))?\)|(?:#|q|f)?(\d)\.(\d{1,2})[.):]?|(?:#|q|f)?(\d)[.):])(?:\s+|$)/i;

/** Words a coachee puts before an answer, by what it answers (the start of the label, lower case). */
const LABELS: readonly [string, readonly string[]][] = [
  ['1', ['topic', 'my topic', 'the topic', 'thema', 'mein thema', 'das thema', 'work problem', 'problem', 'arbeitsproblem']],
  [
    '2',
    [
      'hardest',
      'the hardest',
      "what's hardest",
      'difficulty',
      'am schwierigsten',
      'am schwersten',
      'das schwierigste',
      'schwierigste',
      'schwierigkeit',
      'am härtesten',
    ],
  ],
  ['3', ['hope', 'my hope', 'worth it', 'worth', 'outcome', 'goal', 'wish', 'lohnend', 'lohnt sich', 'hoffnung', 'ziel', 'wunsch']],
  ['5', ['held back', 'what held', 'holding me back', 'held me back', 'blocker', 'zurückgehalten', 'was mich zurückgehalten', 'hindernis']],
  ['6', ['homework', 'minutes', 'hausaufgaben', 'hausaufgabe', 'minuten']],
];
const LABEL_LINE = /^[*_]*([\p{L}][\p{L}' ’-]{1,40}?)[*_]*\s*(?::|\s[–—-])\s*(.*)$/u;

/** What a label at the start of a line answers ('1'…'6'), and the words after it; null when the line has none. */
export function labelled(text: string): { key: string; rest: string } | null {
  const m = LABEL_LINE.exec(text);
  if (!m) return null;
  const label = norm(m[1] ?? '').replace(/’/g, "'");
  if (label.split(' ').length > 8) return null;
  for (const [key, words] of LABELS) {
    if (words.some((w) => label === w || label.startsWith(`${w} `))) return { key, rest: m[2] ?? '' };
  }
  // The question's own first words ("What has been hardest:", "Was hat dich zurückgehalten:").
  const own = label.length >= 8 ? QUESTION_WORDS.find((q) => q.n.startsWith(label)) : undefined;
  return own ? { key: own.key, rest: m[2] ?? '' } : null;
}

/** The number a marker match gives, as the mail wrote it ('4.1', '2'). */
function markerOf(m: RegExpExecArray): string {
  if (m[1]) return m[2] ? `${m[1]}.${Number(m[2])}` : m[1];
  if (m[3]) return m[4] ? `${m[3]}.${Number(m[4])}` : m[3];
  if (m[5]) return `${m[5]}.${Number(m[6])}`;
  return m[7] ?? '';
}

/**
 * The coachee's own answers (numbered or labelled) in lines outside our
 * quoted mail, by key, and the lines that answer nothing.
 */
export function ownAnswers(lines: readonly Line[], numbering: Numbering): { slots: Map<string, Line[]>; before: Line[] } {
  const slots = new Map<string, Line[]>();
  const before: Line[] = [];
  let current: Line[] | null = null;
  let last = 0;
  for (const line of lines) {
    if (line.skip) continue;
    let text = line.text;
    if (!text) {
      // An answer ends at a blank line: a paragraph after it without a number or label is not placed.
      current = null;
      before.push(line);
      continue;
    }
    const pieces: { key: string | null; text: string }[] = [];
    const label = labelled(text);
    if (label && !slots.has(label.key)) pieces.push({ key: label.key, text: label.rest });
    // Split at each marker that moves the numbering on: line starts, then run-together ones.
    else
      for (;;) {
        const m = NUMBERED.exec(text);
        const marker = m ? markerOf(m) : '';
        const key = m ? numbering(marker) : null;
        if (m && key && orderOf(marker) > last) {
          last = orderOf(marker);
          text = text.slice(m[0].length);
          const next = nextInline(text, last, numbering);
          pieces.push({ key, text: next < 0 ? text : text.slice(0, next) });
          if (next < 0) break;
          text = text.slice(next).trimStart();
          continue;
        }
        pieces.push({ key: null, text });
        break;
      }
    for (const piece of pieces) {
      const part: Line = { ...line, text: piece.text.trim() };
      if (piece.key !== null) {
        current = part.text ? [part] : [];
        slots.set(piece.key, current);
      } else if (current) current.push(part);
      else before.push(part);
    }
  }
  return { slots, before };
}

/** Where a run-together next answer starts in a line (" 2. …" after "1. …"), or -1. */
function nextInline(text: string, last: number, numbering: Numbering): number {
  const re = /\s(?=(?:\[\d(?:\.\d{1,2})?\]|\d\.\d{1,2}[.):]?|\d[.)])\s)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = text.slice(m.index + 1);
    const k = /^\[?(\d)(?:\.(\d{1,2}))?/.exec(after);
    const marker = k ? (k[2] ? `${k[1]}.${Number(k[2])}` : (k[1] ?? '')) : '';
    if (numbering(marker) && orderOf(marker) > last && orderOf(marker) <= Math.floor(last) + 1.99) return m.index + 1;
  }
  return -1;
}
