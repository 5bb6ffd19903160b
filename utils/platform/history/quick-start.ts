/**
 * A worker's quick start for the history (a platform adapter): what its first
 * answers need of the session index (the order newest first, each session's
 * coachee and title, each row as stored), saved in IndexedDB beside the index
 * as flat lists a worker reads back in a few milliseconds. At 50,000 sessions,
 * reading and unpacking the whole index took 0.5–1 s of a worker's first answer;
 * with this, the answer comes first and the index is read once questions pause.
 */
import {
  INDEX_VERSION,
  type IndexEntry,
  newestFirst,
  type PackedIndex,
  type SessionIndex,
  unpackIndex,
} from '../../domain/history/session-index';
import { fold } from '../../domain/text';
import { idbGet } from '../idb';

/** A text folded as `fold` does, at once for one of plain ASCII (most titles: tens of thousands folded at a worker's first answer). */
export const quickFold = (text: string): string => (/^[\x20-\x7e\n]*$/.test(text) ? text.toLowerCase() : fold(text));

/** Where the quick start is kept in IndexedDB. */
export const QUICK_KEY = 'historyQuick';

/** The lists a first answer needs, newest first, of the session index saved with `stamp`. */
export interface QuickHead {
  stamp: string;
  version: number;
  agendas: string[][];
  ids: string[];
  coachees: string[];
  /** Each session's title, folded (quickFold). */
  titles: string[];
  /** Each session's packed row, as JSON (only the rows shown are read back). */
  rows: string[];
}

/** The quick start of an index (`packed`: the same index packed, as it is stored). */
export function quickHead(meta: SessionIndex, packed: PackedIndex, stamp: string): QuickHead {
  const entries = newestFirst(meta);
  const rowOf = new Map(packed.rows.map((row) => [row[0] as string, row]));
  return {
    stamp,
    version: packed.version,
    agendas: packed.agendas,
    ids: entries.map((e) => e.id),
    coachees: entries.map((e) => e.coacheeId),
    titles: entries.map((e) => quickFold(e.title)),
    rows: entries.map((e) => JSON.stringify(rowOf.get(e.id) ?? null)),
  };
}

const strings = (x: unknown, length?: number): boolean =>
  Array.isArray(x) && (length === undefined || x.length === length) && x.every((s) => typeof s === 'string');

/** The quick start as saved, or null when there is none of this format. */
export async function readQuickHead(): Promise<QuickHead | null> {
  const head = await idbGet<QuickHead>(QUICK_KEY).catch(() => undefined);
  if (!head || head.version !== INDEX_VERSION || typeof head.stamp !== 'string' || !Array.isArray(head.agendas)) return null;
  const n = head.ids?.length;
  return strings(head.ids) && strings(head.coachees, n) && strings(head.titles, n) && strings(head.rows, n) ? head : null;
}

/** Positions of the ids in a quick start, made once per quick start. */
const positions = new WeakMap<QuickHead, Map<string, number>>();

/** The index entries of these sessions, from the quick start's rows (those it has). */
export function quickEntries(head: QuickHead, ids: readonly string[]): Map<string, IndexEntry> {
  let at = positions.get(head);
  if (!at) {
    at = new Map(head.ids.map((id, i) => [id, i]));
    positions.set(head, at);
  }
  const rows: unknown[] = [];
  for (const id of ids) {
    const i = at.get(id);
    if (i === undefined) continue;
    try {
      const row: unknown = JSON.parse(head.rows[i] ?? 'null');
      if (Array.isArray(row)) rows.push(row);
    } catch {
      // A damaged row is left out (the whole index is read once questions pause).
    }
  }
  const unpacked = unpackIndex({ version: head.version, agendas: head.agendas, rows });
  return new Map(Object.entries(unpacked?.entries ?? {}));
}
