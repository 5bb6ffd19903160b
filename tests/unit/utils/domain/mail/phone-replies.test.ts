/**
 * The second corpus: replies written on a phone, in a hurry, as phone mail
 * apps shape them (the Gmail app, the Outlook app, Apple Mail on iOS, a German
 * web mail's app), to the mails as they are written now (each paragraph one
 * line, numbered from [1]) and as older mails were written (a plan mail
 * numbered from [4]). Labels in the coachee's own words, free text, marks and
 * minutes in free words; each field checked, nothing dropped.
 */
import { describe, expect, it } from 'vitest';
import { askMail, planMail, stepLineText } from '../../../../../utils/domain/mail/compose';
import { answersOf } from '../../../../../utils/domain/mail/intake';
import { type Asked, type MailReading, readMailReply } from '../../../../../utils/domain/mail/reader';
import { refHash } from '../../../../../utils/domain/mail/ref';

const STEPS = [
  { text: 'Talk to Sam about the release date before the planning meeting on Monday, and write down what you want to say first' },
  { text: 'Block two mornings a week for deep work' },
];
const HOMEWORK = [{ kind: 'exercise' as const, title: 'Journaling', minutesPerWeek: 30 }];
const ASK = askMail({
  language: 'en',
  coacheeName: 'Jonas Becker',
  coachName: 'Maria Coach',
  coacheeId: 'c-jonas',
  date: 'Thursday, 3 December 2026 at 10:00',
  plan: null,
}).body;
const ASK_WITH_PLAN = askMail({
  language: 'en',
  coacheeName: 'Jonas Becker',
  coachName: 'Maria Coach',
  coacheeId: 'c-jonas',
  date: null,
  weekOne: 'Monday, 2 November',
  plan: { sessionId: 's-1', steps: STEPS, homework: HOMEWORK },
}).body;
const ASK_DE = askMail({
  language: 'de',
  coacheeName: 'Jonas Becker',
  coachName: 'Maria Coach',
  coacheeId: 'c-jonas',
  date: null,
  plan: null,
}).body;
const PLAN = planMail({
  language: 'en',
  coacheeName: 'Jonas Becker',
  coachName: 'Maria Coach',
  sessionId: 's-1',
  date: '2 November 2026',
  weekOne: 'Monday, 2 November',
  plan: { steps: STEPS, homework: HOMEWORK },
  next: 'Thursday, 3 December 2026 at 10:00',
  feedback: 'You know what you want to say.',
}).body;
const PLAN_DE = planMail({
  language: 'de',
  coacheeName: 'Jonas Becker',
  coachName: 'Maria Coach',
  sessionId: 's-2',
  date: '2. November 2026',
  weekOne: 'Montag, 2. November',
  plan: {
    steps: [{ text: 'Mit Sam über den Release-Termin sprechen' }],
    homework: [{ kind: 'reading', title: 'Deep Work, Kapitel 2', minutesPerWeek: 40 }],
  },
  next: null,
  feedback: '',
}).body;
/** A plan mail as Sidecoach wrote it before phones: wrapped at 62 characters, numbered from [4], reference SC1. */
const OLD_PLAN = [
  'Hi Jonas Becker,',
  '',
  'here is the plan from our session. Whenever you like before',
  'the next one, reply to this mail and write your answers',
  'under each numbered question: done, partly or not yet under',
  'each step, and your minutes this week under each exercise or',
  'reading.',
  '',
  '[4] Your plan: write done, partly or not yet under each step',
  '',
  '[4.1] [ ] Talk to Sam about the release date before the…',
  '',
  '',
  '[4.2] [ ] Block two mornings a week for deep work',
  '',
  '',
  '[5] What held you back?',
  '',
  '',
  '[6] Homework: minutes you spent this week, under each',
  '',
  '[6.1] Exercise: Journaling (30 min a week)',
  '',
  '',
  'Thank you!',
  `Ref: SC1-P-${refHash('s-old')}`,
  '',
].join('\n');
const ASKED: Asked = { steps: STEPS.map((s) => stepLineText(s.text)) };

const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
/** Our mail quoted, an answer typed under each question named (the key as the mail numbers it). */
function under(body: string, answers: Record<string, string>): string {
  const out: string[] = [];
  for (const line of body.split('\n')) {
    out.push(line ? `> ${line}` : '>');
    const key = /^\[(\d(?:\.\d+)?)\]/.exec(line)?.[1];
    if (key && answers[key] !== undefined) out.push('', answers[key], '');
  }
  return out.join('\n');
}

const GMAIL_APP = 'On Mon, 30 Nov 2026, 10:12 Maria Coach, <maria@coach.example> wrote:';
const GMAIL_IOS = 'On Mon, Nov 30, 2026 at 10:12 AM Maria Coach <maria@coach.example> wrote:';
const IPHONE = 'On 30. Nov 2026, at 10:12, Maria Coach <maria@coach.example> wrote:';
const OUTLOOK_APP = [
  'Get Outlook for iOS<https://aka.ms/o0ukef>',
  '________________________________',
  'From: Maria Coach <maria@coach.example>',
  'Sent: Monday, November 30, 2026 10:12:04 AM',
  'To: Jonas Becker <jonas@example.org>',
  'Subject: Pre-work for our session on Thursday, 3 December 2026 at 10:00',
].join('\n');
const WEBMAIL_DE = [
  'Gesendet: Montag, 30. November 2026 um 10:12 Uhr',
  'Von: "Maria Coach" <maria@coach.example>',
  'An: jonas@example.de',
  'Betreff: Vorbereitung für unsere nächste Sitzung',
].join('\n');

function reading(text: string, asked?: Asked): MailReading {
  const result = readMailReply(text, asked);
  if (!result.ok) throw new Error(`not read: ${result.problem.kind}`);
  return result.reading;
}
/** The fields compactly; steps as "done: words", minutes as "w1 25, w2 30" ("- 20": no week named). */
function fields(text: string, asked?: Asked) {
  const r = reading(text, asked);
  return {
    title: r.title,
    difficulty: r.difficulty,
    outcome: r.outcome,
    heldBack: r.heldBack,
    steps: r.steps.map((s) => `${s.mark ?? '?'}${s.note ? `: ${s.note}` : ''}`),
    minutes: r.minutes.map((m) => m.weeks.map((w) => `w${w.week ?? '-'} ${w.minutes}`).join(', ')),
    unplaced: r.unplaced,
  };
}
const NONE = { title: null, difficulty: null, outcome: null, heldBack: null, steps: [], minutes: [], unplaced: [] };
const LAZY = { title: 'my team lead ignores my proposals', difficulty: 'last Tuesday’s meeting', outcome: 'a plan to get heard' };

describe('lazy replies: labels in the coachee’s words above the quote', () => {
  it('Gmail app (Android): Topic / Hardest / Hope, each on a line, no markers', () => {
    const reply = `Topic: ${LAZY.title}\nHardest: ${LAZY.difficulty}\nHope: ${LAZY.outcome}\n\n${GMAIL_APP}\n\n${quote(ASK)}`;
    expect(fields(reply)).toEqual({ ...NONE, ...LAZY });
  });

  it('Gmail app (iOS): "Worth it:" and "The hardest part:", a greeting and thanks kept as unplaced', () => {
    const reply = `Hi Maria,\n\nTopic: ${LAZY.title}\nThe hardest part: ${LAZY.difficulty}\nWorth it: ${LAZY.outcome}\n\nThanks!\nJonas\n\n${GMAIL_IOS}\n\n${quote(ASK)}`;
    expect(fields(reply)).toEqual({ ...NONE, ...LAZY, unplaced: ['Hi Maria,', 'Thanks!\nJonas'] });
  });

  it('Outlook app (iOS): labels above "Get Outlook for iOS" and the unquoted original', () => {
    const reply = `Topic - ${LAZY.title}\nDifficulty: ${LAZY.difficulty}\nGoal: ${LAZY.outcome}\n\n${OUTLOOK_APP}\n\n${ASK}`;
    expect(fields(reply)).toEqual({ ...NONE, ...LAZY });
  });

  it('Apple Mail (iOS): the question’s own first words as labels, "Sent from my iPhone"', () => {
    const reply = `Topic: ${LAZY.title}\nWhat has been hardest: ${LAZY.difficulty}\nWhat would make our hour worth it: ${LAZY.outcome}\n\nSent from my iPhone\n\n${IPHONE}\n\n${quote(ASK)}`;
    expect(fields(reply)).toEqual({ ...NONE, ...LAZY });
  });

  it('Apple Mail (iOS): a label with its answer on the next lines', () => {
    const reply = `Topic:\n${LAZY.title}\n\nHardest:\n${LAZY.difficulty}\n\nHope:\n${LAZY.outcome}\n\nSent from my iPhone\n\n${IPHONE}\n\n${quote(ASK)}`;
    expect(fields(reply)).toEqual({ ...NONE, ...LAZY });
  });

  it('GMX app (deutsch): Thema / Am schwierigsten / Lohnend wäre, Kopf mit "Gesendet:" zuerst', () => {
    const reply = `Thema: Mein Teamleiter übergeht meine Vorschläge\nAm schwierigsten: das Meeting am Dienstag\nLohnend wäre: ein Plan, wie ich gehört werde\n\n${WEBMAIL_DE}\n\n${quote(ASK_DE)}`;
    expect(fields(reply)).toEqual({
      ...NONE,
      title: 'Mein Teamleiter übergeht meine Vorschläge',
      difficulty: 'das Meeting am Dienstag',
      outcome: 'ein Plan, wie ich gehört werde',
    });
  });

  it('WEB.DE app (deutsch): die ersten Worte der Fragen als Label, Hoffnung, "Von meinem iPhone gesendet"', () => {
    const reply = `Thema: Zu viele Projekte gleichzeitig\nWas war daran am schwierigsten: Nein sagen\nHoffnung: eine Liste, was ich abgebe\n\nVon meinem iPhone gesendet\n\n${WEBMAIL_DE}\n\n${quote(ASK_DE)}`;
    expect(fields(reply)).toEqual({
      ...NONE,
      title: 'Zu viele Projekte gleichzeitig',
      difficulty: 'Nein sagen',
      outcome: 'eine Liste, was ich abgebe',
    });
  });

  it('Gmail app: free text above the quote that answers nothing is kept, and offered as the topic', () => {
    const text = 'My team lead keeps ignoring my proposals and I do not know how to bring it up without sounding bitter.';
    const reply = `${text}\n\n${GMAIL_APP}\n\n${quote(ASK)}`;
    const r = reading(reply);
    expect(fields(reply)).toEqual({ ...NONE, unplaced: [text] });
    expect(answersOf(r, 'ask').title).toBe(text);
    // To the plan mail, the same words are not a topic: they stay shown as they are.
    expect(answersOf(r, 'plan').title).toBe('');
  });

  it('Outlook app: a "PS:" below the answers is no answer, and is kept', () => {
    const reply = `Topic: ${LAZY.title}\nHardest: ${LAZY.difficulty}\n\nPS: see you Thursday\n\n${OUTLOOK_APP}\n\n${ASK}`;
    expect(fields(reply)).toEqual({ ...NONE, title: LAZY.title, difficulty: LAZY.difficulty, unplaced: ['PS: see you Thursday'] });
  });
});

describe('plan replies from a phone: marks and minutes in free words', () => {
  it('Gmail app: inline under each step, marks in words with their reasons, minutes week by week', () => {
    const reply = `${GMAIL_APP}\n\n${under(PLAN, {
      '1.1': 'Yes! Finally did it on Tuesday',
      '1.2': 'nope, meetings every morning',
      '2': 'My calendar is not mine',
      '3.1': '25 min the first week, 30 the second',
    })}`;
    expect(fields(reply, ASKED)).toEqual({
      ...NONE,
      heldBack: 'My calendar is not mine',
      steps: ['done: Finally did it on Tuesday', 'not: meetings every morning'],
      minutes: ['w1 25, w2 30'],
    });
  });

  it('Outlook app: top-posted "1.1 done 1.2 half", minutes "week 1: 25 / week 2: 30"', () => {
    const reply = `1.1 done 1.2 half\n3.1 week 1: 25 / week 2: 30\n\n${OUTLOOK_APP}\n\n${PLAN}`;
    expect(fields(reply, ASKED)).toEqual({ ...NONE, steps: ['done', 'partly'], minutes: ['w1 25, w2 30'] });
  });

  it('Apple Mail (iOS): a long step re-wrapped inside the quote, the answer typed under it', () => {
    const reply = [
      IPHONE,
      '',
      '> Hi Jonas,',
      '>',
      '> [1] Your plan: write done, partly or not yet under each step',
      '>',
      '> [1.1] [ ] Talk to Sam about the release date before the planning meeting on Monday, and write',
      '> down what you want to say first',
      '',
      'Done, it went well',
      '',
      '> [1.2] [ ] Block two mornings a week for deep work',
      '',
      'halfway',
      '',
      `> Ref: SC2-P-${refHash('s-1')}`,
    ].join('\n');
    // Without knowing the steps, and knowing them: the wrapped end of the step is not the coachee's words.
    for (const asked of [undefined, ASKED]) expect(fields(reply, asked).steps).toEqual(['done: it went well', 'partly']);
    expect(reading(reply).steps[0]?.text).toBe(STEPS[0]?.text);
  });

  it('Apple Mail (iOS): minutes in hours and words, "1st week 25 min, 2nd week an hour"', () => {
    const reply = `${IPHONE}\n\n${under(PLAN, { '3.1': '1st week 25 min, 2nd week 1 h' })}`;
    expect(fields(reply, ASKED)).toEqual({ ...NONE, steps: ['?', '?'], minutes: ['w1 25, w2 60'] });
  });

  it('Gmail app: one figure with no week named, and words about it kept', () => {
    const reply = `${GMAIL_APP}\n\n${under(PLAN, { '3.1': '20 min, it was hard to start' })}`;
    expect(fields(reply, ASKED)).toEqual({
      ...NONE,
      steps: ['?', '?'],
      minutes: ['w- 20'],
      unplaced: ['Exercise: Journaling – it was hard to start'],
    });
  });

  it('Outlook app: two figures and no weeks: nothing guessed, both shown', () => {
    const reply = `3.1 20 min, then 35 min\n\n${OUTLOOK_APP}\n\n${PLAN}`;
    const r = fields(reply, ASKED);
    expect(r.minutes).toEqual(['']);
    expect(r.unplaced).toEqual(['Exercise: Journaling – 20 min', 'Exercise: Journaling – then 35 min']);
  });

  it('GMX app (deutsch): "erledigt!", Minuten "erste Woche 25 Min., zweite Woche 30"', () => {
    const reply = `${WEBMAIL_DE}\n\n${under(PLAN_DE, { '1.1': 'geschafft!', '3.1': 'erste Woche 25 Min., zweite Woche 30' })}`;
    expect(fields(reply)).toEqual({ ...NONE, steps: ['done'], minutes: ['w1 25, w2 30'] });
  });

  it('WEB.DE app (deutsch): oben "Woche 1: 25 / Woche 2: 40" und "was mich zurückgehalten hat:" als Label', () => {
    const reply = `1.1 teilweise\nWas mich zurückgehalten hat: zu viele Termine\n3.1 Woche 1: 25\nWoche 2: 40\n\n${WEBMAIL_DE}\n\n${quote(PLAN_DE)}`;
    expect(fields(reply)).toEqual({ ...NONE, heldBack: 'zu viele Termine', steps: ['partly'], minutes: ['w1 25, w2 40'] });
  });

  it('Gmail app, the pre-work mail after a plan: labels for the topic and "Homework:" for its one exercise', () => {
    const reply = `Topic: ${LAZY.title}\nHardest: ${LAZY.difficulty}\nHope: ${LAZY.outcome}\nHeld back: no time\nHomework: week 1 20, week 2 25\n\n${GMAIL_APP}\n\n${quote(ASK_WITH_PLAN)}`;
    expect(fields(reply, ASKED)).toEqual({ ...NONE, ...LAZY, heldBack: 'no time', steps: ['?', '?'], minutes: ['w1 20, w2 25'] });
  });
});

describe('replies to mails written before phones (numbered from [4], wrapped, SC1)', () => {
  it('the homework question reads as an example, not data; replies to the older "(week 1: 25)" wording are still read', () => {
    expect(PLAN).toContain('[3] Homework: your minutes, each week on its own line, for example "week 1: 25"');
    expect(PLAN).not.toContain('(week 1: 25)');
    expect(PLAN_DE).toContain('jede Woche in einer eigenen Zeile, zum Beispiel „Woche 1: 25“');
    const older = PLAN.replace(', for example "week 1: 25"', ' (week 1: 25)');
    const olderDe = PLAN_DE.replace(', zum Beispiel „Woche 1: 25“', ' (Woche 1: 25)');
    for (const [mail, words] of [
      [PLAN, 'Journaling went well'],
      [older, 'Journaling went well'],
      [olderDe, 'Lief gut'],
    ] as const) {
      const r = reading(under(mail, { '3': words, '3.1': 'week 1: 25\nweek 2: 30' }));
      expect(r.minutes.map((m) => m.weeks.map((w) => `w${w.week} ${w.minutes}`).join(', '))).toEqual(['w1 25, w2 30']);
      expect(r.unplaced).toEqual([words]);
    }
  });

  it('Gmail app: top-posted "4.1 done / 6.1 20 min" to an old plan mail', () => {
    const reply = `4.1 done\n4.2 not yet\n6.1 20 min\n\n${GMAIL_APP}\n\n${quote(OLD_PLAN)}`;
    const r = reading(reply);
    expect(r.ref).toEqual({ kind: 'plan', target: refHash('s-old'), planSession: null, version: 1 });
    expect(fields(reply)).toEqual({ ...NONE, steps: ['done', 'not'], minutes: ['w- 20'] });
  });

  it('Apple Mail (iOS): inline under the old [4.1] and [6.1], the wrapped intro not an answer', () => {
    const reply = `${IPHONE}\n\n${under(OLD_PLAN, { '4.1': 'done', '5': 'Meetings', '6.1': 'week 1: 15, week 2: 20' })}`;
    expect(fields(reply)).toEqual({ ...NONE, heldBack: 'Meetings', steps: ['done', '?'], minutes: ['w1 15, w2 20'] });
  });
});
