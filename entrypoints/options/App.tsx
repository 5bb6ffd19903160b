import { SessionHistory } from '../../components/SessionHistory';
import { useStored } from '../../components/useStored';
import { t } from '../../utils/i18n';
import { quarantineStore } from '../../utils/storage';

/** Settings and data: the history of sessions; grows with export, backup and restore. */
export function App({ bytesInUse }: { bytesInUse?: number }) {
  const quarantine = useStored(quarantineStore);
  const kept = quarantine.value.value;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
      {bytesInUse !== undefined && <p>{t('optionsStorageUsed', formatBytes(bytesInUse))}</p>}
      {kept.length > 0 && (
        <p role="alert" class="problem">
          {t('quarantineNotice', kept.map((q) => q.key.replace(/^local:/, '')).join(', '))}
        </p>
      )}
      <SessionHistory />
    </main>
  );
}

function formatBytes(bytes: number): string {
  return new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit: bytes >= 1_000_000 ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes >= 1_000_000 ? bytes / 1_000_000 : bytes / 1000);
}
