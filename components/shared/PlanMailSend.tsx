import { identityStore } from '../../utils/platform/card-exchange';
import { t } from '../../utils/platform/i18n';
import { mailLanguageOf, makePlanMail } from '../../utils/platform/mail/exchange';
import { coacheesStore, partStore } from '../../utils/platform/storage';
import { useSessionsNear } from '../hooks/useSessionsNear';
import { useStored } from '../hooks/useStored';
import { MailLanguagePicker } from './MailLanguagePicker';
import { MailSend } from './MailSend';

/** *The plan by mail*: the session's plan as a plain mail in the coachee's language, for a coachee with nothing installed. Loaded on demand. */
export function PlanMailSend({ sessionId, idPrefix }: { sessionId: string; idPrefix: string }) {
  const plan = useStored(partStore('plan', sessionId));
  const homework = useStored(partStore('homework', sessionId));
  const wrapUp = useStored(partStore('wrapUp', sessionId));
  const sessions = useSessionsNear(sessionId);
  const coachees = useStored(coacheesStore);
  const coacheeId = sessions.value?.find((s) => s.id === sessionId)?.coacheeId;
  const coachee = coachees.value.value.find((c) => c.id === coacheeId);
  // Signed with the name asked just above it (the plan card's "Your name"): the mail follows it as it is typed.
  const coachName = useStored(identityStore).value.value?.name ?? '';
  return (
    <div class="plan-mail">
      <p class="small muted">{t('mailPlanHelp')}</p>
      {coachee && <MailLanguagePicker id={`${idPrefix}-plan-language`} coachee={coachee} />}
      <MailSend
        id={`${idPrefix}-plan-mail`}
        make={() => makePlanMail(sessionId, coachName.trim()).then((made) => made.mail)}
        inputs={[sessionId, plan.value.value, homework.value.value, wrapUp.value.value, mailLanguageOf(coachee), coachee?.name, coachName]}
      />
    </div>
  );
}
