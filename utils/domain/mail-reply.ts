/**
 * Reading a coachee's reply to one of our plain mails (`mail-ask.ts`), whatever
 * their mail program did to it. Answers are found by the questions we wrote
 * (their `[1]`…`[6]`, `[4.n]`, `[6.n]` markers, quoted or not), never by line
 * numbers:
 * - answers typed under each quoted question (`> ` quoting, any depth), or
 *   inside an unquoted original (Outlook, a rendered web mail copied as text);
 * - answers above a quoted original ("On … wrote:", "Am … schrieb …:",
 *   "-----Original Message-----", "Von:/Gesendet:" headers), numbered
 *   (`1.`, `2)`, `[3]`, `4.1 done`), even run together on one line;
 * - lines wrapped at 72–78 characters, HTML mail (raw or pasted), a saved
 *   `.eml` (quoted-printable, base64, multipart);
 * - signatures (`-- `) and "Sent from my iPhone" lines are not answers;
 * - plan steps marked `x`, `[x]`, `✓`, `done`, `erledigt`, `partly`,
 *   `teilweise`, `not yet`, `noch nicht`; minutes (`20`, `20 min`, `1,5 h`).
 * It returns each field found or not (null), and every line of the coachee's
 * own text it could not place: shown, never dropped. Nothing is guessed from
 * the order of unnumbered paragraphs.
 * Pure: no browser calls.
 */

import { CLOSING, findMailRef, INTRO_MARK, isRefLine, MAIL_LANGUAGES, type MailRef, QUESTIONS } from './mail-ask';
import type { StepMark } from './plan-progress';

/** Largest reply read (a saved mail with its HTML part is larger than a card). */
export const MAIL_MAX_BYTES = 256 * 1024;

/** One plan step as read: its number in the mail, its text there, the mark (null: not found) and any words beside it. */
export interface StepReading {
  n: number;
  text: string;
  mark: StepMark | null;
  note: string;
}

/** One homework line as read: its number, its text, the minutes (null: not found), and what was written. */
export interface MinutesReading {
  n: number;
  text: string;
  minutes: number | null;
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

// ---------------------------------------------------------------- to plain text

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bdquo: '„',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(ENTITIES, name) ? (ENTITIES[name] as string) : whole;
  });
}

/** Whether pasted text is HTML source (a mail's HTML part), not text. */
const looksLikeHtml = (text: string): boolean => /<(html|body|div|p|br|blockquote|table)\b[^>]*>/i.test(text);

/** HTML mail as text: blocks and breaks become lines, `<blockquote>` becomes `> ` quoting, markup is dropped. */
function htmlToText(html: string): string {
  const s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<blockquote\b[^>]*>/gi, '\n\uE001\n')
    .replace(/<\/blockquote\s*>/gi, '\n\uE002\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<hr\b[^>]*>/gi, '\n________________________________\n')
    .replace(/<li\b[^>]*>/gi, '\uE003- ')
    .replace(/<\/?(p|div|tr|table|ul|ol|h[1-6]|li|section|article|header|footer)\b[^>]*>/gi, '\uE003')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]*\uE003[\uE003 \t]*/g, '\n');
  const out: string[] = [];
  let depth = 0;
  for (const raw of decodeEntities(s).split('\n')) {
    if (raw === '\uE001') depth++;
    else if (raw === '\uE002') depth = Math.max(0, depth - 1);
    else {
      const line = raw.replace(/\s+/g, ' ').trim();
      out.push(depth > 0 ? `${'>'.repeat(depth)} ${line}`.trimEnd() : line);
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function headerMap(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) map.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return map;
}
const param = (value: string, name: string) => new RegExp(`;\\s*${name}\\s*=\\s*"?([^";]+)"?`, 'i').exec(value)?.[1] ?? '';

function decodeBody(body: string, encoding: string, charset: string): string {
  const enc = encoding.toLowerCase();
  let bytes: number[];
  if (enc === 'base64') {
    try {
      bytes = Array.from(atob(body.replace(/[^A-Za-z0-9+/=]/g, '')), (c) => c.charCodeAt(0));
    } catch {
      return body;
    }
  } else if (enc === 'quoted-printable') {
    const s = body.replace(/=\r?\n/g, '');
    bytes = [];
    for (let i = 0; i < s.length; i++) {
      const hex = s[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(s.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(Number.parseInt(hex[0], 16));
        i += 2;
      } else {
        const code = s.charCodeAt(i);
        if (code < 128) bytes.push(code);
        else bytes.push(...new TextEncoder().encode(s[i]));
      }
    }
  } else return body;
  const data = new Uint8Array(bytes);
  try {
    return new TextDecoder(charset || 'utf-8').decode(data);
  } catch {
    return new TextDecoder('utf-8').decode(data);
  }
}

/** The text and HTML parts of a saved mail (first of each, attachments skipped). */
function emlParts(raw: string, level = 0): { plain: string | null; html: string | null } {
  const split = /\r?\n\r?\n/.exec(raw);
  const headers = headerMap(split ? raw.slice(0, split.index) : raw);
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const type = headers.get('content-type') ?? 'text/plain';
  if (/attachment/i.test(headers.get('content-disposition') ?? '')) return { plain: null, html: null };
  const boundary = param(type, 'boundary');
  if (/^multipart\//i.test(type) && boundary && level < 5) {
    const found: { plain: string | null; html: string | null } = { plain: null, html: null };
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const inner = emlParts(part.replace(/^\r?\n/, ''), level + 1);
      found.plain ??= inner.plain;
      found.html ??= inner.html;
    }
    return found;
  }
  const text = decodeBody(body, headers.get('content-transfer-encoding') ?? '', param(type, 'charset'));
  if (/^text\/html/i.test(type)) return { plain: null, html: text };
  if (/^text\/plain/i.test(type) || !headers.has('content-type')) return { plain: text, html: null };
  return { plain: null, html: null };
}

/** Whether text is a whole saved mail (headers, a blank line, the body). */
function looksLikeEml(text: string): boolean {
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return false;
  const head = text.slice(0, end.index);
  return /^[A-Za-z][A-Za-z0-9-]*:/.test(head) && /^(mime-version|content-type|message-id|received|return-path):/im.test(head);
}

/** Any reply as plain text: a saved mail's text part (or its HTML as text), HTML as text, text as it is. */
function replyText(text: string): string {
  let s = text;
  if (looksLikeEml(s)) {
    const parts = emlParts(s);
    s = parts.plain ?? (parts.html !== null ? htmlToText(parts.html) : '');
  } else if (looksLikeHtml(s)) s = htmlToText(s);
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}

// ---------------------------------------------------------------- lines

interface Line {
  /** Quote depth, with one added after an unquoted original's header. */
  depth: number;
  raw: number;
  text: string;
  /** A wrapped line of format=flowed (ends in a space). */
  flowed: boolean;
  /** Not the coachee's words: attribution, headers, signature, "Sent from". */
  skip: boolean;
}

function splitLines(text: string): Line[] {
  return text.split('\n').map((rawLine) => {
    const prefix = /^(?:[ \t]{0,3}>)+/.exec(rawLine)?.[0] ?? '';
    const depth = (prefix.match(/>/g) ?? []).length;
    const rest = rawLine.slice(prefix.length).replace(/^ /, '');
    return { depth, raw: depth, text: rest.trim(), flowed: / $/.test(rest) && rest.trim() !== '', skip: false };
  });
}

const ATTR_END = /\b(wrote|schrieb|a écrit|escribió)\b[^:]{0,160}:\s*$/i;
const ATTR_START = /^(On|Am|Le|El)\s/;
const SEPARATOR =
  /^(-{2,}\s*(original message|ursprüngliche nachricht|original-nachricht|forwarded message|weitergeleitete nachricht)\s*-{2,}|_{20,}|(begin forwarded message|anfang der weitergeleiteten nachricht):?)$/i;
const FORWARD = /forward|weitergeleitet/i;
const HEADER = /^\*?(from|von|sent|gesendet|date|datum|to|an|cc|subject|betreff|reply-to|antwort an)\*?:(\s|$)/i;
const SENT_FROM =
  /^(sent from|sent with|gesendet von|gesendet mit|get outlook for|outlook für .{1,20} beziehen|von meinem .{1,40} gesendet|diese nachricht wurde von meinem .{1,40} gesendet)/i;

/** How many lines from `i` are an attribution ("On … wrote:", possibly wrapped), or 0. */
function attributionAt(lines: Line[], i: number): number {
  const first = lines[i];
  if (!first?.text) return 0;
  if (ATTR_END.test(first.text) && (ATTR_START.test(first.text) || first.text.length < 100)) return 1;
  if (!ATTR_START.test(first.text)) return 0;
  let joined = first.text;
  for (let k = 1; k <= 2; k++) {
    const next = lines[i + k];
    if (!next?.text || next.raw !== first.raw) return 0;
    joined += ` ${next.text}`;
    if (ATTR_END.test(joined)) return k + 1;
  }
  return 0;
}

/** How many lines from `i` are a header block (From:/Sent:/To:/Subject:, Von:/Gesendet:/An:/Betreff:), or 0. */
function headerBlockAt(lines: Line[], i: number): number {
  const first = lines[i];
  if (!first || !HEADER.test(first.text)) return 0;
  let n = 0;
  let headers = 0;
  let from = false;
  while (n < 12) {
    const line = lines[i + n];
    if (!line?.text || line.raw !== first.raw) break;
    if (HEADER.test(line.text)) {
      headers++;
      if (/^\*?(from|von)\*?:/i.test(line.text)) from = true;
    } else if (headers < 2) break;
    n++;
  }
  return headers >= 2 && from ? n : 0;
}

/**
 * Mark what is not the coachee's text (attributions, headers, signatures,
 * "Sent from" lines) and deepen an unquoted original by one level, so its
 * questions sit below the answers above it, as a quote would.
 */
function classify(lines: Line[]): void {
  let extra = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    line.depth = line.raw + extra;
    let block = 0;
    let forward = false;
    if (SEPARATOR.test(line.text)) {
      forward = FORWARD.test(line.text);
      block = 1;
      while (lines[i + block] && !(lines[i + block] as Line).text && block < 3) block++;
      block += headerBlockAt(lines, i + block);
    } else block = attributionAt(lines, i) || headerBlockAt(lines, i);
    if (block > 0) {
      for (let k = 0; k < block; k++) {
        const l = lines[i + k] as Line;
        l.skip = true;
        l.depth = l.raw + extra;
      }
      // A forwarded mail is not a quote: it stays at its depth.
      const next = lines.slice(i + block).find((l) => l.text);
      if (!forward && next && next.raw <= line.raw) extra++;
      i += block;
      continue;
    }
    if (/^--\s?$/.test(line.text) || /^-- $/.test(line.text)) {
      // A signature: to the next attribution, header, question or change of depth.
      line.skip = true;
      let k = i + 1;
      while (k < lines.length) {
        const l = lines[k] as Line;
        if (l.raw !== line.raw || attributionAt(lines, k) || headerBlockAt(lines, k) || SEPARATOR.test(l.text) || MARKER.test(l.text))
          break;
        l.skip = true;
        l.depth = l.raw + extra;
        k++;
      }
      i = k;
      continue;
    }
    if (line.text.length < 90 && SENT_FROM.test(line.text)) line.skip = true;
    i++;
  }
}

// ---------------------------------------------------------------- questions

const MARKER = /^[*_]*\[(\d)(?:\.(\d{1,2}))?\][*_]*(?:\s+(.*))?$/;
const MARKER_WITH_MARK = /^(x|✓|✔|☑|✅)\s+(\[\d(?:\.\d{1,2})?\].*)$/i;
const TOP_KEYS = new Set(['1', '2', '3', '4', '5', '6']);

/** Lower-case, one space, no trailing punctuation: how lines are compared with what we wrote. */
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:?!]+$/, '')
    .trim();

const KNOWN_QUESTIONS = MAIL_LANGUAGES.flatMap((lang) => Object.entries(QUESTIONS[lang]).map(([key, q]) => ({ key, q: norm(q) })));
const KNOWN_CLOSINGS = new Set(MAIL_LANGUAGES.map((l) => norm(CLOSING[l])));
const KNOWN_INTROS = MAIL_LANGUAGES.map((l) => norm(INTRO_MARK[l]));
const HOMEWORK_LINE = /^(exercise|reading|übung|lektüre):/i;
const PER_WEEK = /\(\d+\s*(?:min a week|min\. pro woche)\)/i;
const BOX = /^\[\s*([^\]\s]?)\s*\]\s*/;

interface Heading {
  index: number;
  key: string;
  order: number;
  depth: number;
  /** The line's text after the marker. */
  rest: string;
  /** A mark written before the marker ("x [4.1] …"). */
  lead: string;
  /** Lines after `index` that continue the heading (a wrapped question). */
  extraLines: number;
  /** An answer typed on the question's line, after it. */
  inline?: string;
}

function orderOf(key: string): number {
  const [a, b] = key.split('.');
  return Number(a) + (b ? Number(b) / 100 : 0);
}

/** The question a line is, if it is one of ours (quoted or not): its key. */
function headingAt(lines: Line[], i: number): Heading | null {
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
    const known = n.length >= 12 ? KNOWN_QUESTIONS.find((k) => k.q === n) : undefined;
    return known ? { ...base, key: known.key, order: orderOf(known.key), rest: text } : null;
  }
  const key = m[2] ? `${m[1]}.${Number(m[2])}` : (m[1] ?? '');
  const rest = m[3] ?? '';
  if (TOP_KEYS.has(key)) {
    const n = norm(rest);
    const known = KNOWN_QUESTIONS.filter((k) => k.key === key);
    if (known.some((k) => k.q === n)) return { ...base, key, order: orderOf(key), rest };
    // An answer typed on the question's own line, after it.
    for (const lang of MAIL_LANGUAGES) {
      const q = QUESTIONS[lang][key as keyof (typeof QUESTIONS)['en']];
      if (rest.toLowerCase().startsWith(q.toLowerCase())) {
        return { ...base, key, order: orderOf(key), rest: q, inline: rest.slice(q.length).replace(/^[\s:?–—-]+/, '') };
      }
    }
    // A question wrapped by a mail program: its start here, the rest on the next line(s).
    if (n.length >= 10 && known.some((k) => k.q.startsWith(n))) {
      let joined = n;
      for (let k = 1; k <= 2; k++) {
        const next = lines[i + k];
        if (!next?.text || next.depth !== line.depth) break;
        joined = norm(`${joined} ${next.text}`);
        if (known.some((q) => q.q === joined)) return { ...base, key, order: orderOf(key), rest, extraLines: k };
        if (!known.some((q) => q.q.startsWith(joined))) break;
      }
    }
    return null;
  }
  if (/^4\.\d+$/.test(key) && BOX.test(rest)) return { ...base, key, order: orderOf(key), rest };
  if (/^6\.\d+$/.test(key) && HOMEWORK_LINE.test(rest)) return { ...base, key, order: orderOf(key), rest };
  return null;
}

// ---------------------------------------------------------------- marks and minutes

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

const BOX_MARK: Record<string, StepMark> = {
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

/** Minutes in a text: "20", "20 min", "1,5 h", "1 Std", "none": the first figure, in minutes. */
export function minutesOf(text: string): number | null {
  const m = /(\d{1,5}(?:[.,]\d{1,2})?)\s*(hours?|hrs?|h|stunden?|std\.?|minutes?|minuten|mins?\.?|min\.?|m)?(?![\p{L}])/iu.exec(text);
  if (m) {
    const value = Number((m[1] ?? '').replace(',', '.'));
    const hours = /^(h|hrs?|hours?|stunden?|std)/i.test(m[2] ?? '');
    const minutes = Math.round(hours ? value * 60 : value);
    return Number.isFinite(minutes) && minutes <= 10_080 ? minutes : null;
  }
  if (/(?<![\p{L}])(none|nothing|keine|nichts|null)(?![\p{L}])/iu.test(text)) return 0;
  return null;
}

// ---------------------------------------------------------------- joining text

/** Lines of an answer as text: wrapped lines joined again, paragraphs kept. */
function joinAnswer(lines: readonly Line[]): string {
  const paras: string[] = [];
  let current = '';
  let prev: Line | null = null;
  for (const line of lines) {
    if (!line.text) {
      if (current) paras.push(current);
      current = '';
      prev = null;
      continue;
    }
    if (!current) current = line.text;
    else {
      const wrapped = prev && (prev.flowed || prev.text.length >= 55) && !/^([-*•]|\d+[.)])\s/.test(line.text);
      current += wrapped ? ` ${line.text}` : `\n${line.text}`;
    }
    prev = line;
  }
  if (current) paras.push(current);
  return paras.join('\n\n').trim();
}

/** Drop an answer's own leading marker ("1.", "A:", "Antwort:") when it repeats the question's number. */
function stripOwnMarker(text: string, key: string): string {
  const top = key.split('.')[0];
  return text.replace(new RegExp(`^(?:\\[?${top}\\]?[.):]\\s+|(?:a|antwort|answer):\\s*)`, 'i'), '');
}

// ---------------------------------------------------------------- numbered answers above a quote

const NUMBERED = /^(?:\[(\d)(?:\.(\d{1,2}))?\]|\((\d)(?:\.(\d{1,2}))?\)|(?:#|q|f)?(\d)\.(\d{1,2})[.):]?|(?:#|q|f)?(\d)[.):])(?:\s+|$)/i;
const validKey = (key: string) => TOP_KEYS.has(key) || /^[46]\.\d{1,2}$/.test(key);

/** Numbered answers in text the coachee wrote above the quote ("1. …", "[2] …", "4.1 done"), even run together on a line. */
function numberedAnswers(lines: readonly Line[]): { slots: Map<string, Line[]>; before: Line[] } {
  const slots = new Map<string, Line[]>();
  const before: Line[] = [];
  let current: Line[] | null = null;
  let last = 0;
  for (const line of lines) {
    if (line.skip) continue;
    let text = line.text;
    if (!text) {
      // A numbered answer ends at a blank line: a paragraph after it without a number is not placed.
      current = null;
      before.push(line);
      continue;
    }
    const pieces: { key: string | null; text: string }[] = [];
    // Split at each marker that moves the numbering on: line starts, then run-together ones.
    for (;;) {
      const m = NUMBERED.exec(text);
      if (m) {
        const key = m[1]
          ? m[2]
            ? `${m[1]}.${Number(m[2])}`
            : m[1]
          : m[3]
            ? m[4]
              ? `${m[3]}.${Number(m[4])}`
              : m[3]
            : m[5]
              ? `${m[5]}.${Number(m[6])}`
              : (m[7] ?? '');
        if (validKey(key) && orderOf(key) > last) {
          last = orderOf(key);
          text = text.slice(m[0].length);
          const next = nextInline(text, last);
          pieces.push({ key, text: next < 0 ? text : text.slice(0, next) });
          if (next < 0) break;
          text = text.slice(next).trimStart();
          continue;
        }
      }
      pieces.push({ key: null, text });
      break;
    }
    for (const piece of pieces) {
      const part: Line = { ...line, text: piece.text.trim() };
      if (piece.key !== null) {
        current = [part];
        slots.set(piece.key, current);
      } else if (current) current.push(part);
      else before.push(part);
    }
  }
  return { slots, before };
}

/** Where a run-together next answer starts in a line (" 2. …" after "1. …"), or -1. */
function nextInline(text: string, last: number): number {
  const re = /\s(?=(?:\[\d(?:\.\d{1,2})?\]|\d\.\d{1,2}[.):]?|\d[.)])\s)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = text.slice(m.index + 1);
    const k = /^\[?(\d)(?:\.(\d{1,2}))?/.exec(after);
    const key = k ? (k[2] ? `${k[1]}.${Number(k[2])}` : (k[1] ?? '')) : '';
    if (validKey(key) && orderOf(key) > last && orderOf(key) <= Math.floor(last) + 1.99) return m.index + 1;
  }
  return -1;
}

// ---------------------------------------------------------------- reading

interface Copy {
  headings: Heading[];
  depth: number;
  start: number;
  end: number;
  slots: Map<string, Line[]>;
  filled: number;
}

function isOurs(line: Line): boolean {
  return KNOWN_CLOSINGS.has(norm(line.text)) || isRefLine(line.text);
}

/** Group the questions found into copies of our mail (a reply may quote it more than once) and fill each one's answers. */
function copiesOf(lines: Line[]): Copy[] {
  const headings: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = headingAt(lines, i);
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

/** Paragraphs of the coachee's text, for "could not place". */
function paragraphs(lines: readonly Line[]): string[] {
  const text = joinAnswer(lines.filter((l) => !l.skip));
  return text ? text.split(/\n{2,}/).filter((p) => p.trim()) : [];
}

/** Drop our own intro (and the greeting before it) from text that was not quoted. */
function withoutOurIntro(lines: Line[]): Line[] {
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

/**
 * Read a reply. `asked`, when the coach's browser knows what was asked,
 * lets a step's own text be told from a mark typed beside it.
 */
export function readMailReply(input: string, asked?: Asked): ReadMail {
  const bytes = new TextEncoder().encode(input).length;
  if (bytes > MAIL_MAX_BYTES) return { ok: false, problem: { kind: 'tooLarge', bytes } };
  const text = replyText(input);
  const lines = splitLines(text);
  classify(lines);
  const copies = copiesOf(lines);
  const chosen = [...copies].sort((a, b) => b.filled - a.filled || a.depth - b.depth || a.start - b.start)[0] ?? null;

  // The coachee's own text outside the chosen copy: above it (numbered answers may be there) and below it.
  const inCopy = (i: number) => copies.some((c) => i >= c.start && i < c.end);
  // The coachee's new text is what is not quoted (a quoted older mail's words are not theirs to answer now).
  const authored = (line: Line) => !line.skip && line.depth === 0;
  const above: Line[] = [];
  const below: Line[] = [];
  lines.forEach((line, i) => {
    if (inCopy(i) || !authored(line) || isOurs(line)) return;
    if (!chosen || i < chosen.start) above.push(line);
    else if (i >= chosen.end) below.push(line);
  });
  const top = numberedAnswers([...withoutOurIntro(above), { depth: 0, raw: 0, text: '', flowed: false, skip: false }, ...below]);
  const unplaced: string[] = [...paragraphs(top.before)];

  const slotText = (key: string): string | null => {
    const fromCopy = chosen?.slots.get(key);
    const mine = fromCopy ? stripOwnMarker(joinAnswer(fromCopy), key) : '';
    const numbered = top.slots.get(key);
    const theirs = numbered ? joinAnswer(numbered) : '';
    if (mine && theirs && norm(mine) !== norm(theirs)) unplaced.push(theirs);
    return mine || theirs || null;
  };
  const oneLine = (s: string | null) => (s === null ? null : s.replace(/\s+/g, ' ').trim());

  const title = oneLine(slotText('1'));
  const difficulty = slotText('2');
  const outcome = slotText('3');
  for (const key of ['4', '6']) {
    const remark = slotText(key);
    if (remark) unplaced.push(remark);
  }
  const heldBack = slotText('5');

  // Steps and homework: every number seen in the copy or in numbered answers.
  const stepNumbers = new Set<number>();
  const homeworkNumbers = new Set<number>();
  for (const key of [...(chosen?.slots.keys() ?? []), ...top.slots.keys()]) {
    const [a, b] = key.split('.');
    if (b && a === '4') stepNumbers.add(Number(b));
    if (b && a === '6') homeworkNumbers.add(Number(b));
  }
  asked?.steps.forEach((_, i) => {
    stepNumbers.add(i + 1);
  });
  const headingOf = (key: string) => chosen?.headings.find((h) => h.key === key);

  const steps: StepReading[] = [...stepNumbers]
    .sort((a, b) => a - b)
    .map((n) => {
      const key = `4.${n}`;
      const h = headingOf(key);
      const known = asked?.steps[n - 1];
      const line = h ? splitStepLine(h.rest, known) : { text: known ?? '', box: '', tail: '' };
      const answer = slotText(key) ?? '';
      let mark: StepMark | null = BOX_MARK[line.box] ?? null;
      if (!mark && h?.lead) mark = 'done';
      const notes: string[] = [];
      for (const words of [line.tail, answer]) {
        if (!words) continue;
        const found = markOf(words);
        mark ??= found.mark;
        if (found.mark === null || found.note) notes.push(found.mark === null ? words : found.note);
      }
      return { n, text: line.text, mark, note: notes.join('\n').trim() };
    });

  const minutes: MinutesReading[] = [...homeworkNumbers]
    .sort((a, b) => a - b)
    .map((n) => {
      const key = `6.${n}`;
      const h = headingOf(key);
      const per = h ? PER_WEEK.exec(h.rest) : null;
      const lineText = h ? (per ? h.rest.slice(0, per.index + per[0].length) : h.rest).trim() : '';
      const inline = h && per ? h.rest.slice(per.index + per[0].length).replace(/^[\s:=–—-]+/, '') : '';
      const answer = [inline, slotText(key) ?? ''].filter(Boolean).join('\n');
      return { n, text: lineText, minutes: answer ? minutesOf(answer) : null, answer };
    });

  const ref = findMailRef(text);
  const anything =
    [title, difficulty, outcome, heldBack].some((f) => f !== null) ||
    steps.some((s) => s.mark !== null || s.note) ||
    minutes.some((m) => m.answer);
  if (!ref && !chosen && !anything) return { ok: false, problem: { kind: 'notAReply' } };
  return { ok: true, reading: { ref, title, difficulty, outcome, heldBack, steps, minutes, unplaced } };
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
