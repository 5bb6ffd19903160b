/**
 * The plain mails a coach sends a coachee who has nothing installed: *Ask for
 * the pre-work* and *the plan by mail*. Written in the coachee's language (not
 * the coach's interface language), so their words live here, in both languages.
 *
 * Every line we write is short (at most 62 characters), so no mail program
 * re-wraps it, even quoted a few levels deep. Each question starts with a
 * stable numbered marker (`[1]`, `[4.2]`), the same in both languages, so an
 * answer typed under it in any mail program can be read back
 * (`mail-reply.ts`). The last line is a short reference (`Ref: SC1-…`) that
 * lets the coach's browser tell whose reply it is.
 * Pure: no browser calls.
 */
import { crc32 } from './card-format';

/** The languages a mail can be written in. */
export type MailLanguage = 'en' | 'de';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['en', 'de'];

/** Longest line we write (a quote prefix of a few levels still stays under 72). */
const MAIL_LINE_MAX = 62;
/** Longest plan step or homework title shown on its line (the rest is cut with "…"). */
const ITEM_TEXT_MAX = 48;

/** The questions, by their marker; the same numbers in every mail. */
export const QUESTIONS: Record<MailLanguage, Record<'1' | '2' | '3' | '4' | '5' | '6', string>> = {
  en: {
    '1': 'Topic: the hardest work problem of the past 2 to 4 weeks',
    '2': 'What has been hardest about it?',
    '3': 'What would make our hour worth it for you?',
    '4': 'Your plan: write done, partly or not yet under each step',
    '5': 'What held you back?',
    '6': 'Homework: minutes you spent this week, under each',
  },
  de: {
    '1': 'Thema: das schwierigste Arbeitsproblem der letzten Wochen',
    '2': 'Was war daran am schwierigsten?',
    '3': 'Was würde unsere Stunde für dich lohnend machen?',
    '4': 'Dein Plan: erledigt, teilweise oder noch nicht? Je Schritt',
    '5': 'Was hat dich zurückgehalten?',
    '6': 'Hausaufgaben: deine Minuten in dieser Woche, je Aufgabe',
  },
};

/** The sentence of the intro the reader knows as ours (wherever the lines were wrapped). */
export const INTRO_MARK: Record<MailLanguage, string> = {
  en: 'write your answers under each numbered question',
  de: 'schreib deine Antworten unter jede nummerierte Frage',
};
/** The line that closes the questions (what follows it is ours, or the coachee's closing words). */
export const CLOSING: Record<MailLanguage, string> = { en: 'Thank you!', de: 'Danke dir!' };

const WORDS = {
  en: {
    hi: (name: string) => (name ? `Hi ${name},` : 'Hi,'),
    askSubject: (date: string | null) => (date ? `Pre-work for our session on ${date}` : 'Pre-work for our next session'),
    askIntro: (date: string | null) =>
      `${date ? `before our next session on ${date}` : 'before our next session'}, please reply to this mail and ${INTRO_MARK.en}. A few words are enough. For the topic, take the hardest work problem of the past two to four weeks: it need not be clear yet.`,
    planSubject: 'Your plan until our next session',
    planIntro:
      'here is the plan from our session. Whenever you like before the next one, reply to this mail and write your answers under each numbered question: done, partly or not yet under each step, and your minutes this week under each exercise or reading.',
    next: (date: string) => `Our next session: ${date}.`,
    feedback: 'My feedback:',
    exercise: 'Exercise',
    reading: 'Reading',
    perWeek: (minutes: number) => `(${minutes} min a week)`,
  },
  de: {
    hi: (name: string) => (name ? `Hallo ${name},` : 'Hallo,'),
    askSubject: (date: string | null) => (date ? `Vorbereitung für unsere Sitzung am ${date}` : 'Vorbereitung für unsere nächste Sitzung'),
    askIntro: (date: string | null) =>
      `${date ? `vor unserer nächsten Sitzung am ${date},` : 'vor unserer nächsten Sitzung'} antworte bitte auf diese Mail und ${INTRO_MARK.de}. Ein paar Worte genügen. Für das Thema nimm das schwierigste Arbeitsproblem der letzten zwei bis vier Wochen: Es muss noch nicht klar sein.`,
    planSubject: 'Dein Plan bis zu unserer nächsten Sitzung',
    planIntro:
      'hier ist der Plan aus unserer Sitzung. Antworte bis zur nächsten Sitzung, wann du magst, auf diese Mail und schreib deine Antworten unter jede nummerierte Frage: erledigt, teilweise oder noch nicht unter jeden Schritt, und deine Minuten in dieser Woche unter jede Übung oder Lektüre.',
    next: (date: string) => `Unsere nächste Sitzung: ${date}.`,
    feedback: 'Mein Feedback:',
    exercise: 'Übung',
    reading: 'Lektüre',
    perWeek: (minutes: number) => `(${minutes} Min. pro Woche)`,
  },
} as const;

/** A reply's reference: which kind of mail it answers and hashes of the coach's ids (no id leaves in clear). */
export interface MailRef {
  kind: 'ask' | 'plan';
  /** ask: crc32 of the coachee's id; plan: crc32 of the plan's session id. */
  target: string;
  /** ask: crc32 of the session whose plan was asked about, or null. */
  planSession: string | null;
}

/** The reference line of a mail. */
function refLine(ref: MailRef): string {
  return `Ref: SC1-${ref.kind === 'ask' ? 'A' : 'P'}-${ref.target}${ref.planSession ? `-${ref.planSession}` : ''}`;
}
const REF = /\bSC1-([AP])-([0-9a-f]{8})(?:-([0-9a-f]{8}))?\b/;

/** The reference of a mail found anywhere in a reply (the newest, nearest the top), or null. */
export function findMailRef(text: string): MailRef | null {
  const m = REF.exec(text);
  if (!m) return null;
  return { kind: m[1] === 'A' ? 'ask' : 'plan', target: m[2] ?? '', planSession: m[3] ?? null };
}
/** Whether a line is a reference line we wrote. */
export const isRefLine = (line: string): boolean => /^Ref:\s*SC1-[AP]-[0-9a-f]{8}(?:-[0-9a-f]{8})?\s*$/.test(line.trim());
/** The hash a reference carries for an id. */
export const refHash = (id: string): string => crc32(id);

/** One line, made safe for a mail: no control characters (a CR/LF in a name cannot start a header), spaces collapsed. */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A text cut to `max` characters with "…". */
function cut(text: string, max: number): string {
  const line = oneLine(text);
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Wrap a paragraph at `width` characters, on spaces. */
export function wrap(text: string, width = MAIL_LINE_MAX): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/** The text of a plan step's line: `[4.n] [ ] <step>`. */
export const stepLineText = (text: string): string => cut(text, ITEM_TEXT_MAX);

/** A homework line's text: `Exercise: <title> (30 min a week)`. */
function homeworkLineText(language: MailLanguage, item: { kind: 'exercise' | 'reading'; title: string; minutesPerWeek: number }): string {
  const w = WORDS[language];
  return `${item.kind === 'exercise' ? w.exercise : w.reading}: ${cut(item.title, ITEM_TEXT_MAX - 22)} ${w.perWeek(item.minutesPerWeek)}`;
}

/** A mail ready to send: its subject and body. */
export interface PlainMail {
  subject: string;
  body: string;
}

interface Plan {
  steps: readonly { text: string }[];
  homework: readonly { kind: 'exercise' | 'reading'; title: string; minutesPerWeek: number }[];
}

function planSections(language: MailLanguage, plan: Plan): string[] {
  const q = QUESTIONS[language];
  const out: string[] = [];
  if (plan.steps.length > 0) {
    out.push(`[4] ${q['4']}`, '');
    for (const [i, s] of plan.steps.entries()) out.push(`[4.${i + 1}] [ ] ${stepLineText(s.text)}`, '', '');
    out.push(`[5] ${q['5']}`, '', '');
  }
  if (plan.homework.length > 0) {
    out.push(`[6] ${q['6']}`, '');
    for (const [i, a] of plan.homework.entries()) out.push(`[6.${i + 1}] ${homeworkLineText(language, a)}`, '', '');
  }
  return out;
}

function finish(language: MailLanguage, lines: string[], ref: MailRef): string {
  return [...lines, CLOSING[language], refLine(ref), ''].join('\n');
}

/**
 * *Ask for the pre-work*: the three questions of the method, the session's
 * date, and when there was a plan, each step to mark, what held them back and
 * the homework minutes.
 */
export function askMail(input: {
  language: MailLanguage;
  coacheeName: string;
  coacheeId: string;
  /** The upcoming session's date, written out in the coachee's language, or null. */
  date: string | null;
  /** The last plan (its session id, steps and homework), or null. */
  plan: (Plan & { sessionId: string }) | null;
}): PlainMail {
  const { language, plan } = input;
  const w = WORDS[language];
  const q = QUESTIONS[language];
  const date = input.date ? oneLine(input.date) : null;
  const lines = [
    w.hi(cut(input.coacheeName, 40)),
    '',
    ...wrap(w.askIntro(date)),
    '',
    `[1] ${q['1']}`,
    '',
    '',
    `[2] ${q['2']}`,
    '',
    '',
    `[3] ${q['3']}`,
    '',
    '',
    ...(plan ? planSections(language, plan) : []),
  ];
  const ref: MailRef = { kind: 'ask', target: refHash(input.coacheeId), planSession: plan ? refHash(plan.sessionId) : null };
  return { subject: oneLine(w.askSubject(date)), body: finish(language, lines, ref) };
}

/** *The plan by mail*: the steps to mark, the homework with its minutes a week, the next date, the feedback. */
export function planMail(input: {
  language: MailLanguage;
  coacheeName: string;
  sessionId: string;
  plan: Plan;
  /** The next session's date, written out, or null. */
  next: string | null;
  feedback: string;
}): PlainMail {
  const { language } = input;
  const w = WORDS[language];
  const lines = [w.hi(cut(input.coacheeName, 40)), '', ...wrap(w.planIntro)];
  if (input.next) lines.push('', ...wrap(w.next(oneLine(input.next))));
  if (input.feedback.trim()) lines.push('', w.feedback, ...wrap(input.feedback.trim()));
  lines.push('', ...planSections(language, input.plan));
  return { subject: w.planSubject, body: finish(language, lines, { kind: 'plan', target: refHash(input.sessionId), planSession: null }) };
}

/** Most characters of a `mailto:` link we make (mail programs and browsers cut longer ones). */
const MAILTO_MAX = 1800;

/**
 * A `mailto:` link for a mail, with the body cut at a line so the encoded link
 * stays within `max` characters; `rest` is what did not fit (for the clipboard),
 * empty when all of it did. Subject and body are encoded whole, so no text can
 * add a header.
 */
export function mailtoLink(mail: PlainMail, to = '', max = MAILTO_MAX): { href: string; rest: string } {
  const head = `mailto:${encodeURIComponent(oneLine(to))}?subject=${encodeURIComponent(oneLine(mail.subject))}&body=`;
  const full = head + encodeURIComponent(mail.body);
  if (full.length <= max) return { href: full, rest: '' };
  const lines = mail.body.split('\n');
  const marker = '[…]';
  let kept = 0;
  let size = head.length + encodeURIComponent(`\n${marker}`).length;
  while (kept < lines.length) {
    const add = encodeURIComponent(`${lines[kept]}\n`).length;
    if (size + add > max) break;
    size += add;
    kept++;
  }
  const body = `${lines.slice(0, kept).join('\n')}\n${marker}`;
  return { href: head + encodeURIComponent(body), rest: lines.slice(kept).join('\n') };
}
