import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ensureIdentity, identityStore, makePreworkCard } from '../../utils/platform/card-exchange';
import { t } from '../../utils/platform/i18n';
import { plannedDayOf } from '../../utils/platform/months';
import { partStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { CardSend } from '../shared/CardSend';
import { IdentityNameField } from '../shared/IdentityNameField';
import { InputField } from '../shared/InputField';

/** "Send to my coach": the coachee's name (asked once), the session's date, and the pre-work as a card. */
export function PreworkCardSend({ sessionId }: { sessionId: string }) {
  const identity = useStored(identityStore);
  const topic = useStored(partStore('topic', sessionId));
  // The date the last plan card brought for this session, until the coachee picks another.
  const planned = useSignal('');
  const picked = useSignal<string | null>(null);
  useEffect(() => {
    void plannedDayOf(sessionId).then((day) => (planned.value = day ?? ''));
  }, [sessionId]);
  const sessionOn = { value: picked.value ?? planned.value };
  const name = identity.value.value?.name ?? '';
  useEffect(() => {
    // Made on first use, so the card's sender id is stable from the first card on.
    if (identity.loaded.value && identity.value.peek() === null) void ensureIdentity();
  }, [identity.loaded.value]);
  return (
    <div class="popup-cards">
      <p class="small muted">{t('cardSendHelp')}</p>
      <IdentityNameField id="card-name" label={t('cardYourName')} identity={identity} />
      <InputField id="card-date" type="date" label={t('cardSessionDate')} value={sessionOn.value} onValue={(day) => (picked.value = day)} />
      <CardSend
        id="prework-card"
        make={() => makePreworkCard(sessionId, /^\d{4}-\d{2}-\d{2}$/.test(sessionOn.value) ? sessionOn.value : null, name.trim())}
        inputs={[sessionId, topic.value.value, name, sessionOn.value]}
        disabled={!topic.value.value.title.trim() || !name.trim()}
        waitingFor={!topic.value.value.title.trim() ? t('cardWaitsForTopic') : t('cardWaitsForName')}
      />
    </div>
  );
}
