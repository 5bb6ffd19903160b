import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  answersAnything,
  answersOf,
  answersPlan,
  answersPrework,
  byPlanWeeks,
  type MailAnswers,
  planWeeksBy,
  weekOfPlan,
} from '../../utils/domain/mail/intake';
import type { MailProblem } from '../../utils/domain/mail/reader';
import { MINUTES_PER_WEEK_MAX, TOPIC_TEXT_MAX, TOPIC_TITLE_MAX } from '../../utils/domain/model';
import type { StepMark } from '../../utils/domain/plan-progress';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { formatDay } from '../../utils/platform/dates';
import { t } from '../../utils/platform/i18n';
import { type MailPreview, previewMail, takeInMail } from '../../utils/platform/mail/exchange';
import { IntakeControls } from './IntakeControls';

/** Words for why a pasted text was refused as a reply. */
function mailProblemText(problem: MailProblem): string {
  return problem.kind === 'tooLarge' ? t('mailProblemTooLarge', problem.bytes) : t('mailProblemNotReply');
}

const MARKS: { value: StepMark; key: 'reviewDone' | 'reviewPartly' | 'reviewNot' }[] = [
  { value: 'done', key: 'reviewDone' },
  { value: 'partly', key: 'reviewPartly' },
  { value: 'not', key: 'reviewNot' },
];

/**
 * A coachee's reply to one of our mails, read into an editable preview: each
 * field with the text found or "not found", the text that answers nothing
 * shown as it is, whose reply it is. Nothing is written before the coach
 * confirms. Loaded on demand by the card inbox.
 */
export function MailReplyPreview({
  id,
  text,
  onDone,
  onCancel,
}: {
  id: string;
  text: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const preview = useSignal<MailPreview | null>(null);
  const problem = useSignal<string | null>(null);
  const answers = useSignal<MailAnswers | null>(null);
  const coacheeId = useSignal('');
  const hint = useSignal<string | null>(null);

  useEffect(() => {
    let live = true;
    void previewMail(text).then((read) => {
      if (!live) return;
      if (!read.ok) {
        problem.value = mailProblemText(read.problem);
        return;
      }
      preview.value = read.preview;
      answers.value = byPlanWeeks(answersOf(read.preview.reading, read.preview.kind, read.preview.planAt), Date.now());
      coacheeId.value = read.preview.coacheeId ?? '';
    });
    return () => {
      live = false;
    };
  }, [text]);

  if (problem.value)
    return (
      <p role="alert" class="problem">
        {problem.value}
      </p>
    );
  const shown = preview.value;
  const a = answers.value;
  if (!shown || !a) return null;
  const reading = shown.reading;
  const set = (patch: Partial<MailAnswers>) => (answers.value = { ...a, ...patch });
  const notFound = (found: boolean) => (found ? null : <span class="small muted"> ({t('mailNotFound')})</span>);
  const coachee = shown.coachees.find((c) => c.id === coacheeId.value);
  const name = coachee ? coacheeLabel(coachee.name) : '';
  const topicAsked = shown.kind === 'ask' || reading.title !== null || reading.difficulty !== null || reading.outcome !== null;
  // The topic offered from the coachee's words that answered nothing (not found under a question or label).
  const offered = reading.title === null && a.title !== '';
  const minutesLabel = (title: string, week: number | null) =>
    week === null
      ? t('mailMinutesThisWeek', title)
      : t('mailMinutesWeek', title, week, formatDay(weekOfPlan(week, shown.planAt, Date.now())));
  // Whether the reply gave minutes for this week (minutes for no named week are the current week's).
  const current = a.planAt == null ? null : Math.min(12, planWeeksBy(a.planAt, Date.now()));
  const readWeek = (i: number, week: number | null) =>
    (reading.minutes[i]?.weeks ?? []).some((x) => x.week === week || (x.week === null && week === current));
  // Only what will change: the topic when there is one, the plan when the reply carries marks, minutes or words on it.
  const will = [
    ...(shown.kind === 'ask' || answersPrework(a) ? [t('mailWillTopic', name)] : []),
    ...(answersPlan(a) ? [t('mailWillPlan', name)] : []),
  ].join(' ');

  const confirm = async () => {
    if (!coacheeId.value) {
      hint.value = t('mailChooseFirst');
      return;
    }
    const taken = await takeInMail(shown, a, coacheeId.value);
    onDone(taken.same ? t('mailSame') : t('mailTaken'));
  };

  return (
    <fieldset class="preview mail-preview">
      <legend>{shown.kind === 'ask' ? t('mailReplyAsk') : t('mailReplyPlan')}</legend>
      <div class="field">
        <label for={`${id}-who`}>{t('mailReplyWho')}</label>
        <select id={`${id}-who`} value={coacheeId.value} onChange={(e) => (coacheeId.value = (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('mailReplyChoose')}</option>
          {shown.coachees.map((c) => (
            <option key={c.id} value={c.id}>
              {coacheeLabel(c.name)}
            </option>
          ))}
        </select>
      </div>
      {topicAsked && (
        <>
          <div class="field">
            <label for={`${id}-title`}>
              {t('summaryTopic')}
              {offered ? <span class="small muted"> ({t('mailTopicOffered')})</span> : notFound(reading.title !== null)}
            </label>
            <input
              id={`${id}-title`}
              type="text"
              maxLength={TOPIC_TITLE_MAX}
              value={a.title}
              onInput={(e) => set({ title: (e.currentTarget as HTMLInputElement).value })}
            />
          </div>
          <div class="field">
            <label for={`${id}-difficulty`}>
              {t('summaryDifficulty')}
              {notFound(reading.difficulty !== null)}
            </label>
            <textarea
              id={`${id}-difficulty`}
              rows={3}
              maxLength={TOPIC_TEXT_MAX}
              value={a.difficulty}
              onInput={(e) => set({ difficulty: (e.currentTarget as HTMLTextAreaElement).value })}
            />
          </div>
          <div class="field">
            <label for={`${id}-outcome`}>
              {t('summaryOutcome')}
              {notFound(reading.outcome !== null)}
            </label>
            <textarea
              id={`${id}-outcome`}
              rows={2}
              maxLength={TOPIC_TEXT_MAX}
              value={a.outcome}
              onInput={(e) => set({ outcome: (e.currentTarget as HTMLTextAreaElement).value })}
            />
          </div>
        </>
      )}
      {a.steps.map((step, i) => (
        <div key={step.n} class="field">
          <label for={`${id}-step-${step.n}`}>
            {t('mailStep', step.n, step.text)}
            {notFound(reading.steps[i]?.mark != null)}
          </label>
          <select
            id={`${id}-step-${step.n}`}
            value={step.mark ?? ''}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLSelectElement).value;
              set({ steps: a.steps.map((s) => (s.n === step.n ? { ...s, mark: value ? (value as StepMark) : null } : s)) });
            }}
          >
            <option value="">{t('mailNotFound')}</option>
            {MARKS.map((m) => (
              <option key={m.value} value={m.value}>
                {t(m.key)}
              </option>
            ))}
          </select>
          {step.note && (
            <>
              <label for={`${id}-note-${step.n}`}>{t('mailStepNote', step.n)}</label>
              <textarea
                id={`${id}-note-${step.n}`}
                rows={2}
                maxLength={TOPIC_TEXT_MAX}
                value={step.note}
                onInput={(e) => {
                  const note = (e.currentTarget as HTMLTextAreaElement).value;
                  set({ steps: a.steps.map((s) => (s.n === step.n ? { ...s, note } : s)) });
                }}
              />
            </>
          )}
        </div>
      ))}
      {(a.steps.length > 0 || reading.heldBack !== null) && (
        <div class="field">
          <label for={`${id}-held-back`}>
            {t('reviewHeldBack')}
            {notFound(reading.heldBack !== null)}
          </label>
          <textarea
            id={`${id}-held-back`}
            rows={2}
            maxLength={TOPIC_TEXT_MAX}
            value={a.heldBack}
            onInput={(e) => set({ heldBack: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </div>
      )}
      {a.minutes.map((m, i) =>
        m.weeks.map((w, k) => (
          <div key={`${m.n}-${w.week ?? 'now'}`} class="field">
            <label for={`${id}-minutes-${m.n}-${k}`}>
              {minutesLabel(m.text, w.week)}
              {notFound(readWeek(i, w.week))}
            </label>
            <input
              id={`${id}-minutes-${m.n}-${k}`}
              type="number"
              min={0}
              max={MINUTES_PER_WEEK_MAX * 10}
              step={5}
              value={w.minutes ?? ''}
              onInput={(e) => {
                const raw = (e.currentTarget as HTMLInputElement).value;
                const value = raw === '' ? null : Number(raw);
                const minutes = Number.isFinite(value) ? value : null;
                set({
                  minutes: a.minutes.map((x) =>
                    x.n === m.n ? { ...x, weeks: x.weeks.map((y, j) => (j === k ? { ...y, minutes } : y)) } : x,
                  ),
                });
              }}
            />
          </div>
        )),
      )}
      {reading.unplaced.length > 0 && (
        <div class="unplaced">
          <p class="small">{t('mailUnplaced')}</p>
          {reading.unplaced.map((para, i) => (
            <blockquote key={i} class="prewrap small">
              {para}
            </blockquote>
          ))}
        </div>
      )}
      {!answersAnything(a) && <p class="warning">{t('mailNothing')}</p>}
      {coachee && will && <p class="small">{will}</p>}
      {hint.value && (
        <p role="alert" class="problem">
          {hint.value}
        </p>
      )}
      <IntakeControls
        takeIn={{ label: t('cardTakeIn'), disabled: !answersAnything(a), onClick: () => void confirm() }}
        onCancel={onCancel}
      />
    </fieldset>
  );
}
