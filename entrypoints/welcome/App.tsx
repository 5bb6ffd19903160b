import { useStored } from '../../components/hooks/useStored';
import { RoleChoice } from '../../components/shared/RoleChoice';
import type { Role } from '../../utils/domain/settings';
import { type MessageKey, t, uiLanguage } from '../../utils/platform/i18n';
import { settingsStore } from '../../utils/platform/storage';

/** One step of a role's first week: a heading, a sentence, and a picture of the real UI. */
interface Step {
  title: MessageKey;
  text: MessageKey;
  alt: MessageKey;
  /** A picture in public/welcome/<lang>/ (and its `-dark` twin), made by `npm run screenshots` from the production build. */
  image: string;
}

const COACH_STEPS: Step[] = [
  { title: 'welcomeCoach1Title', text: 'welcomeCoach1Text', alt: 'welcomeCoach1Alt', image: 'coach-1' },
  { title: 'welcomeCoach2Title', text: 'welcomeCoach2Text', alt: 'welcomeCoach2Alt', image: 'coach-2' },
  { title: 'welcomeCoach3Title', text: 'welcomeCoach3Text', alt: 'welcomeCoach3Alt', image: 'coach-3' },
];
const COACHEE_STEPS: Step[] = [
  { title: 'welcomeCoachee1Title', text: 'welcomeCoachee1Text', alt: 'welcomeCoachee1Alt', image: 'coachee-1' },
  { title: 'welcomeCoachee2Title', text: 'welcomeCoachee2Text', alt: 'welcomeCoachee2Alt', image: 'coachee-2' },
  { title: 'welcomeCoachee3Title', text: 'welcomeCoachee3Text', alt: 'welcomeCoachee3Alt', image: 'coachee-3' },
];

/**
 * The welcome, opened once on install: what Sidecoach does, the one question
 * (coach, coachee or both), three steps with pictures for the answer, and the
 * privacy promise in one paragraph.
 */
export function App() {
  const settings = useStored(settingsStore, { debounceMs: 0 });
  const role = settings.value.value.role;
  const choose = (next: Role) => settings.set({ ...settings.value.peek(), role: next });
  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeIntro')}</p>
      {settings.loaded.value && <RoleChoice current={role} onChoose={choose} headingId="welcome-role" />}
      <p role="status" class="small muted">
        {role ? t('welcomeSaved') : ''}
      </p>
      {(role === 'coach' || role === 'both') && <Steps heading={t('welcomeCoachHeading')} steps={COACH_STEPS} />}
      {(role === 'coachee' || role === 'both') && <Steps heading={t('welcomeCoacheeHeading')} steps={COACHEE_STEPS} />}
      <section aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
        <p>{t('welcomePrivacy')}</p>
        <p>
          <a href="privacy.html">{t('privacyLink')}</a>
        </p>
      </section>
    </main>
  );
}

function Steps({ heading, steps }: { heading: string; steps: Step[] }) {
  // The pictures show the UI in the reader's language where there are pictures for it.
  const lang = uiLanguage().startsWith('de') ? 'de' : 'en';
  return (
    <section class="welcome-steps" aria-label={heading}>
      <h2>{heading}</h2>
      <ol>
        {steps.map((step) => (
          <li key={step.image}>
            <div>
              <h3>{t(step.title)}</h3>
              <p>{t(step.text)}</p>
            </div>
            {/* The picture in the reader's theme: the pages look as they will on their screen. */}
            <picture>
              <source srcset={`welcome/${lang}/${step.image}-dark.png`} media="(prefers-color-scheme: dark)" />
              <img src={`welcome/${lang}/${step.image}.png`} alt={t(step.alt)} width={360} height={450} />
            </picture>
          </li>
        ))}
      </ol>
    </section>
  );
}
