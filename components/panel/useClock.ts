import { type ReadonlySignal, useComputed } from '@preact/signals';
import type { Phase } from '../../utils/domain/agenda';
import type { CallState } from '../../utils/domain/model';
import { recordedView } from '../../utils/domain/session-life';
import type { TimerView } from '../../utils/domain/timer';
import type { TimerEvent } from '../../utils/domain/timer-schema';
import { agendaOrDefault } from '../../utils/platform/default-template';
import { callStateStore, partStore } from '../../utils/platform/storage';
import type { StoredSignal } from '../../utils/platform/stored-signal';
import { useNow } from '../hooks/useNow';
import { useStored } from '../hooks/useStored';

export interface Clock {
  log: StoredSignal<TimerEvent[]>;
  agenda: ReadonlySignal<Phase[]>;
  /** The call as the content scripts last reported it (its end may end a forgotten clock). */
  call: ReadonlySignal<CallState>;
  /** Re-derived from the log once a second; read it only in computed signals or with peek(). */
  view: ReadonlySignal<TimerView>;
  /** Add one event to the log. */
  add(event: TimerEvent): void;
}

/**
 * A session's clock: its stored log and agenda, and the view derived from them
 * each second. A clock past its auto-end shows as ended at once (the background
 * records that end), so no page ever shows last month's clock still counting.
 */
export function useClock(sessionId: string): Clock {
  const log = useStored(partStore('timer', sessionId), { debounceMs: 0, maxWaitMs: 0 });
  const storedAgenda = useStored(partStore('agenda', sessionId));
  const callState = useStored(callStateStore);
  const agenda = useComputed(() => agendaOrDefault(storedAgenda.value.value));
  const now = useNow();
  const view = useComputed(() => recordedView(log.value.value, agenda.value, now.value, callState.value.value));
  return { log, agenda, call: callState.value, view, add: (event) => log.set([...log.value.peek(), event]) };
}
