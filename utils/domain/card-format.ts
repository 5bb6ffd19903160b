/**
 * Cards: what passes between coach and coachee, who sit at two computers.
 * A card is text a person can read in a mail or a chat, ending in one data line
 * that carries the same content for the other browser:
 *
 *   sidecoach-card.<version>.<kind>.<payload>.<crc32>
 *
 * `payload` is the card's JSON, compressed (deflate-raw) and base64url-encoded
 * by the platform codec; `crc32` (8 hex digits) is over the payload text, so a
 * damaged or truncated card is caught before anything is decoded. Nothing is
 * trusted: size, format, version, checksum, keys that could pollute
 * prototypes, and every field's type and length are checked.
 * Pure: no browser calls (compression is passed in by platform/card-codec.ts).
 */
import * as v from 'valibot';
import { ASSIGNMENT_TITLE_MAX, COACHEE_NAME_MAX, MINUTES_PER_WEEK_MAX, PLAN_STEP_MAX, TOPIC_TEXT_MAX, TOPIC_TITLE_MAX } from './model';
import { PlanProgressSchema } from './plan-progress';
import { dayOfInstant, type SessionDate } from './session-date';

const CARD_FORMAT = 'sidecoach-card';
/** The format cards are written in; format 1 cards are still read (see `upgradeCard`). */
const CARD_VERSION = 2;
/** The oldest format still read. */
const CARD_OLDEST_VERSION = 1;
/** Largest card text accepted (a card is a few kB; this leaves room and refuses floods). */
export const CARD_MAX_BYTES = 64 * 1024;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Text = v.pipe(v.string(), v.maxLength(TOPIC_TEXT_MAX));
const EpochMs = v.pipe(v.number(), v.integer(), v.minValue(0));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const Name = v.pipe(v.string(), v.maxLength(COACHEE_NAME_MAX));
/** Whom a plan card is for: the id their pre-work card carried (null: the coach never had one) and their name. */
const PlanRecipient = v.strictObject({ id: v.nullable(Id), name: Name });
const PlanSteps = v.pipe(v.array(v.strictObject({ id: Id, text: v.pipe(v.string(), v.maxLength(PLAN_STEP_MAX)) })), v.maxLength(50));
/** What every card begins with, in every format: its kind, its own id and when it was made. */
const cardHead = <K extends 'prework' | 'plan'>(kind: K) => ({ kind: v.literal(kind), id: Id, createdAt: EpochMs });
/** A session date on a card: strict (a card with unknown fields is refused), the zone a plain name. */
const SessionDateSchema = v.strictObject({
  day: Day,
  time: v.nullable(v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/))),
  zone: v.nullable(v.pipe(v.string(), v.maxLength(64), v.regex(/^[A-Za-z0-9_+\-/]+$/))),
});
const TopicPartSchema = v.strictObject({
  title: v.pipe(v.string(), v.maxLength(TOPIC_TITLE_MAX)),
  difficulty: Text,
  outcome: Text,
});
const HomeworkSchema = v.pipe(
  v.array(
    v.strictObject({
      id: Id,
      kind: v.picklist(['exercise', 'reading']),
      title: v.pipe(v.string(), v.maxLength(ASSIGNMENT_TITLE_MAX)),
      minutesPerWeek: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MINUTES_PER_WEEK_MAX)),
    }),
  ),
  v.maxLength(30),
);

/** Coachee → coach (format 1): the pre-work for a session, and how the last plan went. */
const PreworkCardV1Schema = v.strictObject({
  ...cardHead('prework'),
  from: v.strictObject({ id: Id, name: Name }),
  sessionOn: v.nullable(Day),
  topic: TopicPartSchema,
  review: v.nullable(
    v.strictObject({
      items: v.pipe(
        v.array(
          v.strictObject({
            text: v.pipe(v.string(), v.maxLength(PLAN_STEP_MAX)),
            status: v.picklist(['done', 'partly', 'not']),
            heldBack: Text,
            dreading: Text,
          }),
        ),
        v.maxLength(50),
      ),
      rootCause: Text,
    }),
  ),
});
export type PreworkCardV1 = v.InferOutput<typeof PreworkCardV1Schema>;

/** Coachee → coach (format 2): the pre-work for one of the coachee's sessions, and their progress on the last plan. */
const PreworkCardSchema = v.strictObject({
  ...cardHead('prework'),
  /** The coachee's own browser's id for them (stable across cards) and the name they give. */
  from: v.strictObject({ id: Id, name: Name }),
  /** The coachee's id for this session: a card for it fills the same session again (taking it twice changes nothing). */
  sessionId: Id,
  /** The day of the session it is for, if the coachee knows it. */
  sessionOn: v.nullable(Day),
  topic: TopicPartSchema,
  /** How the last plan went, in the coachee's words (plan-progress.ts), or null. */
  progress: v.nullable(PlanProgressSchema),
});
export type PreworkCard = v.InferOutput<typeof PreworkCardSchema>;

/** Coach → coachee: the month's plan, the exercises and reading, the next date, the feedback (format 1). */
const PlanCardV1Schema = v.strictObject({
  ...cardHead('plan'),
  to: PlanRecipient,
  plan: PlanSteps,
  homework: HomeworkSchema,
  nextSessionAt: v.nullable(EpochMs),
  feedback: Text,
});
export type PlanCardV1 = v.InferOutput<typeof PlanCardV1Schema>;

/**
 * Coach → coachee (format 2): the plan of the coach's session `sessionId`, for
 * the coachee's session `forSessionId` (the one their pre-work card named), the
 * next date as picked (a day, or a time in a zone), the coach's name.
 */
const PlanCardSchema = v.strictObject({
  ...cardHead('plan'),
  /** The coach, as they sign (for the calendar's "Coaching session with …"). */
  from: v.strictObject({ name: Name }),
  to: PlanRecipient,
  /** The coach's session the plan was made in: a card for it fills the same session again, never another month. */
  sessionId: Id,
  /** The coachee's session it answers (from their pre-work card), if known. */
  forSessionId: v.nullable(Id),
  plan: PlanSteps,
  homework: HomeworkSchema,
  next: v.nullable(SessionDateSchema),
  feedback: Text,
});
export type PlanCard = v.InferOutput<typeof PlanCardSchema>;

export type Card = PreworkCard | PlanCard;
const CardSchema = v.variant('kind', [PreworkCardSchema, PlanCardSchema]);
const CardV1Schema = v.variant('kind', [PreworkCardV1Schema, PlanCardV1Schema]);

/** The id a card of format 1 stands in for the session it came from (it named none): taking the same card twice finds it. */
const legacySessionId = (cardId: string): string => `card-${cardId}`.slice(0, 100);

/**
 * A card of format 1 read as format 2: its review becomes the coachee's
 * progress (steps without ids, no minutes), its next date (stored as noon of the
 * picked day) becomes that day with no time, and the session is named by the card.
 */
function upgradeCard(card: PreworkCardV1 | PlanCardV1, localZone: string): Card {
  if (card.kind === 'prework') {
    const { review, ...rest } = card;
    return {
      ...rest,
      sessionId: legacySessionId(card.id),
      progress: review
        ? {
            fromSessionId: null,
            steps: review.items.map((i) => ({ id: null, text: i.text, mark: i.status, heldBack: i.heldBack, dreading: i.dreading })),
            homework: [],
            rootCause: review.rootCause,
          }
        : null,
    };
  }
  const { nextSessionAt, ...rest } = card;
  return {
    ...rest,
    from: { name: '' },
    sessionId: legacySessionId(card.id),
    forSessionId: null,
    next: nextSessionAt === null ? null : dayOfInstant(nextSessionAt, localZone),
  };
}

/** Why a card was refused; the page words each kind. */
export type CardProblem =
  | { kind: 'tooLarge'; bytes: number }
  | { kind: 'noCard' }
  | { kind: 'futureVersion'; version: number }
  | { kind: 'damaged' }
  | { kind: 'unsafeKey'; key: string }
  | { kind: 'invalid'; detail: string };

export type ParsedCard = { ok: true; card: Card } | { ok: false; problem: CardProblem };

let crcTable: Int32Array | undefined;

/** CRC-32 (IEEE, the sum zip and PNG use) of `length` values, each taken to 8 bits, table-driven. */
function crcOf(length: number, at: (i: number) => number): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
      crcTable[n] = c;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < length; i++) crc = (crcTable[(crc ^ at(i)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-32 (IEEE) of a string's UTF-16 code units, as 8 hex digits. */
export function crc32(text: string): string {
  return crcOf(text.length, (i) => text.charCodeAt(i))
    .toString(16)
    .padStart(8, '0');
}

/** CRC-32 (IEEE) of bytes, as an unsigned number (a zip entry's checksum). */
export function crc32Bytes(bytes: Uint8Array): number {
  return crcOf(bytes.length, (i) => bytes[i] as number);
}

const LINE = /sidecoach-card\.(\d+)\.(prework|plan)\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})/;

/** The data line of a card whose payload (compressed JSON, base64url) is `payload`. */
export function dataLine(kind: Card['kind'], payload: string): string {
  return `${CARD_FORMAT}.${CARD_VERSION}.${kind}.${payload}.${crc32(payload)}`;
}

/** Find a card's data line in pasted text (a whole mail is fine): its payload, or why not. */
export function findDataLine(
  text: string,
): { ok: true; kind: Card['kind']; version: number; payload: string } | { ok: false; problem: CardProblem } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > CARD_MAX_BYTES) return { ok: false, problem: { kind: 'tooLarge', bytes } };
  // The last card in the text: a reply that quotes an older one below still reads as the newest.
  const start = text.lastIndexOf(`${CARD_FORMAT}.`);
  if (start < 0) return { ok: false, problem: { kind: 'noCard' } };
  // A mail program may wrap the long line: join the pieces that follow it back together.
  const pieces: string[] = [];
  for (const piece of text.slice(start).split(/\s+/)) {
    if (!/^[A-Za-z0-9_.-]+$/.test(piece)) break;
    pieces.push(piece);
  }
  const joined = pieces.join('');
  const version = /^sidecoach-card\.(\d+)\./.exec(joined);
  if (version && Number(version[1]) > CARD_VERSION) return { ok: false, problem: { kind: 'futureVersion', version: Number(version[1]) } };
  const m = LINE.exec(joined);
  const found = Number(m?.[1]);
  if (!m || found < CARD_OLDEST_VERSION || found > CARD_VERSION || crc32(m[3] ?? '') !== m[4])
    return { ok: false, problem: { kind: 'damaged' } };
  return { ok: true, kind: m[2] as Card['kind'], version: found, payload: m[3] ?? '' };
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Check a decoded payload's JSON: safe keys, the right shape for its format,
 * the kind its data line names. A card of format 1 is read as format 2
 * (`upgradeCard`; `localZone` reads its next date).
 */
export function parseCardJson(json: string, kind: Card['kind'], version = CARD_VERSION, localZone = 'UTC'): ParsedCard {
  let raw: unknown;
  let unsafe: string | null = null;
  try {
    raw = JSON.parse(json, (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) unsafe = key;
      return value;
    });
  } catch {
    return { ok: false, problem: { kind: 'damaged' } };
  }
  if (unsafe) return { ok: false, problem: { kind: 'unsafeKey', key: unsafe } };
  const parsed = version === 1 ? v.safeParse(CardV1Schema, raw) : v.safeParse(CardSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, problem: { kind: 'invalid', detail: path ? `${path}: ${issue?.message}` : (issue?.message ?? '') } };
  }
  if (parsed.output.kind !== kind) return { ok: false, problem: { kind: 'damaged' } };
  const card = version === 1 ? upgradeCard(parsed.output as PreworkCardV1 | PlanCardV1, localZone) : (parsed.output as Card);
  return { ok: true, card };
}

/** The words of a card's readable part, in the sender's language (headings, not form labels). */
export interface CardLabels {
  preworkTitle: (name: string) => string;
  planTitle: (name: string) => string;
  sessionOn: string;
  topic: string;
  difficulty: string;
  outcome: string;
  review: string;
  status: Record<'done' | 'partly' | 'not', string>;
  heldBack: string;
  dreading: string;
  rootCause: string;
  /** "Homework logged": the minutes per week that follow. */
  logged: string;
  minutes: (minutes: number) => string;
  plan: string;
  homework: string;
  exercise: string;
  reading: string;
  perWeek: (minutes: number) => string;
  nextSession: string;
  feedback: string;
  /** How the coachee takes a plan card in (their section "Take in a card"). */
  howToTakeIn: string;
  /** How the coach takes a pre-work card in (their section "Take in a card or a reply"). */
  howToTakeInCoach: string;
}

/** A label ending in a colon, unless it ends in punctuation of its own ("How did the last plan go?" takes none). */
const colon = (label: string): string => (/[?:!.]$/.test(label.trim()) ? label : `${label}:`);

/** The whole card: what a person reads, then the data line for the other browser. */
export function cardText(
  card: Card,
  payload: string,
  l: CardLabels,
  formatDate: (date: SessionDate) => string,
  formatDay: (day: string) => string,
): string {
  const out: string[] = [];
  if (card.kind === 'prework') {
    out.push(l.preworkTitle(card.from.name), '');
    if (card.sessionOn) out.push(`${l.sessionOn}: ${formatDay(card.sessionOn)}`);
    out.push(`${l.topic}: ${card.topic.title}`);
    if (card.topic.difficulty) out.push('', colon(l.difficulty), card.topic.difficulty);
    if (card.topic.outcome) out.push('', colon(l.outcome), card.topic.outcome);
    const p = card.progress;
    if (p && (p.steps.length > 0 || p.homework.length > 0)) {
      out.push('', colon(l.review));
      for (const item of p.steps) {
        out.push(`- ${item.text}: ${l.status[item.mark]}`);
        if (item.heldBack) out.push(`  ${l.heldBack} ${item.heldBack}`);
        if (item.dreading) out.push(`  ${l.dreading} ${item.dreading}`);
      }
      if (p.rootCause) out.push(`${l.rootCause}: ${p.rootCause}`);
      const logged = p.homework.filter((a) => Object.keys(a.logged).length > 0);
      if (logged.length > 0) {
        out.push('', colon(l.logged));
        for (const a of logged) {
          const weeks = Object.entries(a.logged)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([week, minutes]) => `${formatDay(week)}: ${l.minutes(minutes)}`);
          out.push(`- ${a.title}: ${weeks.join(', ')}`);
        }
      }
    }
  } else {
    out.push(l.planTitle(card.to.name), '', colon(l.plan));
    for (const step of card.plan) out.push(`- ${step.text}`);
    if (card.homework.length > 0) {
      out.push('', colon(l.homework));
      for (const a of card.homework)
        out.push(`- ${a.kind === 'exercise' ? l.exercise : l.reading}: ${a.title} (${l.perWeek(a.minutesPerWeek)})`);
    }
    if (card.next !== null) out.push('', `${l.nextSession}: ${formatDate(card.next)}`);
    if (card.feedback) out.push('', colon(l.feedback), card.feedback);
  }
  out.push('', card.kind === 'prework' ? l.howToTakeInCoach : l.howToTakeIn, '', dataLine(card.kind, payload), '');
  return out.join('\n');
}

/** A file name for a card. */
export function cardFileName(card: Card, day: string): string {
  return `sidecoach-${card.kind}-card-${day}.txt`;
}
