import { useComputed } from '@preact/signals';
import { makePlanCard } from '../../utils/platform/cards';
import { t } from '../../utils/platform/i18n';
import { coacheesStore, partStore, sessionsStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { CardSend } from '../shared/CardSend';

/** "Send the plan to <name>": the session's plan, homework, next date and feedback as a card for the coachee. */
export function PlanCardSend({ sessionId, idPrefix }: { sessionId: string; idPrefix: string }) {
  const plan = useStored(partStore('plan', sessionId));
  const homework = useStored(partStore('homework', sessionId));
  const wrapUp = useStored(partStore('wrapUp', sessionId));
  const sessions = useStored(sessionsStore);
  const coachees = useStored(coacheesStore);
  const name = useComputed(() => {
    const coacheeId = sessions.value.value.find((s) => s.id === sessionId)?.coacheeId;
    return coachees.value.value.find((c) => c.id === coacheeId)?.name || t('coacheeSelf');
  });
  const headingId = `${idPrefix}-send-heading`;
  return (
    <section class="send-plan" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cardSendPlan', name.value)}</h3>
      <p class="small muted">{t('cardSendPlanHelp')}</p>
      <CardSend
        id={`${idPrefix}-plan-card`}
        make={() => makePlanCard(sessionId)}
        inputs={[sessionId, plan.value.value, homework.value.value, wrapUp.value.value, name.value]}
        disabled={plan.value.value.length === 0 && homework.value.value.length === 0}
        waitingFor={t('cardWaitsForPlan')}
      />
    </section>
  );
}
