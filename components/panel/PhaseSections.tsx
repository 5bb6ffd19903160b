import { useComputed } from '@preact/signals';
import { previousSessionOf } from '../../utils/domain/sessions';
import { t } from '../../utils/platform/i18n';
import { callStateStore, partStore, sessionsStore } from '../../utils/platform/storage';
import type { Clock } from '../hooks/useClock';
import { useLazy } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';
import { PlanEditor } from './PlanEditor';

/**
 * What the panel shows around the clock, by phase: the review of the last plan
 * while the first phase runs, the plan (highlighted while planning), the
 * wrap-up checklist in the last phase, and a reminder when the call ends
 * without a plan. Re-renders only when the phase or status changes.
 */
export function PhaseSections({ sessionId, clock }: { sessionId: string; clock: Clock }) {
  const sessions = useStored(sessionsStore);
  const plan = useStored(partStore('plan', sessionId));
  const call = useStored(callStateStore);
  const phaseIndex = useComputed(() => clock.view.value.phaseIndex);
  const status = useComputed(() => clock.view.value.status);
  const startedAt = useComputed(() => clock.view.value.startedAt);
  const count = clock.agenda.value.length;
  const active = status.value !== 'idle';
  const previous = previousSessionOf(sessions.value.value, sessionId);
  const current = clock.agenda.value[phaseIndex.value];
  const planning = active && (current?.id === 'plan' || (count >= 2 && phaseIndex.value === count - 2));
  const wrapping = active && phaseIndex.value === count - 1;
  const ended = call.value.value;
  const showReview = previous !== undefined && (!active || phaseIndex.value === 0);
  // The review card and the wrap-up checklist belong to one phase each: their code loads when first shown.
  const ReviewCard = useLazy(() => import('./ReviewCard').then((m) => m.ReviewCard), showReview);
  const WrapUpChecklist = useLazy(() => import('./WrapUpChecklist').then((m) => m.WrapUpChecklist), wrapping);
  const callEndedWithoutPlan =
    ended !== null &&
    !ended.inCall &&
    ended.endedAt !== null &&
    startedAt.value !== null &&
    ended.endedAt > startedAt.value &&
    plan.value.value.length === 0;

  return (
    <>
      {callEndedWithoutPlan && (
        <p class="warning" role="note">
          {t('noPlanReminder')}
        </p>
      )}
      {showReview && ReviewCard && <ReviewCard sessionId={sessionId} previousId={previous.id} />}
      {wrapping && WrapUpChecklist && <WrapUpChecklist sessionId={sessionId} />}
      <PlanEditor sessionId={sessionId} highlight={planning} />
    </>
  );
}
