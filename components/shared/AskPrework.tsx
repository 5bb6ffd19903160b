import { useRef } from 'preact/hooks';
import { identityStore } from '../../utils/platform/card-exchange';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { t } from '../../utils/platform/i18n';
import { mailLanguageOf, makeAskMail } from '../../utils/platform/mail/exchange';
import { coacheesStore } from '../../utils/platform/storage';
import { useSessionsNear } from '../hooks/useSessionsNear';
import { useStored } from '../hooks/useStored';
import { IdentityNameField } from './IdentityNameField';
import { MailLanguagePicker } from './MailLanguagePicker';
import { MailSend } from './MailSend';

/**
 * *Ask for the pre-work*: a short mail in the coachee's language, for a coachee
 * with nothing installed, signed with the coach's name (the name on their
 * cards: asked here once while it is empty, then kept). For a coachee by id,
 * or the coachee of a session (the panel's and the coach's popup). Loaded on demand.
 */
export function AskPrework({ coacheeId, sessionId, idPrefix }: { coacheeId?: string; sessionId?: string; idPrefix: string }) {
  const coachees = useStored(coacheesStore);
  const identity = useStored(identityStore);
  // Asked while no name is kept: the field stays for this visit once shown, so typing never hides it.
  const askName = useRef(false);
  if (identity.loaded.value && !identity.value.value?.name) askName.current = true;
  const coachName = identity.value.value?.name ?? '';
  // A coachee by id needs no session (the options page): then nothing is read.
  const sessions = useSessionsNear(coacheeId ? undefined : sessionId);
  const id = coacheeId ?? sessions.value?.find((s) => s.id === sessionId)?.coacheeId ?? null;
  const coachee = coachees.value.value.find((c) => c.id === id);
  if (!id || !coachee) return null;
  return (
    <div class="ask-prework">
      <p class="small muted">{t('mailAskHelp', coacheeLabel(coachee.name))}</p>
      <MailLanguagePicker id={`${idPrefix}-language`} coachee={coachee} />
      {askName.current && <IdentityNameField id={`${idPrefix}-coach-name`} label={t('cardCoachName')} identity={identity} />}
      <MailSend
        id={`${idPrefix}-mail`}
        make={() => makeAskMail(id, Date.now(), coachName.trim()).then((made) => made.mail)}
        inputs={[id, mailLanguageOf(coachee), coachee.name, coachName]}
      />
    </div>
  );
}
