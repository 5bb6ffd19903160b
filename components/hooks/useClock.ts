import { type ReadonlySignal, useComputed } from '@preact/signals';
import type { Phase } from '../../utils/domain/agenda';
import { type TimerView, timerView } from '../../utils/domain/timer';
import { mergeTimerLogs } from '../../utils/domain/timer-log';
import type { TimerEvent } from '../../utils/domain/timer-schema';
import { agendaOrDefault } from '../../utils/platform/default-template';
import { agendaStore, timerStore } from '../../utils/platform/storage';
import type { StoredSignal } from '../../utils/platform/stored-signal';
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
