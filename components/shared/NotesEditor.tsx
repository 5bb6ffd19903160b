import type { ReadonlySignal } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import { NOTES_MAX } from '../../utils/domain/model';
import { formatDuration, type TimerView } from '../../utils/domain/timer';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { partStore } from '../../utils/platform/storage';
import { useAltKeys } from '../hooks/useAltKeys';
import { useStored } from '../hooks/useStored';
import { LimitedText } from './LimitedText';
import { SaveStatus } from './SaveStatus';

/**
 * The coach's notes for a session: saved as typed (at most about one write a
 * second), flushed when the panel is hidden or closed, merged with another
 * window's edits without losing either, with time markers for a timeline.
 */
export function NotesEditor({
  sessionId,
  view,
  phaseTitle = () => '',
}: {
  sessionId: string;
  /** The live clock, for time markers; without it (reading a past session) markers carry only the time. */
  view?: ReadonlySignal<TimerView>;
  phaseTitle?: () => string;
}) {
  const notes = useStored(partStore('notes', sessionId), { debounceMs: 500, maxWaitMs: 1500, conflictMarker: t('notesConflict') });
  const field = useRef<HTMLTextAreaElement>(null);
  const timeFormat = useMemo(() => new Intl.DateTimeFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit' }), []);

  const insertMarker = () => {
    const current = view?.peek();
    const time = timeFormat.format(new Date());
    const marker =
      // Before the start and after the end, a marker carries only the time of day: no clock runs.
      !current || current.status === 'idle' || current.status === 'ended'
        ? t('notesMarkerIdle', time)
        : t('notesMarkerText', time, phaseTitle(), formatDuration(current.sessionElapsedMs));
    const el = field.current;
    const text = notes.value.peek();
    const at = el ? el.selectionStart : text.length;
    const before = text.slice(0, at);
    const after = text.slice(el ? el.selectionEnd : at);
    const lead = before === '' || before.endsWith('\n') ? '' : '\n';
    const insert = `${lead}${marker}\n`;
    if (before.length + insert.length + after.length > NOTES_MAX) return;
    notes.set(before + insert + after);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.selectionStart = el.selectionEnd = before.length + insert.length;
    });
  };

  useAltKeys({ KeyM: insertMarker });

  return (
    <section class="card notes" aria-labelledby="notes-heading">
      <div class="card-head">
        <h2 id="notes-heading">{t('notesHeading')}</h2>
        <button type="button" onClick={insertMarker} aria-keyshortcuts="Alt+M">
          {t('notesMarker')}
        </button>
      </div>
      <p class="small muted">{t('notesHelp')}</p>
      <LimitedText
        id="session-notes"
        label={t('notesLabel')}
        value={notes.value}
        max={NOTES_MAX}
        multiline
        rows={10}
        inputRef={field}
        onChange={(text) => notes.set(text)}
      />
      <SaveStatus bridges={[notes]} />
    </section>
  );
}
