import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { SessionRecord } from '../../utils/domain/backup';
import { type DocBlock, sessionDocument } from '../../utils/domain/export-markdown';
import type { IndexEntry } from '../../utils/domain/history/session-index';
import { TOPIC_TEXT_MAX } from '../../utils/domain/model';
import { formatSessionDate } from '../../utils/platform/dates';
import { localDefaultTemplate } from '../../utils/platform/default-template';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { markdownLabels } from '../../utils/platform/markdown-labels';
import { deleteSessions, readRecords } from '../../utils/platform/session-repo';
import { partStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';
import { printBlock } from '../shared/DocumentBlock';
import { LimitedText } from '../shared/LimitedText';
import { NotesEditor } from '../shared/NotesEditor';
import { PlanChecklist } from '../shared/PlanChecklist';
import { SaveStatus } from '../shared/SaveStatus';
import { TopicForm } from '../shared/TopicForm';

/**
 * One past session, whole: topic, phases planned and taken, notes, the plan
 * with each step's mark, the homework with its minutes per week, the review
 * (with the coachee's own words), feedback and the next date: read first (the
 * document the export and print view lay out), edited on demand.
 */
export function SessionDetail({ entry, name, date, onBack }: { entry: IndexEntry; name: string; date: string; onBack: () => void }) {
  const editing = useSignal(false);
  const record = useSignal<SessionRecord | null>(null);
  const confirming = useSignal(false);
  useEffect(() => {
    if (editing.value) return;
    let live = true;
    // Read when opened and again after editing, so the page shows what is stored.
    void readRecords([entry.id]).then(({ records: [found] }) => {
      if (live) record.value = found ?? null;
    });
    return () => {
      live = false;
    };
  }, [entry.id, editing.value]);

  const session = record.value;
  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' });
  const doc = session
    ? sessionDocument(session, {
        coacheeName: name,
        defaultAgenda: localDefaultTemplate().phases,
        labels: markdownLabels(),
        formatDate: (ms) => dateFormat.format(ms),
        formatSessionDate,
        now: Date.now(),
      })
    : [];
  return (
    <section aria-labelledby="detail-heading">
      <button type="button" class="link" onClick={onBack}>
        {t('historyBack')}
      </button>
      <h2 id="detail-heading">{t('historySessionHeading', date, name)}</h2>
      <div class="controls">
        <button type="button" aria-pressed={editing.value} onClick={() => (editing.value = !editing.value)}>
          {editing.value ? t('historyDoneEditing') : t('historyEdit')}
        </button>
      </div>
      {editing.value ? (
        <SessionEditor sessionId={entry.id} />
      ) : (
        <article class="session-read">{doc.filter((b) => !(b.kind === 'heading' && b.level === 1)).map(readBlock)}</article>
      )}
      <div class="controls">
        <button type="button" onClick={() => (confirming.value = true)}>
          {t('deleteSession')}
        </button>
        {confirming.value && (
          <>
            <button type="button" class="danger" onClick={() => void deleteSessions([entry.id]).then(onBack)}>
              {t('deleteSessionConfirm')}
            </button>
            <button type="button" onClick={() => (confirming.value = false)}>
              {t('confirmCancel')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

/** A block of the document under the page's own heading (its sections one level down). */
function readBlock(block: DocBlock, i: number) {
  return block.kind === 'heading' ? <h3 key={i}>{block.text}</h3> : printBlock(block, i);
}

/** The session's parts as fields: the topic, the notes, the plan's ticks and the feedback. */
function SessionEditor({ sessionId }: { sessionId: string }) {
  const topic = useStored(partStore('topic', sessionId));
  const plan = useStored(partStore('plan', sessionId));
  const wrapUp = useStored(partStore('wrapUp', sessionId), { debounceMs: 400 });
  return (
    <div class="session-edit">
      <TopicForm topic={topic} idPrefix="history-topic" />
      <NotesEditor sessionId={sessionId} />
      {plan.value.value.length > 0 && (
        <section aria-labelledby="history-plan-heading">
          <h3 id="history-plan-heading">{t('planHeading')}</h3>
          <PlanChecklist plan={plan} />
        </section>
      )}
      <LimitedText
        id="history-feedback"
        label={t('wrapFeedbackLabel')}
        value={wrapUp.value.value.feedback}
        max={TOPIC_TEXT_MAX}
        multiline
        onChange={(feedback) => wrapUp.set({ ...wrapUp.value.peek(), feedback })}
      />
      <SaveStatus bridges={[topic, plan, wrapUp]} />
    </div>
  );
}
