/**
 * Exports that notes tools read: one coachee's Markdown read back is one YAML
 * front matter (what the file holds, each session's details; a YAML parser
 * accepts it, a hostile topic included) plus sections — a session per section
 * headed with its date, the plan as tasks, then the progress figures as a
 * section of their own — with dates in the reader's words in prose; one file
 * per session comes as a zip read back with its names; the print view of a
 * coachee ends with the figures and, printed, shows the document and no control.
 * No WCAG violations on the export section and the print view.
 */
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { axeViolations } from './axe';
import { extensionPerTest, installedWorker } from './chromium';

const HOSTILE = 'Evil": x\n---\ntags: [pwned]\n# a: b / c\\d';
const TASK = /^- \[( |x)\] (.+)$/gm;

describe('exports notes tools read', () => {
  const browser = extensionPerTest({ role: 'coach' });

  it('writes one coachee’s sessions with front matter and tasks, one file per session as a zip, and the progress figures', async () => {
    const worker = await installedWorker(browser);
    const { t1, t2 } = await worker.evaluate(async (hostile) => {
      const day = 86_400_000;
      const t1 = new Date(2026, 9, 5, 10).getTime();
      const t2 = new Date(2026, 10, 2, 10).getTime();
      await chrome.storage.local.set({
        coachees: [
          { id: 'ada', name: 'Ada', createdAt: t1 },
          { id: 'ben', name: 'Ben', createdAt: t1 },
        ],
        sessions: [
          { id: 'a1', coacheeId: 'ada', createdAt: t1 },
          { id: 'a2', coacheeId: 'ada', createdAt: t2 },
          { id: 'b1', coacheeId: 'ben', createdAt: t2 + day },
        ],
        'topic.a1': { title: 'Speaking up in meetings', difficulty: '', outcome: '', updatedAt: t1 },
        'timer.a1': [
          { type: 'start', at: t1 },
          { type: 'next', at: t1 + 31 * 60_000 },
          { type: 'next', at: t1 + 52 * 60_000 },
          { type: 'pause', at: t1 + 62 * 60_000 },
        ],
        'homework.a1': [{ id: 'h1', kind: 'exercise', title: 'Two-minute summary', minutesPerWeek: 30, logged: { '2026-10-05': 20 } }],
        'plan.a1': [
          { id: 'p1', text: 'Speak first twice a week', done: true },
          { id: 'p2', text: 'Prepare one point', done: false },
        ],
        'topic.a2': { title: hostile, difficulty: '', outcome: '', updatedAt: t2 },
        'timer.a2': [
          { type: 'start', at: t2 },
          { type: 'pause', at: t2 + 40 * 60_000 },
        ],
        'plan.a2': [{ id: 'q1', text: 'Ask for a 1:1', done: false }],
        'topic.b1': { title: 'Not Ada’s', difficulty: '', outcome: '', updatedAt: t2 },
        // The coach is in Ben's session (a store as a restore leaves it: the active session is one of them).
        activeSessionId: 'b1',
      });
      return { t1, t2 };
    }, HOSTILE);

    const options = await browser.openPage('options.html#export');
    await options.getByRole('radio', { name: 'One coachee’s sessions' }).check();
    await options.getByLabel('Coachee to export').selectOption({ label: 'Ada' });
    await options.getByText('As one file, the export opens with YAML front matter', { exact: false }).waitFor();

    // One file: a single front matter (a YAML parser reads it; the hostile topic is one value), then sections.
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sidecoach-notes-\d{4}-\d\d-\d\d-ada\.md$/);
    const md = await readFile(await download.path(), 'utf8');
    const whole = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md);
    const head = parse(whole?.[1] ?? '');
    const body = whole?.[2] ?? '';
    // Nothing after it opens another block: no fence line, so notes apps read the rest as sections.
    expect(body.split('\n').filter((l) => /^(---|\.\.\.)\s*$/.test(l))).toEqual([]);
    expect(head).toMatchObject({
      title: 'Coaching notes: Ada',
      coachees: ['Ada'],
      session_count: 2,
      first_session: '2026-10-05',
      last_session: '2026-11-02',
      progress: true,
      tags: ['coaching', 'sidecoach', 'coachee/ada'],
    });
    expect(head.exported).toMatch(/^\d{4}-\d\d-\d\d$/);
    const sessions = head.sessions as {
      date: string;
      coachee: string;
      topic: string;
      plan_done: number;
      plan_total: number;
      phases: unknown;
    }[];
    expect(sessions.map((b) => [b.date, b.coachee, b.topic, b.plan_done, b.plan_total])).toEqual([
      ['2026-10-05', 'Ada', 'Speaking up in meetings', 1, 2],
      ['2026-11-02', 'Ada', HOSTILE, 0, 1],
    ]);
    expect(sessions[0]?.phases).toEqual([
      { title: 'Understand the problem', planned: 25, taken: 31 },
      { title: 'Plan the attack', planned: 25, taken: 21 },
      { title: 'Review and wrap up', planned: 10, taken: 10 },
    ]);
    // Sections: the file's title, one per session headed with its date, the progress figures last.
    expect(body.match(/^#{1,2} .*/gm)).toEqual([
      '# Coaching notes: Ada',
      '## Coaching session, Oct 5, 2026, 10:00 AM · Ada',
      '## Coaching session, Nov 2, 2026, 10:00 AM · Ada',
      '## Progress: Ada',
    ]);
    const progress = body.slice(body.indexOf('## Progress: Ada'));
    expect([...body.matchAll(TASK)].map((m) => `${m[1]}|${m[2]}`)).toEqual([
      'x|Speak first twice a week',
      ' |Prepare one point',
      ' |Ask for a 1:1',
    ]);
    expect(md).not.toContain('Not Ada’s');
    expect(progress).toContain('### Plan steps done and not done, per session');
    expect(progress).toContain('| Oct 5, 2026 | 1 | 1 |');
    expect(progress).toContain('| Oct 5, 2026 | 60 | 62 | Understand the problem |');
    // Sessions held per month, and those not held yet apart.
    expect(progress).toContain('| October 2026 | 1 | 0 |');
    // Dates in prose read one way, the reader's: no ISO day outside the front matter.
    expect(body).toContain('Week of Oct 5, 2026: 20 min logged');
    expect(body).not.toMatch(/\b\d{4}-\d\d-\d\d\b/);

    // One file per session, in a zip named like the Markdown file.
    await options.getByRole('checkbox', { name: 'One file per session, in a zip' }).check();
    const [zipped] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    expect(zipped.suggestedFilename()).toMatch(/^sidecoach-notes-\d{4}-\d\d-\d\d-ada\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile(await zipped.path())));
    expect(Object.keys(files)).toEqual([
      '2026-10-05 Ada — Speaking up in meetings.md',
      '2026-11-02 Ada — Evil x --- tags pwned a b c d.md',
    ]);
    const second = new TextDecoder().decode(files['2026-11-02 Ada — Evil x --- tags pwned a b c d.md']);
    expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(second)?.[1] ?? '').topic).toBe(HOSTILE);
    expect([...second.matchAll(TASK)].map((m) => m[2])).toEqual(['Ask for a 1:1']);
    expect(t1).toBeLessThan(t2);

    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect({ view: 'export', colorScheme, violations: await axeViolations(options) }).toEqual({
        view: 'export',
        colorScheme,
        violations: [],
      });
    }

    // The print view of a coachee ends with the progress figures.
    const [print] = await Promise.all([
      browser.context.waitForEvent('page'),
      options.getByRole('button', { name: 'Open the print view' }).click(),
    ]);
    await print.getByRole('heading', { name: 'Progress: Ada', level: 1 }).waitFor();
    await print.getByRole('heading', { name: 'Sessions per month', level: 2 }).waitFor();
    expect(
      await print
        .getByRole('row', { name: /October 2026/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['October 2026', '1', '0']);
    // Printed, it shows the document and none of its own controls.
    await print.emulateMedia({ media: 'print' });
    await print.getByRole('heading', { name: 'Progress: Ada', level: 1 }).waitFor();
    // The print button is still in the page, only not shown (nor in the accessibility tree).
    expect(await print.locator('button').count()).toBeGreaterThan(0);
    expect(await print.getByRole('button').count()).toBe(0);
    for (const control of await print.locator('button, input, select, textarea, a[href], [role="status"]').all())
      expect(await control.isVisible()).toBe(false);
    await print.emulateMedia({ media: 'screen' });
    await print.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await print.emulateMedia({ colorScheme });
      expect({ view: 'print', colorScheme, violations: await axeViolations(print) }).toEqual({
        view: 'print',
        colorScheme,
        violations: [],
      });
    }
  });
});
