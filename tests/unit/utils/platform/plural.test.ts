import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import de from '../../../../public/_locales/de/messages.json';
import { tn } from '../../../../utils/platform/plural';
import { fakeGetMessage } from '../../setup';

describe('tn (counts through the browser’s plural rules)', () => {
  it('says 1 session and 2 sessions, 0 sessions in English', () => {
    expect(tn('coacheeSessionsCount', 1)).toBe('1 session');
    expect(tn('coacheeSessionsCount', 2)).toBe('2 sessions');
    expect(tn('coacheeSessionsCount', 0)).toBe('0 sessions');
    expect(tn('historyCount', 1, 1, 1)).toBe('1 of 1 session');
  });

  it('writes large counts as the language does: 4,000 in English, 4.000 in German', () => {
    expect(tn('historyCount', 4000, 12, 4000)).toBe('12 of 4,000 sessions');
    expect(tn('coacheeSessionsCount', 1234)).toBe('1,234 sessions');
    fakeBrowser.i18n.getMessage = fakeGetMessage(de) as typeof fakeBrowser.i18n.getMessage;
    expect(tn('coacheeSessionsCount', 1234)).toBe('1.234 Sitzungen');
  });

  it('says 1 Sitzung and 2 Sitzungen in German, with the rules of the messages’ language', () => {
    fakeBrowser.i18n.getMessage = fakeGetMessage(de) as typeof fakeBrowser.i18n.getMessage;
    expect(tn('coacheeSessionsCount', 1)).toBe('1 Sitzung');
    expect(tn('coacheeSessionsCount', 2)).toBe('2 Sitzungen');
    expect(tn('cardPreviewSteps', 1)).toBe('1 Schritt');
    expect(tn('templateTotal', 1)).toBe('1 Minute insgesamt');
  });
});
