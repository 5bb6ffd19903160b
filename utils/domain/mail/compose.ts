/**
 * The plain mails a coach sends a coachee who has nothing installed: *Ask for
 * the pre-work* and *the plan by mail*, written in the coachee's language (not
 * the coach's interface language) and for a phone: each paragraph is one line
 * (a phone's mail app wraps it to the screen; a hard break would show as a
 * ragged line), every numbered question starts a line of its own and is
 * followed by a blank line, and the reference stands alone on the last line,
 * so a mail program's own wrapping never splits a marker from its question.
 * Nothing the coach wrote is shortened: a long step or exercise is written
 * whole. Each mail numbers its questions from [1], greets by first name and
 * is signed with the coach's name.
 * Pure: no browser calls.
 */
import { CLOSING, INTRO_MARK, type MailLanguage, PLAN_NUMBERS, QUESTIONS, type QuestionKey } from './questions';
import { type MailRef, refHash, refLine } from './ref';

const WORDS = {
  en: {
    hi: (name: string) => (name ? `Hi ${name},` : 'Hi,'),
    askSubject: (date: string | null) => (date ? `Pre-work for our session on ${date}` : 'Pre-work for our next session'),
    askIntro: (date: string | null) =>
      `${date ? `Before our session on ${date}` : 'Before our next session'}, please reply to this mail and ${INTRO_MARK.en}. A few words are enough. For the topic, take the hardest work problem of the past two to four weeks: it need not be clear yet.`,
    planSubject: (date: string | null) => (date ? `Your plan from our session on ${date}` : 'Your plan from our session'),
    planIntro:
      'Here is the plan from our session. Whenever you like before the next one, reply to this mail and write your answers under each numbered question: done, partly or not yet under each step, and under each exercise or reading your minutes, each week on its own line.',
    weekOne: (monday: string) => `Week 1 of the homework is the week of ${monday}.`,
    next: (date: string) => `Our next session: ${date}.`,
    feedback: 'My feedback:',
    exercise: 'Exercise',
    reading: 'Reading',
    perWeek: (minutes: number) => `(${minutes} min a week)`,
  },
  de: {
    hi: (name: string) => (name ? `Hallo ${name},` : 'Hallo,'),
    askSubject: (date: string | null) => (date ? `Vorbereitung für unsere Sitzung am ${date}` : 'Vorbereitung für unsere nächste Sitzung'),
    // After "Hallo …," a German letter goes on in lower case.
    askIntro: (date: string | null) =>
      `${date ? `vor unserer Sitzung am ${date}` : 'vor unserer nächsten Sitzung'} antworte bitte auf diese Mail und ${INTRO_MARK.de}. Ein paar Worte genügen. Für das Thema nimm das schwierigste Arbeitsproblem der letzten zwei bis vier Wochen: Es muss noch nicht klar sein.`,
    planSubject: (date: string | null) => (date ? `Dein Plan aus unserer Sitzung am ${date}` : 'Dein Plan aus unserer Sitzung'),
    planIntro:
      'hier ist der Plan aus unserer Sitzung. Antworte bis zur nächsten Sitzung, wann du magst, auf diese Mail und schreib deine Antworten unter jede nummerierte Frage: erledigt, teilweise oder noch nicht unter jeden Schritt, und unter jede Übung oder Lektüre deine Minuten, jede Woche in einer eigenen Zeile.',
    weekOne: (monday: string) => `Woche 1 der Hausaufgaben ist die Woche vom ${monday}.`,
    next: (date: string) => `Unsere nächste Sitzung: ${date}.`,
    feedback: 'Mein Feedback:',
    exercise: 'Übung',
    reading: 'Lektüre',
    perWeek: (minutes: number) => `(${minutes} Min. pro Woche)`,
  },
} as const;

/** One line, made safe for a mail: no control characters (a CR/LF in a name cannot start a header), spaces collapsed. */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text the coach wrote, as paragraphs of one line each (their own line breaks become paragraph breaks). */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map(oneLine)
    .filter(Boolean)
    .flatMap((p, i) => (i === 0 ? [p] : ['', p]));
}

/** A name as the greeting uses it: the first name (the first word of the name as kept). */
export function firstName(name: string): string {
  return oneLine(name).split(' ')[0] ?? '';
}

/** The text of a plan step's line after its marker: `[ ] <step>`, the step whole. */
export const stepLineText = (text: string): string => oneLine(text);

/** A homework line's text: `Exercise: <title> (30 min a week)`. */
function homeworkLineText(language: MailLanguage, item: { kind: 'exercise' | 'reading'; title: string; minutesPerWeek: number }): string {
  const w = WORDS[language];
  return `${item.kind === 'exercise' ? w.exercise : w.reading}: ${oneLine(item.title)} ${w.perWeek(item.minutesPerWeek)}`;
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

/** A question on a line of its own, and room for the answer under it. */
const question = (marker: string, text: string) => [`[${marker}] ${text}`, '', ''];

/** The plan's questions; `number` gives each its marker in this mail. */
function planSections(language: MailLanguage, plan: Plan, number: (key: '4' | '5' | '6') => string): string[] {
  const q = QUESTIONS[language];
  const out: string[] = [];
  if (plan.steps.length > 0) {
    out.push(`[${number('4')}] ${q['4']}`, '');
    for (const [i, s] of plan.steps.entries()) out.push(...question(`${number('4')}.${i + 1}`, `[ ] ${stepLineText(s.text)}`));
    out.push(...question(number('5'), q['5']));
  }
  if (plan.homework.length > 0) {
    out.push(`[${number('6')}] ${q['6']}`, '');
    for (const [i, a] of plan.homework.entries()) out.push(...question(`${number('6')}.${i + 1}`, homeworkLineText(language, a)));
  }
  return out;
}

/** The closing, the coach's name under it, and the reference on the last line. */
function finish(language: MailLanguage, lines: string[], coachName: string, ref: Omit<MailRef, 'version'>): string {
  const name = oneLine(coachName);
  return [...lines, CLOSING[language], ...(name ? [name] : []), '', refLine(ref), ''].join('\n');
}

/** What both mails are told of the people and the plan's weeks. */
interface People {
  language: MailLanguage;
  coacheeName: string;
  /** The coach's name, to sign with ('' leaves the mail unsigned). */
  coachName: string;
  /** The Monday of the plan's first week, written out, when the mail asks for homework minutes. */
  weekOne?: string | null;
}

/**
 * *Ask for the pre-work*: the three questions of the method, the session's
 * date, and when there was a plan, each step to mark, what held them back and
 * the homework minutes week by week.
 */
export function askMail(
  input: People & {
    coacheeId: string;
    /** The upcoming session's date, written out in the coachee's language, or null. */
    date: string | null;
    /** The last plan (its session id, steps and homework), or null. */
    plan: (Plan & { sessionId: string }) | null;
  },
): PlainMail {
  const { language, plan } = input;
  const w = WORDS[language];
  const q = QUESTIONS[language];
  const date = input.date ? oneLine(input.date) : null;
  const lines = [w.hi(firstName(input.coacheeName)), '', w.askIntro(date), ''];
  if (plan && plan.homework.length > 0 && input.weekOne) lines.push(w.weekOne(oneLine(input.weekOne)), '');
  for (const key of ['1', '2', '3'] as QuestionKey[]) lines.push(...question(key, q[key]));
  if (plan) lines.push(...planSections(language, plan, (key) => key));
  const ref = { kind: 'ask' as const, target: refHash(input.coacheeId), planSession: plan ? refHash(plan.sessionId) : null };
  return { subject: oneLine(w.askSubject(date)), body: finish(language, lines, input.coachName, ref) };
}

/** *The plan by mail*: the steps to mark, the homework with its minutes a week, the next date, the feedback. */
export function planMail(
  input: People & {
    sessionId: string;
    plan: Plan;
    /** The plan's session date, written out (for the subject), or null. */
    date: string | null;
    /** The next session's date, written out, or null. */
    next: string | null;
    feedback: string;
  },
): PlainMail {
  const { language } = input;
  const w = WORDS[language];
  const lines = [w.hi(firstName(input.coacheeName)), '', w.planIntro];
  if (input.plan.homework.length > 0 && input.weekOne) lines.push('', w.weekOne(oneLine(input.weekOne)));
  if (input.next) lines.push('', w.next(oneLine(input.next)));
  if (input.feedback.trim()) lines.push('', w.feedback, ...paragraphs(input.feedback));
  lines.push('', ...planSections(language, input.plan, (key) => PLAN_NUMBERS[key]));
  const ref = { kind: 'plan' as const, target: refHash(input.sessionId), planSession: null };
  return { subject: oneLine(w.planSubject(input.date ? oneLine(input.date) : null)), body: finish(language, lines, input.coachName, ref) };
}
