import { useSignal } from '@preact/signals';
import type { CardProblem } from '../../utils/domain/card';
import { type CardPreview, previewCard, takeInCard } from '../../utils/platform/cards';
import { t } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';

/** Words for why a card was refused. */
export function cardProblemText(problem: CardProblem): string {
  switch (problem.kind) {
    case 'tooLarge':
      return t('cardProblemTooLarge', problem.bytes);
    case 'noCard':
      return t('cardProblemNoCard');
    case 'futureVersion':
      return t('cardProblemFuture', problem.version);
    case 'damaged':
      return t('cardProblemDamaged');
    case 'unsafeKey':
      return t('cardProblemUnsafe', problem.key);
    case 'invalid':
      return t('cardProblemInvalid', problem.detail);
  }
}

/** What taking a card in would change, in words. */
function previewLines(preview: CardPreview): string[] {
  if (preview.card.kind === 'prework' && 'coacheeIsNew' in preview.intake) {
    const { intake } = preview;
    return [
      intake.coacheeIsNew ? t('cardPreviewNewCoachee', intake.coachee.name) : t('cardPreviewCoachee', intake.coachee.name),
      `${t('summaryTopic')}: ${intake.topic.title}`,
      intake.sessionIsNew ? t('cardPreviewNewSession') : t('cardPreviewUpcoming'),
    ];
  }
  const card = preview.card;
  return card.kind === 'plan'
    ? [
        t('cardPreviewPlan', tn('cardPreviewSteps', card.plan.length), tn('cardPreviewHomework', card.homework.length)),
        ...card.plan.map((s) => `• ${s.text}`),
      ]
    : [];
}

/**
 * One place to take a card in: paste it (or open its file), see what would
 * change, then confirm. Nothing is written before the confirmation; a card
 * that differs from what is there asks to replace it; text is shown as text.
 */
export function CardInbox({ id }: { id: string }) {
  const text = useSignal('');
  const preview = useSignal<CardPreview | null>(null);
  const problem = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);

  const check = async (source: string) => {
    done.value = null;
    preview.value = null;
    const read = await previewCard(source);
    if (!read.ok) {
      problem.value = cardProblemText(read.problem);
      return;
    }
    problem.value = null;
    preview.value = read.preview;
  };
  const onFile = (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > 64 * 1024) {
      problem.value = cardProblemText({ kind: 'tooLarge', bytes: file.size });
      return;
    }
    file.text().then(
      (content) => {
        text.value = content;
        void check(content);
      },
      (err: unknown) => (problem.value = t('cardFileRead', err instanceof Error ? err.message : String(err))),
    );
  };
  const confirm = async () => {
    const current = preview.value;
    if (!current) return;
    await takeInCard(current);
    preview.value = null;
    text.value = '';
    done.value = t('cardTaken');
  };

  const shown = preview.value;
  return (
    <div class="card-inbox">
      <div class="field">
        <label for={`${id}-paste`}>{t('cardInboxLabel')}</label>
        <textarea
          id={`${id}-paste`}
          rows={4}
          value={text.value}
          onInput={(e) => (text.value = (e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-file`}>{t('cardInboxFile')}</label>
        <input id={`${id}-file`} type="file" accept=".txt,text/plain" onChange={onFile} />
      </div>
      <button type="button" onClick={() => void check(text.value)} disabled={!text.value.trim()}>
        {t('cardCheck')}
      </button>
      {problem.value && (
        <p role="alert" class="problem">
          {problem.value}
        </p>
      )}
      {shown && (
        <fieldset class="preview">
          <legend class="sr-only">{t('cardCheck')}</legend>
          {previewLines(shown).map((line) => (
            <p key={line} class="prewrap">
              {line}
            </p>
          ))}
          {shown.intake.status === 'same' && <p>{t('cardSame')}</p>}
          {shown.intake.status === 'replaces' && <p class="warning">{t('cardReplaces')}</p>}
          <div class="controls">
            {shown.intake.status !== 'same' && (
              <button type="button" class="primary" onClick={() => void confirm()}>
                {shown.intake.status === 'replaces' ? t('cardReplace') : t('cardTakeIn')}
              </button>
            )}
            <button type="button" onClick={() => (preview.value = null)}>
              {t('cardCancel')}
            </button>
          </div>
        </fieldset>
      )}
      <p role="status" class="small">
        {done.value}
      </p>
    </div>
  );
}
