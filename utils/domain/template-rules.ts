/**
 * What makes an agenda template savable, and its size in sync storage.
 * Pure: no browser calls. Only the options page loads it.
 */
import { MAX_PHASE_MINUTES, MAX_PHASES, MIN_PHASE_MINUTES } from './agenda';

/** Why a template cannot be saved; keys name the problem for the UI to word. */
export type TemplateProblem =
  | { kind: 'noName' }
  | { kind: 'phaseCount'; count: number }
  | { kind: 'phaseTitle'; index: number }
  | { kind: 'phaseMinutes'; index: number; minutes: number };

/** Every problem that keeps a template from being saved (empty when it is valid). */
export function templateProblems(template: { name: string; phases: readonly { title: string; minutes: number }[] }): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (template.name.trim() === '') problems.push({ kind: 'noName' });
  const count = template.phases.length;
  if (count < 1 || count > MAX_PHASES) problems.push({ kind: 'phaseCount', count });
  template.phases.forEach((phase, index) => {
    if (phase.title.trim() === '') problems.push({ kind: 'phaseTitle', index });
    const m = phase.minutes;
    if (!Number.isInteger(m) || m < MIN_PHASE_MINUTES || m > MAX_PHASE_MINUTES) problems.push({ kind: 'phaseMinutes', index, minutes: m });
  });
  return problems;
}

/** Bytes a value takes in sync storage under `key` (key plus JSON), as Chrome counts them. */
export function syncItemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Chrome's and Firefox's limit for one sync item, less a margin for WXT's metadata key. */
export const SYNC_ITEM_MAX_BYTES = 8192 - 200;
