import { useComputed } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { phaseRole } from '../../utils/domain/agenda';
import { callEndedWithoutPlan } from '../../utils/domain/check-in';
import { previousSessionOf } from '../../utils/domain/session-list';
import { t } from '../../utils/platform/i18n';
import { callStateStore, partStore, recentSessionsStore } from '../../utils/platform/storage';
import { lazyModule } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';
import { CardInbox } from '../shared/CardInbox';
import { LazyFold } from '../shared/LazyFold';
import { PlanCardSend } from '../shared/PlanCardSend';
import { AgendaPicker } from './AgendaPicker';
import { NewSession } from './NewSession';
import { PhaseList } from './PhaseList';
import { PlanEditor } from './PlanEditor';
import { ReviewCard } from './ReviewCard';
import type { Clock } from './useClock';
import { WrapUpChecklist } from './WrapUpChecklist';

/** *Ask for the pre-work* by mail: loaded when its section is opened. */
const askPrework = lazyModule(() => import('../shared/AskPrework').then((m) => m.AskPrework));

/**
 * Everything below the notes, by phase: the review of the last plan while the
 * first phase runs, the plan and homework while planning, the wrap-up checklist
 * in the last phase; each a collapsible section, the current phase's open, the
 * others one click away. The full phase list stays folded. Loaded after the
 * panel's first paint. Re-renders only when the phase or status changes.
 * At a phase change the new phase's section scrolls into view, unless the
 * coach is typing (then the page stays put; the clock bar shows the phase's
 * prompt and screen readers hear the change). Once ended, the wrap-up stays open.
 */
export function PanelSections({ sessionId, clock }: { sessionId: string; clock: Clock }) {
  // The sessions near the active one, kept by the background: never the whole list.
  const recent = useStored(recentSessionsStore);
  const plan = useStored(partStore('plan', sessionId));
  const call = useStored(callStateStore);
  const phaseIndex = useComputed(() => clock.view.value.phaseIndex);
  const status = useComputed(() => clock.view.value.status);
  const startedAt = useComputed(() => clock.view.value.startedAt);
  const active = status.value !== 'idle';
  const ended = status.value === 'ended';
  const role = ended ? 'wrapUp' : active ? phaseRole(clock.agenda.value, phaseIndex.value) : null;
  useFollowPhase(role);
  const previous = previousSessionOf(recent.value.value.sessions, sessionId);
  const noPlanReminder = callEndedWithoutPlan(call.value.value, clock.log.value.value, plan.value.value, startedAt.value);

  return (
    <>
      {noPlanReminder && (
        <p class="warning" role="note">
          {t('noPlanReminder')}
        </p>
      )}
      {previous && (
        <Fold id="review-fold" headingId="review-heading" title={t('reviewHeading')} open={!active || role === 'understand'}>
          <ReviewCard sessionId={sessionId} previousId={previous.id} />
        </Fold>
      )}
      <Fold id="plan-fold" headingId="plan-heading" title={t('planHeading')} open={role === 'plan'}>
        <PlanEditor sessionId={sessionId} />
        {/* One "Send the plan": in the wrap-up once there is one (the card carries its feedback and next date). */}
        {active ? (
          <p class="small muted">{t('planSendInWrapUp', t('wrapHeading'))}</p>
        ) : (
          <PlanCardSend sessionId={sessionId} idPrefix="panel" />
        )}
      </Fold>
      {active && (
        <Fold id="wrap-fold" headingId="wrap-heading" title={t('wrapHeading')} open={role === 'wrapUp'}>
          <WrapUpChecklist sessionId={sessionId} clock={clock} />
        </Fold>
      )}
      <Fold headingId="phase-list-heading" title={t('phaseListHeading')} open={false}>
        {!active && <AgendaPicker sessionId={sessionId} />}
        <PhaseList view={clock.view} agenda={clock.agenda} phaseIndex={phaseIndex} status={status} />
      </Fold>
      <LazyFold headingId="ask-heading" title={t('mailAskHeading')} module={askPrework} props={{ sessionId, idPrefix: 'panel-ask' }} />
      <Fold headingId="inbox-heading" title={t('cardInboxHeading')} open={false}>
        <CardInbox id="panel-inbox" />
      </Fold>
      <Fold headingId="session-heading" title={t('sessionSectionHeading')} open={false}>
        <NewSession />
      </Fold>
    </>
  );
}

/**
 * A collapsible section whose summary is its heading. `open` is the default
 * for the phase: it applies when the phase changes, and the coach's own
 * opening or closing holds until then.
 */
function Fold({
  id,
  headingId,
  title,
  open,
  children,
}: {
  id?: string;
  headingId: string;
  title: string;
  open: boolean;
  children: ComponentChildren;
}) {
  return (
    <details class="fold" id={id} open={open}>
      <summary>
        <h2 id={headingId}>{title}</h2>
      </summary>
      <div class="fold-body">{children}</div>
    </details>
  );
}

const FOLD_OF_ROLE: Record<string, string> = { understand: 'review-fold', plan: 'plan-fold', wrapUp: 'wrap-fold' };

/** Whether the coach is typing: focus in a text field (the notes, a plan step…). */
function typing(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type !== 'button' && el.type !== 'checkbox');
}

/**
 * At a phase change (not when the panel opens), bring the new phase's section
 * into view below the pinned clock bar; never while the coach types, so focus
 * and the caret stay where they are.
 */
function useFollowPhase(role: string | null): void {
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = role;
    if (before === undefined || before === role || role === null || typing()) return;
    const fold = document.getElementById(FOLD_OF_ROLE[role] ?? '');
    if (!fold) return;
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    fold.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
  }, [role]);
}
