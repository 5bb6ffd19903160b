/**
 * Combining timer logs written by two pages at once. Pure: no browser calls.
 */
import type { TimerEvent } from './timer-schema';

/** An event's identity for the union: its time, type and payload (two ends at one moment by different hands are two events). */
const keyOf = (e: TimerEvent) =>
  `${e.at}:${e.type}:${e.type === 'extend' ? e.minutes : e.type === 'end' ? `${e.by}:${e.correctedAt ?? ''}` : ''}`;

/**
 * Three-way merge of an append-only log: everything the other page stored,
 * plus the events this page added since `base`, in time order. Two coaches'
 * panels pressing buttons at once both count; nothing is dropped or doubled.
 */
export function mergeTimerLogs(base: readonly TimerEvent[], local: readonly TimerEvent[], remote: readonly TimerEvent[]): TimerEvent[] {
  const known = new Set(base.map(keyOf));
  const inRemote = new Set(remote.map(keyOf));
  const added = local.filter((e) => !known.has(keyOf(e)) && !inRemote.has(keyOf(e)));
  return [...remote, ...added].sort((a, b) => a.at - b.at);
}

/** When the clock was first started, or null if it never was. */
export function firstStartAt(log: readonly TimerEvent[]): number | null {
  return log.find((e) => e.type === 'start')?.at ?? null;
}
