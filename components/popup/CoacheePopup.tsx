import { useSignal } from '@preact/signals';
import { t } from '../../utils/platform/i18n';
import { partStore } from '../../utils/platform/storage';
import { lazyModule, useLazy } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';
import { SaveStatus } from '../shared/SaveStatus';
import { TopicForm } from '../shared/TopicForm';
import { PopupFold } from './PopupFold';
import type { RolePopupProps } from './role-popup';

/** The fact-question check, loaded the first time there is a topic to check (its word lists are the popup's largest code). */
const factCheck = lazyModule(() => import('../../utils/domain/topic-hint').then((m) => m.looksLikeFactQuestion));
/** Sending the pre-work and taking in the coach's plan: loaded when their section is first opened. */
const preworkCardSend = lazyModule(() => import('./PopupCards').then((m) => m.PreworkCardSend));
const cardInbox = lazyModule(() => import('../shared/CardInbox').then((m) => m.CardInbox));
/** Example topics, shown only while the topic is empty: they load then (a few hundred bytes kept off the start-up). */
const topicExamples = lazyModule(() => import('./TopicExamples').then((m) => m.TopicExamples));
/** The month's plan and homework log: shown only once a plan exists, so its code loads then. */
const popupPlan = lazyModule(() => import('./PopupPlan').then((m) => m.PopupPlan));
/** A coachee uses the panel only during a call: its button loads when this window has a call tab. */
const openPanelButton = lazyModule(() => import('./OpenPanelButton').then((m) => m.OpenPanelButton));

function factHint(title: string): boolean {
  if (title.trim()) void factCheck.load();
  return factCheck.value.value?.(title) ?? false;
}

/** The coachee's popup: today's pre-work, "Send to my coach", the month's plan to tick and the homework to log. */
export function CoacheePopup({ sessionId, planSessionId, callTab }: RolePopupProps) {
  const topic = useStored(partStore('topic', sessionId));
  const panelMessage = useSignal<string | null>(null);
  // A plan card taken in here fills the active session's plan: show it at once, not after reopening.
  const planTaken = useSignal(false);
  const planId = planSessionId ?? (planTaken.value ? sessionId : null);
  const PopupPlan = useLazy(popupPlan, Boolean(planId));
  const Examples = useLazy(topicExamples, topic.loaded.value && !topic.value.value.title.trim()) ?? undefined;
  const OpenPanelButton = useLazy(openPanelButton, callTab?.id !== undefined);
  return (
    <>
      <h1>{t('popupTitle')}</h1>
      {/* Once the active session has its plan, its hour is over: the month's plan shows instead of its topic,
          and the next pre-work starts a session of its own (never typed over this one's). */}
      {planId !== sessionId && (
        <>
          <p class="muted">{t('popupIntro')}</p>
          <TopicForm topic={topic} idPrefix="popup-topic" factHint={factHint} Examples={Examples} />
          <SaveStatus bridges={[topic]} />
        </>
      )}
      <PopupFold title={t('cardSendHeading')} module={preworkCardSend} props={{ sessionId }} />
      {planId && PopupPlan && <PopupPlan sessionId={planId} activeId={sessionId} />}
      <PopupFold
        title={t('cardInboxHeadingCard')}
        module={cardInbox}
        props={{ id: 'popup-inbox', replies: false, onPlan: () => (planTaken.value = true) }}
      />
      {OpenPanelButton && <OpenPanelButton callTab={callTab} message={panelMessage} />}
    </>
  );
}
