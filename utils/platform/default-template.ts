/**
 * The default agenda in the user's language (an adapter: texts come from i18n).
 */
import { type AgendaTemplate, defaultTemplate, type Phase } from '../domain/agenda';
import { t } from './i18n';

/** The method's hour, worded in the browser's language. */
export function localDefaultTemplate(): AgendaTemplate {
  return defaultTemplate({
    name: t('templateDefaultName'),
    understand: { title: t('phaseUnderstandTitle'), prompt: t('phaseUnderstandPrompt') },
    plan: { title: t('phasePlanTitle'), prompt: t('phasePlanPrompt') },
    wrapUp: { title: t('phaseWrapUpTitle'), prompt: t('phaseWrapUpPrompt') },
  });
}

/** A session's agenda: its own phases, or the default template's when none were chosen. */
export function agendaOrDefault(phases: Phase[] | null): Phase[] {
  return phases ?? localDefaultTemplate().phases;
}
