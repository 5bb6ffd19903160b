import { type ReadonlySignal, useComputed } from '@preact/signals';
import type { Phase } from '../../utils/domain/agenda';
import { type TimerView, timerView } from '../../utils/domain/timer';
import type { TimerEvent } from '../../utils/domain/timer-schema';
import { agendaOrDefault } from '../../utils/platform/default-template';
import { partStore } from '../../utils/platform/storage';
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
  const log = useStored(partStore('timer', sessionId), { debounceMs: 0, maxWaitMs: 0 });
  const storedAgenda = useStored(partStore('agenda', sessionId));
  const agenda = useComputed(() => agendaOrDefault(storedAgenda.value.value));
  const now = useNow();
  const view = useComputed(() => timerView(log.value.value, agenda.value, now.value));
  return { log, agenda, view };
}
