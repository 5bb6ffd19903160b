import { t } from '../../utils/platform/i18n';
import { lazyModule } from '../hooks/useLazy';
import { LazyFold } from '../shared/LazyFold';

/** The coach's *Ask for the pre-work* mail: loaded when opened. */
const askPrework = lazyModule(() => import('../shared/AskPrework').then((m) => m.AskPrework));

/** *Ask for the pre-work* in the coach's popup, for the coachee of the active session: a fold whose content loads when opened. */
export function AskPreworkFold({ sessionId }: { sessionId: string }) {
  return <LazyFold title={t('mailAskHeading')} module={askPrework} props={{ sessionId, idPrefix: 'popup-ask' }} />;
}
