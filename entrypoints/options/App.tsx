import { type ReadonlySignal, useSignal } from '@preact/signals';
import type { ComponentChildren, ComponentType } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { type LazyModule, lazyModule, useLazy } from '../../components/hooks/useLazy';
import { useStored } from '../../components/hooks/useStored';
import { SessionHistory } from '../../components/options/SessionHistory';
import { useSessionIndex } from '../../components/options/useSessionIndex';
import { WhatsNew } from '../../components/options/WhatsNew';
import type { SessionIndex } from '../../utils/domain/history/session-index';
import type { Coachee } from '../../utils/domain/model';
import { t } from '../../utils/platform/i18n';
import { coacheesStore, quarantineStore } from '../../utils/platform/storage';

/** The options page's sections, each at its own URL hash (deep links, the back button). */
const SECTIONS = ['sessions', 'coachees', 'cards', 'export', 'templates', 'settings', 'sync'] as const;
type Section = (typeof SECTIONS)[number];
const LABELS: Record<Section, Parameters<typeof t>[0]> = {
  sessions: 'navSessions',
  coachees: 'navCoachees',
  cards: 'navCards',
  export: 'navExport',
  templates: 'navTemplates',
  settings: 'navSettings',
  sync: 'navSync',
};

/** The section a URL hash names (`#coachee=<id>` is a coachee's page), or the sessions. */
function routeOf(hash: string): { section: Section; coacheeId: string | null } {
  const text = hash.replace(/^#/, '');
  if (text.startsWith('coachee=')) return { section: 'coachees', coacheeId: decodeURIComponent(text.slice(8)) };
  return { section: (SECTIONS as readonly string[]).includes(text) ? (text as Section) : 'sessions', coacheeId: null };
}

// Every section but the history loads its code when first shown.
const exportPanel = lazyModule(() => import('../../components/options/ExportPanel').then((m) => m.ExportPanel));
const restorePanel = lazyModule(() => import('../../components/options/RestorePanel').then((m) => m.RestorePanel));
const cardsPanel = lazyModule(() => import('../../components/options/CardsPanel').then((m) => m.CardsPanel));
const templateEditor = lazyModule(() => import('../../components/options/TemplateEditor').then((m) => m.TemplateEditor));
const settingsPanel = lazyModule(() => import('../../components/options/SettingsPanel').then((m) => m.SettingsPanel));
const dataPanel = lazyModule(() => import('../../components/options/DataPanel').then((m) => m.DataPanel));
const syncPanel = lazyModule(() => import('../../components/options/SyncPanel').then((m) => m.SyncPanel));
const coacheesPage = lazyModule(() => import('../../components/options/CoacheesPage').then((m) => m.CoacheesPage));

/** The coach's workspace: sessions, coachees with their progress, cards, export and backup, templates, settings and data. */
export function App() {
  const quarantine = useStored(quarantineStore);
  const route = useSignal(routeOf(location.hash));
  // Followed from the first commit (a layout effect runs at once, an effect only after a paint): a link
  // followed right after the page opens is never missed.
  useLayoutEffect(() => {
    const onHash = () => (route.value = routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const { section, coacheeId } = route.value;
  const kept = quarantine.value.value;
  return (
    <div class="options-app">
      <nav aria-label={t('navLabel')} class="options-nav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`} aria-current={s === section ? 'page' : undefined}>
                {t(LABELS[s])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="options">
        <h1>{t('optionsTitle')}</h1>
        <WhatsNew />
        {kept.length > 0 && (
          <p role="alert" class="problem">
            {t('quarantineNotice', kept.map((q) => q.key.replace(/^local:/, '')).join(', '))}
          </p>
        )}
        {section === 'sessions' && <SessionHistory />}
        {section === 'coachees' && <WithIndex>{(data) => <Lazy module={coacheesPage} props={{ ...data, coacheeId }} />}</WithIndex>}
        {section === 'cards' && <Lazy module={cardsPanel} props={{}} />}
        {section === 'export' && (
          <WithIndex>
            {(data) => (
              <>
                <Lazy module={exportPanel} props={data} />
                <Lazy module={restorePanel} props={{}} />
              </>
            )}
          </WithIndex>
        )}
        {section === 'templates' && <Lazy module={templateEditor} props={{}} />}
        {section === 'settings' && (
          <>
            <p>{t('optionsIntro')}</p>
            <Lazy module={settingsPanel} props={{}} />
            <WithIndex>{(data) => <Lazy module={dataPanel} props={data} />}</WithIndex>
          </>
        )}
        {section === 'sync' && <Lazy module={syncPanel} props={{}} />}
      </main>
    </div>
  );
}

interface IndexData {
  index: ReadonlySignal<SessionIndex>;
  coachees: ReadonlySignal<Coachee[]>;
}

/**
 * The whole session index and the coachees, for the sections that chart or export
 * every session; the history reads neither, so an everyday open does not grow with the years.
 */
function WithIndex({ children }: { children: (data: IndexData) => ComponentChildren }) {
  const coachees = useStored(coacheesStore);
  const { index } = useSessionIndex();
  return <>{children({ index, coachees: coachees.value })}</>;
}

/** A section whose code loads when it is first shown. */
function Lazy<P extends object>({ module, props }: { module: LazyModule<ComponentType<P>>; props: P }) {
  const Content = useLazy(module, true);
  return Content ? <Content {...props} /> : null;
}
