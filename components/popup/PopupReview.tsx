import { TOPIC_TEXT_MAX } from '../../utils/domain/model';
import { reviewFromPlan } from '../../utils/domain/review';
import { t } from '../../utils/platform/i18n';
import { partStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { LimitedText } from '../shared/LimitedText';

/**
 * The coachee's own look at the last plan, written with the next pre-work:
 * for each step not done, what held them back and what they were dreading.
 * Kept in the new session's review (the marks stay on the old plan), and sent
 * with the pre-work card.
 */
export function PopupReview({ sessionId, planSessionId }: { sessionId: string; planSessionId: string }) {
  const plan = useStored(partStore('plan', planSessionId));
  const review = useStored(partStore('review', sessionId), { debounceMs: 400 });
  const open = plan.value.value.filter((s) => !s.done);
  if (!plan.loaded.value || open.length === 0) return null;
  const answers = new Map((review.value.value?.fromSessionId === planSessionId ? review.value.value.items : []).map((i) => [i.stepId, i]));
  const answer = (stepId: string, patch: { heldBack?: string; dreading?: string }) => {
    const base = reviewFromPlan(planSessionId, plan.value.peek(), review.value.peek());
    review.set({ ...base, items: base.items.map((i) => (i.stepId === stepId ? { ...i, ...patch } : i)) });
  };
  return (
    <section class="card" aria-labelledby="popup-review-heading">
      <h2 id="popup-review-heading">{t('reviewHeading')}</h2>
      <p class="small muted">{t('popupReviewHelp')}</p>
      {open.map((step, index) => (
        <fieldset key={step.id}>
          <legend class="prewrap">{step.text}</legend>
          <LimitedText
            id={`popup-held-${index}`}
            label={t('reviewHeldBack')}
            value={answers.get(step.id)?.heldBack ?? ''}
            max={TOPIC_TEXT_MAX}
            multiline
            rows={2}
            onChange={(heldBack) => answer(step.id, { heldBack })}
          />
          <LimitedText
            id={`popup-dread-${index}`}
            label={t('reviewDreading')}
            value={answers.get(step.id)?.dreading ?? ''}
            max={TOPIC_TEXT_MAX}
            multiline
            rows={2}
            onChange={(dreading) => answer(step.id, { dreading })}
          />
        </fieldset>
      ))}
    </section>
  );
}
