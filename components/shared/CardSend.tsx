import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { cardFileName } from '../../utils/domain/card-format';
import { sessionIcs } from '../../utils/domain/ics';
import { isoDate } from '../../utils/domain/text';
import type { OutgoingCard } from '../../utils/platform/card-exchange';
import { copyText } from '../../utils/platform/clipboard';
import { localZone } from '../../utils/platform/dates';
import { downloadText } from '../../utils/platform/download';
import { t } from '../../utils/platform/i18n';
import { anyPending } from '../../utils/platform/pending-writes';
import { flushAll } from '../../utils/platform/stored-signal';

/**
 * Send a card as a person would: copy it, save it as a file, or open a mail
 * with it; the card is shown as the text the other person gets. The card is
 * made ahead (whenever `inputs` change) for the preview, and made again from
 * what was just typed when it is copied or saved.
 */
export function CardSend({
  id,
  make,
  inputs,
  disabled = false,
  waitingFor,
}: {
  id: string;
  make: () => Promise<OutgoingCard>;
  /** What the card is made from; a change makes it again. */
  inputs: unknown[];
  disabled?: boolean;
  /** While disabled: what the card waits for, said next to the buttons (a greyed-out button alone says nothing). */
  waitingFor?: string;
}) {
  const card = useSignal<OutgoingCard | null>(null);
  const message = useSignal<string | null>(null);
  /** True from a change of `inputs` until the card is made again from them. */
  const stale = useRef(true);
  useEffect(() => {
    let live = true;
    stale.current = true;
    const timer = setTimeout(() => {
      void make().then((made) => {
        if (!live) return;
        card.value = made;
        stale.current = false;
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, inputs);

  const current = card.value;
  const ready = current !== null && !disabled;
  /**
   * The card as it is now: what was typed a moment ago may still wait in a page's
   * debounced write (a date picked, the last words of the feedback), so those are
   * written first and the card made again. Copy and Save then never send a stale card.
   */
  const fresh = async (): Promise<OutgoingCard> => {
    await flushAll();
    const made = await make();
    card.value = made;
    return made;
  };
  /** The usual case: nothing waits and the card made ahead is current, so Copy runs inside the click. */
  const upToDate = (): OutgoingCard | null => (current && !stale.current && !anyPending() ? current : null);
  const onCopy = () => {
    if (!current) return;
    const now = upToDate();
    (now ? copyText(now.text) : fresh().then((made) => copyText(made.text))).then(
      () => (message.value = t('cardCopied')),
      (err: unknown) => (message.value = t('copyFailed', err instanceof Error ? err.message : String(err))),
    );
  };
  const onSave = () => {
    if (!current) return;
    const save = (made: OutgoingCard) => downloadText(cardFileName(made.card, isoDate(Date.now())), made.text, 'text/plain');
    const now = upToDate();
    if (now) save(now);
    else void fresh().then(save);
  };
  const next = current?.card.kind === 'plan' ? current.card.next : null;
  const onIcs = () => {
    if (current?.card.kind !== 'plan' || next === null) return;
    const coach = current.card.from.name.trim();
    downloadText(
      `sidecoach-session-${next.day}.ics`,
      sessionIcs({
        uid: current.card.sessionId,
        when: next,
        localZone: localZone(),
        minutes: 60,
        title: coach ? t('icsTitle', coach) : t('icsTitleNoName'),
        description: t('icsDescription'),
        now: Date.now(),
      }),
      'text/calendar',
    );
  };
  const mailto = current ? `mailto:?subject=${encodeURIComponent(current.subject)}&body=${encodeURIComponent(current.text)}` : undefined;
  return (
    <div class="card-send">
      <div class="controls">
        <button
          type="button"
          class="primary"
          onClick={onCopy}
          disabled={!ready}
          aria-describedby={disabled && waitingFor ? `${id}-waiting` : undefined}
        >
          {t('cardCopy')}
        </button>
        <button type="button" onClick={onSave} disabled={!ready}>
          {t('cardSave')}
        </button>
        {ready && (
          <a class="button-link" href={mailto} target="_blank" rel="noreferrer">
            {t('cardMail')}
          </a>
        )}
        {ready && next !== null && (
          <button type="button" onClick={onIcs}>
            {t('cardIcs')}
          </button>
        )}
      </div>
      {disabled && waitingFor && (
        <p id={`${id}-waiting`} class="small muted">
          {waitingFor}
        </p>
      )}
      <p role="status" class="small muted">
        {message.value}
      </p>
      {current && (
        <details class="card-preview">
          <summary>{current.subject}</summary>
          <textarea id={`${id}-text`} class="card-text" readonly rows={8} aria-label={current.subject} value={current.text} />
        </details>
      )}
    </div>
  );
}
