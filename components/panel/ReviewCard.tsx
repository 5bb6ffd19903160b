import { useSignalEffect } from '@preact/signals';
import { sameJson } from '../../utils/domain/json';
import { type ReviewItem, TOPIC_TEXT_MAX } from '../../utils/domain/model';
import { onlyNoTime, reviewFromPlan } from '../../utils/domain/review';
import { SELF_COACHEE_ID } from '../../utils/domain/session-list';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { t } from '../../utils/platform/i18n';
import { coacheesStore, partStore, recentSessionsStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { LimitedText } from '../shared/LimitedText';
import { SaveStatus } from '../shared/SaveStatus';

/**
 * The next session opens with the last plan: each step done or not, and for
 * what stalled, what held the coachee back and what they dreaded. When an
 * answer says only "no time", it asks, with curiosity, what was behind it.
 */
export function ReviewCard({ sessionId, previousId }: { sessionId: string; previousId: string }) {
  const previousPlan = useStored(partStore('plan', previousId));
  const review = useStored(partStore('review', sessionId), { debounceMs: 400 });
  // The sessions near the active one (the background's small record): never the whole list.
  const recent = useStored(recentSessionsStore);
  const coachees = useStored(coacheesStore);

  // Build or refresh the card from the previous plan once both are loaded.
  useSignalEffect(() => {
    if (!previousPlan.loaded.value || !review.loaded.value) return;
    const plan = previousPlan.value.value;
    const current = review.value.peek();
    const next = reviewFromPlan(previousId, plan, current);
    if (plan.length > 0 && !sameJson(next, current)) review.set(next);
  });

  const card = review.value.value;
  // A review that came with the coachee's card shows even when the coach has no plan of that month to match it to.
  const matches = card?.fromSessionId === previousId || (previousPlan.loaded.value && previousPlan.value.value.length === 0);
  if (!card || !matches || card.items.length === 0) return null;
  const coacheeId = recent.value.value.sessions.find((s) => s.id === sessionId)?.coacheeId;
  const name = coacheeLabel(coachees.value.value.find((c) => c.id === coacheeId)?.name);
  const update = (stepId: string, patch: Partial<ReviewItem>) => {
    const value = review.value.peek();
    if (value) review.set({ ...value, items: value.items.map((i) => (i.stepId === stepId ? { ...i, ...patch } : i)) });
  };

  return (
    <section class="card" aria-labelledby="review-heading">
      <p class="small muted">{t('reviewHelp')}</p>
      <ol class="review">
        {card.items.map((item, index) => (
          <li key={item.stepId}>
            <ReviewItemFields item={item} index={index} name={name} own={!coacheeId || coacheeId === SELF_COACHEE_ID} update={update} />
          </li>
        ))}
      </ol>
      {card.coacheeRootCause && <p class="coachee-said small prewrap">{t('reviewCoacheeRootCause', name, card.coacheeRootCause)}</p>}
      <LimitedText
        id="review-root"
        label={t('reviewRootCause')}
        value={card.rootCause}
        max={TOPIC_TEXT_MAX}
        multiline
        rows={2}
        onChange={(rootCause) => {
          const value = review.value.peek();
          if (value) review.set({ ...value, rootCause });
        }}
      />
      <SaveStatus bridges={[review]} />
    </section>
  );
}

/** A review mark in words. */
const markWord = (mark: ReviewItem['status']) =>
  mark === 'done' ? t('reviewDone') : mark === 'partly' ? t('reviewPartly') : t('reviewNot');

/** One step of last month's plan: what the coachee said, how far it got, and (not done) what held them back and what they dread. */
function ReviewItemFields({
  item,
  index,
  name,
  own,
  update,
}: {
  item: ReviewItem;
  index: number;
  name: string;
  /** The person's own session (no coachee): the fields are their own answers, not the coach's note. */
  own: boolean;
  update: (stepId: string, patch: Partial<ReviewItem>) => void;
}) {
  return (
    <fieldset>
      <legend class="prewrap">{item.text}</legend>
      {item.coachee && (
        <div class="coachee-said small">
          <p>{t('reviewCoacheeMark', name, markWord(item.coachee.mark))}</p>
          {/* Words on a step they did are their words on it, not what held them back. */}
          {item.coachee.heldBack && (
            <p class="prewrap">{t(item.coachee.mark === 'done' ? 'reviewCoacheeWords' : 'reviewCoacheeHeldBack', item.coachee.heldBack)}</p>
          )}
          {item.coachee.dreading && <p class="prewrap">{t('reviewCoacheeDreading', item.coachee.dreading)}</p>}
        </div>
      )}
      <div class="row wrap" role="radiogroup" aria-label={t('reviewStatusLabel', item.text)}>
        {(['done', 'partly', 'not'] as const).map((status) => (
          <label class="check inline" key={status}>
            <input
              type="radio"
              name={`review-${index}`}
              checked={item.status === status}
              onChange={() => update(item.stepId, { status })}
            />
            {markWord(status)}
          </label>
        ))}
      </div>
      {item.status !== 'done' && (
        <>
          <LimitedText
            id={`held-${index}`}
            label={t(own ? 'reviewHeldBack' : 'reviewCoachHeldBack')}
            value={item.heldBack}
            max={TOPIC_TEXT_MAX}
            multiline
            rows={2}
            onChange={(heldBack) => update(item.stepId, { heldBack })}
          />
          <div aria-live="polite">{onlyNoTime(item.heldBack) && <p class="hint">{t('reviewNoTimeFollowUp')}</p>}</div>
          <LimitedText
            id={`dread-${index}`}
            label={t(own ? 'reviewDreading' : 'reviewCoachDreading')}
            value={item.dreading}
            max={TOPIC_TEXT_MAX}
            multiline
            rows={2}
            onChange={(dreading) => update(item.stepId, { dreading })}
          />
        </>
      )}
    </fieldset>
  );
}
