import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { PlainMail } from '../../utils/domain/mail/compose';
import { mailtoLink } from '../../utils/domain/mail/mailto';
import { copyText } from '../../utils/platform/clipboard';
import { t } from '../../utils/platform/i18n';

/**
 * Send a plain mail from the coach's own mail program: a `mailto:` link (its
 * body cut at a line to what mail programs accept; the rest goes to the
 * clipboard on the click, and the page says so), Copy, and the text itself to
 * read. The mail is made ahead (whenever `inputs` change), so both run inside
 * the click.
 */
export function MailSend({ id, make, inputs }: { id: string; make: () => Promise<PlainMail>; inputs: unknown[] }) {
  const mail = useSignal<PlainMail | null>(null);
  const message = useSignal<string | null>(null);
  useEffect(() => {
    let live = true;
    void make().then((made) => {
      if (live) mail.value = made;
    });
    return () => {
      live = false;
    };
  }, inputs);

  const current = mail.value;
  const link = current ? mailtoLink(current) : null;
  const failed = (err: unknown) => (message.value = t('copyFailed', err instanceof Error ? err.message : String(err)));
  const onOpen = () => {
    if (link?.rest) copyText(link.rest).then(() => (message.value = t('mailRestCopied')), failed);
  };
  const onCopy = () => {
    if (current) copyText(current.body).then(() => (message.value = t('mailCopied')), failed);
  };
  return (
    <div class="card-send">
      <div class="controls">
        {link && (
          <a class="button-link" href={link.href} onClick={onOpen} target="_blank" rel="noreferrer">
            {t('mailOpen')}
          </a>
        )}
        <button type="button" onClick={onCopy} disabled={!current}>
          {t('mailCopy')}
        </button>
      </div>
      <p role="status" class="small muted">
        {message.value}
      </p>
      {current && (
        <details class="card-preview">
          <summary>{t('mailText', current.subject)}</summary>
          <textarea
            id={`${id}-text`}
            class="card-text"
            readonly
            rows={10}
            aria-label={t('mailText', current.subject)}
            value={current.body}
          />
        </details>
      )}
    </div>
  );
}
