/**
 * Our questions found again in a reply, quoted or not: by their marker
 * (`[1]`, `[4.2]`, as written now or by older mails), by their words when the
 * marker was lost, wrapped over lines by a mail program, or with an answer
 * typed on the question's own line. Each is named by what it asks (the keys
 * of `questions.ts`), whatever number the mail gave it.
 * Pure: no browser calls.
 */
import { type Line, MARKER } from './lines';
import { BOX } from './marks';
import { KNOWN_QUESTIONS, MAIL_LANGUAGES, QUESTIONS } from './questions';

/** Lower-case, one space, no trailing punctuation: how lines are compared with what we wrote. */
export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:?!]+$/, '')
    .trim();

const KNOWN = KNOWN_QUESTIONS.map((k) => ({ ...k, n: norm(k.q) }));
const HOMEWORK_LINE = /^(exercise|reading|übung|lektüre):/i;
/** The minutes a week at the end of a homework line we wrote. */
export const PER_WEEK = /\(\d+\s*(?:min a week|min\. pro woche)\)/i;

/** One of our questions in a reply. */
export interface Heading {
  index: number;
  /** What it asks ('1'…'6', '4.n' a step, '6.n' a homework item). */
  key: string;
  /** Its number in the mail as written ('1.2' in a plan mail is the step '4.2'). */
  marker: string;
  order: number;
  depth: number;
  /** The line's text after the marker (a wrapped line joined again). */
  rest: string;
  /** A mark written before the marker ("x [4.1] …"). */
  lead: string;
  /** Lines after `index` that continue the heading (a wrapped question or step). */
  extraLines: number;
  /** An answer typed on the question's line, after it. */
  inline?: string;
}

/** A key's place in the order of a mail ('4.2' after '4.1', before '5'). */
export function orderOf(key: string): number {
  const [a, b] = key.split('.');
  return Number(a) + (b ? Number(b) / 100 : 0);
}

const MARKER_WITH_MARK = /^(x|✓|✔|☑|✅)\s+(\[\d(?:\.\d{1,2})?\].*)$/i;

/**
 * The question a line is, if it is one of ours: its key. `stepTexts`, when the
 * coach's browser knows what was asked, lets a step's line wrapped by a mail
 * program be joined again.
 */
export function headingAt(lines: Line[], i: number, stepTexts?: readonly string[]): Heading | null {
  const line = lines[i] as Line;
  if (line.skip || !line.text) return null;
  let text = line.text;
  let lead = '';
  const withMark = MARKER_WITH_MARK.exec(text);
  if (withMark) {
    lead = withMark[1] ?? '';
    text = withMark[2] ?? '';
  }
  const m = MARKER.exec(text);
  const base = { index: i, depth: line.depth, lead, extraLines: 0 };
  if (!m) {
    // The marker lost (retyped or stripped), the question word for word.
    const n = norm(text);
    const known = n.length >= 12 ? KNOWN.find((k) => k.n === n) : undefined;
    return known ? { ...base, key: known.key, marker: known.key, order: orderOf(known.key), rest: text } : null;
  }
  const marker = m[2] ? `${m[1]}.${Number(m[2])}` : (m[1] ?? '');
  const rest = m[3] ?? '';
  if (!m[2]) return topHeading(lines, i, base, marker, rest);
  const sub = Number(m[2]);
  const continued = continuation(lines, i, rest, stepTexts?.[sub - 1]);
  const whole = { ...base, marker, rest: continued.rest, extraLines: continued.extra };
  if (BOX.test(rest)) return { ...whole, key: `4.${sub}`, order: orderOf(`4.${sub}`) };
  if (HOMEWORK_LINE.test(rest)) return { ...whole, key: `6.${sub}`, order: orderOf(`6.${sub}`) };
  return null;
}

type Base = Pick<Heading, 'index' | 'depth' | 'lead' | 'extraLines'>;

/** A top question ([1]…[6]): known by its words under that number, in any language and mail. */
function topHeading(lines: Line[], i: number, base: Base, marker: string, rest: string): Heading | null {
  const line = lines[i] as Line;
  const n = norm(rest);
  const known = KNOWN.filter((k) => k.marker === marker);
  const exact = known.find((k) => k.n === n);
  if (exact) return { ...base, key: exact.key, marker, order: orderOf(exact.key), rest };
  // An answer typed on the question's own line, after it.
  for (const k of known) {
    if (rest.toLowerCase().startsWith(k.q.toLowerCase())) {
      const inline = rest.slice(k.q.length).replace(/^[\s:?–—-]+/, '');
      return { ...base, key: k.key, marker, order: orderOf(k.key), rest: k.q, inline };
    }
  }
  // A question wrapped by a mail program: its start here, the rest on the next line(s).
  if (n.length >= 10 && known.some((k) => k.n.startsWith(n))) {
    let joined = n;
    for (let k = 1; k <= 3; k++) {
      const next = lines[i + k];
      if (!next?.text || next.depth !== line.depth) break;
      joined = norm(`${joined} ${next.text}`);
      const found = known.find((q) => q.n === joined);
      if (found) return { ...base, key: found.key, marker, order: orderOf(found.key), rest, extraLines: k };
      if (!known.some((q) => q.n.startsWith(joined))) break;
    }
  }
  return null;
}

/**
 * A step's or homework line wrapped by a mail program: the lines that follow
 * it directly, joined again. Known text decides where it ends; without it,
 * only quoted lines directly under it (no blank line between) count, since we
 * always leave a blank line under each of our lines.
 */
function continuation(lines: Line[], i: number, rest: string, known?: string): { rest: string; extra: number } {
  const line = lines[i] as Line;
  let joined = rest;
  let extra = 0;
  for (let k = i + 1; k < lines.length && extra < 6; k++) {
    const next = lines[k] as Line;
    if (!next.text || next.skip || next.raw !== line.raw || MARKER.test(next.text)) break;
    const candidate = `${joined} ${next.text}`;
    if (known !== undefined) {
      const after = norm(joined.replace(BOX, ''));
      if (after.length >= norm(known).length || !norm(known).startsWith(norm(candidate.replace(BOX, '')))) break;
    } else if (line.raw === 0) break;
    joined = candidate;
    extra++;
  }
  return { rest: joined, extra };
}

/** The words of a top question in any language, for telling a question's own first words used as a label. */
export const QUESTION_WORDS = MAIL_LANGUAGES.flatMap((lang) => Object.entries(QUESTIONS[lang]).map(([key, q]) => ({ key, n: norm(q) })));
