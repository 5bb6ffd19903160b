import { crc32 as nodeCrc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { crc32, crc32Bytes } from '../../../../utils/domain/card-format';
import { documentMarkdown, type MarkdownLabels, userMarkdown } from '../../../../utils/domain/export-markdown';
import {
  notesFileFrontMatter,
  sessionDay,
  sessionFields,
  sessionFileName,
  sessionFrontMatter,
  sessionNote,
  sessionSection,
  yamlString,
} from '../../../../utils/domain/export-notes';
import { indexEntry } from '../../../../utils/domain/history/session-index';
import { type ProgressLabels, progressDocument } from '../../../../utils/domain/progress-doc';
import { isoDate } from '../../../../utils/domain/text';
import { zipStore } from '../../../../utils/domain/zip';
import { exportAgenda, sampleSession } from '../../sample-data';

const FUNCTIONS = ['title', 'minutes', 'homework', 'perWeek', 'loggedWeek', 'coacheeMark'];
const labels = new Proxy({} as MarkdownLabels, {
  get: (_t, key) =>
    key === 'status'
      ? { done: 'done', partly: 'partly', not: 'not done' }
      : FUNCTIONS.includes(String(key))
        ? (...a: unknown[]) => `${String(key)} ${a.join(' ')}`
        : String(key),
});
const agenda = exportAgenda();
const ctx = (coacheeName = 'Ada') => ({ coacheeName, defaultAgenda: agenda, labels, formatDate: (ms: number) => String(ms), now: 0 });
/** The YAML between the first two `---` lines. */
const frontMatter = (note: string) => /^---\n([\s\S]*?)\n---\n/.exec(note)?.[1] ?? '';
const TASK = /^- \[( |x)\] (.+)$/gm;
/** The sample session's day as this zone counts it (the suite also runs in far zones). */
const DAY = isoDate(sessionDay(sampleSession()));

describe('a session as a note for notes tools', () => {
  it('opens with front matter a YAML parser reads: date, coachee, topic, phases planned and taken, the plan, tags', () => {
    const note = sessionNote(sampleSession(), ctx());
    const data = parse(frontMatter(note));
    expect(data).toEqual({
      date: DAY,
      coachee: 'Ada',
      topic: 'Speaking up in meetings',
      started: true,
      phases: [
        { title: 'Understand the problem', planned: 25, taken: 27 },
        { title: 'Plan the attack', planned: 25, taken: 23 },
        { title: 'Review and wrap up', planned: 10, taken: 9 },
      ],
      planned_minutes: 60,
      taken_minutes: 59,
      plan_done: 1,
      plan_total: 2,
      tags: ['coaching', 'sidecoach', 'coachee/ada'],
    });
  });

  it('lists the plan as tasks a task regex finds', () => {
    const tasks = [...sessionNote(sampleSession(), ctx()).matchAll(TASK)].map((m) => [m[1], m[2]]);
    expect(tasks).toEqual([
      ['x', 'Speak in the first five minutes of two meetings a week'],
      [' ', 'Tell the lead about the pattern'],
    ]);
  });

  it('keeps a hostile topic and name one value each: quotes, colons, ---, #, line breaks, controls cannot break the YAML', () => {
    const hostile = "Evil\": x\n---\ntags: [pwned]\n# a: b \\ 'q' \t\r\u0000\u0007\u0085\u2028\ufeff end";
    const session = sampleSession();
    session.topic.title = hostile;
    const note = sessionNote(session, ctx('Bob: "admin"\n---'));
    const yaml = frontMatter(note);
    // The block still ends where it should: one `---` pair, and no line of it starts a key it should not.
    expect(yaml.split('\n').filter((l) => /^[a-z_]+:/.test(l))).toHaveLength(10);
    const data = parse(yaml);
    expect(data.topic).toBe(hostile.trim());
    expect(data.coachee).toBe('Bob: "admin"\n---');
    expect(data.tags).toEqual(['coaching', 'sidecoach', 'coachee/bob-admin']);
    expect(parse(yamlString('lone \ud800 surrogate'))).toBe('lone \ufffd surrogate');
  });

  it('writes an empty list of phases as [] and an unstarted session as not started', () => {
    const session = sampleSession();
    session.timer = [];
    session.agenda = [];
    const data = parse(frontMatter(sessionFrontMatter(session, ctx())));
    expect(data.phases).toEqual([]);
    expect(data.started).toBe(false);
  });
});

describe('one file of many sessions', () => {
  /** A file as the export writes it: the one front matter, the title, the sections. */
  const file = (names: string[]) => {
    const sessions = names.map((name, i) => {
      const s = sampleSession();
      s.meta.id = `s${i}`;
      s.topic.title = i === 1 ? 'Evil": x\n---\ntags: [pwned]\n# a: b' : s.topic.title;
      s.notes = '# not a heading\nline\n---\n#tag stays';
      return { s, c: ctx(name) };
    });
    const head = notesFileFrontMatter(
      { title: 'Coaching notes: Ada', coachees: [...new Set(names)], exportedAt: Date.UTC(2026, 11, 7, 12), progress: true },
      sessions.map(({ s, c }) => sessionFields(s, c)),
    );
    return `${head}\n# Coaching notes: Ada\n${sessions.map(({ s, c }) => `\n${sessionSection(s, c)}`).join('')}`;
  };

  it('has one front matter a YAML parser reads, saying what the file holds and each session’s details', () => {
    const md = file(['Ada', 'Ada']);
    expect(md.startsWith('---\n')).toBe(true);
    // Exactly two fence lines in the whole file: the one front matter.
    expect(md.split('\n').filter((l) => l === '---')).toHaveLength(2);
    const data = parse(frontMatter(md));
    // Days as this zone counts them (the same rule as each session's own `date`).
    const day = isoDate(sessionDay(sampleSession()));
    expect(data).toMatchObject({
      title: 'Coaching notes: Ada',
      exported: isoDate(Date.UTC(2026, 11, 7, 12)),
      coachees: ['Ada'],
      session_count: 2,
      first_session: day,
      last_session: day,
      progress: true,
      tags: ['coaching', 'sidecoach', 'coachee/ada'],
    });
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions[0]).toEqual({ ...parse(frontMatter(sessionFrontMatter(sampleSession(), ctx()))), tags: undefined });
    expect(data.sessions[1].topic).toBe('Evil": x\n---\ntags: [pwned]\n# a: b');
  });

  it('makes each session a level-2 section: the file’s headings are its title, then one per session', () => {
    const md = file(['Ada', 'Ben']);
    const body = md.slice(md.indexOf('\n---\n', 4) + 5);
    expect(body.match(/^# .*/gm)).toEqual(['# Coaching notes: Ada']);
    const at = sessionDay(sampleSession());
    expect(body.match(/^## .*/gm)).toEqual([`## title ${at} Ada`, `## title ${at} Ben`]);
    expect(body).toContain('### notes');
    expect(parse(frontMatter(md)).tags).toEqual(['coaching', 'sidecoach', 'coachee/ada', 'coachee/ben']);
  });

  it('keeps user text from opening a heading or a front matter, and keeps tags and lists', () => {
    expect(userMarkdown('# a\n  ## b\n---\n===\n#tag\n- item\n- - -')).toBe('\\# a\n  \\## b\n\\---\n\\===\n#tag\n- item\n- - -');
  });
});

describe('file names of one file per session', () => {
  it('are `YYYY-MM-DD Coachee — topic.md`, unique without case', () => {
    const taken = new Set<string>();
    expect(sessionFileName(sampleSession(), 'Ada', taken)).toBe(`${DAY} Ada — Speaking up in meetings.md`);
    expect(sessionFileName(sampleSession(), 'ada', taken)).toBe(`${DAY} ada — Speaking up in meetings (2).md`);
    expect(sessionFileName(sampleSession(), 'Ada', taken)).toBe(`${DAY} Ada — Speaking up in meetings (3).md`);
  });

  it('take no path separators, reserved or control characters, bidi marks, trailing dots, nor too much length', () => {
    const session = sampleSession();
    session.topic.title = '../../etc/passwd: a|b?*<x>"y"\\z #tag [[link]] ^x\u0000\u202e... ';
    const name = sessionFileName(session, 'A/B', new Set());
    expect(name).toBe(`${DAY} A B — .. .. etc passwd a b x y z tag link x.md`);
    session.topic.title = 'x'.repeat(300);
    expect(Array.from(sessionFileName(session, 'Ada', new Set())).length).toBeLessThanOrEqual(83);
    session.topic.title = '';
    expect(sessionFileName(session, 'Ada', new Set())).toBe(`${DAY} Ada.md`);
  });
});

describe('the zip writer', () => {
  it('computes the standard CRC-32 (the card’s sum over text stays the same)', () => {
    expect(crc32Bytes(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32('123456789')).toBe('cbf43926');
    const bytes = new TextEncoder().encode('Grüße — ✓');
    expect(crc32Bytes(bytes)).toBe(nodeCrc32(bytes));
  });

  it('writes a zip another reader opens: every file, its UTF-8 name and its exact bytes', () => {
    const files = [
      {
        name: '2026-11-25 Ada — Speaking up.md',
        data: new TextEncoder().encode('---\ndate: 2026-11-25\n---\n# Hi\n'),
        modified: new Date(2026, 10, 25, 10, 0, 7),
      },
      { name: '2026-12-01 Zoë — Ünïcode.md', data: new TextEncoder().encode('ü'.repeat(1000)), modified: new Date(2026, 11, 1) },
      { name: 'empty.md', data: new Uint8Array(0), modified: new Date(1970, 0, 1) },
    ];
    const pieces = zipStore(files);
    const whole = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      whole.set(p, at);
      at += p.length;
    }
    const read = unzipSync(whole);
    expect(Object.keys(read)).toEqual(files.map((f) => f.name));
    for (const f of files) expect(read[f.name]).toEqual(f.data);
    // The stored CRC of each local header is the file's CRC-32.
    const view = new DataView(whole.buffer);
    expect(view.getUint32(14, true)).toBe(nodeCrc32(files[0]?.data ?? new Uint8Array()));
  });
});

describe('progress figures in the export', () => {
  it('are headed tables of homework per week, plan, phases and months', () => {
    const record = sampleSession();
    const entry = indexEntry(record.meta, { ...record, nextSessionAt: null }, agenda, Date.UTC(2026, 10, 26));
    const words = new Proxy({} as ProgressLabels, {
      get: (_t, key) => (key === 'heading' ? (n: string) => `Progress: ${n}` : String(key)),
    });
    const md = documentMarkdown(
      progressDocument([entry], 'Ada', words, { day: () => '25 Nov', week: (w) => w, month: (m) => m }, Date.UTC(2026, 10, 26, 12)),
    );
    expect(md).toContain('# Progress: Ada');
    expect(md).toContain('| week | minutes | budget |');
    expect(md).toContain('| 2026-11-23 | 20 | 60 |');
    expect(md).toContain('| 25 Nov | 1 | 1 |');
    expect(md).toContain('| 25 Nov | 60 | 59 | Understand the problem |');
    expect(md).toContain('| month | count | upcoming |');
    expect(md).toContain('| 2026-11 | 1 | 0 |');
  });
});
