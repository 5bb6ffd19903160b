import { sameJson } from '../../utils/domain/json';
import { localDefaultTemplate } from '../../utils/platform/default-template';
import { t } from '../../utils/platform/i18n';
import { partStore, templatesStore } from '../../utils/platform/storage';
import { useStored } from '../hooks/useStored';

/** Before the clock starts: which agenda this session follows. */
export function AgendaPicker({ sessionId }: { sessionId: string }) {
  const templates = useStored(templatesStore);
  const agenda = useStored(partStore('agenda', sessionId), { debounceMs: 0 });
  const builtIn = localDefaultTemplate();
  const all = [builtIn, ...templates.value.value];
  if (all.length < 2) return null;
  const current = agenda.value.value;
  const selected =
    all.find(
      (tpl) =>
        current &&
        sameJson(
          tpl.phases.map((p) => [p.title, p.minutes]),
          current.map((p) => [p.title, p.minutes]),
        ),
    )?.id ?? builtIn.id;
  return (
    <div class="field inline">
      <label for="agenda-picker">{t('agendaPickerLabel')}</label>
      <select
        id="agenda-picker"
        value={selected}
        onChange={(e) => {
          const tpl = all.find((x) => x.id === (e.currentTarget as HTMLSelectElement).value);
          agenda.set(tpl && tpl.id !== builtIn.id ? tpl.phases : null);
        }}
      >
        {all.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {tpl.name}
          </option>
        ))}
      </select>
    </div>
  );
}
