import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BACKUP_MAX_BYTES,
  BACKUP_TAIL,
  backupHead,
  backupSessions,
  type DataSet,
  mergeImport,
  parseBackup,
  planImport,
} from '../../../../utils/domain/backup';
import { readBackupFile, readDataSet, wipeAll, writeDataSet } from '../../../../utils/platform/data-store';
import { sampleData, sampleSession, T0 } from '../../sample-data';

/** A backup file written the way the export writes it: the head, the sessions in batches, the tail. */
function backupFile(data: DataSet, now: number): string {
  const { sessions, ...small } = data;
  const batches = [sessions.slice(0, 1), sessions.slice(1)];
  return backupHead(small, now) + batches.map((b, i) => backupSessions(b, i === 0 || batches[0]?.length === 0)).join('') + BACKUP_TAIL;
}
const good = () => backupFile(sampleData(), T0);

describe('parseBackup', () => {
  it('accepts a good backup', () => {
    const parsed = parseBackup(good());
    expect(parsed.ok && parsed.backup.data.sessions).toHaveLength(2);
  });

  const bad: [string, () => string, string][] = [
    ['truncated JSON', () => good().slice(0, 200), 'notJson'],
    ['empty file', () => '', 'notJson'],
    ['another program\u2019s JSON', () => JSON.stringify({ version: 1, items: [] }), 'notSidecoach'],
    ['a JSON array', () => '[1,2,3]', 'notSidecoach'],
    ['a future schema version', () => good().replace('"version":1', '"version":7'), 'futureVersion'],
    ['a wrong version', () => good().replace('"version":1', '"version":"1"'), 'wrongVersion'],
    ['wrong types', () => good().replace('"title":"Speaking up in meetings"', '"title":42'), 'invalid'],
    ['an unknown field', () => good().replace('"notes":', '"extra":1,"notes":'), 'invalid'],
    ['a __proto__ key', () => good().replace('"notes":', '"__proto__":{"polluted":true},"notes":'), 'unsafeKey'],
    ['a constructor key', () => good().replace('"settings":{', '"settings":{"constructor":{"prototype":{}},'), 'unsafeKey'],
    ['an enormous string', () => good().replace('"title":"Speaking up in meetings"', `"title":"${'x'.repeat(100_000)}"`), 'invalid'],
    ['an enormous array', () => good().replace('"plan":[', `"plan":[${'{"id":"z","text":"z","done":false},'.repeat(60)}`), 'invalid'],
    ['a file over 10 MB', () => `${good()}${' '.repeat(BACKUP_MAX_BYTES)}`, 'tooLarge'],
  ];
  it.each(bad)('refuses %s with a reason', (_name, make, kind) => {
    const parsed = parseBackup(make());
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.kind).toBe(kind);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps HTML and script in strings as plain text', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const parsed = parseBackup(good().replace('"title":"Speaking up in meetings"', `"title":${JSON.stringify(payload)}`));
    expect(parsed.ok && parsed.backup.data.sessions[0]?.topic.title).toBe(payload);
  });
});

describe('planImport and mergeImport', () => {
  const empty = { coachees: [], sessions: [], settings: sampleData().settings, templates: [], activeSessionId: null };

  it('says what is new and what would change', () => {
    const current = sampleData();
    const incoming = sampleData();
    incoming.sessions[0] = { ...sampleSession('s1', 'ada'), notes: 'Changed elsewhere' };
    incoming.sessions.push(sampleSession('s3', 'ada'));
    expect(planImport(current, incoming)).toEqual({
      newCoachees: 0,
      changedCoachees: 0,
      newSessions: ['s3'],
      changedSessions: ['s1'],
      unchangedSessions: 1,
    });
  });

  it('adds new sessions but overwrites a changed one only with confirmation', () => {
    const current = sampleData();
    const incoming = sampleData();
    incoming.sessions[0] = { ...sampleSession('s1', 'ada'), notes: 'Changed elsewhere' };
    incoming.sessions.push(sampleSession('s3', 'ada'));
    const kept = mergeImport(current, incoming, false);
    expect(kept.sessions.map((s) => s.meta.id).sort()).toEqual(['s1', 's2', 's3']);
    expect(kept.sessions.find((s) => s.meta.id === 's1')?.notes).toBe(sampleSession().notes);
    const overwritten = mergeImport(current, incoming, true);
    expect(overwritten.sessions.find((s) => s.meta.id === 's1')?.notes).toBe('Changed elsewhere');
  });

  it('restores everything into an empty profile', () => {
    expect(mergeImport(empty, sampleData(), false)).toEqual({ ...sampleData(), settings: empty.settings });
  });
});

describe('export, wipe, import', () => {
  it('restores identical data (round trip through storage)', async () => {
    await writeDataSet(sampleData());
    const before = (await readDataSet()).data;
    expect(before).toEqual(sampleData());
    const file = backupFile(before, T0);
    await wipeAll();
    expect((await readDataSet()).data.sessions).toEqual([]);
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.problem.kind);
    const empty = (await readDataSet()).data;
    await writeDataSet(mergeImport(empty, parsed.backup.data, true));
    expect((await readDataSet()).data).toEqual(before);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).length).toBeGreaterThan(10);
  });
});

describe('reading a chosen backup file', () => {
  it('refuses a file over the limit before reading it, and a file that is no backup, writing nothing', async () => {
    let read = false;
    const huge = {
      size: 200 * 1024 * 1024,
      text: async () => {
        read = true;
        return good();
      },
    } as unknown as File;
    expect(await readBackupFile(huge)).toEqual({ ok: false, problem: { kind: 'tooLarge', bytes: 200 * 1024 * 1024 } });
    expect(read).toBe(false);
    const notJson = await readBackupFile(new File(['not a backup'], 'backup.json'));
    expect(notJson.ok).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('reads a backup and says what restoring it would add, writing nothing yet', async () => {
    const read = await readBackupFile(new File([good()], 'backup.json'));
    if (!read.ok) throw new Error(`refused: ${read.problem.kind}`);
    expect(read.backup.data).toEqual(sampleData());
    expect(read.plan.newSessions).toHaveLength(sampleData().sessions.length);
    expect((await readDataSet()).data.sessions).toEqual([]);
  });
});
