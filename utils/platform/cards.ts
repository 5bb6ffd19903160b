/**
 * Sending and taking in cards (a platform adapter): builds a card from what is
 * stored, reads a pasted card into a preview of what would change, and writes
 * it only when the person confirms.
 */
import * as v from 'valibot';
import { type Card, type CardLabels, cardText, type PlanCard, type PreworkCard } from '../domain/card';
import {
  buildPlanCard,
  buildPreworkCard,
  type PlanIntake,
  type PreworkIntake,
  planPlanIntake,
  planPreworkIntake,
} from '../domain/card-intake';
import { COACHEE_NAME_MAX } from '../domain/model';
import { newItemId, previousSessionOf, SELF_COACHEE_ID, withItem } from '../domain/sessions';
import { firstStartAt } from '../domain/timer-log';
import { decodeCard, encodeCard } from './card-codec';
import { coacheeLabel } from './coachee-name';
import { readPart } from './data-store';
import { t, uiLanguage } from './i18n';
import { updateStored } from './list-writes';
import { createSession } from './sessions';
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
export function cardLabels(): CardLabels {
  return {
    preworkTitle: (name) => t('cardPreworkTitle', coacheeLabel(name)),
    planTitle: (name) => t('cardPlanTitle', coacheeLabel(name)),
    sessionOn: t('cardSessionOn'),
    topic: t('summaryTopic'),
    difficulty: t('summaryDifficulty'),
    outcome: t('summaryOutcome'),
    review: t('reviewHeading'),
    status: { done: t('reviewDone'), partly: t('reviewPartly'), not: t('reviewNot') },
    heldBack: t('reviewHeldBack'),
    dreading: t('reviewDreading'),
    rootCause: t('reviewRootCause'),
    plan: t('planHeading'),
    homework: t('homeworkHeading'),
    exercise: t('kindExercise'),
    reading: t('kindReading'),
    perWeek: (minutes) => t('mdPerWeek', minutes),
    nextSession: t('wrapNextLabel'),
    feedback: t('wrapFeedbackLabel'),
    howToTakeIn: t('cardHowToTakeIn'),
  };
}

/** A card ready to send: its text (readable part and data line) and a subject line for mail. */
export interface OutgoingCard {
  card: Card;
  text: string;
  subject: string;
}

async function outgoing(card: Card): Promise<OutgoingCard> {
  const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' });
  const labels = cardLabels();
  const text = cardText(card, await encodeCard(card), labels, (ms) => dateFormat.format(ms));
  const subject = card.kind === 'prework' ? labels.preworkTitle(card.from.name) : labels.planTitle(card.to.name);
  return { card, text, subject };
}

/** The coachee's pre-work card for their active session, signed with the name they give (as typed, maybe not yet saved). */
export async function makePreworkCard(sessionId: string, sessionOn: string | null, name?: string, now = Date.now()): Promise<OutgoingCard> {
  const stored = await ensureIdentity(now);
  const identity = { id: stored.id, name: name ?? stored.name };
  const sessions = (await readChecked(sessionsStore)).value;
  const topic = (await readChecked(partStore('topic', sessionId))).value;
  const previous = previousSessionOf(sessions, sessionId);
  const last = previous
    ? { plan: (await readChecked(partStore('plan', previous.id))).value, review: (await readChecked(partStore('review', sessionId))).value }
    : null;
  return outgoing(buildPreworkCard(newItemId('card', now), now, identity, sessionOn, topic, last));
}

/** The coach's plan card for a session. */
export async function makePlanCard(sessionId: string, now = Date.now()): Promise<OutgoingCard> {
  const sessions = (await readChecked(sessionsStore)).value;
  const coachees = (await readChecked(coacheesStore)).value;
  const meta = sessions.find((s) => s.id === sessionId);
  const coachee = coachees.find((c) => c.id === meta?.coacheeId) ?? { id: SELF_COACHEE_ID, name: '', createdAt: now };
  const [plan, homework, wrapUp] = await Promise.all([
    readChecked(partStore('plan', sessionId)),
    readChecked(partStore('homework', sessionId)),
    readChecked(partStore('wrapUp', sessionId)),
  ]);
  return outgoing(
    buildPlanCard(newItemId('card', now), now, coachee, { plan: plan.value, homework: homework.value, wrapUp: wrapUp.value }),
  );
}

export type CardPreview = { card: PreworkCard; intake: PreworkIntake } | { card: PlanCard; intake: PlanIntake };

/** Read a pasted card into what taking it in would change; writes nothing. */
export async function previewCard(text: string, now = Date.now()) {
  const parsed = await decodeCard(text);
  if (!parsed.ok) return parsed;
  const { card } = parsed;
  if (card.kind === 'prework') {
    const [coachees, sessions] = await Promise.all([readChecked(coacheesStore), readChecked(sessionsStore)]);
    const theirs = sessions.value.filter((s) => s.coacheeId.startsWith('from-'));
    // One storage call per part for all of them (data-store's readPart), not one per session.
    const ids = theirs.map((s) => s.id);
    const [logs, topics] = await Promise.all([readPart('timer', ids), readPart('topic', ids)]);
    const intake = planPreworkIntake(
      card,
      {
        coachees: coachees.value,
        sessions: sessions.value,
        started: (id) => firstStartAt(logs.get(id) ?? []) !== null,
        topicOf: (id) => topics.get(id) ?? { title: '', difficulty: '', outcome: '', updatedAt: 0 },
      },
      now,
    );
    return { ok: true as const, preview: { card, intake } as CardPreview };
  }
  const sessionId = (await readChecked(activeSessionIdStore)).value ?? '';
  const [plan, homework, wrapUp] = await Promise.all([
    readChecked(partStore('plan', sessionId)),
    readChecked(partStore('homework', sessionId)),
    readChecked(partStore('wrapUp', sessionId)),
  ]);
  const intake = planPlanIntake(card, { sessionId, plan: plan.value, homework: homework.value, wrapUp: wrapUp.value });
  return { ok: true as const, preview: { card, intake } as CardPreview };
}

/** Write what the preview showed. A pre-work card makes that coachee's upcoming session the active one. */
export async function takeInCard(preview: CardPreview, now = Date.now()): Promise<string> {
  if (preview.card.kind === 'prework') {
    const intake = preview.intake as PreworkIntake;
    await updateStored(coacheesStore, (list) =>
      list.some((c) => c.id === intake.coachee.id)
        ? list.map((c) => (c.id === intake.coachee.id ? intake.coachee : c))
        : withItem(list, intake.coachee),
    );
    if (intake.sessionIsNew) await createSession(intake.coachee.id, now, { id: intake.sessionId });
    await partStore('topic', intake.sessionId).item.setValue(intake.topic);
    if (intake.review) await partStore('review', intake.sessionId).item.setValue(intake.review);
    await activeSessionIdStore.item.setValue(intake.sessionId);
    return intake.sessionId;
  }
  const intake = preview.intake as PlanIntake;
  await Promise.all([
    partStore('plan', intake.sessionId).item.setValue(intake.plan),
    partStore('homework', intake.sessionId).item.setValue(intake.homework),
    partStore('wrapUp', intake.sessionId).item.setValue(intake.wrapUp),
  ]);
  return intake.sessionId;
}
