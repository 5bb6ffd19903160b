import { coacheeLabel } from '../../utils/platform/coachee-name';
import { t } from '../../utils/platform/i18n';
import { mailLanguageOf, makeAskMail } from '../../utils/platform/mail';
import { coacheesStore } from '../../utils/platform/storage';
import { useSessionsNear } from '../hooks/useSessionsNear';
import { useStored } from '../hooks/useStored';
import { MailLanguagePicker } from './MailLanguagePicker';
import { MailSend } from './MailSend';

/**
 * *Ask for the pre-work*: a short mail in the coachee's language, for a coachee
 * with nothing installed. For a coachee by id, or the coachee of a session (the
 * panel's and the coach's popup). Loaded on demand.
 */
export function AskPrework({ coacheeId, sessionId, idPrefix }: { coacheeId?: string; sessionId?: string; idPrefix: string }) {
  const coachees = useStored(coacheesStore);
  // A coachee by id needs no session (the options page): then nothing is read.
  const sessions = useSessionsNear(coacheeId ? undefined : sessionId);
  const id = coacheeId ?? sessions.value?.find((s) => s.id === sessionId)?.coacheeId ?? null;
  const coachee = coachees.value.value.find((c) => c.id === id);
  if (!id || !coachee) return null;
  return (
    <div class="ask-prework">
      <p class="small muted">{t('mailAskHelp', coacheeLabel(coachee.name))}</p>
      <MailLanguagePicker id={`${idPrefix}-language`} coachee={coachee} />
      <MailSend
        id={`${idPrefix}-mail`}
        make={() => makeAskMail(id).then((made) => made.mail)}
        inputs={[id, mailLanguageOf(coachee), coachee.name]}
      />
    </div>
  );
}
