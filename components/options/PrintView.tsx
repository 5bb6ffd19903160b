import type { DataSet, SessionRecord } from '../../utils/domain/backup';
import { coacheeName, type ExportScope, sessionsIn } from '../../utils/domain/export-scope';
import { timerView } from '../../utils/domain/timer';
import { firstStartAt } from '../../utils/domain/timer-log';
import { localDefaultTemplate } from '../../utils/platform/default-template';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { markdownLabels } from '../../utils/platform/markdown-labels';

/** Sessions laid out for paper: the browser's "Save as PDF" gives a clean document. User text is text nodes only. */
export function PrintView({ data, scope }: { data: DataSet; scope: ExportScope }) {
  const sessions = sessionsIn(data, scope);
  return (
    <main class="print">
      <div class="no-print controls">
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('printButton')}
        </button>
      </div>
      {sessions.length === 0 && <p>{t('exportNothing')}</p>}
      {sessions.map((s) => (
        <PrintSession key={s.meta.id} session={s} coachee={coacheeName(data, s.meta.coacheeId, t('coacheeSelf'))} />
      ))}
    </main>
  );
}

function PrintSession({ session, coachee }: { session: SessionRecord; coachee: string }) {
  const l = markdownLabels();
  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' });
  const started = firstStartAt(session.timer) ?? session.meta.createdAt;
  const view = timerView(session.timer, session.agenda ?? localDefaultTemplate().phases, Date.now());
  const mins = (ms: number) => l.minutes(Math.round(ms / 60_000));
  const weekly = session.homework.reduce((sum, a) => sum + a.minutesPerWeek, 0);
  return (
    <article class="print-session">
      <h1>{l.title(dateFormat.format(started), coachee)}</h1>
      <h2>{l.prework}</h2>
      <p>
        <strong>{l.topic}:</strong> {session.topic.title || l.none}
      </p>
      {session.topic.difficulty && (
        <p class="prewrap">
          <strong>{l.difficulty}:</strong> {session.topic.difficulty}
        </p>
      )}
      {session.topic.outcome && (
        <p class="prewrap">
          <strong>{l.outcome}:</strong> {session.topic.outcome}
        </p>
      )}
      <h2>{l.agenda}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{l.phase}</th>
            <th scope="col">{l.planned}</th>
            <th scope="col">{l.actual}</th>
          </tr>
        </thead>
        <tbody>
          {view.phases.map((p) => (
            <tr key={p.id}>
              <td>{p.title}</td>
              <td>{mins(p.plannedMs)}</td>
              <td>{mins(p.actualMs)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{l.total}</th>
            <td>{mins(view.sessionMs)}</td>
            <td>{mins(view.sessionElapsedMs)}</td>
          </tr>
        </tbody>
      </table>
      <h2>{l.notes}</h2>
      <p class="prewrap">{session.notes || l.none}</p>
      <h2>{l.plan}</h2>
      {session.plan.length === 0 ? (
        <p>{l.none}</p>
      ) : (
        <ul>
          {session.plan.map((step) => (
            <li key={step.id} class="prewrap">
              {step.done ? '☑' : '☐'} {step.text}
            </li>
          ))}
        </ul>
      )}
      <h2>{l.homework(weekly)}</h2>
      {session.homework.length === 0 ? (
        <p>{l.none}</p>
      ) : (
        <ul>
          {session.homework.map((a) => (
            <li key={a.id}>
              {a.kind === 'exercise' ? l.exercise : l.reading}: {a.title} ({l.perWeek(a.minutesPerWeek)})
            </li>
          ))}
        </ul>
      )}
      {session.review && (
        <>
          <h2>{l.review}</h2>
          <ul>
            {session.review.items.map((item) => (
              <li key={item.stepId}>
                {item.text}: {l.status[item.status]}
                {item.heldBack && <p class="prewrap">{`${l.heldBack}: ${item.heldBack}`}</p>}
                {item.dreading && <p class="prewrap">{`${l.dreading}: ${item.dreading}`}</p>}
              </li>
            ))}
          </ul>
          {session.review.rootCause && <p class="prewrap">{`${l.rootCause}: ${session.review.rootCause}`}</p>}
        </>
      )}
      {(session.wrapUp.feedback || session.wrapUp.nextSessionAt !== null) && (
        <>
          <h2>{l.feedback}</h2>
          {session.wrapUp.feedback && <p class="prewrap">{session.wrapUp.feedback}</p>}
          {session.wrapUp.nextSessionAt !== null && <p>{`${l.nextSession}: ${dateFormat.format(session.wrapUp.nextSessionAt)}`}</p>}
        </>
      )}
    </article>
  );
}
