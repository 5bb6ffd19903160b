import { changelogEntry } from '../../utils/domain/changelog';
import { t } from '../../utils/platform/i18n';
import { currentVersion, whatsNewStore } from '../../utils/platform/release';
import { lazyModule } from '../hooks/useLazy';
import { useStored } from '../hooks/useStored';

/** The changelog's text, loaded only when there is news to show. */
const changelog = lazyModule(() => import('../../CHANGELOG.md?raw').then((m) => m.default));

/**
 * After an update (never after an install): one quiet line "What's new in
 * <version>" from CHANGELOG.md, the whole entry folded under it, dismissable.
 */
export function WhatsNew() {
  const pending = useStored(whatsNewStore, { debounceMs: 0 });
  const version = currentVersion();
  const show = pending.value.value === version;
  if (show) void changelog.load();
  const text = changelog.value.value;
  const entry = show && text ? changelogEntry(text, version) : null;
  if (!entry) return null;
  return (
    <aside class="whats-new" aria-labelledby="whats-new-heading">
      <details>
        <summary>
          <span id="whats-new-heading">{t('whatsNewIn', version)}</span>
        </summary>
        <ul>
          {entry.points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      </details>
      <button type="button" class="link small" onClick={() => pending.set(null)}>
        {t('whatsNewDismiss')}
      </button>
    </aside>
  );
}
