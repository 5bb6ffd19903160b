import { DataPanel } from '../../components/DataPanel';
import { ExportPanel } from '../../components/ExportPanel';
import { RestorePanel } from '../../components/RestorePanel';
import { SessionHistory } from '../../components/SessionHistory';
import { SettingsPanel } from '../../components/SettingsPanel';
import { TemplateEditor } from '../../components/TemplateEditor';
import { useDataSet } from '../../components/useDataSet';
import { useStored } from '../../components/useStored';
import { t } from '../../utils/i18n';
import { quarantineStore } from '../../utils/storage';

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
      <ExportPanel data={data} />
      <RestorePanel data={data} />
      <SettingsPanel />
      <TemplateEditor />
      <DataPanel data={data} bytesInUse={bytesInUse} />
    </main>
  );
}
