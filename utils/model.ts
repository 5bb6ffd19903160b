/**
 * Sidecoach's stored data shapes, each with the valibot schema that checks it
 * when it is read back from storage or imported from a backup.
 *
 * Pure module: no browser calls.
 */
import * as v from 'valibot';

/** Longest topic title, in characters. */
export const TOPIC_TITLE_MAX = 200;
/** Longest free-text field of the pre-work, in characters. */
export const TOPIC_TEXT_MAX = 5000;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const EpochMs = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A person being coached. A coachee using Sidecoach alone has one: themselves. */
export const CoacheeSchema = v.object({
  id: Id,
  name: v.pipe(v.string(), v.maxLength(100)),
  createdAt: EpochMs,
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
});
export type SessionMeta = v.InferOutput<typeof SessionMetaSchema>;
export const SessionListSchema = v.array(SessionMetaSchema);

export const NullableIdSchema = v.nullable(Id);

/** A stored value that failed its schema check, kept aside instead of dropped. */
export const QuarantinedSchema = v.object({
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
  }),
);
export type CallState = v.InferOutput<typeof CallStateSchema>;
