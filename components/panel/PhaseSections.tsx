import { useComputed } from '@preact/signals';
import { phaseRole } from '../../utils/domain/agenda';
import { callEndedWithoutPlan } from '../../utils/domain/check-in';
import { previousSessionOf } from '../../utils/domain/sessions';
import { t } from '../../utils/platform/i18n';
import { callStateStore, partStore, sessionsStore } from '../../utils/platform/storage';
import type { Clock } from '../hooks/useClock';
import { lazyModule, useLazy } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';
import { PlanEditor } from './PlanEditor';

const reviewCard = lazyModule(() => import('./ReviewCard').then((m) => m.ReviewCard));
const wrapUpChecklist = lazyModule(() => import('./WrapUpChecklist').then((m) => m.WrapUpChecklist));

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
  const active = status.value !== 'idle';
  const role = active ? phaseRole(clock.agenda.value, phaseIndex.value) : null;
  const previous = previousSessionOf(sessions.value.value, sessionId);
  const planning = role === 'plan';
  const wrapping = role === 'wrapUp';
  const showReview = previous !== undefined && (!active || phaseIndex.value === 0);
  // The review card and the wrap-up checklist belong to one phase each: their code loads when first shown.
  const ReviewCard = useLazy(reviewCard, showReview);
  const WrapUpChecklist = useLazy(wrapUpChecklist, wrapping);
  const noPlanReminder = callEndedWithoutPlan(call.value.value, clock.log.value.value, plan.value.value, startedAt.value);

  return (
    <>
      {noPlanReminder && (
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
