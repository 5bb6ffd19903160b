import { t } from '../../utils/platform/i18n';

/**
 * The coachee's two longer pre-work answers under their headings (the hardest of
 * the past weeks, what would make the hour worth it), each only when given.
 * User text only ever becomes text nodes.
 */
export function TopicAnswers({ difficulty, outcome }: { difficulty: string; outcome: string }) {
  return (
    <>
      {difficulty && (
        <>
          <h3>{t('panelDifficultyHeading')}</h3>
          <p class="prewrap">{difficulty}</p>
        </>
      )}
      {outcome && (
        <>
          <h3>{t('panelOutcomeHeading')}</h3>
          <p class="prewrap">{outcome}</p>
        </>
      )}
    </>
  );
}
