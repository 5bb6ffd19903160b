/**
 * Sending and taking in cards (a platform adapter): builds a card from what is
 * stored, reads a pasted card into a preview of what would change, and writes
 * it only when the person confirms.
 */
import * as v from 'valibot';
import { type Card, type CardLabels, cardText, type PlanCard, type PreworkCard } from '../domain/card-format';
import {
  buildPlanCard,
  buildPreworkCard,
  coacheeIdFromCard,
  type PlanIntake,
  type PreworkIntake,
  planPlanIntake,
  planPreworkIntake,
} from '../domain/card-intake';
import { planChange, preworkChange } from '../domain/intake-change';
import { COACHEE_NAME_MAX, EMPTY_TOPIC, EMPTY_WRAP_UP } from '../domain/model';
import { newItemId, newSessionId, previousSessionOf, SELF_COACHEE_ID } from '../domain/session-list';
import { firstStartAt } from '../domain/timer-log';
import { decodeCard, encodeCard } from './card-codec';
import { coacheeLabel } from './coachee-name';
import { formatDay, formatSessionDate, localZone } from './dates';
import { t } from './i18n';
import { updateStored } from './list-writes';
import { nextDayOf } from './months';
import { readPart, readSessionsNear } from './session-repo';
import { newSessionParts, writeSessions } from './session-writer';
import { activeSessionIdStore, coacheesStore, define, partStore, readChecked, sessionsStore } from './storage';

/** Who this browser's user is on the cards they send: a random id made once, and the name they give. */
export const identityStore = define<{ id: string; name: string } | null>(
  'local:identity',
  v.nullable(
    v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(90)), name: v.pipe(v.string(), v.maxLength(COACHEE_NAME_MAX)) }),
  ),
  null,
);

/** This browser's identity, made on first use. */
export async function ensureIdentity(now = Date.now()): Promise<{ id: string; name: string }> {
  const made = await updateStored(identityStore, (current) => current ?? { id: newItemId('id', now), name: '' });
  return made ?? { id: 'unknown', name: '' };
}

/** The card's words in the user's language. */
function cardLabels(): CardLabels {
  return {
    preworkTitle: (name) => t('cardPreworkTitle', coacheeLabel(name)),
    planTitle: (name) => t('cardPlanTitle', coacheeLabel(name)),
    sessionOn: t('cardSessionOn'),
    topic: t('summaryTopic'),
    difficulty: t('summaryDifficulty'),
    outcome: t('summaryOutcome'),
    review: t('reviewHeading'),
    logged: t('cardLogged'),
    minutes: (minutes) => t('cardMinutes', minutes),
    status: { done: t('reviewDone'), partly: t('reviewPartly'), not: t('reviewNot') },
    heldBack: t('reviewHeldBack'),
    dreading: t('reviewDreading'),
    rootCause: t('reviewRootCause'),
    plan: t('planHeading'),
    homework: t('homeworkHeading'),
    exercise: t('kindExercise'),
    reading: t('kindReading'),
    perWeek: (minutes) => t('mdPerWeek', minutes),
    nextSession: t('cardNextSession'),
    feedback: t('wrapFeedbackLabel'),
    howToTakeIn: t('cardHowToTakeIn'),
    howToTakeInCoach: t('cardHowToTakeInCoach'),
  };
}

/** A card ready to send: its text (readable part and data line) and a subject line for mail. */
export interface OutgoingCard {
  card: Card;
  text: string;
  subject: string;
}

async function outgoing(card: Card): Promise<OutgoingCard> {
  const labels = cardLabels();
  const text = cardText(card, await encodeCard(card), labels, formatSessionDate, formatDay);
  const subject = card.kind === 'prework' ? labels.preworkTitle(card.from.name) : labels.planTitle(card.to.name);
  return { card, text, subject };
}

/**
 * The coachee's pre-work card for one of their sessions, signed with the name
 * they give (as typed, maybe not yet saved), with their progress on the plan
 * of the session before it.
 */
export async function makePreworkCard(sessionId: string, sessionOn: string | null, name?: string, now = Date.now()): Promise<OutgoingCard> {
  const stored = await ensureIdentity(now);
  const identity = { id: stored.id, name: name ?? stored.name };
  const sessions = await readSessionsNear(sessionId);
  const topic = (await readChecked(partStore('topic', sessionId))).value;
  const previous = previousSessionOf(sessions, sessionId);
  const last = previous
    ? {
        meta: previous,
        plan: (await readChecked(partStore('plan', previous.id))).value,
        homework: (await readChecked(partStore('homework', previous.id))).value,
        answers: (await readChecked(partStore('review', sessionId))).value,
      }
    : null;
  const on = sessionOn ?? (previous ? await nextDayOf(previous.id) : null);
  return outgoing(buildPreworkCard(newItemId('card', now), now, identity, sessionId, on, topic, last));
}

/** The coach's plan card for a session, signed with the coach's name (as typed, maybe not yet saved). */
export async function makePlanCard(sessionId: string, name?: string, now = Date.now()): Promise<OutgoingCard> {
  const sessions = await readSessionsNear(sessionId);
  const coachees = (await readChecked(coacheesStore)).value;
  const identity = (await readChecked(identityStore)).value;
  const meta = sessions.find((s) => s.id === sessionId) ?? { id: sessionId };
  const coachee = coachees.find((c) => c.id === sessions.find((s) => s.id === sessionId)?.coacheeId) ?? {
    id: SELF_COACHEE_ID,
    name: '',
    createdAt: now,
  };
  const [plan, homework, wrapUp] = await Promise.all([
    readChecked(partStore('plan', sessionId)),
    readChecked(partStore('homework', sessionId)),
    readChecked(partStore('wrapUp', sessionId)),
  ]);
  return outgoing(
    buildPlanCard(
      newItemId('card', now),
      now,
      { name: name ?? identity?.name ?? '' },
      coachee,
      meta,
      { plan: plan.value, homework: homework.value, wrapUp: wrapUp.value },
      localZone(),
    ),
  );
}

/** A card read, and what taking it in would change. */
export type CardPreview =
  | { card: PreworkCard; intake: PreworkIntake; coacheeId?: undefined }
  | { card: PlanCard; intake: PlanIntake; coacheeId: string };

/** Read a pasted card into what taking it in would change; writes nothing. */
export async function previewCard(text: string, now = Date.now()) {
  const parsed = await decodeCard(text, localZone());
  if (!parsed.ok) return parsed;
  const { card } = parsed;
  if (card.kind === 'prework') {
    const [coachees, sessions] = await Promise.all([readChecked(coacheesStore), readChecked(sessionsStore)]);
    const coacheeId = coacheeIdFromCard(card.from.id);
    // One storage call per part for all of their sessions (session-repo's readPart), not one per session.
    const ids = sessions.value.filter((s) => s.coacheeId === coacheeId).map((s) => s.id);
    const [logs, topics, plans, homework, reviews] = await Promise.all([
      readPart('timer', ids),
      readPart('topic', ids),
      readPart('plan', ids),
      readPart('homework', ids),
      readPart('review', ids),
    ]);
    const intake = planPreworkIntake(
      card,
      {
        coachees: coachees.value,
        sessions: sessions.value,
        started: (id) => firstStartAt(logs.get(id) ?? []) !== null,
        topicOf: (id) => topics.get(id) ?? EMPTY_TOPIC,
        partsOf: (id) => ({ plan: plans.get(id) ?? [], homework: homework.get(id) ?? [], review: reviews.get(id) ?? null }),
      },
      now,
    );
    return { ok: true as const, preview: { card, intake } as CardPreview };
  }
  const [activeId, sessions] = await Promise.all([readChecked(activeSessionIdStore), readChecked(sessionsStore)]);
  const active = sessions.value.find((s) => s.id === activeId.value);
  const coacheeId = active?.coacheeId ?? SELF_COACHEE_ID;
  const mine = sessions.value.filter((s) => s.coacheeId === coacheeId);
  const ids = mine.map((s) => s.id);
  const [plans, homework, wrapUps] = await Promise.all([readPart('plan', ids), readPart('homework', ids), readPart('wrapUp', ids)]);
  const intake = planPlanIntake(
    card,
    {
      sessions: mine,
      activeId: activeId.value,
      partsOf: (id) => ({ plan: plans.get(id) ?? [], homework: homework.get(id) ?? [], wrapUp: wrapUps.get(id) ?? EMPTY_WRAP_UP }),
      localZone: localZone(),
    },
    newSessionId(coacheeId, now),
  );
  return { ok: true as const, preview: { card, intake, coacheeId } as CardPreview };
}

/**
 * Write what the preview showed, in one write by the writer of sessions. A
 * pre-work card fills the session it names (made the active one) and puts the
 * coachee's progress into the coach's plan and review; a plan card fills the
 * coachee's session it belongs to (domain/intake-change.ts says what changes).
 */
export async function takeInCard(preview: CardPreview, now = Date.now()): Promise<string> {
  const parts = await newSessionParts();
  if (preview.card.kind === 'prework') {
    const intake = preview.intake as PreworkIntake;
    const on = preview.card.sessionOn;
    const current = intake.sessionIsNew ? null : (await readChecked(partStore('topic', intake.sessionId))).value;
    await writeSessions(() => preworkChange(intake, current, now, parts, on));
    return intake.sessionId;
  }
  const intake = preview.intake as PlanIntake;
  await writeSessions(() => planChange(intake, preview.coacheeId ?? SELF_COACHEE_ID, now, parts));
  return intake.sessionId;
}
