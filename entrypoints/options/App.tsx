import { type ReadonlySignal, useSignal } from '@preact/signals';
import type { ComponentChildren, ComponentType } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { type LazyModule, lazyModule, useLazy } from '../../components/hooks/useLazy';
import { useStored } from '../../components/hooks/useStored';
import { SessionHistory } from '../../components/options/SessionHistory';
import { useSessionIndex } from '../../components/options/useSessionIndex';
import { WhatsNew } from '../../components/options/WhatsNew';
import type { Coachee } from '../../utils/domain/model';
import type { SessionIndex } from '../../utils/domain/session-index';
import { SELF_COACHEE_ID } from '../../utils/domain/session-list';
import type { Role } from '../../utils/domain/settings';
import { t } from '../../utils/platform/i18n';
import { coacheesStore, quarantineStore, settingsStore } from '../../utils/platform/storage';

/** The options page's sections, each at its own URL hash (deep links, the back button). */
const SECTIONS = ['sessions', 'coachees', 'progress', 'cards', 'export', 'templates', 'settings', 'sync'] as const;
type Section = (typeof SECTIONS)[number];
const LABELS: Record<Section, Parameters<typeof t>[0]> = {
  sessions: 'navSessions',
  coachees: 'navCoachees',
  progress: 'navMyProgress',
  cards: 'navCards',
  export: 'navExport',
  templates: 'navTemplates',
  settings: 'navSettings',
  sync: 'navSync',
};

/**
 * The sections a role sees. A coach's tools (the list of coachees, agenda templates) are not a coachee's;
 * a coachee's own progress is not a coachee of the coach's. Before a role is chosen, the coach's page.
 */
export function sectionsFor(role: Role | undefined): readonly Section[] {
  if (role === 'coachee') return ['sessions', 'progress', 'cards', 'export', 'settings', 'sync'];
  if (role === 'both') return SECTIONS;
  return SECTIONS.filter((s) => s !== 'progress');
}

/**
 * The section a URL hash names (`#coachee=<id>` is a coachee's page; the person's own is their progress),
 * or the sessions; a section the role does not see is the sessions.
 */
function routeOf(hash: string, role: Role | undefined): { section: Section; coacheeId: string | null } {
  const text = hash.replace(/^#/, '');
  const shown = sectionsFor(role);
  const pick = (section: Section, coacheeId: string | null = null) =>
    shown.includes(section) ? { section, coacheeId } : { section: 'sessions' as const, coacheeId: null };
  if (text.startsWith('coachee=')) {
    const id = decodeURIComponent(text.slice(8));
    return id === SELF_COACHEE_ID ? pick('progress') : pick('coachees', id);
  }
  return pick((SECTIONS as readonly string[]).includes(text) ? (text as Section) : 'sessions');
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

/**
 * The workspace, shaped by the role: a coach's sessions, coachees with their progress, cards, export and
 * backup, templates, settings and data; a coachee's own sessions, progress, cards, export, settings and data.
 */
export function App() {
  const quarantine = useStored(quarantineStore);
  const settings = useStored(settingsStore);
  const role = settings.value.value.role;
  const hash = useSignal(location.hash);
  // Followed from the first commit (a layout effect runs at once, an effect only after a paint): a link
  // followed right after the page opens is never missed.
  useLayoutEffect(() => {
    const onHash = () => (hash.value = location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The page waits for the role (one small read), so a coachee never sees a coach's section flash by.
  if (!settings.loaded.value) return <div class="options-app" />;
  const sections = sectionsFor(role);
  const { section, coacheeId } = routeOf(hash.value, role);
  const kept = quarantine.value.value;
  return (
    <div class="options-app">
      <nav aria-label={t('navLabel')} class="options-nav">
        <ul>
          {sections.map((s) => (
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
        {section === 'progress' && (
          <WithIndex>{(data) => <Lazy module={coacheesPage} props={{ ...data, coacheeId: SELF_COACHEE_ID }} />}</WithIndex>
        )}
        {section === 'cards' && <Lazy module={cardsPanel} props={{}} />}
        {section === 'export' && (
          <WithIndex>
            {(data) => (
              <>
                <Lazy module={exportPanel} props={{ ...data, role }} />
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
