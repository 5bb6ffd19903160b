/**
 * Opening the next session with an honest look at the last plan, and noticing
 * when "no time" is the whole answer. Pure: no browser calls.
 */
import type { PlanStep, Review, ReviewItem } from './model';

/**
 * The review card of a new session, built from the previous session's plan:
 * one item per step, done ones marked done. Answers already given are kept
 * when the card is rebuilt (the plan may have been ticked since).
 */
export function reviewFromPlan(fromSessionId: string, plan: readonly PlanStep[], existing: Review): NonNullable<Review> {
  const previous =
    existing?.fromSessionId === fromSessionId ? new Map(existing.items.map((i) => [i.stepId, i])) : new Map<string, ReviewItem>();
  return {
    fromSessionId,
    items: [
      ...plan.map((step): ReviewItem => {
        const kept = previous.get(step.id);
        return kept
          ? { ...kept, text: step.text }
          : { stepId: step.id, text: step.text, status: step.done ? 'done' : step.partly ? 'partly' : 'not', heldBack: '', dreading: '' };
      }),
      // Steps the coachee reported that this plan does not have (an older card) stay, as theirs.
      ...[...previous.values()].filter((i) => i.coachee && !plan.some((s) => s.id === i.stepId)),
    ],
    rootCause: existing?.fromSessionId === fromSessionId ? existing.rootCause : '',
    ...(existing?.fromSessionId === fromSessionId && existing.coacheeRootCause !== undefined
      ? { coacheeRootCause: existing.coacheeRootCause }
      : {}),
  };
}

/** Phrases that say only "there was no time", in English and German. */
const NO_TIME: RegExp[] = [
  /^(?:i\s+)?(?:just\s+|simply\s+|really\s+)?(?:did\s*n[o’']?t|didnt|did not|had\s*n[o’']?t|hadnt|had not|don[’']?t|do not)\s+(?:have|had|get|find)\s+(?:the\s+|any\s+|enough\s+)?time\b/,
  /^(?:i\s+)?(?:had\s+|have\s+)?(?:no|not enough|zero|too little|little)\s+time\b/,
  /^(?:i\s+(?:was|am|have been|ve been)\s+)?(?:just\s+|way\s+|so\s+)?(?:too\s+)?busy\b/,
  /^(?:i\s+)?ran out of time\b/,
  /^(?:i\s+)?couldn[’']?t find (?:the\s+)?time\b/,
  /^(?:work|life) got (?:too\s+)?busy\b/,
  /^(?:ich\s+)?(?:hatte\s+)?(?:keine|zu wenig)\s+zeit\b/,
  /^(?:ich\s+)?(?:war|bin)\s+(?:einfach\s+)?(?:zu\s+)?(?:beschäftigt|busy|im stress)\b/,
  /^(?:ich\s+)?(?:habe\s+)?(?:keine|nicht genug)\s+zeit\s+(?:gefunden|gehabt)\b/,
  /^(?:mir\s+)?fehlte\s+(?:die\s+)?zeit\b/,
  /^zeitmangel\b/,
];

/** Words that show the answer goes beyond time: a reason, a feeling, a person, a "because". */
const BEYOND =
  /\b(?:because|since|but|afraid|scared|worried|nervous|avoid\w*|dread\w*|unsure|didn[’']?t know|manager|boss|team|weil|aber|angst|unsicher|wusste nicht|chef\w*|team)\b/;

/**
 * True when an answer says nothing but "no time" (no time, too busy, didn't have
 * time, keine Zeit…). The card then asks, gently, what was behind it.
 */
export function onlyNoTime(answer: string): boolean {
  const text = answer
    .trim()
    .toLowerCase()
    .replace(/[.!…]+$/u, '')
    .trim();
  if (!text || text.length > 80 || BEYOND.test(text)) return false;
  return NO_TIME.some((p) => p.test(text));
}
