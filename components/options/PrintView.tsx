import type { SessionRecord } from '../../utils/domain/backup';
import { type DocBlock, sessionDocument } from '../../utils/domain/export-markdown';
import { t } from '../../utils/platform/i18n';
import { documentContext } from '../../utils/platform/session-export';

/** Sessions laid out for paper: the browser's "Save as PDF" gives a clean document. User text is text nodes only. */
export function PrintView({
  sessions,
  nameOf,
  unreadable,
}: {
  /** The sessions in the print's scope, oldest first. */
  sessions: readonly SessionRecord[];
  nameOf: (coacheeId: string) => string;
  /** How many of them could not be read whole. */
  unreadable: number;
}) {
  return (
    <main class="print">
      <div class="no-print controls">
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('printButton')}
        </button>
      </div>
      {sessions.length === 0 && <p>{t('exportNothing')}</p>}
      {unreadable > 0 && (
        <p class="no-print" role="status">
          {t('exportUnreadable', String(unreadable))}
        </p>
      )}
      {sessions.map((s) => (
        <PrintSession key={s.meta.id} session={s} coachee={nameOf(s.meta.coacheeId)} />
      ))}
    </main>
  );
}

function PrintSession({ session, coachee }: { session: SessionRecord; coachee: string }) {
  const doc = sessionDocument(session, { ...documentContext(Date.now()), coacheeName: coachee });
  return <article class="print-session">{doc.map(printBlock)}</article>;
}

/** One block of the session's document, laid out for paper (the Markdown export renders the same model). */
export function printBlock(block: DocBlock, i: number) {
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? <h1 key={i}>{block.text}</h1> : <h2 key={i}>{block.text}</h2>;
    case 'field':
      return (
        <p key={i} class={block.block ? 'prewrap' : undefined}>
          <strong>{block.label}:</strong> {block.text}
        </p>
      );
    case 'text':
      return (
        <p key={i} class="prewrap">
          {block.text}
        </p>
      );
    case 'table':
      return (
        <table key={i}>
          <thead>
            <tr>
              {block.head.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((c, k) => (
                  <td key={k}>{c}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{block.total[0]}</th>
              {block.total.slice(1).map((c, k) => (
                <td key={k}>{c}</td>
              ))}
            </tr>
          </tbody>
        </table>
      );
    case 'list':
      return (
        <ul key={i}>
          {block.items.map((item, k) => (
            <li key={k} class="prewrap">
              {item.checked === undefined ? '' : item.checked ? '☑ ' : '☐ '}
              {item.text}
              {item.sub?.map((line) => (
                <p class="prewrap" key={line}>
                  {line}
                </p>
              ))}
            </li>
          ))}
        </ul>
      );
  }
}
