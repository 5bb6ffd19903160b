/**
 * Sidecoach's stored data shapes, each with the valibot schema that checks it
 * when it is read back from storage or imported from a backup.
 *
 * Pure module: no browser calls.
 */
import * as v from 'valibot';

/** Longest topic title, in characters. */
export const TOPIC_TITLE_MAX = 200;
/** Longest free-text field of the pre-work (and of feedback and review answers), in characters. */
export const TOPIC_TEXT_MAX = 5000;
/** Longest coachee name. */
export const COACHEE_NAME_MAX = 100;
/** Longest plan step. */
export const PLAN_STEP_MAX = 500;
/** Longest title of an exercise or reading. */
export const ASSIGNMENT_TITLE_MAX = 300;
/** Most minutes a week one assignment may ask for (and most minutes logged at once). */
export const MINUTES_PER_WEEK_MAX = 600;
/** Longest mid-month check-in note. */
export const CHECK_IN_NOTE_MAX = 500;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
/** A day, YYYY-MM-DD. */
const DayText = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
/** How a step went. */
const Mark = v.picklist(['done', 'partly', 'not']);
const EpochMs = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A person being coached. A coachee using Sidecoach alone has one: themselves. */
const CoacheeSchema = v.object({
  id: Id,
  name: v.pipe(v.string(), v.maxLength(COACHEE_NAME_MAX)),
  createdAt: EpochMs,
  /** The language of the plain mails to this coachee (English when unset and the coach's browser is not German). */
  language: v.optional(v.picklist(['en', 'de'])),
});
export type Coachee = v.InferOutput<typeof CoacheeSchema>;
export const CoacheeListSchema = v.array(CoacheeSchema);

/** The pre-work the coachee brings to the session. */
export const TopicSchema = v.object({
  title: v.pipe(v.string(), v.maxLength(TOPIC_TITLE_MAX)),
  difficulty: v.pipe(v.string(), v.maxLength(TOPIC_TEXT_MAX)),
  outcome: v.pipe(v.string(), v.maxLength(TOPIC_TEXT_MAX)),
  updatedAt: EpochMs,
});
export type Topic = v.InferOutput<typeof TopicSchema>;

/** Longest notes of one session, in characters (about 1 MB): beyond it a write is refused with a message. */
export const NOTES_MAX = 1_000_000;
export const NotesSchema = v.pipe(v.string(), v.maxLength(NOTES_MAX));

/** An empty pre-work topic. */
export const EMPTY_TOPIC: Topic = { title: '', difficulty: '', outcome: '', updatedAt: 0 };

/** A session's metadata; its hot, large parts (topic, timer, notes) live in keys of their own. */
export const SessionMetaSchema = v.object({
  id: Id,
  coacheeId: Id,
  createdAt: EpochMs,
  /** The other person's id for this same session (the coach's on the coachee's side, the coachee's on the coach's), from their cards. */
  peer: v.optional(Id),
  /** The day the session is for, as the coachee's pre-work card named it (the coach's own date is in the wrap-up before). */
  on: v.optional(DayText),
});
export type SessionMeta = v.InferOutput<typeof SessionMetaSchema>;
export const SessionListSchema = v.array(SessionMetaSchema);

export const NullableIdSchema = v.nullable(Id);

/** A stored value that failed its schema check, kept aside instead of dropped. */
const QuarantinedSchema = v.object({
  key: v.string(),
  at: EpochMs,
  problem: v.string(),
  raw: v.unknown(),
});
export type Quarantined = v.InferOutput<typeof QuarantinedSchema>;
export const QuarantineListSchema = v.array(QuarantinedSchema);

/** Describe why a value failed a schema, in one short line. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** The call the background last heard about from a content script. */
export const CallStateSchema = v.nullable(
  v.object({
    tabId: v.number(),
    platform: v.picklist(['meet', 'zoom']),
    inCall: v.boolean(),
    /** When the call was first seen under way (epoch ms), or null. */
    startedAt: v.nullable(EpochMs),
    /** When it was seen to end, or null. */
    endedAt: v.nullable(EpochMs),
    /** While in the call: since when its page has been gone without an end screen (reconnecting), or null. */
    unsureSince: v.optional(v.nullable(EpochMs)),
  }),
);
export type CallState = v.InferOutput<typeof CallStateSchema>;

const ShortText = v.pipe(v.string(), v.maxLength(TOPIC_TEXT_MAX));

/** One concrete step of the month's plan. */
const PlanStepSchema = v.object({
  id: Id,
  text: v.pipe(v.string(), v.maxLength(PLAN_STEP_MAX)),
  done: v.boolean(),
  /** Marked "partly" (only when not done): see plan-progress.ts. */
  partly: v.optional(v.boolean()),
});
export type PlanStep = v.InferOutput<typeof PlanStepSchema>;
export const PlanSchema = v.pipe(v.array(PlanStepSchema), v.maxLength(50));

/** An exercise or a reading suggested for the month, with its weekly estimate and the minutes logged per week. */
const AssignmentSchema = v.object({
  id: Id,
  kind: v.picklist(['exercise', 'reading']),
  title: v.pipe(v.string(), v.maxLength(ASSIGNMENT_TITLE_MAX)),
  minutesPerWeek: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MINUTES_PER_WEEK_MAX)),
  /** Minutes spent, by the ISO date (YYYY-MM-DD) of the week's Monday. */
  logged: v.record(DayText, v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_080))),
});
export type Assignment = v.InferOutput<typeof AssignmentSchema>;
export const AssignmentListSchema = v.pipe(v.array(AssignmentSchema), v.maxLength(30));

/** How one step of the previous plan went, looked at honestly at the next session. */
const ReviewItemSchema = v.object({
  stepId: Id,
  text: v.pipe(v.string(), v.maxLength(PLAN_STEP_MAX)),
  status: Mark,
  heldBack: ShortText,
  dreading: ShortText,
  /** What the coachee said of this step (their mark and answers), kept apart from the coach's own: see plan-progress.ts. */
  coachee: v.optional(v.object({ mark: Mark, heldBack: ShortText, dreading: ShortText })),
});
export type ReviewItem = v.InferOutput<typeof ReviewItemSchema>;

/** The review, at the start of a session, of the previous session's plan. */
export const ReviewSchema = v.nullable(
  v.object({
    fromSessionId: Id,
    items: v.pipe(v.array(ReviewItemSchema), v.maxLength(50)),
    rootCause: ShortText,
    /** The coachee's own word on the root cause, when it came with their progress. */
    coacheeRootCause: v.optional(ShortText),
  }),
);
export type Review = v.InferOutput<typeof ReviewSchema>;

/* A session date: see session-date.ts for its rules (kept here, with the other stored shapes, so pages that only read it load none of them). */
/** A day (YYYY-MM-DD), with a time (HH:MM) in an IANA time zone when one was picked. */
export const SessionDateSchema = v.object({
  day: DayText,
  // HH:MM, checked strictly on cards; stored values come only from the time field.
  time: v.nullable(v.pipe(v.string(), v.maxLength(5))),
  zone: v.nullable(v.pipe(v.string(), v.maxLength(64))),
});
export type SessionDate = v.InferOutput<typeof SessionDateSchema>;

/** The end of the session: feedback, the next date, and the optional mid-month check-in. */
export const WrapUpSchema = v.object({
  feedback: ShortText,
  /** The next session as an instant (for reminders and order); see `next` for what was picked. */
  nextSessionAt: v.nullable(EpochMs),
  /** The next session's day, and its time and zone when one was picked (older data has only `nextSessionAt`). */
  next: v.optional(v.nullable(SessionDateSchema)),
  checkInNote: v.pipe(v.string(), v.maxLength(CHECK_IN_NOTE_MAX)),
});
export type WrapUp = v.InferOutput<typeof WrapUpSchema>;
export const EMPTY_WRAP_UP: WrapUp = { feedback: '', nextSessionAt: null, checkInNote: '' };
