import { useDataSet } from '../../components/hooks/useDataSet';
import { useStored } from '../../components/hooks/useStored';
import { CardsPanel } from '../../components/options/CardsPanel';
import { DataPanel } from '../../components/options/DataPanel';
import { ExportPanel } from '../../components/options/ExportPanel';
import { RestorePanel } from '../../components/options/RestorePanel';
import { SessionHistory } from '../../components/options/SessionHistory';
import { SettingsPanel } from '../../components/options/SettingsPanel';
import { TemplateEditor } from '../../components/options/TemplateEditor';
import { t } from '../../utils/platform/i18n';
import { quarantineStore } from '../../utils/platform/storage';

/** Settings and data: history, export, backup and restore, deleting data, alerts and theme. */
export function App({ bytesInUse }: { bytesInUse?: number }) {
  const quarantine = useStored(quarantineStore);
  const { data, problems } = useDataSet();
  const kept = quarantine.value.value;
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
      {kept.length > 0 && (
        <p role="alert" class="problem">
          {t('quarantineNotice', kept.map((q) => q.key.replace(/^local:/, '')).join(', '))}
        </p>
      )}
      <SessionHistory data={data} problems={problems} />
      <CardsPanel />
      <ExportPanel data={data} />
      <RestorePanel data={data} />
      <SettingsPanel />
      <TemplateEditor />
      <DataPanel data={data} bytesInUse={bytesInUse} />
    </main>
  );
}
