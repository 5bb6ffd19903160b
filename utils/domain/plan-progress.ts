/**
 * The coachee's progress on the last plan: how each step went (done, partly,
 * not yet), the homework minutes logged per week, and their own answers to
 * what held them back and what they were dreading. The coachee's browser makes
 * it from the month's plan; it travels back to the coach on the next pre-work
 * card (or in a mail reply), and the coach's browser merges it into that
 * session's plan, homework and the next session's review, as the coachee's,
 * beside what the coach wrote.
 * Pure: no browser calls.
 */
import * as v from 'valibot';
import {
  ASSIGNMENT_TITLE_MAX,
  type Assignment,
  MINUTES_PER_WEEK_MAX,
  PLAN_STEP_MAX,
  type PlanStep,
  type Review,
  TOPIC_TEXT_MAX,
} from './model';

/** How one step of the plan went. */
export type StepMark = 'done' | 'partly' | 'not';
/** The marks, in the order they are offered. */
const STEP_MARKS: readonly StepMark[] = ['done', 'partly', 'not'];

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Text = v.pipe(v.string(), v.maxLength(TOPIC_TEXT_MAX));
const Week = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

/** One step as the coachee marked it, with their answers. `id` is the coach's step id (null on cards of format 1). */
const StepProgressSchema = v.strictObject({
  id: v.nullable(Id),
  text: v.pipe(v.string(), v.maxLength(PLAN_STEP_MAX)),
  mark: v.picklist(STEP_MARKS),
  heldBack: Text,
  dreading: Text,
});
export type StepProgress = v.InferOutput<typeof StepProgressSchema>;

/** One exercise or reading with the minutes the coachee logged, by the ISO date of each week's Monday. */
const HomeworkProgressSchema = v.strictObject({
  id: v.nullable(Id),
  title: v.pipe(v.string(), v.maxLength(ASSIGNMENT_TITLE_MAX)),
  minutesPerWeek: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MINUTES_PER_WEEK_MAX)),
  // No count limit of its own: the card's 64 kB bound it (and valibot's `check` would join every page's start-up code).
  logged: v.record(Week, v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_080))),
});

/** The coachee's progress on one plan. Strict: a card with unknown fields is refused. */
export const PlanProgressSchema = v.strictObject({
  /** The coach's id of the session the plan came from (null when the coachee never had it, e.g. cards of format 1). */
  fromSessionId: v.nullable(Id),
  steps: v.pipe(v.array(StepProgressSchema), v.maxLength(50)),
  homework: v.pipe(v.array(HomeworkProgressSchema), v.maxLength(30)),
  /** The coachee's own word on what lay under it all. */
  rootCause: Text,
});
export type PlanProgress = v.InferOutput<typeof PlanProgressSchema>;

/** A step's mark: ticked is done, else `partly` when so marked, else not yet. */
export function markOf(step: Pick<PlanStep, 'done' | 'partly'>): StepMark {
  return step.done ? 'done' : step.partly ? 'partly' : 'not';
}

/** The step with a new mark (done and partly kept consistent: one mark at a time). */
export function withMark(step: PlanStep, mark: StepMark): PlanStep {
  const { partly: _partly, ...rest } = step;
  return mark === 'partly' ? { ...rest, done: false, partly: true } : { ...rest, done: mark === 'done' };
}

/**
 * The coachee's progress on a plan, made in their browser: the marks from the
 * steps they ticked, the minutes they logged, and their answers from the
 * review they wrote in the next session's pre-work (matched by step id).
 */
export function progressOfPlan(
  fromSessionId: string | null,
  plan: readonly PlanStep[],
  homework: readonly Assignment[],
  answers: Review,
): PlanProgress {
  const given = new Map((answers?.items ?? []).map((i) => [i.stepId, i]));
  return {
    fromSessionId,
    steps: plan.map((s) => ({
      id: s.id,
      text: s.text,
      mark: markOf(s),
      heldBack: given.get(s.id)?.heldBack ?? '',
      dreading: given.get(s.id)?.dreading ?? '',
    })),
    homework: homework.map((a) => ({ id: a.id, title: a.title, minutesPerWeek: a.minutesPerWeek, logged: { ...a.logged } })),
    rootCause: answers?.rootCause ?? '',
  };
}

/** Whether the progress says anything at all (a plan with no steps and no homework carries nothing). */
export function hasProgress(progress: PlanProgress | null): progress is PlanProgress {
  return progress !== null && (progress.steps.length > 0 || progress.homework.length > 0);
}

/** Total minutes logged per week across the homework. */
export function minutesByWeek(progress: PlanProgress): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of progress.homework) for (const [week, minutes] of Object.entries(a.logged)) out[week] = (out[week] ?? 0) + minutes;
  return out;
}

/** One field of what the coach has that taking the coachee's progress in would change (shown before confirming). */
export interface ProgressChange {
  /** stepMark: a step of the plan; minutes: a week's minutes on one assignment; reviewStatus: the coach's own mark in the review. */
  what: 'stepMark' | 'minutes' | 'reviewStatus';
  /** The step's text or the assignment's title. */
  item: string;
  /** The week (Monday's ISO date), for minutes. */
  week?: string;
  before: string;
  after: string;
}

/** The coach's side of the merge: the plan and homework of the session the progress is about, and the review they have. */
export interface CoachPlan {
  /** The coach's session the plan was made in, or null when none is known. */
  sessionId: string | null;
  plan: readonly PlanStep[];
  homework: readonly Assignment[];
  /** The review already in the next session (the coach may have written in it). */
  review: Review;
}

/** What the coach's browser writes when it takes the coachee's progress in. */
export interface ProgressMerge {
  plan: PlanStep[];
  homework: Assignment[];
  review: NonNullable<Review>;
  /** What the coach had that would change; empty when nothing of theirs is touched. */
  changes: ProgressChange[];
}

const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The progress entry for a coach's item: by id, else by its text (cards of format 1 carry no ids). */
function matcher<P extends { id: string | null }>(entries: readonly P[], textOf: (p: P) => string) {
  const byId = new Map(entries.filter((p) => p.id !== null).map((p) => [p.id as string, p]));
  const byText = new Map(entries.map((p) => [norm(textOf(p)), p]));
  const used = new Set<P>();
  return {
    find(id: string, text: string): P | undefined {
      const found = byId.get(id) ?? byText.get(norm(text));
      if (found && !used.has(found)) {
        used.add(found);
        return found;
      }
      return undefined;
    },
    rest: () => entries.filter((p) => !used.has(p)),
  };
}

/**
 * Merge the coachee's progress into the coach's records: each step's mark into
 * the plan, the minutes into the homework (so the progress page and charts
 * count them), and the marks and answers into the next session's review, kept
 * as the coachee's (`coachee` on each item) beside what the coach writes. The
 * coach's own status opens with the coachee's mark; where the coach already set
 * a mark, a status or minutes of their own that differ, the change is listed
 * so the page asks before writing it. Steps the coach's plan does not have
 * (an older card, another plan) are added to the review only.
 */
export function mergeProgress(progress: PlanProgress, coach: CoachPlan): ProgressMerge {
  const changes: ProgressChange[] = [];
  const steps = matcher(progress.steps, (p) => p.text);
  const marks = new Map<string, StepProgress>();
  const plan = coach.plan.map((step) => {
    const p = steps.find(step.id, step.text);
    if (!p) return step;
    marks.set(step.id, p);
    const before = markOf(step);
    if (before !== 'not' && before !== p.mark) changes.push({ what: 'stepMark', item: step.text, before, after: p.mark });
    return withMark(step, p.mark);
  });
  const extra = steps.rest();

  const work = matcher(progress.homework, (p) => p.title);
  const homework = coach.homework.map((a) => {
    const p = work.find(a.id, a.title);
    if (!p) return a;
    for (const [week, minutes] of Object.entries(p.logged)) {
      const before = a.logged[week] ?? 0;
      if (before !== 0 && before !== minutes)
        changes.push({ what: 'minutes', item: a.title, week, before: String(before), after: String(minutes) });
    }
    return { ...a, logged: { ...a.logged, ...p.logged } };
  });

  const fromSessionId = coach.sessionId ?? progress.fromSessionId ?? 'coachee';
  const existing = coach.review?.fromSessionId === fromSessionId ? coach.review : null;
  const had = new Map((existing?.items ?? []).map((i) => [i.stepId, i]));
  const itemFor = (stepId: string, text: string, p: StepProgress | undefined, defaultMark: StepMark) => {
    const old = had.get(stepId);
    const coachee = p ? { mark: p.mark, heldBack: p.heldBack, dreading: p.dreading } : old?.coachee;
    // The coach's own status: theirs when they set one (it differs from what it opened with), else the coachee's mark.
    const openedWith = old?.coachee?.mark ?? defaultMark;
    const coachSet = old !== undefined && old.status !== openedWith;
    if (coachSet && p && old.status !== p.mark) changes.push({ what: 'reviewStatus', item: text, before: old.status, after: p.mark });
    return {
      stepId,
      text,
      status: p ? p.mark : (old?.status ?? defaultMark),
      heldBack: old?.heldBack ?? '',
      dreading: old?.dreading ?? '',
      ...(coachee ? { coachee } : {}),
    };
  };
  const items = [
    ...coach.plan.map((step) => itemFor(step.id, step.text, marks.get(step.id), markOf(step))),
    ...extra.map((p, i) => itemFor(p.id ?? `card-${i + 1}`, p.text, p, 'not')),
  ];
  return {
    plan,
    homework,
    review: {
      fromSessionId,
      items,
      rootCause: existing?.rootCause ?? '',
      ...(progress.rootCause ? { coacheeRootCause: progress.rootCause } : {}),
    },
    changes,
  };
}
