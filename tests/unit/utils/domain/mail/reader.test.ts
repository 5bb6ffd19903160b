/**
 * The corpus: replies to our mails as real mail programs shape them (each case
 * names the program and its quoting style), English and German, top-posted,
 * bottom-posted, inline, wrapped, forwarded, with signatures, with answers
 * missing or run together; each with what must be read from it.
 */
import { describe, expect, it } from 'vitest';
import { stepLineText } from '../../../../../utils/domain/mail/compose';
import { markOf } from '../../../../../utils/domain/mail/marks';
import { minutesOf, type WeekMinutes } from '../../../../../utils/domain/mail/minutes';
import { type Asked, MAIL_MAX_BYTES, readMailReply } from '../../../../../utils/domain/mail/reader';
import { DE, DE_STEPS, EN, EN_NO_PLAN, PLAN_DE, PLAN_EN, STEPS } from './fixtures';

const ASKED: Asked = { steps: STEPS.map((s) => stepLineText(s.text)) };
const ASKED_DE: Asked = { steps: DE_STEPS.map((s) => stepLineText(s.text)) };

/** Quote every line with `prefix` (a blank line as the bare marker, as mail programs do). */
const q = (text: string, prefix = '> ') =>
  text
    .split('\n')
    .map((l) => (l ? `${prefix}${l}` : prefix.trimEnd()))
    .join('\n');

/** Our mail quoted with `prefix`, an answer typed under each question named in `answers` (blank lines around it when quoted). */
function under(body: string, answers: Record<string, string>, prefix = '> '): string {
  const out: string[] = [];
  for (const line of body.split('\n')) {
    out.push(line ? `${prefix}${line}` : prefix.trimEnd());
    const key = /^\[(\d(?:\.\d+)?)\]/.exec(line)?.[1];
    if (key && answers[key] !== undefined) out.push(...(prefix ? ['', answers[key], ''] : [answers[key]]));
  }
  return out.join('\n');
}

const GMAIL = 'On Mon, Nov 30, 2026 at 10:12 AM Maria Coach <maria@coach.example> wrote:';
const GMAIL_WRAPPED = 'On Mon, Nov 30, 2026 at 10:12 AM Maria Coach <\nmaria@coach.example> wrote:';
const GMAIL_DE = 'Am Mo., 30. Nov. 2026 um 10:12 Uhr schrieb Maria Coach <\nmaria@coach.example>:';
const APPLE = 'On 30 Nov 2026, at 10:12, Maria Coach <maria@coach.example> wrote:';
const APPLE_DE = 'Am 30.11.2026 um 10:12 schrieb Maria Coach <maria@coach.example>:';
const THUNDERBIRD = 'On 30/11/2026 10:12, Maria Coach wrote:';
const THUNDERBIRD_DE = 'Am 30.11.26 um 10:12 schrieb Maria Coach:';
const ANDROID_GMAIL = 'On Mon, 30 Nov 2026, 10:12 Maria Coach, <maria@coach.example> wrote:';
const OUTLOOK = [
  'From: Maria Coach <maria@coach.example>',
  'Sent: Monday, November 30, 2026 10:12 AM',
  'To: Anna Berg <anna@example.org>',
  'Subject: Pre-work for our session on Thursday, 3 December 2026',
].join('\n');
const OUTLOOK_DE = [
  'Von: Maria Coach <maria@coach.example>',
  'Gesendet: Montag, 30. November 2026 10:12',
  'An: Jonas Weber <jonas@example.de>',
  'Betreff: Vorbereitung für unsere Sitzung am Donnerstag, 3. Dezember 2026',
].join('\n');
const WEB_DE = [
  'Gesendet: Montag, 30. November 2026 um 10:12 Uhr',
  'Von: "Maria Coach" <maria@coach.example>',
  'An: jonas@example.de',
  'Betreff: Vorbereitung für unsere Sitzung',
].join('\n');

type View = {
  title: string | null;
  difficulty: string | null;
  outcome: string | null;
  heldBack: string | null;
  steps: Record<number, string>;
  minutes: Record<number, number | string | null>;
  unplaced: string[];
};

/** A homework item's minutes, compactly: null (none), a figure for the week not named, or "w1 25, w2 30". */
function minutesShown(weeks: readonly WeekMinutes[]): number | string | null {
  if (weeks.length === 0) return null;
  if (weeks.length === 1 && weeks[0]?.week === null) return weeks[0].minutes;
  return weeks.map((w) => `w${w.week ?? '?'} ${w.minutes}`).join(', ');
}

/** What was read, compactly: a step as "done", "not: no time" or "?" (no mark found). */
function read(text: string, asked?: Asked): View {
  const result = readMailReply(text, asked);
  if (!result.ok) throw new Error(`not read: ${result.problem.kind}`);
  const r = result.reading;
  return {
    title: r.title,
    difficulty: r.difficulty,
    outcome: r.outcome,
    heldBack: r.heldBack,
    steps: Object.fromEntries(r.steps.map((s) => [s.n, `${s.mark ?? '?'}${s.note ? `: ${s.note}` : ''}`])),
    minutes: Object.fromEntries(r.minutes.map((m) => [m.n, minutesShown(m.weeks)])),
    unplaced: r.unplaced,
  };
}
const NOTHING: View = { title: null, difficulty: null, outcome: null, heldBack: null, steps: {}, minutes: {}, unplaced: [] };
const PLAN_UNMARKED = { steps: { 1: '?', 2: '?' }, minutes: { 1: null } };
const expected = (v: Partial<View>): View => ({ ...NOTHING, ...PLAN_UNMARKED, ...v });

/** The three short answers most of the replies below give (topic, hardest, hope). */
const SHORT = { title: 'Release slips', difficulty: 'Saying no', outcome: 'A script' };

const FULL = {
  '1': 'The release keeps slipping and I am the one who has to tell the client',
  '2': 'Saying no to Sam without ruining our working relationship.',
  '3': 'A first sentence for the talk with Sam.',
  '4.1': 'done',
  '4.2': 'not yet - no time',
  '5': 'Meetings ate every morning.',
  '6.1': '20 min',
};
const FULL_READ = expected({
  title: FULL['1'],
  difficulty: FULL['2'],
  outcome: FULL['3'],
  heldBack: FULL['5'],
  steps: { 1: 'done', 2: 'not: no time' },
  minutes: { 1: 20 },
});

describe('reading replies (English)', () => {
  it('Gmail web: answers typed under each quoted question (inline)', () => {
    expect(read(`${GMAIL}\n\n${under(EN, FULL)}`)).toEqual(FULL_READ);
  });

  it('Gmail web: top-posted, numbered 1. 2. 3. and 4.1, the mail quoted below', () => {
    const reply = [
      'Hi Maria,',
      '',
      `1. ${FULL['1']}`,
      `2. ${FULL['2']}`,
      `3. ${FULL['3']}`,
      '4.1 done',
      '4.2 not yet - no time',
      `5. ${FULL['5']}`,
      '6.1 20 min',
      '',
      'Best,',
      'Anna',
      '',
      GMAIL,
      '',
      q(EN),
    ].join('\n');
    expect(read(reply)).toEqual({ ...FULL_READ, unplaced: ['Hi Maria,', 'Best,\nAnna'] });
  });

  it('Gmail web: top-posted with two answers run together on one line, the third missing', () => {
    const reply = `1. Release slips 2. Telling the client\n\n${GMAIL}\n${q(EN)}`;
    expect(read(reply)).toEqual(expected({ title: 'Release slips', difficulty: 'Telling the client' }));
  });

  it('Gmail web: the attribution wrapped over two lines, answers wrapped at 76 characters', () => {
    const long = [
      'It is hard to keep the team motivated when the release date moves every',
      'two weeks and nobody tells them why, and I am the one who has to face them',
      'in the stand-up each morning.',
    ].join('\n');
    const reply = `${GMAIL_WRAPPED}\n\n${under(EN_NO_PLAN, { '1': 'Release slips', '2': long, '3': 'A script' })}`;
    expect(read(reply)).toEqual({
      ...NOTHING,
      title: 'Release slips',
      difficulty: long.replace(/\n/g, ' '),
      outcome: 'A script',
    });
  });

  it('Gmail web: inline, with a signature under the last answer', () => {
    const reply = `${GMAIL}\n\n${under(EN_NO_PLAN, { '1': 'Release slips', '3': 'A script\n\n-- \nAnna Berg\nProduct Lead | Example Org\n+49 30 1234567' })}`;
    expect(read(reply)).toEqual({ ...NOTHING, title: 'Release slips', outcome: 'A script' });
  });

  it('Gmail web: the topic missing, the other answers there', () => {
    const reply = `${GMAIL}\n\n${under(EN_NO_PLAN, { '2': 'Saying no', '3': 'A script' })}`;
    expect(read(reply)).toEqual({ ...NOTHING, difficulty: 'Saying no', outcome: 'A script' });
  });

  it('Gmail web: two answers run together under one question (the third left empty)', () => {
    const reply = `${GMAIL}\n\n${under(EN_NO_PLAN, { '1': 'Release slips', '2': 'Saying no. And for the hour: a script.' })}`;
    expect(read(reply)).toEqual({ ...NOTHING, title: 'Release slips', difficulty: 'Saying no. And for the hour: a script.' });
  });

  it('Outlook desktop: top-posted, the original unquoted under From:/Sent:/To:/Subject:', () => {
    const reply = [
      '1. Release slips',
      '2. Saying no',
      '3. A script',
      '4.1 [x]',
      '4.2 partly, one morning',
      '5. Meetings',
      '6.1 45 minutes',
      '',
      'Anna',
      '',
      OUTLOOK,
      '',
      EN,
    ].join('\n');
    expect(read(reply)).toEqual(
      expected({
        ...SHORT,
        heldBack: 'Meetings',
        steps: { 1: 'done', 2: 'partly: one morning' },
        minutes: { 1: 45 },
        unplaced: ['Anna'],
      }),
    );
  });

  it('Outlook desktop: inline, answers typed into the unquoted original, steps ticked in place', () => {
    const inline = under(EN, { '1': 'Release slips', '2': 'Saying no', '3': 'A script', '5': 'Meetings', '6.1': '1,5 h' }, '')
      .replace('[4.1] [ ]', '[4.1] [x]')
      .replace('[4.2] [ ] Block two mornings a week for deep work', '[4.2] [ ] Block two mornings a week for deep work - not yet');
    const reply = `See my answers below.\n\n${OUTLOOK}\n\n${inline}`;
    expect(read(reply, ASKED)).toEqual(
      expected({
        ...SHORT,
        heldBack: 'Meetings',
        steps: { 1: 'done', 2: 'not' },
        minutes: { 1: 90 },
        unplaced: ['See my answers below.'],
      }),
    );
  });

  it('Outlook desktop (older): top-posted above "-----Original Message-----"', () => {
    const reply = `[1] Release slips\n[2] Saying no\n[3] A script\n\n-----Original Message-----\n${OUTLOOK}\n\n${EN}`;
    expect(read(reply)).toEqual(expected({ ...SHORT }));
  });

  it('Outlook on the web: top-posted above the "____" line and headers', () => {
    const reply = `1) Release slips\n2) Saying no\n3) A script\n\nGet Outlook for iOS\n________________________________\n${OUTLOOK}\n\n${EN}`;
    expect(read(reply)).toEqual(expected({ ...SHORT }));
  });

  it('Outlook on the web: an answer typed on the question’s own line', () => {
    const inline = EN.replace(
      '[1] Topic: the hardest work problem of the past 2 to 4 weeks',
      '[1] Topic: the hardest work problem of the past 2 to 4 weeks: Release slips',
    );
    expect(read(`${OUTLOOK}\n\n${inline}`)).toEqual(expected({ title: 'Release slips' }));
  });

  it('Apple Mail (macOS): inline between quoted questions', () => {
    const reply = `${APPLE}\n\n${under(EN, { ...FULL, '4.1': '✓', '4.2': 'half' })}`;
    expect(read(reply)).toEqual({ ...FULL_READ, steps: { 1: 'done', 2: 'partly' } });
  });

  it('Apple Mail (macOS): top-posted with the [n] markers copied from the mail', () => {
    const reply = `[1] Release slips\n[3] A script\n[4.1] done\n\n${APPLE}\n\n${q(EN)}`;
    expect(read(reply)).toEqual(expected({ title: 'Release slips', outcome: 'A script', steps: { 1: 'done', 2: '?' } }));
  });

  it('iOS Mail: top-posted, "Sent from my iPhone", the attribution inside the quote', () => {
    const reply = `1. Release slips\n2. Saying no\n3. A script\n\nSent from my iPhone\n\n> ${APPLE}\n> \n${q(EN)}`;
    expect(read(reply)).toEqual(expected({ ...SHORT }));
  });

  it('Android (Samsung Email): top-posted above "-------- Original message --------"', () => {
    const header =
      '-------- Original message --------\nFrom: Maria Coach <maria@coach.example>\nDate: 30/11/2026 10:12 (GMT+01:00)\nTo: Anna Berg <anna@example.org>\nSubject: Pre-work';
    const reply = `1. Release slips\n2. Saying no\n3. A script\n4.1 x\n4.2 no\n\nSent from my Galaxy\n\n${header}\n\n${EN}`;
    expect(read(reply)).toEqual(expected({ ...SHORT, steps: { 1: 'done', 2: 'not' } }));
  });

  it('Android Gmail app: top-posted, numbered with "1)" and the plan by its quoted lines', () => {
    const reply = `1) Release slips\n2) Saying no\n3) A script\n6.1: 0\n\n${ANDROID_GMAIL}\n\n${q(EN)}`;
    expect(read(reply)).toEqual(expected({ ...SHORT, minutes: { 1: 0 } }));
  });

  it('Thunderbird: bottom-posted, numbered answers below the quote', () => {
    const reply = `${THUNDERBIRD}\n${q(EN_NO_PLAN)}\n\n1. Release slips\n2. Saying no\n3. A script\n\nThanks,\nAnna`;
    expect(read(reply)).toEqual({
      ...NOTHING,
      ...SHORT,
      unplaced: ['Thanks,\nAnna'],
    });
  });

  it('Thunderbird: inline, format=flowed (wrapped lines end in a space)', () => {
    const flowed = 'The team stopped trusting the date, and I do not know how to win it back ';
    const reply = `${THUNDERBIRD}\n${under(EN_NO_PLAN, { '2': `${flowed}\nbefore the next release.`, '1': 'Trust' })}`;
    expect(read(reply)).toEqual({ ...NOTHING, title: 'Trust', difficulty: `${flowed}before the next release.` });
  });

  it('Thunderbird: a quoted question re-wrapped by the mail program over two lines', () => {
    const rewrapped = q(EN_NO_PLAN).replace(
      '> [1] Topic: the hardest work problem of the past 2 to 4 weeks',
      '> [1] Topic: the hardest work problem of\n> the past 2 to 4 weeks',
    );
    const reply = `${THUNDERBIRD}\n${rewrapped.replace('> [2]', 'Release slips\n> [2]')}`;
    expect(read(reply)).toEqual({ ...NOTHING, title: 'Release slips' });
  });

  it('HTML mail (Gmail) pasted as its source: blockquote, divs and entities', () => {
    const quoted = EN_NO_PLAN.split('\n')
      .map((l) => `<div>${l.replace(/&/g, '&amp;') || '<br>'}</div>`)
      .join('');
    const html = `<div dir="ltr"><div>1. Release slips &amp; trust</div><div>2. Saying&nbsp;no</div><div>3. A script</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">${GMAIL.replace(/</g, '&lt;').replace(/>/g, '&gt;')}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">${quoted}</blockquote></div>`;
    expect(read(html)).toEqual({ ...NOTHING, title: 'Release slips & trust', difficulty: 'Saying no', outcome: 'A script' });
  });

  it('Gmail, the rendered conversation copied as text (no quote marks): top-posted', () => {
    const reply = `1. Release slips\n2. Saying no\n3. A script\n\n${GMAIL}\n\n${EN}`;
    expect(read(reply)).toEqual(expected({ ...SHORT }));
  });

  it('Web mail, rendered text copied without any attribution: answers inline, our intro not taken for an answer', () => {
    const reply = under(EN, FULL, '');
    expect(read(reply)).toEqual(FULL_READ);
  });

  it('Apple Mail saved as .eml (quoted-printable, inline answers)', () => {
    const body = `${APPLE}\n\n${under(EN_NO_PLAN, { '1': 'Release slips – again', '3': 'A script' })}`;
    const qp = body
      .replace(/=/g, '=3D')
      .replace(/–/g, '=E2=80=93')
      .split('\n')
      .flatMap((l) => (l.length > 70 ? [`${l.slice(0, 70)}=`, l.slice(70)] : [l]))
      .join('\r\n');
    const eml = `Return-Path: <anna@example.org>\r\nFrom: Anna Berg <anna@example.org>\r\nSubject: Re: Pre-work\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp}`;
    expect(read(eml)).toEqual({ ...NOTHING, title: 'Release slips – again', outcome: 'A script' });
  });

  it('Gmail saved as .eml (multipart/alternative, the text part in base64)', () => {
    const body = `1. Release slips\n2. Saying no\n\n${GMAIL}\n${q(EN_NO_PLAN)}`;
    const b64 = Buffer.from(body, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
    const eml = [
      'MIME-Version: 1.0',
      'From: Anna Berg <anna@example.org>',
      'Content-Type: multipart/alternative; boundary="000000000000abc"',
      '',
      '--000000000000abc',
      'Content-Type: text/plain; charset="UTF-8"',
      'Content-Transfer-Encoding: base64',
      '',
      b64,
      '--000000000000abc',
      'Content-Type: text/html; charset="UTF-8"',
      '',
      '<div>ignored</div>',
      '--000000000000abc--',
    ].join('\r\n');
    expect(read(eml)).toEqual({ ...NOTHING, title: 'Release slips', difficulty: 'Saying no' });
  });

  it('Gmail: a reply forwarded by the coachee from another address', () => {
    const original = `${GMAIL}\n\n${under(EN_NO_PLAN, { '1': 'Release slips', '2': 'Saying no', '3': 'A script' })}`;
    const fwd = `Forwarding my answers, sent them from the wrong account.\n\n---------- Forwarded message ---------\nFrom: Anna Berg <anna@example.org>\nDate: Tue, Dec 1, 2026 at 8:03 AM\nSubject: Re: Pre-work\nTo: Maria Coach <maria@coach.example>\n\n${original}`;
    expect(read(fwd)).toEqual({
      ...NOTHING,
      ...SHORT,
      unplaced: ['Forwarding my answers, sent them from the wrong account.'],
    });
  });

  it('Several levels: answers quoted once under questions quoted twice, and a new note on top', () => {
    const first = `${GMAIL}\n\n${under(EN_NO_PLAN, { '1': 'Release slips', '2': 'Saying no', '3': 'A script' })}`;
    const reply = `Adding one thing: the client called again.\n\nOn Tue, Dec 1, 2026 at 9:00 AM Maria Coach <maria@coach.example> wrote:\n> Thanks! Anything to add?\n>\n${q(first)}`;
    expect(read(reply)).toEqual({
      ...NOTHING,
      ...SHORT,
      unplaced: ['Adding one thing: the client called again.'],
    });
  });

  it('Top-posted paragraphs without numbers: nothing guessed, all shown as not placed', () => {
    const reply = `The release keeps slipping.\n\nI would like a plan for the client talk.\n\n${GMAIL}\n${q(EN_NO_PLAN)}`;
    expect(read(reply)).toEqual({ ...NOTHING, unplaced: ['The release keeps slipping.', 'I would like a plan for the client talk.'] });
  });

  it('Inline and numbered disagree: the inline answer is taken, the other shown as not placed', () => {
    const reply = `1. Something else\n\n${GMAIL}\n${under(EN_NO_PLAN, { '1': 'Release slips' })}`;
    expect(read(reply)).toEqual({ ...NOTHING, title: 'Release slips', unplaced: ['Something else'] });
  });

  it('Steps marked with symbols and words, notes kept beside the mark', () => {
    const reply = `${GMAIL}\n${under(EN, { '4.1': '[x] finally, on Tuesday', '4.2': 'Not really. Two meetings got in the way', '6.1': 'about 15' })}`;
    expect(read(reply)).toEqual(
      expected({ steps: { 1: 'done: finally, on Tuesday', 2: 'not: Two meetings got in the way' }, minutes: { 1: 15 } }),
    );
  });

  it('A step answered without a mark: the words kept, the mark not found', () => {
    const reply = `${GMAIL}\n${under(EN, { '4.1': 'Sam was away all month' })}`;
    expect(read(reply)).toEqual(expected({ steps: { 1: '?: Sam was away all month', 2: '?' } }));
  });

  it('Everything deleted but the numbered answers (the quote removed), steps known from what was asked', () => {
    expect(read('1. Release slips\n4.2 done\n\nAnna', ASKED)).toEqual({
      ...NOTHING,
      title: 'Release slips',
      steps: { 1: '?', 2: 'done' },
      unplaced: ['Anna'],
    });
  });

  it('The plan by mail (Outlook): top-posted "1.1 done, 3.1 20 min", as the plan mail numbers them', () => {
    const reply = `1.1 done\n1.2 not yet\n3.1 20 min\n\n${OUTLOOK}\n\n${PLAN_EN}`;
    expect(read(reply)).toEqual(expected({ steps: { 1: 'done', 2: 'not' }, minutes: { 1: 20 } }));
  });

  it('The plan by mail (Gmail): the feedback and date in our intro are not answers', () => {
    const reply = under(PLAN_EN, { '1.1': 'done', '3.1': '20' }, '');
    expect(read(reply)).toEqual(expected({ steps: { 1: 'done', 2: '?' }, minutes: { 1: 20 } }));
  });
});

describe('reading replies (German)', () => {
  const DE_FULL = {
    '1': 'Der Release verschiebt sich ständig',
    '2': 'Nein sagen zu Sam',
    '3': 'Ein erster Satz für das Gespräch',
    '4.1': 'erledigt',
    '4.2': 'teilweise, nur ein Vormittag',
    '5': 'Zu viele Meetings',
    '6.1': '20 Minuten',
  };
  const DE_READ = expected({
    title: DE_FULL['1'],
    difficulty: DE_FULL['2'],
    outcome: DE_FULL['3'],
    heldBack: DE_FULL['5'],
    steps: { 1: 'done', 2: 'partly: nur ein Vormittag' },
    minutes: { 1: 20 },
  });

  it('Gmail (deutsch): inline unter jeder zitierten Frage, "Am … schrieb …:" umbrochen', () => {
    expect(read(`${GMAIL_DE}\n\n${under(DE, DE_FULL)}`)).toEqual(DE_READ);
  });

  it('Outlook (deutsch): oben geantwortet, nummeriert, Original unter Von:/Gesendet:/An:/Betreff:', () => {
    const reply = `1. ${DE_FULL['1']}\n2. ${DE_FULL['2']}\n3. ${DE_FULL['3']}\n4.1 erledigt\n4.2 teilweise, nur ein Vormittag\n5. ${DE_FULL['5']}\n6.1 20 Minuten\n\nViele Grüße\nJonas\n\n${OUTLOOK_DE}\n\n${DE}`;
    expect(read(reply)).toEqual({ ...DE_READ, unplaced: ['Viele Grüße\nJonas'] });
  });

  it('Outlook (deutsch, älter): "-----Ursprüngliche Nachricht-----", Schritte im Original angekreuzt', () => {
    const inline = under(DE, { '1': 'Release', '5': 'Meetings' }, '')
      .replace('[4.1] [ ]', '[4.1] [x]')
      .replace('[4.2] [ ] Zwei Vormittage pro Woche blocken', '[4.2] [ ] Zwei Vormittage pro Woche blocken – noch nicht');
    const reply = `-----Ursprüngliche Nachricht-----\n${OUTLOOK_DE}\n\n${inline}`;
    expect(read(reply, ASKED_DE)).toEqual(expected({ title: 'Release', heldBack: 'Meetings', steps: { 1: 'done', 2: 'not' } }));
  });

  it('GMX / WEB.DE: oben geantwortet, Kopf mit "Gesendet:" zuerst, Original mit > zitiert', () => {
    const reply = `1. Release\n2. Nein sagen\n3. Ein Satz\n\n${WEB_DE}\n\n${q(DE)}`;
    expect(read(reply)).toEqual(expected({ title: 'Release', difficulty: 'Nein sagen', outcome: 'Ein Satz' }));
  });

  it('Apple Mail (deutsch): inline, "Von meinem iPhone gesendet" unter den Antworten', () => {
    const reply = `${APPLE_DE}\n\n${under(DE, { ...DE_FULL, '6.1': '20 Minuten\n\nVon meinem iPhone gesendet' })}`;
    expect(read(reply)).toEqual(DE_READ);
  });

  it('Thunderbird (deutsch): unten geantwortet, mit Signatur', () => {
    const reply = `${THUNDERBIRD_DE}\n${q(DE)}\n\n1. Release\n2. Nein sagen\n4.1 ✓\n4.2 nein\n\n-- \nJonas Weber\nTeamleitung`;
    expect(read(reply)).toEqual(expected({ title: 'Release', difficulty: 'Nein sagen', steps: { 1: 'done', 2: 'not' } }));
  });

  it('Thunderbird (deutsch): Antwort mit 72 Zeichen umbrochen, Minuten als "1,5 Std"', () => {
    const wrapped = 'Seit drei Wochen verschiebt sich der Termin, und ich muss es dem Kunden\nsagen.';
    const reply = `${THUNDERBIRD_DE}\n${under(DE, { '2': wrapped, '6.1': '1,5 Std' })}`;
    expect(read(reply)).toEqual(expected({ difficulty: wrapped.replace('\n', ' '), minutes: { 1: 90 } }));
  });

  it('Gmail (deutsch): zwei Antworten in einer Zeile, durch Nummern getrennt', () => {
    const reply = `1. Release 2. Nein sagen 3. Ein Satz\n\n${GMAIL_DE}\n${q(DE)}`;
    expect(read(reply)).toEqual(expected({ title: 'Release', difficulty: 'Nein sagen', outcome: 'Ein Satz' }));
  });

  it('Gmail (deutsch): eine Antwort fehlt (Frage 2 leer gelassen)', () => {
    const reply = `${GMAIL_DE}\n${under(DE, { '1': 'Release', '3': 'Ein Satz', '4.1': 'noch nicht erledigt' })}`;
    expect(read(reply)).toEqual(expected({ title: 'Release', outcome: 'Ein Satz', steps: { 1: 'not: erledigt', 2: '?' } }));
  });

  it('Der Plan per Mail (Gmail, deutsch): Schritt erledigt, 20 Minuten', () => {
    const reply = `${GMAIL_DE}\n${under(PLAN_DE, { '1.1': 'Erledigt!', '3.1': '20 Minuten' })}`;
    expect(read(reply)).toEqual(expected({ steps: { 1: 'done', 2: '?' }, minutes: { 1: 20 } }));
  });

  it('Web-Mail (deutsch), als Text kopiert: inline ohne Zitatzeichen', () => {
    expect(read(under(DE, DE_FULL, ''))).toEqual(DE_READ);
  });
});

describe('what is not a reply, and hostile input', () => {
  it('refuses text that answers none of our questions', () => {
    expect(readMailReply('Hi Maria, see you Thursday!\n\nAnna')).toEqual({ ok: false, problem: { kind: 'notAReply' } });
    expect(readMailReply('')).toEqual({ ok: false, problem: { kind: 'notAReply' } });
  });

  it('refuses over-long text before reading it', () => {
    const huge = `1. x\n${'a'.repeat(MAIL_MAX_BYTES)}`;
    expect(readMailReply(huge)).toEqual({ ok: false, problem: { kind: 'tooLarge', bytes: MAIL_MAX_BYTES + 5 } });
  });

  it('drops script and style from HTML and keeps markup typed as text as text', () => {
    const html = `<div>1. &lt;b&gt;bold&lt;/b&gt; release<script>alert(1)</script></div><style>p{}</style><div>2. <img src=x onerror=alert(1)>no</div>`;
    expect(read(html)).toEqual({ ...NOTHING, title: '<b>bold</b> release', difficulty: 'no' });
  });

  it('reads prototype keys as plain text and pollutes nothing', () => {
    const reply = `1. __proto__\n2. constructor\n[__proto__] x\n\n${GMAIL}\n${q(EN_NO_PLAN)}`;
    expect(read(reply)).toEqual({ ...NOTHING, title: '__proto__', difficulty: 'constructor\n[__proto__] x' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('marks and minutes', () => {
  it.each([
    ['x', 'done'],
    ['[x]', 'done'],
    ['✓ done', 'done'],
    ['Done, finally', 'done'],
    ['erledigt', 'done'],
    ['not yet', 'not'],
    ['not done', 'not'],
    ['noch nicht', 'not'],
    ['teilweise', 'partly'],
    ['partly', 'partly'],
    ['halb erledigt', 'partly'],
    ['I said no to my boss', null],
  ])('%s → %s', (text, mark) => {
    expect(markOf(text).mark).toBe(mark);
  });

  it.each([
    ['20', 20],
    ['20 min', 20],
    ['20 Minuten', 20],
    ['1,5 h', 90],
    ['2 Std.', 120],
    ['none', 0],
    ['keine', 0],
    ['a bit', null],
  ])('%s → %s minutes', (text, minutes) => {
    expect(minutesOf(text)).toBe(minutes);
  });
});
