import { render } from 'preact';
import '../../components/shared/theme.css';
import '../../components/print/print.css';
import { PrintView } from '../../components/print/PrintView';
import { entriesIn, scopeFromHash } from '../../utils/domain/export-scope';
import { SELF_COACHEE_ID } from '../../utils/domain/session-list';
import { coacheeLabel } from '../../utils/platform/coachee-name';
import { t, uiLanguage } from '../../utils/platform/i18n';
import { readForPrint } from '../../utils/platform/session-export';
import { ensureIndex } from '../../utils/platform/session-index-store';
import { coacheesStore, readChecked } from '../../utils/platform/storage';

document.documentElement.lang = uiLanguage();
document.title = t('printTitle');
const root = document.getElementById('app') as HTMLElement;

// The sessions in the scope (by the one scope rule, over the index), read a batch at a time.
void (async () => {
  const [index, coachees] = await Promise.all([ensureIndex(), readChecked(coacheesStore)]);
  const scope = scopeFromHash(location.hash);
  const entries = entriesIn(Object.values(index.entries), scope);
  const { records, unreadable } = await readForPrint(entries);
  const nameOf = (id: string) => coacheeLabel(coachees.value.find((c) => c.id === id)?.name);
  // A coachee's print ends with their progress figures.
  const progress =
    scope.kind === 'coachee' ? { coachee: nameOf(scope.coacheeId), entries, own: scope.coacheeId === SELF_COACHEE_ID } : null;
  render(<PrintView sessions={records} nameOf={nameOf} unreadable={unreadable.length} progress={progress} />, root);
})();
