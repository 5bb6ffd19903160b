import { t } from '../../utils/platform/i18n';
import { activeSessionIdStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { CardInbox } from '../shared/CardInbox';
import { PlanCardSend } from '../shared/PlanCardSend';

/** The cards between coach and coachee, on the options page: take one in, or send the current session's plan. */
export function CardsPanel() {
  const active = useStored(activeSessionIdStore);
  const sessionId = active.value.value;
  return (
    <section class="card" aria-labelledby="cards-heading">
      <h2 id="cards-heading">{t('cardsHeading')}</h2>
      <p class="small muted">{t('cardsIntro')}</p>
      <h3>{t('cardInboxHeading')}</h3>
      <CardInbox id="options-inbox" />
      {sessionId && <PlanCardSend sessionId={sessionId} idPrefix="options" />}
    </section>
  );
}
