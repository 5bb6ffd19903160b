import { type Signal, useSignal } from '@preact/signals';
import type { CardProblem } from '../../utils/domain/card-format';
import type { FieldChange, Shown } from '../../utils/domain/card-intake';
import { minutesByWeek } from '../../utils/domain/plan-progress';
import { type CardPreview, previewCard, takeInCard } from '../../utils/platform/card-exchange';
import { formatDay, formatSessionDate } from '../../utils/platform/dates';
import { t } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';
import { lazyModule, useLazy } from '../hooks/useLazy';
import { IntakeControls } from './IntakeControls';

/** Reading a mail reply: loaded the first time a pasted text is not a card. */
const mailReplyPreview = lazyModule(() => import('./MailReplyPreview').then((m) => m.MailReplyPreview));
/** Largest file opened (a saved mail with its HTML part is larger than a card; the card and mail readers check their own limits). */
const FILE_MAX_BYTES = 256 * 1024;

/** Words for why a card was refused. */
function cardProblemText(problem: CardProblem): string {
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

/** What taking a card in would do, in words. */
function previewLines(preview: CardPreview): string[] {
  if (preview.card.kind === 'prework' && 'coacheeIsNew' in preview.intake) {
    const { intake } = preview;
    const lines = [
      intake.coacheeIsNew ? t('cardPreviewNewCoachee', intake.coachee.name) : t('cardPreviewCoachee', intake.coachee.name),
      `${t('summaryTopic')}: ${intake.topic.title}`,
      intake.sessionIsNew ? t('cardPreviewNewSession') : intake.sessionRan ? t('cardPreviewSessionRan') : t('cardPreviewUpcoming'),
    ];
    const progress = preview.card.progress;
    if (progress) {
      const done = progress.steps.filter((s) => s.mark === 'done').length;
      const partly = progress.steps.filter((s) => s.mark === 'partly').length;
      const minutes = Object.values(minutesByWeek(progress)).reduce((a, b) => a + b, 0);
      lines.push(t('cardPreviewProgress', done, progress.steps.length, partly, minutes));
    }
    return lines;
  }
  const card = preview.card;
  if (card.kind !== 'plan' || !('sessionIsNew' in preview.intake)) return [];
  return [
    t('cardPreviewPlan', tn('cardPreviewSteps', card.plan.length), tn('cardPreviewHomework', card.homework.length)),
    ...(preview.intake.sessionIsNew ? [t('cardPreviewPlanNewSession')] : []),
    ...card.plan.map((s) => `• ${s.text}`),
  ];
}

const MARK_WORDS = { done: 'reviewDone', partly: 'reviewPartly', not: 'reviewNot' } as const;

/** A value in a change, in words. */
function shown(change: FieldChange, value: Shown): string {
  if (value === null || value === '') return t('cardChangeNone');
  if (typeof value !== 'string') return formatSessionDate(value);
  if ((change.field === 'stepMark' || change.field === 'reviewStatus') && value in MARK_WORDS)
    return t(MARK_WORDS[value as keyof typeof MARK_WORDS]);
  if (change.field === 'minutes' || change.field === 'perWeek') return t('cardMinutes', value);
  return value;
}

/** What a change is about, in words. */
function changeLabel(change: FieldChange): string {
  const item = change.item ?? '';
  switch (change.field) {
    case 'title':
      return t('summaryTopic');
    case 'difficulty':
      return t('summaryDifficulty');
    case 'outcome':
      return t('summaryOutcome');
    case 'stepAdded':
      return t('cardChangeStepAdded');
    case 'stepRemoved':
      return t('cardChangeStepRemoved');
    case 'homeworkAdded':
      return t('cardChangeHomeworkAdded');
    case 'homeworkRemoved':
      return t('cardChangeHomeworkRemoved');
    case 'perWeek':
      return t('cardChangePerWeek', item);
    case 'feedback':
      return t('wrapFeedbackLabel');
    case 'next':
      return t('cardNextSession');
    case 'stepMark':
      return t('cardChangeStepMark', item);
    case 'minutes':
      return t('cardChangeMinutes', item, formatDay(change.week ?? ''));
    case 'reviewStatus':
      return t('cardChangeReviewStatus', item);
  }
}

/** The changes, field by field: what is there now, and what it would become. */
function ChangeList({ changes }: { changes: readonly FieldChange[] }) {
  if (changes.length === 0) return null;
  return (
    <div class="changes">
      <h3 class="small">{t('cardChangesHeading')}</h3>
      <ul>
        {changes.map((change, i) => (
          <li key={i}>
            <strong>{changeLabel(change)}</strong>
            <br />
            <span class="prewrap">{t('cardChangeWas', shown(change, change.before))}</span>
            <br />
            <span class="prewrap">{t('cardChangeBecomes', shown(change, change.after))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One place to take a card in: paste it (or open its file), see what would
 * change, then confirm. Nothing is written before the confirmation; a card
 * that differs from what is there asks to replace it; text is shown as text.
 */
export function CardInbox({
  id,
  onPlan,
  replies = true,
}: {
  id: string;
  /** Called when a plan card has been taken in. */
  onPlan?: () => void;
  /** Whether replies to our mails come here too (the coach's inboxes), so the words name them; the coachee's takes cards. */
  replies?: boolean;
}) {
  const text = useSignal('');
  const preview = useSignal<CardPreview | null>(null);
  const problem = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  /** A pasted text that is no card: read as a reply to one of our mails. */
  const mail = useSignal<string | null>(null);
  const MailReplyPreview = useLazy(mailReplyPreview, mail.value !== null);

  const check = async (source: string) => {
    done.value = null;
    preview.value = null;
    mail.value = null;
    if (!source.includes('sidecoach-card.')) {
      problem.value = null;
      mail.value = source;
      return;
    }
    const read = await previewCard(source);
    if (!read.ok) {
      problem.value = cardProblemText(read.problem);
      return;
    }
    problem.value = null;
    preview.value = read.preview;
  };
  const confirm = async () => {
    const chosen = preview.value;
    if (!chosen) return;
    await takeInCard(chosen);
    if (chosen.card.kind === 'plan') onPlan?.();
    preview.value = null;
    text.value = '';
    done.value = t('cardTaken');
  };

  const current = preview.value;
  return (
    <div class="card-inbox">
      {replies && <p class="small muted">{t('cardInboxMailHelp')}</p>}
      <CardSource
        id={id}
        text={text}
        replies={replies}
        onCheck={(source) => void check(source)}
        onProblem={(message) => (problem.value = message)}
      />
      {problem.value && (
        <p role="alert" class="problem">
          {problem.value}
        </p>
      )}
      {current && <CardPreviewView preview={current} onConfirm={() => void confirm()} onCancel={() => (preview.value = null)} />}
      {mail.value !== null && MailReplyPreview && (
        <MailReplyPreview
          key={mail.value}
          id={`${id}-mail`}
          text={mail.value}
          onDone={(message) => {
            mail.value = null;
            text.value = '';
            done.value = message;
          }}
          onCancel={() => (mail.value = null)}
        />
      )}
      <p role="status" class="small">
        {done.value}
      </p>
    </div>
  );
}

/** The pasted text, or a chosen or dropped file (a saved mail or card) read into it, and Check. */
function CardSource({
  id,
  text,
  replies,
  onCheck,
  onProblem,
}: {
  id: string;
  text: Signal<string>;
  replies: boolean;
  onCheck: (source: string) => void;
  onProblem: (message: string) => void;
}) {
  const onFile = (event: Event) => readFile((event.currentTarget as HTMLInputElement).files?.[0]);
  /** A saved mail or card dropped on the paste field is opened like a chosen file (not opened by the browser in the tab). */
  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    readFile(file);
  };
  const readFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > FILE_MAX_BYTES) {
      onProblem(cardProblemText({ kind: 'tooLarge', bytes: file.size }));
      return;
    }
    file.text().then(
      (content) => {
        text.value = content;
        onCheck(content);
      },
      (err: unknown) => onProblem(t('cardFileRead', err instanceof Error ? err.message : String(err))),
    );
  };
  return (
    <>
      <div class="field">
        <label for={`${id}-paste`}>{t(replies ? 'cardInboxLabelReply' : 'cardInboxLabel')}</label>
        <textarea
          id={`${id}-paste`}
          rows={4}
          value={text.value}
          onInput={(e) => (text.value = (e.currentTarget as HTMLTextAreaElement).value)}
          onDrop={onDrop}
        />
      </div>
      <div class="field">
        <label for={`${id}-file`}>{t('cardInboxFile')}</label>
        <input id={`${id}-file`} type="file" accept=".txt,.eml,text/plain,message/rfc822" onChange={onFile} />
      </div>
      <button type="button" onClick={() => onCheck(text.value)} disabled={!text.value.trim()}>
        {t(replies ? 'cardCheckReply' : 'cardCheck')}
      </button>
    </>
  );
}

/** What a card would change, and Take in (or Replace) and Cancel; nothing is written before the click. */
function CardPreviewView({ preview, onConfirm, onCancel }: { preview: CardPreview; onConfirm: () => void; onCancel: () => void }) {
  return (
    <fieldset class="preview">
      <legend class="sr-only">{t('cardCheck')}</legend>
      {previewLines(preview).map((line) => (
        <p key={line} class="prewrap">
          {line}
        </p>
      ))}
      {preview.intake.status === 'same' && <p>{t('cardSame')}</p>}
      {preview.intake.status === 'replaces' && <p class="warning">{t('cardReplaces')}</p>}
      {preview.intake.status === 'replaces' && <ChangeList changes={preview.intake.changes} />}
      <IntakeControls
        takeIn={
          preview.intake.status === 'same'
            ? null
            : { label: preview.intake.status === 'replaces' ? t('cardReplace') : t('cardTakeIn'), onClick: onConfirm }
        }
        onCancel={onCancel}
      />
    </fieldset>
  );
}
