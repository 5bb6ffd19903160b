import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../../../../utils/domain/model';
import { ruleOf } from '../../../../../utils/domain/sync/keys';
import {
  applyFile,
  baseOf,
  basesBefore,
  type ChangeFile,
  causalOrder,
  deltaOf,
  type KeyRule,
  localAfter,
  type Merged,
  mergedOf,
  type Replica,
  recordChanges,
} from '../../../../../utils/domain/sync/log';
import type { TimerEvent } from '../../../../../utils/domain/timer-schema';

const MARKER = '— from another computer —';
const rule = (key: string): KeyRule => {
  const found = ruleOf(key, MARKER);
  if (!found) throw new Error(`no rule for ${key}`);
  return found;
};

/** One simulated computer: its stored values (by sync key) and its replica. */
class Computer {
  local = new Map<string, unknown>();
  replica: Replica;
  constructor(
    readonly dev: string,
    private readonly server: ChangeFile[],
  ) {
    this.replica = { dev, frontier: {}, heads: new Map() };
  }
  /** One sync: record local changes, upload them, merge every deliverable file from the server (or only some). */
  sync(now: number, visible = this.server.length): void {
    const keys = new Set([...this.local.keys(), ...this.replica.heads.keys()]);
    const file = recordChanges(this.replica, new Map([...keys].map((k) => [k, this.local.get(k)])), rule, now);
    if (file) this.server.push(structuredClone(file));
    const incoming = causalOrder(this.server.slice(0, visible), this.replica.frontier);
    const before = new Map<string, Merged>();
    for (const f of incoming) {
      for (const c of f.changes) if (!before.has(c.k)) before.set(c.k, mergedOf(this.replica.heads.get(c.k), rule(c.k)));
      applyFile(this.replica, f);
    }
    for (const [key, was] of before) {
      const next = localAfter(was, this.local.get(key), mergedOf(this.replica.heads.get(key), rule(key)), rule(key));
      if (next.deleted) this.local.delete(key);
      else this.local.set(key, next.value);
    }
  }
}

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A and B each edit the notes of s1 offline, then A, B and A sync (at `at` and after): both end
 * with the same notes, which are returned.
 */
function bothEdit(a: Computer, b: Computer, aNotes: string, bNotes: string, at: number): unknown {
  a.local.set('notes.s1', aNotes);
  b.local.set('notes.s1', bNotes);
  a.sync(at);
  b.sync(at + 1);
  a.sync(at + 2);
  expect(a.local.get('notes.s1')).toBe(b.local.get('notes.s1'));
  return a.local.get('notes.s1');
}

describe('sync change logs', () => {
  it('stores the replaced value as a small delta that gives it back', () => {
    const base = 'The coachee said the team lead never answers.';
    const value = 'The coachee said the new team lead never answers.';
    const delta = deltaOf(value, base);
    expect(delta.m.length).toBeLessThan(10);
    expect(baseOf(value, delta)).toBe(base);
    const list = [{ id: 'a', text: 'x', done: false }];
    expect(baseOf([...list, { id: 'b', text: 'y', done: true }], deltaOf([...list, { id: 'b', text: 'y', done: true }], list))).toEqual(
      list,
    );
  });

  it('keeps both computers’ words when the same notes were edited offline on two', () => {
    const server: ChangeFile[] = [];
    const a = new Computer('a', server);
    const b = new Computer('b', server);
    a.local.set('notes.s1', 'Goal: delegate.');
    a.sync(1);
    b.sync(2);
    expect(b.local.get('notes.s1')).toBe('Goal: delegate.');
    // Words added at either end merge quietly; the same line replaced on both keeps both, marked.
    expect(bothEdit(a, b, 'Goal: delegate. A: speak to Kim first.', 'First: Goal: delegate.', 3)).toBe(
      'First: Goal: delegate. A: speak to Kim first.',
    );
    const conflicting = bothEdit(a, b, 'Plan: X', 'Plan: Y', 6);
    expect(conflicting).toContain('X');
    expect(conflicting).toContain('Y');
    expect(conflicting).toContain(MARKER);
  });

  it('keeps a deleted session deleted on every computer, even against an edit made offline', () => {
    const server: ChangeFile[] = [];
    const a = new Computer('a', server);
    const b = new Computer('b', server);
    a.local.set('s:s1', { id: 's1', coacheeId: 'c', createdAt: 1 });
    a.local.set('notes.s1', 'old words');
    a.sync(1);
    b.sync(2);
    a.local.delete('s:s1');
    a.local.delete('notes.s1');
    b.local.set('notes.s1', 'old words and new');
    a.sync(3);
    b.sync(4);
    a.sync(5);
    for (const c of [a, b]) {
      expect(c.local.has('s:s1')).toBe(false);
      expect(c.local.has('notes.s1')).toBe(false);
    }
  });

  it('applies a file only after every file it had seen, whatever order the server lists them in', () => {
    const files: ChangeFile[] = [
      { dev: 'b', seq: 1, at: 2, seen: { a: 2 }, changes: [] },
      { dev: 'a', seq: 2, at: 1, seen: {}, changes: [] },
      { dev: 'a', seq: 1, at: 0, seen: {}, changes: [] },
      { dev: 'c', seq: 2, at: 0, seen: {}, changes: [] },
    ];
    expect(causalOrder(files, {}).map((f) => `${f.dev}${f.seq}`)).toEqual(['a1', 'a2', 'b1']);
  });

  it('converges: random interleavings of edits and syncs on three computers end in the same state, every word kept', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = random(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const server: ChangeFile[] = [];
      const computers = ['a', 'b', 'c'].map((d) => new Computer(d, server));
      const words: string[] = [];
      const steps: string[] = [];
      const timerEvents: TimerEvent[] = [];
      let now = 1000;
      let word = 0;
      for (let step = 0; step < 60; step++) {
        now += Math.floor(rnd() * 3); // equal times happen too
        const c = pick(computers);
        const what = rnd();
        if (what < 0.3) {
          const text = (c.local.get('notes.s1') as string | undefined) ?? '';
          const w = `w${word++}`;
          words.push(w);
          const cuts = [0, ...[...text.matchAll(/ /g)].map((m) => m.index), text.length];
          const at = pick(cuts);
          c.local.set('notes.s1', `${text.slice(0, at)} ${w} ${text.slice(at)}`.replace(/ +/g, ' ').trim());
        } else if (what < 0.45) {
          const plan = (c.local.get('plan.s1') as PlanStep[] | undefined) ?? [];
          const id = `p${word++}`;
          steps.push(id);
          c.local.set('plan.s1', [...plan, { id, text: id, done: false }]);
        } else if (what < 0.55) {
          const log = (c.local.get('timer.s1') as TimerEvent[] | undefined) ?? [];
          const event: TimerEvent = { type: 'next', at: now * 10 + timerEvents.length };
          timerEvents.push(event);
          c.local.set('timer.s1', [...log, event]);
        } else if (what < 0.6) {
          const settings = c.local.get('settings') as Record<string, unknown> | undefined;
          c.local.set('settings', { ...(settings ?? (rule('settings').fallback as object)), theme: pick(['light', 'dark', 'system']) });
        } else {
          // Sync, sometimes seeing only part of the server (a listing taken mid-way).
          c.sync(now, rnd() < 0.3 ? Math.floor(rnd() * (server.length + 1)) : server.length);
        }
      }
      for (let round = 0; round < 3; round++) for (const c of computers) c.sync(++now);
      const [first, ...rest] = computers.map((c) => Object.fromEntries([...c.local].sort(([x], [y]) => (x < y ? -1 : 1))));
      for (const other of rest) expect(other, `seed ${seed}`).toEqual(first);
      const notes = (first?.['notes.s1'] as string | undefined) ?? '';
      for (const w of words) expect(notes.split(/\s+/), `seed ${seed}: ${w}`).toContain(w);
      const plan = (first?.['plan.s1'] as PlanStep[] | undefined) ?? [];
      expect(plan.map((p) => p.id).sort()).toEqual([...steps].sort());
      const log = (first?.['timer.s1'] as TimerEvent[] | undefined) ?? [];
      expect(log.length).toBe(timerEvents.length);
    }
  }, 60_000); // 30 random runs: about 2 s alone, longer on a loaded machine
});

describe('a sync that changes a key being edited', () => {
  const notes = rule('notes.s1');
  it('takes the new value when nothing was typed since', () => {
    expect(localAfter({ deleted: false, value: 'a' }, 'a', { deleted: false, value: 'ab' }, notes)).toEqual({
      deleted: false,
      value: 'ab',
    });
  });
  it('merges what was typed since, three-way', () => {
    expect(localAfter({ deleted: false, value: 'one two' }, 'zero one two', { deleted: false, value: 'one two three' }, notes)).toEqual({
      deleted: false,
      value: 'zero one two three',
    });
  });
  it('leaves a key removed here removed', () => {
    expect(localAfter({ deleted: false, value: 'a' }, undefined, { deleted: false, value: 'ab' }, notes)).toEqual({ deleted: true });
  });
});

describe('sending everything again', () => {
  it('takes, for each key changed in files never sent, the value before the earliest of them', () => {
    const unsent = [
      { dev: 'a', seq: 5, at: 2, seen: {}, changes: [{ k: 'notes.s1', v: 'one two three', b: deltaOf('one two three', 'one two') }] },
      {
        dev: 'a',
        seq: 4,
        at: 1,
        seen: {},
        changes: [
          { k: 'notes.s1', v: 'one two', b: deltaOf('one two', 'one') },
          { k: 'notes.s2', v: 'new' },
        ],
      },
    ];
    const bases = basesBefore(unsent);
    expect(bases.get('notes.s1')).toEqual({ deleted: false, value: 'one' });
    expect(bases.get('notes.s2')).toEqual({ deleted: true });
  });
});
