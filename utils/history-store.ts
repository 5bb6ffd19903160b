/**
 * Reads every session's parts from storage for the history (a platform
 * adapter). Values that fail their schema are left out of the list and
 * reported, never shown half-parsed.
 */
import { storage } from 'wxt/utils/storage';
import type { HistoryInput } from './history';
import { agendaStore, check, coacheesStore, notesStore, type Stored, sessionsStore, timerStore, topicStore } from './storage';

/** Everything the history needs, in one storage read. */
export async function loadHistoryInput(): Promise<{ input: HistoryInput; problems: string[] }> {
  const all = await storage.snapshot('local');
  const problems: string[] = [];
  const read = <T>(stored: Stored<T>): T => {
    const checked = check(stored, all[stored.key.replace(/^local:/, '')]);
    if (!checked.valid) problems.push(stored.key);
    return checked.value;
  };
  const sessions = read(sessionsStore);
  const input: HistoryInput = { sessions, coachees: read(coacheesStore), topics: {}, notes: {}, timers: {}, agendas: {} };
  for (const s of sessions) {
    input.topics[s.id] = read(topicStore(s.id));
    input.notes[s.id] = read(notesStore(s.id));
    input.timers[s.id] = read(timerStore(s.id));
    input.agendas[s.id] = read(agendaStore(s.id));
  }
  return { input, problems };
}
