/**
 * The one source of a session's figures: each phase's minutes planned and taken, and the totals, as the
 * panel's summary, the history, the index (and so the charts and progress figures), the print view and
 * every export show them. Kept apart from session-life.ts so the panel's first paint does not load it
 * (only the summary of an ended session needs it there). Pure: no browser calls.
 */
import type { Phase } from './agenda';
import { recordedView } from './session-life';
import type { TimerView } from './timer';
import type { TimerEvent } from './timer-schema';

const MINUTE = 60_000;

/** A session's minutes, planned and taken, per phase and in all: what every page and export shows of them. */
export interface SessionMinutes {
  phases: { id: string; title: string; planned: number; taken: number }[];
  /** The phases' planned minutes added up (the hour, and every +5 min on top of it). */
  planned: number;
  /** The running time, rounded; the phases' taken minutes add up to it. */
  taken: number;
}

/**
 * Whole minutes for parts whose sum is their total rounded (largest remainders get the spare minutes,
 * the earlier part on a tie), so a table's rows always make its total line.
 */
function wholeMinutes(ms: readonly number[]): { parts: number[]; total: number } {
  const exact = ms.map((x) => Math.max(0, x) / MINUTE);
  const parts = exact.map(Math.floor);
  const total = Math.round(exact.reduce((a, b) => a + b, 0));
  let spare = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (spare <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    spare -= 1;
  }
  return { parts, total };
}

/**
 * The one source of a session's figures: each phase's minutes planned (with its extensions) and taken,
 * and the totals, in whole minutes whose rows add up to the totals. The panel's summary, the history, the
 * index (and so the charts and the progress figures), the print view and every export read them here.
 */
export function recordedMinutes(view: TimerView): SessionMinutes {
  const planned = wholeMinutes(view.phases.map((p) => p.plannedMs));
  const taken = wholeMinutes(view.phases.map((p) => p.actualMs));
  return {
    phases: view.phases.map((p, i) => ({ id: p.id, title: p.title, planned: planned.parts[i] ?? 0, taken: taken.parts[i] ?? 0 })),
    planned: planned.total,
    taken: taken.total,
  };
}

/** A session's recorded minutes from its log (a forgotten clock ended by the auto-end rule): `recordedMinutes` of `recordedView`. */
export function sessionMinutes(log: readonly TimerEvent[], agenda: readonly Phase[], now: number): SessionMinutes {
  return recordedMinutes(recordedView(log, agenda, now));
}
