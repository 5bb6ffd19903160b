/** The mails the corpora answer: a pre-work and a plan mail in English and German, as Sidecoach writes them now. */
import { askMail, planMail } from '../../../../../utils/domain/mail/compose';

export const STEPS = [{ text: 'Talk to Sam about the release date' }, { text: 'Block two mornings a week for deep work' }];
export const HOMEWORK = [{ kind: 'exercise' as const, title: 'Journaling', minutesPerWeek: 30 }];
export const PLAN = { sessionId: 's-1', steps: STEPS, homework: HOMEWORK };
export const EN = askMail({
  language: 'en',
  coacheeName: 'Anna Berg',
  coachName: 'Maria Coach',
  weekOne: 'Monday, 30 November',
  coacheeId: 'c-anna',
  date: 'Thursday, 3 December 2026',
  plan: PLAN,
}).body;
export const EN_NO_PLAN = askMail({
  language: 'en',
  coacheeName: 'Anna',
  coachName: 'Maria Coach',
  coacheeId: 'c-anna',
  date: null,
  plan: null,
}).body;
export const DE_STEPS = [{ text: 'Mit Sam über den Release-Termin sprechen' }, { text: 'Zwei Vormittage pro Woche blocken' }];
export const DE = askMail({
  language: 'de',
  coacheeName: 'Jonas Becker',
  coachName: 'Maria Coach',
  weekOne: 'Montag, 30. November',
  coacheeId: 'c-jonas',
  date: 'Donnerstag, 3. Dezember 2026',
  plan: { sessionId: 's-2', steps: DE_STEPS, homework: [{ kind: 'reading', title: 'Deep Work, Kapitel 2', minutesPerWeek: 40 }] },
}).body;
export const PLAN_EN = planMail({
  language: 'en',
  coacheeName: 'Anna',
  coachName: 'Maria Coach',
  weekOne: 'Monday, 30 November',
  date: '30 November 2026',
  sessionId: 's-1',
  plan: PLAN,
  next: 'Thursday, 7 January 2027',
  feedback: 'Clear goals.',
}).body;
export const PLAN_DE = planMail({
  language: 'de',
  coacheeName: 'Jonas',
  coachName: '',
  date: null,
  sessionId: 's-2',
  plan: { steps: DE_STEPS, homework: [{ kind: 'reading', title: 'Deep Work, Kapitel 2', minutesPerWeek: 40 }] },
  next: null,
  feedback: '',
}).body;
