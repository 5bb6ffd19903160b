import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { SELF_COACHEE_ID } from '../../utils/domain/session-list';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { partStore, recentSessionsStore } from '../../utils/platform/storage';
import { lazyModule } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';
import { TopicAnswers } from '../shared/TopicAnswers';
import { CoacheePicker } from './CoacheePicker';
import { OpenPanelButton } from './OpenPanelButton';
import { PopupFold } from './PopupFold';
import type { RolePopupProps } from './role-popup';

/** Taking in a coachee's pre-work card: loaded when its section is first opened. */
const cardInbox = lazyModule(() => import('../shared/CardInbox').then((m) => m.CardInbox));
/** *Ask for the pre-work* by mail (its own component, AskPrework): loaded when opened. */
const askPrework = lazyModule(() => import('../shared/AskPrework').then((m) => m.AskPrework));

/**
 * The coach's popup: whose session is next (pick or add), their topic as they
 * wrote it, the panel, taking in a card, and the next session's date.
 */
export function CoachPopup({ sessionId, planSessionId, callTab }: RolePopupProps<string | null>) {
  if (!sessionId) return <NoCoacheeYet callTab={callTab} />;
  return <CoachSession sessionId={sessionId} planSessionId={planSessionId} callTab={callTab} />;
}

/** Before the first coachee: the way to add one, the panel, and taking in a card (which brings its coachee). */
function NoCoacheeYet({ callTab }: Pick<RolePopupProps, 'callTab'>) {
  const panelMessage = useSignal<string | null>(null);
  return (
    <>
      <h1>{t('coachPopupTitle')}</h1>
      <CoacheePicker sessionId="" forCoach />
      <p class="muted">{t('coachPopupNoCoachee')}</p>
      <OpenPanelButton callTab={callTab} message={panelMessage} />
      <PopupFold title={t('cardInboxHeading')} module={cardInbox} props={{ id: 'popup-inbox' }} />
    </>
  );
}

function CoachSession({ sessionId, planSessionId, callTab }: RolePopupProps) {
  // The background's small record of the sessions near the active one (as the picker above reads it), never the whole list.
  const recent = useStored(recentSessionsStore);
  const topic = useStored(partStore('topic', sessionId));
  const wrapUp = useStored(partStore('wrapUp', planSessionId ?? sessionId));
  const panelMessage = useSignal<string | null>(null);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'full', timeStyle: 'short' }), []);
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'full', timeZone: 'UTC' }), []);
  const held = recent.value.value.activeId === sessionId;
  const current = recent.value.value.sessions.find((s) => s.id === sessionId);
  const noCoachee = held && (!current || current.coacheeId === SELF_COACHEE_ID);
  const { title, difficulty, outcome } = topic.value.value;
  // The next date: the one the coach set in the last wrap-up, else the day the coachee's pre-work card named.
  const w = wrapUp.value.value;
  // (The day is read at noon UTC and written in UTC: the same day in every zone; dates.ts stays off the popup's bytes.)
  const next =
    w.nextSessionAt !== null
      ? dateFormat.format(w.nextSessionAt)
      : current?.on
        ? dayFormat.format(new Date(`${current.on}T12:00:00Z`))
        : null;
  return (
    <>
      <h1>{t('coachPopupTitle')}</h1>
      <CoacheePicker sessionId={sessionId} forCoach />
      {noCoachee ? (
        <p class="muted">{t('coachPopupNoCoachee')}</p>
      ) : (
        <section class="card" aria-labelledby="coach-topic-heading">
          <h2 id="coach-topic-heading">{t('coachPopupTopicHeading')}</h2>
          {title ? (
            <>
              <p class="topic-title" data-testid="coach-popup-topic">
                {title}
              </p>
              <TopicAnswers difficulty={difficulty} outcome={outcome} />
            </>
          ) : (
            <p class="muted">{t('coachPopupNoTopic')}</p>
          )}
        </section>
      )}
      <OpenPanelButton callTab={callTab} message={panelMessage} />
      <PopupFold title={t('cardInboxHeading')} module={cardInbox} props={{ id: 'popup-inbox' }} />
      {!noCoachee && <PopupFold title={t('mailAskHeading')} module={askPrework} props={{ sessionId, idPrefix: 'popup-ask' }} />}
      {!noCoachee && (
        <p class="small" data-testid="coach-popup-next">
          {next !== null ? t('coachPopupNextOn', next) : t('coachPopupNextNone')}
        </p>
      )}
    </>
  );
}
