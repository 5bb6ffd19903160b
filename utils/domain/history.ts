/**
 * The history of sessions: a list newest first, and a search that answers as
 * you type across topics and notes. Pure: no browser calls.
 */
import type { Phase } from './agenda';
import type { DataSet } from './backup';
import type { Coachee, SessionMeta, Topic } from './model';
import { fold } from './text';
import { timerView } from './timer';
import { firstStartAt } from './timer-log';
import type { TimerEvent } from './timer-schema';

export interface HistoryInput {
  sessions: SessionMeta[];
  coachees: Coachee[];
  topics: Record<string, Topic>;
  notes: Record<string, string>;
  timers: Record<string, TimerEvent[]>;
  agendas: Record<string, Phase[] | null>;
}

export interface HistoryEntry {
  id: string;
  coacheeId: string;
  coacheeName: string;
  createdAt: number;
  /** When the clock was first started, if it was. */
  startedAt: number | null;
  topicTitle: string;
  /** Running time of the session's clock. */
  lengthMs: number;
  /** Lower-cased, accent-free text of the topic and notes, for search. */
  haystack: string;
}

/** Every session with what the list shows, newest first. */
export function buildHistory(input: HistoryInput, defaultAgenda: Phase[], selfName: string, now: number): HistoryEntry[] {
  const names = new Map(input.coachees.map((c) => [c.id, c.name || selfName]));
  return input.sessions
    .map((s) => {
      const topic = input.topics[s.id];
      const log = input.timers[s.id] ?? [];
      const view = timerView(log, input.agendas[s.id] ?? defaultAgenda, now);
      const firstStart = firstStartAt(log);
      const notes = input.notes[s.id] ?? '';
      return {
        id: s.id,
        coacheeId: s.coacheeId,
        coacheeName: names.get(s.coacheeId) ?? '',
        createdAt: s.createdAt,
        startedAt: firstStart,
        topicTitle: topic?.title ?? '',
        lengthMs: view.sessionElapsedMs,
        haystack: fold([topic?.title, topic?.difficulty, topic?.outcome, notes, names.get(s.coacheeId)].join('\n')),
      };
    })
    .sort((a, b) => (b.startedAt ?? b.createdAt) - (a.startedAt ?? a.createdAt));
}

/** Sessions whose topic, notes or coachee contain every word of the query (in any order). */
export function searchHistory(entries: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => words.every((w) => e.haystack.includes(w)));
}

/** What the history needs, taken from the whole data set the options page already holds. */
export function historyInputFrom(data: DataSet): HistoryInput {
  const input: HistoryInput = {
    sessions: data.sessions.map((s) => s.meta),
    coachees: data.coachees,
    topics: {},
    notes: {},
    timers: {},
    agendas: {},
  };
  for (const s of data.sessions) {
    input.topics[s.meta.id] = s.topic;
    input.notes[s.meta.id] = s.notes;
    input.timers[s.meta.id] = s.timer;
    input.agendas[s.meta.id] = s.agenda;
  }
  return input;
}
