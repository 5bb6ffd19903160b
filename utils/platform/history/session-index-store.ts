/**
 * The session index in storage (a platform adapter over domain/session-index):
 * built in batches, updated for just the sessions a change touched, and read by
 * the pages instead of every session's data. The background keeps it up to
 * date; a page that finds it missing or stale rebuilds it.
 */
import {
  EMPTY_INDEX,
  type IndexSource,
  indexEntry,
  indexMatches,
  type PackedIndex,
  PackedIndexSchema,
  packIndex,
  type SessionIndex,
  unpackIndex,
} from '../../domain/history/session-index';
import type { SessionMeta, WrapUp } from '../../domain/model';
import { localDefaultTemplate } from '../default-template';
import { define, partStore, readChecked, sessionsStore } from '../storage';
import { isStored, readBatch } from '../storage-area';

/** The index of every session, stored packed (see domain/session-index.ts). */
export const indexStore = define<PackedIndex>('local:sessionIndex', PackedIndexSchema, packIndex(EMPTY_INDEX));

/** The index as stored, unpacked (an empty one if it does not fit: it is rebuilt then). */
export const readIndex = async (): Promise<SessionIndex> => unpackIndex((await readChecked(indexStore)).value) ?? EMPTY_INDEX;

const SOURCE_PARTS = ['topic', 'timer', 'agenda', 'plan', 'homework', 'review', 'wrapUp'] as const;
const BATCH = 400;

/** The parts of a session the indexes are made from (its notes among them). */
export const SOURCE_NAMES: readonly string[] = [...SOURCE_PARTS, 'notes'];

/** The storage keys of what the indexes read of one session. */
export const sourceKeys = (id: string): string[] => [...SOURCE_PARTS, 'notes' as const].map((name) => partStore(name, id).bare);

/** What the indexes need of one session: the index entry's parts, and its texts when asked for. */
export type SessionSource = IndexSource & { wrapUp: WrapUp; notes: string };

/**
 * Read what the index needs of these sessions (and their notes, `withNotes`), in one storage call.
 * `known` holds values already in memory by their storage key (a change just written, as storage reported
 * it): those are not read again.
 */
export async function readSources(
  ids: readonly string[],
  withNotes = false,
  known?: ReadonlyMap<string, unknown>,
): Promise<Map<string, SessionSource>> {
  const names = withNotes ? [...SOURCE_PARTS, 'notes' as const] : SOURCE_PARTS;
  // The read policy (storage.ts): a part of the wrong shape is kept aside in the quarantine, never dropped.
  const batch = await readBatch(
    ids.flatMap((id) => names.map((name) => partStore(name, id))),
    known,
  );
  const sources = new Map<string, SessionSource>();
  for (const id of ids) {
    const wrapUp = batch.take(partStore('wrapUp', id));
    sources.set(id, {
      topic: batch.take(partStore('topic', id)),
      timer: batch.take(partStore('timer', id)),
      agenda: batch.take(partStore('agenda', id)),
      plan: batch.take(partStore('plan', id)),
      homework: batch.take(partStore('homework', id)),
      review: batch.take(partStore('review', id)),
      nextSessionAt: wrapUp.nextSessionAt,
      wrapUp,
      notes: withNotes ? batch.take(partStore('notes', id)) : '',
    });
  }
  await batch.done();
  return sources;
}

async function entriesFor(metas: readonly SessionMeta[], now: number): Promise<SessionIndex['entries']> {
  const phases = localDefaultTemplate().phases;
  const entries: SessionIndex['entries'] = {};
  for (let i = 0; i < metas.length; i += BATCH) {
    const batch = metas.slice(i, i + BATCH);
    const sources = await readSources(batch.map((m) => m.id));
    for (const meta of batch) {
      const source = sources.get(meta.id);
      if (source) entries[meta.id] = indexEntry(meta, source, phases, now);
    }
  }
  return entries;
}

/** Build the whole index from storage, a batch of sessions at a time. */
export async function rebuildIndex(now = Date.now()): Promise<SessionIndex> {
  const sessions = (await readChecked(sessionsStore)).value;
  const index: SessionIndex = { ...EMPTY_INDEX, entries: await entriesFor(sessions, now) };
  await indexStore.item.setValue(packIndex(index));
  return index;
}

/**
 * The index, rebuilt first when it is missing, of another version, or lists
 * other sessions. A page that has read the index already passes it in.
 */
export async function ensureIndex(known?: SessionIndex, now = Date.now()): Promise<SessionIndex> {
  const [index, sessions, stored] = await Promise.all([
    known ?? readIndex(),
    readChecked(sessionsStore),
    // Missing (a new install, which has no session yet): written, empty, so every page reads a stored index.
    known !== undefined || isStored(indexStore),
  ]);
  return stored && indexMatches(index, sessions.value) ? index : rebuildIndex(now);
}
