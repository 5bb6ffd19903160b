/**
 * The one way a coachee's name is shown: their name, or the person's own
 * label ("Me") for the coachee who is the person using this browser.
 */
import { t } from './i18n';

/** The name to show for a coachee (an empty name is the person themselves). */
export function coacheeLabel(name: string | undefined): string {
  return name || t('coacheeSelf');
}

/** The label of the person themselves, for pure functions that take it as a parameter. */
export function selfLabel(): string {
  return t('coacheeSelf');
}
