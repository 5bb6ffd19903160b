/**
 * The mails as Sidecoach writes them, for a phone: each paragraph one line,
 * markers and the reference on lines of their own, the first name, numbered
 * from [1], signed, nothing cut; in English and German.
 */
import { describe, expect, it } from 'vitest';
import { askMail, planMail } from '../../../../../utils/domain/mail/compose';
import { mailtoLink } from '../../../../../utils/domain/mail/mailto';
import { findMailRef, refHash } from '../../../../../utils/domain/mail/ref';
import { DE, EN, EN_NO_PLAN, PLAN, PLAN_DE, PLAN_EN } from './fixtures';

describe('the mail we compose', () => {
  /** The lines of a mail that are prose: not blank, no marker, not the closing, name or reference. */
  const prose = (body: string) => body.split('\n').filter((l) => l && !/^\[\d/.test(l) && !/^Ref: /.test(l));

  it.each([
    ['the pre-work mail (English)', EN, 'Hi Anna,', 'Before our session on Thursday, 3 December 2026, please reply'],
    ['the pre-work mail (German)', DE, 'Hallo Jonas,', 'vor unserer Sitzung am Donnerstag, 3. Dezember 2026 antworte bitte'],
    ['the plan mail (English)', PLAN_EN, 'Hi Anna,', 'Here is the plan from our session.'],
    ['the plan mail (German)', PLAN_DE, 'Hallo Jonas,', 'hier ist der Plan aus unserer Sitzung.'],
  ])(
    '%s is written for a phone: each paragraph one line, markers on lines of their own, the first name, sentence case',
    (_, body, hi, opening) => {
      const lines = body.split('\n');
      expect(lines[0]).toBe(hi);
      // The intro is one line: its first and last sentence on the same line, whatever its length.
      const intro = lines[2] ?? '';
      expect(intro.startsWith(opening)).toBe(true);
      expect(intro.length).toBeGreaterThan(150);
      expect(intro).toMatch(
        /(it need not be clear yet|Es muss noch nicht klar sein|each week on its own line|jede Woche in einer eigenen Zeile)\.$/,
      );
      // No paragraph is broken: every prose line ends a sentence or is a line of its own (greeting, label, name).
      for (const line of prose(body)) expect(line).toMatch(/[.,:!?)]$|^Maria Coach$/);
      // Each marker starts a line, one a line, with a blank line under it; the reference stands alone.
      for (const [i, line] of lines.entries()) {
        expect(line.slice(1).match(/\[\d(\.\d+)?\]/g) ?? []).toEqual([]);
        if (/^\[\d/.test(line)) expect(lines[i + 1]).toBe('');
      }
      expect(lines.filter((l) => l.includes('Ref:'))).toEqual([expect.stringMatching(/^Ref: SC2-[AP]-[0-9a-f]{8}(-[0-9a-f]{8})?$/)]);
      expect(lines.at(-2)).toMatch(/^Ref: /);
    },
  );

  it('numbers each mail from [1] and signs it with the coach’s name under the closing', () => {
    const markers = (body: string) => body.match(/^\[\d(\.\d+)?\]/gm) ?? [];
    expect(markers(EN)).toEqual(['[1]', '[2]', '[3]', '[4]', '[4.1]', '[4.2]', '[5]', '[6]', '[6.1]']);
    expect(markers(PLAN_EN)).toEqual(['[1]', '[1.1]', '[1.2]', '[2]', '[3]', '[3.1]']);
    expect(markers(PLAN_DE)).toEqual(['[1]', '[1.1]', '[1.2]', '[2]', '[3]', '[3.1]']);
    expect(EN).toContain('Thank you!\nMaria Coach\n\nRef: SC2-A-');
    expect(DE).toContain('Danke dir!\nMaria Coach\n\nRef: SC2-A-');
    // No name known: the closing alone, no empty line for a name.
    expect(PLAN_DE).toContain('Danke dir!\n\nRef: SC2-P-');
    expect(EN).not.toContain('Anna Berg');
  });

  it('says in the subject what the mail is and for which date', () => {
    expect(
      askMail({ language: 'en', coacheeName: 'Anna', coachName: '', coacheeId: 'c', date: 'Thursday, 3 December 2026', plan: null })
        .subject,
    ).toBe('Pre-work for our session on Thursday, 3 December 2026');
    expect(
      planMail({
        language: 'de',
        coacheeName: 'Jonas',
        coachName: '',
        sessionId: 's',
        date: '30. November 2026',
        plan: PLAN,
        next: null,
        feedback: '',
      }).subject,
    ).toBe('Dein Plan aus unserer Sitzung am 30. November 2026');
  });

  it('writes long steps, exercises and feedback whole, never cut with "…"', () => {
    const step =
      'Talk to Sam about the release date, then write down the three things you will say no to, and send them to the team before Friday noon';
    const title = 'Journaling every evening about one moment you held back and what you wanted to say instead';
    const mail = planMail({
      language: 'en',
      coacheeName: 'Anna',
      coachName: 'Maria',
      sessionId: 's',
      date: null,
      plan: { steps: [{ text: step }], homework: [{ kind: 'exercise', title, minutesPerWeek: 20 }] },
      next: null,
      feedback: 'You named what you want.\nNow say it out loud, twice a week, to someone who is not your team lead.',
    }).body;
    expect(mail).toContain(`[1.1] [ ] ${step}\n`);
    expect(mail).toContain(`[3.1] Exercise: ${title} (20 min a week)\n`);
    expect(mail).toContain(
      'My feedback:\nYou named what you want.\n\nNow say it out loud, twice a week, to someone who is not your team lead.\n',
    );
    expect(mail).not.toContain('…');
  });

  it('tells which week is week 1 of the homework', () => {
    expect(PLAN_EN).toContain('\nWeek 1 of the homework is the week of Monday, 30 November.\n');
    expect(DE).toContain('\nWoche 1 der Hausaufgaben ist die Woche vom Montag, 30. November.\n');
  });

  it('carries a reference that names the coachee and the plan by hash only', () => {
    expect(findMailRef(EN)).toEqual({ kind: 'ask', target: refHash('c-anna'), planSession: refHash('s-1'), version: 2 });
    expect(findMailRef(PLAN_EN)).toEqual({ kind: 'plan', target: refHash('s-1'), planSession: null, version: 2 });
    expect(findMailRef('Ref: SC1-P-0123abcd')).toEqual({ kind: 'plan', target: '0123abcd', planSession: null, version: 1 });
    expect(EN).not.toContain('c-anna');
  });

  it('asks the three questions and nothing about a plan when there was none', () => {
    expect(EN_NO_PLAN).toContain('[3] What would make our hour worth it for you?');
    expect(EN_NO_PLAN).not.toContain('[4]');
  });

  it('cuts a mailto: link at a line within the limit and hands back the rest, and no name adds a header', () => {
    const long = askMail({
      language: 'en',
      coacheeName: 'Eve\r\nBcc: all@example.org',
      coachName: '',
      coacheeId: 'c',
      date: null,
      plan: PLAN,
    });
    expect(long.body).not.toMatch(/\r|\nBcc:/);
    const { href, rest } = mailtoLink(long, '', 900);
    expect(href.length).toBeLessThanOrEqual(900);
    expect(href).not.toMatch(/[\r\n]/);
    expect(rest).toContain('Ref: SC2-A-');
    expect(decodeURIComponent(href.split('&body=')[1] ?? '')).toMatch(/\[…\]$/);
    expect(mailtoLink(long).rest).toBe('');
  });
});
