/**
 * A session not yet held is dated by the day it is for (`on`, from the
 * coachee's pre-work card), not by when it was taken in; a held session keeps
 * its first start. Checked in the history index (past sessions, the coachee's
 * page), the export's dates and file names, and the print/export document.
 * Zone-free: the day a date shows is compared as a local calendar day.
 */
import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../../../utils/domain/agenda';
import { type MarkdownLabels, sessionDocument } from '../../../../utils/domain/export-markdown';
import { sessionDay, sessionFields, sessionFileName } from '../../../../utils/domain/export-notes';
import { indexEntry, packIndex, sessionTime, unpackIndex } from '../../../../utils/domain/history/session-index';
import { noonOf, sessionAt } from '../../../../utils/domain/session-day';
import { isoDate } from '../../../../utils/domain/text';
import { sampleSession } from '../../sample-data';

const agenda = defaultTemplate({
  name: 'h',
  understand: { title: 'Understand the problem', prompt: '' },
  plan: { title: 'Plan the attack', prompt: '' },
  wrapUp: { title: 'Review and wrap up', prompt: '' },
}).phases;
/** Taken in on 7 December 2026, for the session on 5 January 2027. */
const TAKEN_IN = Date.UTC(2026, 11, 7, 12);
const upcoming = () => {
  const s = sampleSession('s-next');
  return { ...s, meta: { ...s.meta, createdAt: TAKEN_IN, on: '2027-01-05' }, timer: [] };
};

describe('the day a session is dated by', () => {
  it('noon of the day, read back as that day', () => {
    expect(isoDate(noonOf('2027-01-05') as number)).toBe('2027-01-05');
    expect(noonOf('5.1.2027')).toBeNull();
  });

  it('held: its first start; not yet held: the day it is for, else its creation', () => {
    expect(sessionAt(TAKEN_IN + 1000, '2027-01-05', TAKEN_IN)).toBe(TAKEN_IN + 1000);
    expect(isoDate(sessionAt(null, '2027-01-05', TAKEN_IN))).toBe('2027-01-05');
    expect(sessionAt(null, undefined, TAKEN_IN)).toBe(TAKEN_IN);
  });

  it('the history index dates the upcoming session by its day, stored and read back', () => {
    const s = upcoming();
    const entry = indexEntry(s.meta, { ...s, nextSessionAt: null }, agenda, TAKEN_IN);
    expect(isoDate(sessionTime(entry))).toBe('2027-01-05');
    const back = unpackIndex(JSON.parse(JSON.stringify(packIndex({ version: 5, entries: { [entry.id]: entry } }))));
    expect(back?.entries[entry.id]).toEqual(entry);
    expect(isoDate(sessionTime(back?.entries[entry.id] as typeof entry))).toBe('2027-01-05');
    // A held session keeps its first start's day, whatever `on` says.
    const held = sampleSession();
    const heldEntry = indexEntry({ ...held.meta, on: '2027-01-05' }, { ...held, nextSessionAt: null }, agenda, TAKEN_IN);
    expect(sessionTime(heldEntry)).toBe(held.timer[0]?.at);
  });

  it('the export dates it by its day: front matter, file name and the document’s title', () => {
    const s = upcoming();
    expect(isoDate(sessionDay(s))).toBe('2027-01-05');
    const labels = new Proxy({} as MarkdownLabels, { get: (_, key) => (key === 'title' ? (date: string) => `Session ${date}` : () => '') });
    const ctx = { coacheeName: 'Ada', defaultAgenda: agenda, labels, formatDate: (ms: number) => isoDate(ms), now: TAKEN_IN };
    expect(sessionFields(s, ctx)).toContain('date: 2027-01-05');
    expect(sessionFileName(s, 'Ada', new Set())).toMatch(/^2027-01-05 Ada/);
    expect(sessionDocument(s, ctx)[0]).toMatchObject({ kind: 'heading', text: 'Session 2027-01-05' });
  });
});
