import { type ReadonlySignal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { SessionIndex } from '../../utils/domain/history/session-index';
import type { Coachee } from '../../utils/domain/model';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { deleteCoachee } from '../../utils/platform/coachee-repo';
import { bytesInUse, wipeAll } from '../../utils/platform/data-store';
import { t } from '../../utils/platform/i18n';
import { tn } from '../../utils/platform/plural';

/** Deleting a coachee with their sessions, or everything; each asks first. Shows the storage used. */
export function DataPanel({ index, coachees }: { index: ReadonlySignal<SessionIndex>; coachees: ReadonlySignal<Coachee[]> }) {
  // How much is stored is asked for only when this section is shown.
  const bytes = useSignal<number | undefined>(undefined);
  useEffect(() => {
    void bytesInUse().then((n) => (bytes.value = n));
  }, []);
  const coacheeId = useSignal('');
  const confirming = useSignal<'coachee' | 'all' | null>(null);
  const message = useSignal<string | null>(null);
  const list = coachees.value;
  const chosen = list.find((c) => c.id === coacheeId.value) ?? list[0];
  const chosenName = chosen ? coacheeLabel(chosen.name) : '';
  const count = chosen ? Object.values(index.value.entries).filter((e) => e.coacheeId === chosen.id).length : 0;
  const done = () => {
    confirming.value = null;
    message.value = t('deleted');
  };

  return (
    <section class="card" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      {bytes.value !== undefined && <p>{t('optionsStorageUsed', formatBytes(bytes.value))}</p>}
      {chosen && (
        <div class="field">
          <label for="delete-coachee">{t('deleteCoacheeLabel')}</label>
          <div class="row">
            <select
              id="delete-coachee"
              value={chosen.id}
              onChange={(e) => (coacheeId.value = (e.currentTarget as HTMLSelectElement).value)}
            >
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {coacheeLabel(c.name)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => (confirming.value = 'coachee')}>
              {t('deleteCoachee')}
            </button>
          </div>
        </div>
      )}
      {confirming.value === 'coachee' && chosen && (
        <div class="confirm">
          <button type="button" class="danger" onClick={() => void deleteCoachee(chosen.id).then(done)}>
            {tn('deleteCoacheeConfirm', count, chosenName, count)}
          </button>
          <button type="button" onClick={() => (confirming.value = null)}>
            {t('confirmCancel')}
          </button>
        </div>
      )}
      <div class="controls">
        <button type="button" onClick={() => (confirming.value = 'all')}>
          {t('wipeAll')}
        </button>
      </div>
      {confirming.value === 'all' && (
        <div class="confirm">
          <button type="button" class="danger" onClick={() => void wipeAll().then(done)}>
            {t('wipeAllConfirm')}
          </button>
          <button type="button" onClick={() => (confirming.value = null)}>
            {t('confirmCancel')}
          </button>
        </div>
      )}
      <p role="status" class="small">
        {message.value}
      </p>
    </section>
  );
}

function formatBytes(bytes: number): string {
  const mb = bytes >= 1_000_000;
  return new Intl.NumberFormat(undefined, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(
    mb ? bytes / 1_000_000 : bytes / 1000,
  );
}
