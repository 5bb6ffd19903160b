import { useSignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { type LazyModule, lazyModule, useLazy } from '../../components/hooks/useLazy';
import { useStored } from '../../components/hooks/useStored';
import { CoacheePicker } from '../../components/popup/CoacheePicker';
import { OpenPanelButton } from '../../components/popup/OpenPanelButton';
import { SaveStatus } from '../../components/shared/SaveStatus';
import { TopicForm } from '../../components/shared/TopicForm';
import { t } from '../../utils/platform/i18n';
import { partStore } from '../../utils/platform/storage';

/** The fact-question check, loaded the first time there is a topic to check (its word lists are the popup's largest code). */
const factCheck = lazyModule(() => import('../../utils/domain/topic-hint').then((m) => m.looksLikeFactQuestion));
/** Sending the pre-work and taking in the coach's plan: loaded when their section is first opened. */
const preworkCardSend = lazyModule(() => import('../../components/popup/PopupCards').then((m) => m.PreworkCardSend));
const cardInbox = lazyModule(() => import('../../components/shared/CardInbox').then((m) => m.CardInbox));
/** The coach's *Ask for the pre-work* by mail (its own component, AskPrework, for the coach's popup): loaded when opened. */
const askPrework = lazyModule(() => import('../../components/shared/AskPrework').then((m) => m.AskPrework));

/** Example topics, shown only while the topic is empty: they load then (a few hundred bytes kept off the start-up). */
const topicExamples = lazyModule(() => import('../../components/popup/TopicExamples').then((m) => m.TopicExamples));

/** The month's plan and homework log: shown only once a plan exists, so its code loads then. */
const popupPlan = lazyModule(() => import('../../components/popup/PopupPlan').then((m) => m.PopupPlan));

function factHint(title: string): boolean {
  if (title.trim()) void factCheck.load();
  return factCheck.value.value?.(title) ?? false;
}

export interface PopupProps {
  sessionId: string;
  /** The session whose month plan is under way, if any. */
  planSessionId?: string | null;
  /** The call tab of this window, if there is one. */
  callTab?: { id?: number; active?: boolean };
}

/** The popup: the coachee prepares the upcoming session's topic. */
export function App({ sessionId, planSessionId, callTab }: PopupProps) {
  const topic = useStored(partStore('topic', sessionId));
  const panelMessage = useSignal<string | null>(null);
  // A plan card taken in here fills the active session's plan: show it at once, not after reopening.
  const planTaken = useSignal(false);
  const planId = planSessionId ?? (planTaken.value ? sessionId : null);
  const PopupPlan = useLazy(popupPlan, Boolean(planId));
  const Examples = useLazy(topicExamples, topic.loaded.value && !topic.value.value.title.trim()) ?? undefined;
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      <CoacheePicker sessionId={sessionId} />
      {/* Once the active session has its plan, its hour is over: the month's plan shows instead of its topic,
          and the next pre-work starts a session of its own (never typed over this one's). */}
      {planId !== sessionId && (
        <>
          <p class="muted">{t('popupIntro')}</p>
          <TopicForm topic={topic} idPrefix="popup-topic" factHint={factHint} Examples={Examples} />
          <SaveStatus bridges={[topic]} />
        </>
      )}
      <OpenPanelButton callTab={callTab} message={panelMessage} />
      {planId && PopupPlan && <PopupPlan sessionId={planId} activeId={sessionId} />}
      <LazyFold title={t('cardSendHeading')} module={preworkCardSend} props={{ sessionId }} />
      <LazyFold title={t('cardInboxHeading')} module={cardInbox} props={{ id: 'popup-inbox', onPlan: () => (planTaken.value = true) }} />
      <LazyFold title={t('mailAskHeading')} module={askPrework} props={{ sessionId, idPrefix: 'popup-ask' }} />
    </main>
  );
}

/** A folded section whose content's code loads when it is first opened. */
function LazyFold<P extends object>({ title, module, props }: { title: string; module: LazyModule<ComponentType<P>>; props: P }) {
  const open = useSignal(false);
  const Content = useLazy(module, open.value);
  return (
    <details class="fold" onToggle={(e) => (open.value = (e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <h2>{title}</h2>
      </summary>
      {Content && <Content {...props} />}
    </details>
  );
}
