/**
 * The copies of our mail inside a reply (a reply may quote it more than once:
 * a thread, a forward), each with the coachee's answer under each of its
 * questions; and our own text (intro, greeting, closing, the coach's name,
 * the reference) told apart from theirs.
 * Pure: no browser calls.
 */
import { type Heading, headingAt, norm } from './headings';
import type { Line } from './lines';
import { BOX } from './marks';
import { CLOSING, INTRO_MARK, MAIL_LANGUAGES } from './questions';
import { isRefLine } from './ref';

const KNOWN_CLOSINGS = new Set(MAIL_LANGUAGES.map((l) => norm(CLOSING[l])));
const KNOWN_INTROS = MAIL_LANGUAGES.map((l) => norm(INTRO_MARK[l]));

/** One copy of our mail: its questions, where it is, and the answer lines under each question. */
export interface Copy {
  headings: Heading[];
  depth: number;
  start: number;
  end: number;
  slots: Map<string, Line[]>;
  filled: number;
}

/** Whether a line is our closing or our reference. */
export function isOurs(line: Line): boolean {
  return KNOWN_CLOSINGS.has(norm(line.text)) || isRefLine(line.text);
}

/** The coach's name under our closing, up to the reference: ours, not the coachee's. */
export function skipSignature(lines: Line[]): void {
  lines.forEach((line, i) => {
    if (!KNOWN_CLOSINGS.has(norm(line.text))) return;
    const ref = lines.slice(i + 1, i + 5).findIndex((l) => isRefLine(l.text));
    if (ref < 0) return;
    for (let k = i + 1; k <= i + 1 + ref; k++) if ((lines[k] as Line).raw === line.raw) (lines[k] as Line).skip = true;
  });
}

/** Group the questions found into copies of our mail (a reply may quote it more than once) and fill each one's answers. */
export function copiesOf(lines: Line[], stepTexts?: readonly string[]): Copy[] {
  const headings: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = headingAt(lines, i, stepTexts);
    if (h) {
      headings.push(h);
      i += h.extraLines;
    }
  }
  const copies: Copy[] = [];
  for (const h of headings) {
    const copy = copies.at(-1);
    const prev = copy?.headings.at(-1);
    if (copy && prev && h.order > prev.order && h.depth === copy.depth) copy.headings.push(h);
    else copies.push({ headings: [h], depth: h.depth, start: h.index, end: lines.length, slots: new Map(), filled: 0 });
  }
  copies.forEach((copy, c) => {
    const limit = copies[c + 1]?.start ?? lines.length;
    copy.headings.forEach((h, k) => {
      const stop = copy.headings[k + 1]?.index ?? limit;
      const answer: Line[] = h.inline ? [{ ...(lines[h.index] as Line), text: h.inline }] : [];
      for (let i = h.index + 1 + h.extraLines; i < stop; i++) {
        const line = lines[i] as Line;
        if (line.skip && line.text && line.depth <= copy.depth) {
          // An attribution or header: the copy ends here (a quoted older mail follows).
          if (k === copy.headings.length - 1) copy.end = i;
          break;
        }
        if (line.depth <= copy.depth && isOurs(line)) {
          if (k === copy.headings.length - 1) copy.end = i;
          break;
        }
        if (line.depth <= copy.depth && !line.skip) answer.push(line);
      }
      copy.slots.set(h.key, answer);
      if (answer.some((l) => l.text) || h.lead || stepMarkInLine(h.rest)) copy.filled++;
    });
  });
  return copies;
}

const stepMarkInLine = (rest: string) => {
  const box = BOX.exec(rest);
  return Boolean(box?.[1]);
};

/** Drop our own intro (and the greeting before it) from text that was not quoted. */
export function withoutOurIntro(lines: Line[]): Line[] {
  const out = [...lines];
  let start = 0;
  for (let i = 0; i <= out.length; i++) {
    if (i < out.length && (out[i] as Line).text) continue;
    const para = out.slice(start, i);
    const joined = norm(para.map((l) => l.text).join(' '));
    if (para.length && KNOWN_INTROS.some((mark) => joined.includes(mark))) {
      // Our greeting ("Hi Anna," / "Hallo Anna,") is the paragraph just before.
      let from = start;
      const greet = out.slice(0, start).findLastIndex((l) => l.text);
      if (greet >= 0 && /^(hi|hallo|hello|liebe|lieber)\b.{0,50},$/i.test((out[greet] as Line).text)) from = greet;
      // Ours, from the greeting to the first question (the date, the feedback of a plan mail).
      for (let k = from; k < out.length; k++) out[k] = { ...(out[k] as Line), skip: true };
      return out;
    }
    start = i + 1;
  }
  return out;
}
