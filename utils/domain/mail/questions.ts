/**
 * The words of our plain mails that the reader must know again: the numbered
 * questions (in each language, as written now and as older mails wrote them),
 * the intro sentence, the closing line. The mail composer (`compose.ts`) and
 * the reader (`reader.ts`) both take them from here.
 * Pure: no browser calls.
 */

/** The languages a mail can be written in. */
export type MailLanguage = 'en' | 'de';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['en', 'de'];

/**
 * What a question asks, whatever number a mail gave it: the reader works with
 * these keys ('1' topic, '2' hardest, '3' worth it, '4' the plan and '4.n' its
 * steps, '5' what held them back, '6' homework and '6.n' its items), the
 * numbers of the pre-work mail; the plan mail numbers its own from [1].
 */
export type QuestionKey = '1' | '2' | '3' | '4' | '5' | '6';

/** The questions, by what they ask. */
export const QUESTIONS: Record<MailLanguage, Record<QuestionKey, string>> = {
  en: {
    '1': 'Topic: the hardest work problem of the past 2 to 4 weeks',
    '2': 'What has been hardest about it?',
    '3': 'What would make our hour worth it for you?',
    '4': 'Your plan: write done, partly or not yet under each step',
    '5': 'What held you back?',
    '6': 'Homework: your minutes, each week on its own line, for example "week 1: 25"',
  },
  de: {
    '1': 'Thema: das schwierigste Arbeitsproblem der letzten Wochen',
    '2': 'Was war daran am schwierigsten?',
    '3': 'Was würde unsere Stunde für dich lohnend machen?',
    '4': 'Dein Plan: erledigt, teilweise oder noch nicht? Je Schritt',
    '5': 'Was hat dich zurückgehalten?',
    '6': 'Hausaufgaben: deine Minuten, jede Woche in einer eigenen Zeile, zum Beispiel „Woche 1: 25“',
  },
};

/** Questions older mails asked in other words (their replies are still read). */
const OLDER_QUESTIONS: readonly { key: QuestionKey; q: string }[] = [
  { key: '6', q: 'Homework: minutes you spent this week, under each' },
  { key: '6', q: 'Hausaufgaben: deine Minuten in dieser Woche, je Aufgabe' },
  // Until December 2026 the example read like an answer already given.
  { key: '6', q: 'Homework: your minutes, each week on its own line (week 1: 25)' },
  { key: '6', q: 'Hausaufgaben: deine Minuten, jede Woche in einer eigenen Zeile (Woche 1: 25)' },
];

/**
 * How the plan mail numbers what it asks: [1] the plan, [1.n] its steps, [2]
 * what held them back, [3] homework, [3.n] its items. (Plan mails before the
 * reference `SC2` numbered them [4]…[6] like the pre-work mail.)
 */
export const PLAN_NUMBERS: Record<'4' | '5' | '6', string> = { '4': '1', '5': '2', '6': '3' };

/** Every question a reply may quote: its number in the mail, what it asks, its words. */
export const KNOWN_QUESTIONS: readonly { marker: string; key: QuestionKey; q: string }[] = [
  ...MAIL_LANGUAGES.flatMap((lang) =>
    (Object.entries(QUESTIONS[lang]) as [QuestionKey, string][]).flatMap(([key, q]) => [
      { marker: key, key, q },
      ...(key in PLAN_NUMBERS ? [{ marker: PLAN_NUMBERS[key as keyof typeof PLAN_NUMBERS], key, q }] : []),
    ]),
  ),
  ...OLDER_QUESTIONS.flatMap(({ key, q }) => [
    { marker: key, key, q },
    { marker: PLAN_NUMBERS['6'], key, q },
  ]),
];

/** The sentence of the intro the reader knows as ours (wherever a mail program wrapped it). */
export const INTRO_MARK: Record<MailLanguage, string> = {
  en: 'write your answers under each numbered question',
  de: 'schreib deine Antworten unter jede nummerierte Frage',
};
/** The line that closes the questions (the coach's name and the reference follow it). */
export const CLOSING: Record<MailLanguage, string> = { en: 'Thank you!', de: 'Danke dir!' };
