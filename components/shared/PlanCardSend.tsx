import { useComputed } from '@preact/signals';
import { identityStore, makePlanCard } from '../../utils/platform/card-exchange';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { t } from '../../utils/platform/i18n';
import { coacheesStore, partStore, recentSessionsStore } from '../../utils/platform/storage';
import { lazyModule } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';
import { CardSend } from './CardSend';
import { IdentityNameField } from './IdentityNameField';
import { LazyFold } from './LazyFold';

/** The plan as a plain mail, for a coachee with nothing installed: loaded when opened. */
const planMailSend = lazyModule(() => import('./PlanMailSend').then((m) => m.PlanMailSend));

/** "Send the plan to <name>": the session's plan, homework, next date and feedback as a card for the coachee. */
export function PlanCardSend({ sessionId, idPrefix }: { sessionId: string; idPrefix: string }) {
  const plan = useStored(partStore('plan', sessionId));
  const homework = useStored(partStore('homework', sessionId));
  const wrapUp = useStored(partStore('wrapUp', sessionId));
  const recent = useStored(recentSessionsStore);
  const coachees = useStored(coacheesStore);
  const name = useComputed(() => {
    const coacheeId = recent.value.value.sessions.find((s) => s.id === sessionId)?.coacheeId;
    return coacheeLabel(coachees.value.value.find((c) => c.id === coacheeId)?.name);
  });
  const identity = useStored(identityStore);
  const coachName = identity.value.value?.name ?? '';
  const headingId = `${idPrefix}-send-heading`;
  return (
    <section class="send-plan" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cardSendPlan', name.value)}</h3>
      <p class="small muted">{t('cardSendPlanHelp')}</p>
      <IdentityNameField id={`${idPrefix}-coach-name`} label={t('cardCoachName')} identity={identity} />
      <CardSend
        id={`${idPrefix}-plan-card`}
        make={() => makePlanCard(sessionId, coachName.trim())}
        inputs={[sessionId, plan.value.value, homework.value.value, wrapUp.value.value, name.value, coachName]}
        disabled={plan.value.value.length === 0 && homework.value.value.length === 0}
        waitingFor={t('cardWaitsForPlan')}
      />
      <LazyFold title={t('mailPlanHeading')} module={planMailSend} props={{ sessionId, idPrefix }} level={4} />
    </section>
  );
}
