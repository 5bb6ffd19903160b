import { type ReadonlySignal, useComputed } from '@preact/signals';
import type { Phase } from '../utils/agenda';
import { agendaOrDefault } from '../utils/default-template';
import { agendaStore, timerStore } from '../utils/storage';
import type { StoredSignal } from '../utils/stored-signal';
import { type TimerView, timerView } from '../utils/timer';
import { mergeTimerLogs } from '../utils/timer-log';
import type { TimerEvent } from '../utils/timer-schema';
import { useNow } from './useNow';
import { useStored } from './useStored';

export interface Clock {
  log: StoredSignal<TimerEvent[]>;
  agenda: ReadonlySignal<Phase[]>;
  /** Re-derived from the log once a second; read it only in computed signals or with peek(). */
  view: ReadonlySignal<TimerView>;
}

/** A session's clock: its stored log and agenda, and the view derived from them each second. */
export function useClock(sessionId: string): Clock {
  const log = useStored(timerStore(sessionId), { debounceMs: 0, maxWaitMs: 0, merge: mergeTimerLogs });
  const storedAgenda = useStored(agendaStore(sessionId));
  const agenda = useComputed(() => agendaOrDefault(storedAgenda.value.value));
  const now = useNow();
  const view = useComputed(() => timerView(log.value.value, agenda.value, now.value));
  return { log, agenda, view };
}
