/**
 * Agenda templates: the phases of a session and their planned minutes.
 * Pure: no browser calls; text comes from the caller's translator.
 */
import * as v from 'valibot';

export const MAX_PHASES = 12;
export const MIN_PHASE_MINUTES = 1;
export const MAX_PHASE_MINUTES = 240;
/** The wrap-up keeps at least this long (or its planned length, if shorter) when early phases run over. */
export const WRAP_UP_FLOOR_MINUTES = 5;
/** Longest coach prompt of a phase. */
export const PHASE_PROMPT_MAX = 500;

const PhaseSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  title: v.pipe(v.string(), v.maxLength(100)),
  minutes: v.pipe(v.number(), v.integer(), v.minValue(MIN_PHASE_MINUTES), v.maxValue(MAX_PHASE_MINUTES)),
  prompt: v.pipe(v.string(), v.maxLength(PHASE_PROMPT_MAX)),
});
export type Phase = v.InferOutput<typeof PhaseSchema>;

export const AgendaSchema = v.pipe(v.array(PhaseSchema), v.minLength(1), v.maxLength(MAX_PHASES));
export type Agenda = Phase[];

const TemplateSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.maxLength(100)),
  phases: AgendaSchema,
});
export type AgendaTemplate = v.InferOutput<typeof TemplateSchema>;
/** The user's own templates (the default one is built in and not stored). */
export const TemplateListSchema = v.pipe(v.array(TemplateSchema), v.maxLength(20));

/** The texts of the default template, supplied by the caller (from i18n). */
export interface DefaultTemplateText {
  name: string;
  understand: { title: string; prompt: string };
  plan: { title: string; prompt: string };
  wrapUp: { title: string; prompt: string };
}

/** The method's hour: about 25 minutes to understand, 25 to plan, 10 to review and wrap up. */
export function defaultTemplate(text: DefaultTemplateText): AgendaTemplate {
  return {
    id: 'method-hour',
    name: text.name,
    phases: [
      { id: 'understand', minutes: 25, ...text.understand },
      { id: 'plan', minutes: 25, ...text.plan },
      { id: 'wrap-up', minutes: 10, ...text.wrapUp },
    ],
  };
}

/** Planned length of an agenda, in minutes. */
export function totalMinutes(phases: readonly Phase[]): number {
  return phases.reduce((sum, p) => sum + p.minutes, 0);
}

/** What a phase is for, which decides what the panel shows beside the clock. */
export type PhaseRole = 'understand' | 'plan' | 'wrapUp' | 'other';

/**
 * The role of the phase at `index`: the first is for understanding the problem,
 * the last is the wrap-up, and the planning phase is the one with the built-in
 * id `plan` or else the one before the wrap-up.
 */
export function phaseRole(agenda: readonly Phase[], index: number): PhaseRole {
  const count = agenda.length;
  if (count > 1 && index === count - 1) return 'wrapUp';
  if (agenda[index]?.id === 'plan' || (count >= 2 && index === count - 2)) return 'plan';
  if (index === 0) return 'understand';
  return 'other';
}
