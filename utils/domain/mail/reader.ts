/**
 * Reading a coachee's reply to one of our plain mails (`compose.ts`), whatever
 * their mail program did to it, in one pass. Answers are found by the
 * questions we wrote, never by line numbers:
 * - typed under each quoted question (`> ` quoting, any depth), or inside an
 *   unquoted original (Outlook, a rendered web mail copied as text);
 * - above or below a quoted original, numbered as the mail numbered them
 *   (`1.`, `2)`, `[3]`, `4.1 done`, run together on one line) or under a
 *   label in the coachee's words ("Topic:", "Hardest:", "Thema:");
 * - lines wrapped by a mail program, HTML mail, a saved `.eml`;
 * - signatures and "Sent from my iPhone" lines are not answers;
 * - marks in words or symbols (`marks.ts`), minutes week by week (`minutes.ts`).
 * It returns each field found or not (null), and every paragraph of the
 * coachee's own text it could not place: shown, never dropped. Nothing is
 * guessed from the order of unnumbered paragraphs. Mails of every version are
 * read (a plan mail numbered from [4] before `SC2`, from [1] since).
 * Pure: no browser calls.
 */
import type { StepMark } from '../plan-progress';
import { copiesOf, isOurs, skipSignature, withoutOurIntro } from './copies';
import { norm, PER_WEEK } from './headings';
import { BLANK, classify, joinAnswer, type Line, paragraphs, splitLines, stripOwnMarker } from './lines';
import { BOX, BOX_MARK, freeMarksOf, markOf } from './marks';
import { freeMinutesOf, type WeekMinutes, weekMinutesOf } from './minutes';
import { ASK_NUMBERING, ownAnswers, PLAN_NUMBERING } from './own-answers';
import { replyText } from './plain-text';
import { findMailRef, type MailRef } from './ref';

/** Largest reply read (a saved mail with its HTML part is larger than a card). */
export const MAIL_MAX_BYTES = 256 * 1024;

/** One plan step as read: its number, its text in the mail, the mark (null: not found) and the words beside it. */
export interface StepReading {
  n: number;
  text: string;
  mark: StepMark | null;
  note: string;
  /** As found, for placing it again once the asked steps are known: the step's line after its marker, the answer under it. */
  found: { line: string; answer: string; lead: boolean } | null;
  /** The mark was written in free words about the steps ("done the first one"): placing the step again keeps it. */
  free?: true;
}

/** One homework line as read: its number, its text, the minutes week by week, and what was written. */
export interface MinutesReading {
  n: number;
  text: string;
  weeks: WeekMinutes[];
  answer: string;
}

/** What a reply says; null: not found. */
export interface MailReading {
  ref: MailRef | null;
  title: string | null;
  difficulty: string | null;
  outcome: string | null;
  heldBack: string | null;
  steps: StepReading[];
  minutes: MinutesReading[];
  /** The coachee's own text that answers no question we could tell, paragraph by paragraph. */
  unplaced: string[];
}

export type MailProblem = { kind: 'tooLarge'; bytes: number } | { kind: 'notAReply' };
export type ReadMail = { ok: true; reading: MailReading } | { ok: false; problem: MailProblem };

/** What we asked, when the coach's browser knows it (the steps' texts as the mail showed them). */
export interface Asked {
  steps: readonly string[];
}

/** Read a reply. `asked`, when known, lets a step's own text be told from a mark typed beside it. */
export function readMailReply(input: string, asked?: Asked): ReadMail {
  const bytes = new TextEncoder().encode(input).length;
  if (bytes > MAIL_MAX_BYTES) return { ok: false, problem: { kind: 'tooLarge', bytes } };
  const text = replyText(input);
  const lines = splitLines(text);
  classify(lines);
  skipSignature(lines);
  const copies = copiesOf(lines, asked?.steps);
  const chosen = [...copies].sort((a, b) => b.filled - a.filled || a.depth - b.depth || a.start - b.start)[0] ?? null;
  const ref = findMailRef(text);
  // The plan mail numbers from [1] since SC2: told by its reference, or by a question numbered so.
  const planNumbers = (ref?.kind === 'plan' && ref.version === 2) || Boolean(chosen?.headings.some((h) => h.marker !== h.key));

  // The coachee's own text outside the chosen copy: above it and below it (a quoted older mail's words are not theirs now).
  const inCopy = (i: number) => copies.some((c) => i >= c.start && i < c.end);
  const authored = (line: Line) => !line.skip && line.depth === 0;
  const above: Line[] = [];
  const below: Line[] = [];
  lines.forEach((line, i) => {
    if (inCopy(i) || !authored(line) || isOurs(line)) return;
    if (!chosen || i < chosen.start) above.push(line);
    else if (i >= chosen.end) below.push(line);
  });
  const own = ownAnswers([...withoutOurIntro(above), BLANK, ...below], planNumbers ? PLAN_NUMBERING : ASK_NUMBERING);
  const free = paragraphs(own.before);
  const unplaced: string[] = [...free];

  const markerOf = (key: string) => chosen?.headings.find((h) => h.key === key)?.marker ?? key;
  const slotText = (key: string): string | null => {
    const fromCopy = chosen?.slots.get(key);
    const mine = fromCopy ? stripOwnMarker(joinAnswer(fromCopy), markerOf(key)) : '';
    const numbered = own.slots.get(key);
    const theirs = numbered ? joinAnswer(numbered) : '';
    if (mine && theirs && norm(mine) !== norm(theirs)) unplaced.push(theirs);
    return mine || theirs || null;
  };
  const flat = (s: string | null) => (s === null ? null : s.replace(/\s+/g, ' ').trim());

  const title = flat(slotText('1'));
  const difficulty = slotText('2');
  const outcome = slotText('3');
  const planRemark = slotText('4');
  if (planRemark) unplaced.push(planRemark);
  const heldBack = slotText('5');

  // Steps and homework: every number seen in the copy or among the coachee's own answers.
  const numbers = (prefix: string) => {
    const found = new Set<number>();
    for (const key of [...(chosen?.slots.keys() ?? []), ...own.slots.keys()]) {
      const [a, b] = key.split('.');
      if (b && a === prefix) found.add(Number(b));
    }
    return [...found].sort((x, y) => x - y);
  };
  const headingOf = (key: string) => chosen?.headings.find((h) => h.key === key);

  const steps: StepReading[] = numbers('4').map((n) => {
    const h = headingOf(`4.${n}`);
    const found = { line: h?.rest ?? '', answer: slotText(`4.${n}`) ?? '', lead: Boolean(h?.lead) };
    return { n, ...placeStep(found), found };
  });

  const homeworkRemark = slotText('6');
  const minuteNumbers = numbers('6');
  // "Homework: 25 the first week, 30 the second" with one exercise asked is that exercise's answer.
  const oneItem = minuteNumbers.length === 1 && homeworkRemark && !slotText(`6.${minuteNumbers[0]}`);
  if (homeworkRemark && !oneItem) unplaced.push(homeworkRemark);
  const minutes: MinutesReading[] = minuteNumbers.map((n) => {
    const h = headingOf(`6.${n}`);
    const per = h ? PER_WEEK.exec(h.rest) : null;
    const lineText = h ? (per ? h.rest.slice(0, per.index + per[0].length) : h.rest).trim() : '';
    const inline = h && per ? h.rest.slice(per.index + per[0].length).replace(/^[\s:=–—-]+/, '') : '';
    const answer = [inline, (oneItem ? homeworkRemark : slotText(`6.${n}`)) ?? ''].filter(Boolean).join('\n');
    const read = weekMinutesOf(answer);
    for (const words of read.unplaced) unplaced.push(lineText ? `${lineText.replace(PER_WEEK, '').trim()} – ${words}` : words);
    return { n, text: lineText, weeks: read.weeks, answer };
  });

  const anything =
    [title, difficulty, outcome, heldBack].some((f) => f !== null) ||
    steps.some((s) => s.mark !== null || s.note) ||
    minutes.some((m) => m.answer);
  if (!ref && !chosen && !anything) return { ok: false, problem: { kind: 'notAReply' } };
  const reading: MailReading = { ref, title, difficulty, outcome, heldBack, steps, minutes, unplaced };
  return { ok: true, reading: withFreeWords(asked ? withAskedSteps(reading, asked) : reading, free.length) };
}

/**
 * Marks and minutes written in free words above or below the quote, with no
 * numbers ("Done the first one. Second not yet, Sam was away" / "25 min the
 * first week, 30 the second"), placed in the plan's steps when none was marked
 * otherwise, and in its homework when it has one item without minutes (with
 * several, the words stay shown as unplaced). `freeCount`: how many of the
 * unplaced paragraphs are the coachee's own free text. What is not placed stays.
 */
function withFreeWords(reading: MailReading, freeCount: number): MailReading {
  if (freeCount === 0) return reading;
  const stepsOpen = reading.steps.length > 0 && reading.steps.every((s) => s.mark === null && !s.note);
  const one = reading.minutes.length === 1 ? reading.minutes[0] : undefined;
  const minutesOpen = one !== undefined && one.weeks.length === 0 && !one.answer;
  if (!stepsOpen && !minutesOpen) return reading;
  const marks = new Map<number, { mark: StepMark; note: string }>();
  const weeks: WeekMinutes[] = [];
  const answer: string[] = [];
  const kept: string[] = [];
  for (const paragraph of reading.unplaced.slice(0, freeCount)) {
    let rest = paragraph;
    if (minutesOpen) {
      const read = freeMinutesOf(rest);
      if (read.weeks.length > 0) answer.push(...rest.split('\n').filter((l) => !read.rest.split('\n').includes(l)));
      weeks.push(...read.weeks);
      rest = read.rest;
    }
    if (stepsOpen && rest) {
      const read = freeMarksOf(rest, reading.steps.length);
      for (const m of read.marks) if (!marks.has(m.n)) marks.set(m.n, m);
      rest = read.rest;
    }
    if (rest.trim()) kept.push(rest.trim());
  }
  if (marks.size === 0 && weeks.length === 0) return reading;
  const steps = reading.steps.map((s) => {
    const m = marks.get(s.n);
    return m ? { ...s, mark: m.mark, note: m.note, free: true as const } : s;
  });
  const minutes = reading.minutes.map((m) =>
    m === one && weeks.length > 0 ? { ...m, weeks: sumWeeks(weeks), answer: answer.join('\n') } : m,
  );
  return { ...reading, steps, minutes, unplaced: [...kept, ...reading.unplaced.slice(freeCount)] };
}

/** Minutes by week, a week named twice added up. */
function sumWeeks(weeks: readonly WeekMinutes[]): WeekMinutes[] {
  const by = new Map<number | null, number>();
  for (const w of weeks) by.set(w.week, Math.min(10_080, (by.get(w.week) ?? 0) + w.minutes));
  return [...by].map(([week, minutes]) => ({ week, minutes })).sort((a, b) => (a.week ?? 0) - (b.week ?? 0));
}

/**
 * The steps placed again knowing what was asked (the texts of the steps as the
 * mail showed them): a mark typed beside a step's text is told from the text,
 * and a step the reply left out is listed as not found. No second reading.
 */
export function withAskedSteps(reading: MailReading, asked: Asked): MailReading {
  const byNumber = new Map(reading.steps.map((s) => [s.n, s]));
  asked.steps.forEach((_, i) => {
    if (!byNumber.has(i + 1)) byNumber.set(i + 1, { n: i + 1, text: '', mark: null, note: '', found: null });
  });
  const steps = [...byNumber.values()]
    .sort((a, b) => a.n - b.n)
    .map((s) => {
      const known = asked.steps[s.n - 1];
      if (s.free) return { ...s, text: known ?? s.text };
      return s.found ? { ...s, ...placeStep(s.found, known) } : { ...s, text: known ?? s.text };
    });
  return { ...reading, steps };
}

/** A step's mark and words from its line and the answer under it (`known`: the step's text as asked). */
function placeStep(found: { line: string; answer: string; lead: boolean }, known?: string): Pick<StepReading, 'text' | 'mark' | 'note'> {
  const line = found.line ? splitStepLine(found.line, known) : { text: known ?? '', box: '', tail: '' };
  let mark: StepMark | null = BOX_MARK[line.box] ?? null;
  if (!mark && found.lead) mark = 'done';
  const notes: string[] = [];
  for (const words of [line.tail, found.answer]) {
    if (!words) continue;
    const read = markOf(words);
    mark ??= read.mark;
    if (read.mark === null || read.note) notes.push(read.mark === null ? words : read.note);
  }
  return { text: line.text, mark, note: notes.join('\n').trim() };
}

/** A step's line split into its box ("[x]"), its text, and words typed after it ("– done"). */
function splitStepLine(rest: string, known?: string): { text: string; box: string; tail: string } {
  const box = BOX.exec(rest);
  const after = box ? rest.slice(box[0].length) : rest;
  const mark = box?.[1] ?? '';
  if (known && norm(after).startsWith(norm(known))) {
    return { text: known, box: mark, tail: after.slice(known.length).replace(/^[\s–—:=→-]+/, '') };
  }
  // Without the asked text: a mark typed at the end after a dash or colon ("Talk to Sam – done").
  const end = /\s(?:[-–—:=→]+|\|)\s*([^-–—:=→|]{1,40})$/.exec(after);
  if (end && markOf(end[1] ?? '').mark !== null) return { text: after.slice(0, end.index).trim(), box: mark, tail: end[1]?.trim() ?? '' };
  return { text: after.trim(), box: mark, tail: '' };
}
