/**
 * The coachee by plain mail (a platform adapter): makes the *Ask for the
 * pre-work* and *plan* mails from what is stored, reads a pasted reply into a
 * preview (writing nothing), and writes the confirmed answers exactly where a
 * card's would go. Loaded on demand by the pages.
 */

import { planMailIntake } from '../domain/intake-change';
import { askMail, type MailLanguage, type PlainMail, planMail, stepLineText } from '../domain/mail-ask';
import { type MailAnswers, type PlanTarget, resolveRef } from '../domain/mail-intake';
import { type MailReading, type ReadMail, readMailReply } from '../domain/mail-reply';
import { type Coachee, EMPTY_TOPIC } from '../domain/model';
import { firstStartAt } from '../domain/timer-log';
import { uiLanguage } from './i18n';
import { readPart } from './session-repo';
import { newSessionParts, writeSessions } from './session-writer';
import { coacheesStore, partStore, readChecked, sessionsStore } from './storage';

/** A coachee's mail language: theirs when set, else the coach's own language when it is German, else English. */
export function mailLanguageOf(coachee: Pick<Coachee, 'language'> | undefined): MailLanguage {
  return coachee?.language ?? (uiLanguage().toLowerCase().startsWith('de') ? 'de' : 'en');
}

const locale = (language: MailLanguage) => (language === 'de' ? 'de-DE' : 'en-GB');

/** A coachee's sessions with what the mails need: which never started, which carry a plan. */
async function coacheeSessions(coacheeId: string) {
  const sessions = (await readChecked(sessionsStore)).value.filter((s) => s.coacheeId === coacheeId);
  const ids = sessions.map((s) => s.id);
  const [timers, plans, homework] = await Promise.all([readPart('timer', ids), readPart('plan', ids), readPart('homework', ids)]);
  const withPlan = sessions.filter((s) => (plans.get(s.id)?.length ?? 0) > 0 || (homework.get(s.id)?.length ?? 0) > 0);
  const planSession = withPlan.filter((s) => firstStartAt(timers.get(s.id) ?? []) !== null).at(-1) ?? withPlan.at(-1);
  // The upcoming session: the newest that never started and came after the plan's.
  const upcoming = sessions
    .filter((s) => firstStartAt(timers.get(s.id) ?? []) === null && s.id !== planSession?.id)
    .filter((s) => !planSession || s.createdAt >= planSession.createdAt)
    .at(-1);
  const target: PlanTarget | null = planSession
    ? { sessionId: planSession.id, plan: plans.get(planSession.id) ?? [], homework: homework.get(planSession.id) ?? [] }
    : null;
  return { sessions, upcoming, target };
}

/** *Ask for the pre-work* for a coachee: the mail in their language, with the upcoming date and the last plan. */
export async function makeAskMail(coacheeId: string, now = Date.now()): Promise<{ mail: PlainMail; language: MailLanguage }> {
  const coachee = (await readChecked(coacheesStore)).value.find((c) => c.id === coacheeId);
  const language = mailLanguageOf(coachee);
  const { target } = await coacheeSessions(coacheeId);
  let date: string | null = null;
  // The upcoming session's date is the one the last plan set (its wrap-up's next date).
  if (target) {
    const next = (await readChecked(partStore('wrapUp', target.sessionId))).value.nextSessionAt;
    if (next !== null && next > now - 86_400_000)
      date = new Intl.DateTimeFormat(locale(language), { dateStyle: 'full', timeStyle: 'short' }).format(next);
  }
  const plan = target ? { sessionId: target.sessionId, steps: target.plan, homework: target.homework } : null;
  const mail = askMail({ language, coacheeName: coachee?.name ?? '', coacheeId, date, plan });
  return { mail, language };
}

/** *The plan by mail* for a session: its steps to mark, homework with minutes a week, the next date, the feedback. */
export async function makePlanMail(sessionId: string): Promise<{ mail: PlainMail; language: MailLanguage }> {
  const meta = (await readChecked(sessionsStore)).value.find((s) => s.id === sessionId);
  const coachee = (await readChecked(coacheesStore)).value.find((c) => c.id === meta?.coacheeId);
  const language = mailLanguageOf(coachee);
  const [plan, homework, wrapUp] = await Promise.all([
    readChecked(partStore('plan', sessionId)),
    readChecked(partStore('homework', sessionId)),
    readChecked(partStore('wrapUp', sessionId)),
  ]);
  const next = wrapUp.value.nextSessionAt;
  const mail = planMail({
    language,
    coacheeName: coachee?.name ?? '',
    sessionId,
    plan: { steps: plan.value, homework: homework.value },
    next: next === null ? null : new Intl.DateTimeFormat(locale(language), { dateStyle: 'full', timeStyle: 'short' }).format(next),
    feedback: wrapUp.value.feedback,
  });
  return { mail, language };
}

/** A reply read, and whom the coach's browser thinks it is from; nothing written yet. */
export interface MailPreview {
  reading: MailReading;
  /** ask: answers the pre-work mail; plan: answers the plan mail. */
  kind: 'ask' | 'plan';
  coachees: Coachee[];
  /** The coachee the reference names, or null (the coach picks). */
  coacheeId: string | null;
  planSessionId: string | null;
}

/** Read a pasted reply (or a dropped .eml/.txt) into a preview; writes nothing. */
export async function previewMail(text: string): Promise<{ ok: true; preview: MailPreview } | Extract<ReadMail, { ok: false }>> {
  const first = readMailReply(text);
  if (!first.ok) return first;
  const [coachees, sessions] = await Promise.all([readChecked(coacheesStore), readChecked(sessionsStore)]);
  const { coacheeId, planSessionId } = resolveRef(first.reading.ref, coachees.value, sessions.value);
  let reading = first.reading;
  if (planSessionId) {
    // Read again knowing the steps we asked about, so a mark typed beside a step's text is told from it.
    const plan = (await readChecked(partStore('plan', planSessionId))).value;
    const again = readMailReply(text, { steps: plan.map((s) => stepLineText(s.text)) });
    if (again.ok) reading = again.reading;
  }
  const kind = reading.ref?.kind ?? (reading.title || reading.difficulty || reading.outcome ? 'ask' : 'plan');
  return { ok: true, preview: { reading, kind, coachees: coachees.value, coacheeId, planSessionId } };
}

/**
 * Take the confirmed answers in for a coachee, exactly as a card would fill
 * them (domain/intake-change.ts): the topic and their words on the plan into
 * their next session (made when there is none, then made the active one), the
 * marks and minutes into the plan's session, in one write by the writer of
 * sessions. Returns the session the words went to, and `same` when the reply
 * was taken in before (then nothing is written).
 */
export async function takeInMail(
  preview: MailPreview,
  answers: MailAnswers,
  coacheeId: string,
  now = Date.now(),
): Promise<{ sessionId: string | null; same: boolean }> {
  const sessions = (await readChecked(sessionsStore)).value.filter((s) => s.coacheeId === coacheeId);
  const ids = sessions.map((s) => s.id);
  const [timers, plans, homework, reviews, topics, parts] = await Promise.all([
    readPart('timer', ids),
    readPart('plan', ids),
    readPart('homework', ids),
    readPart('review', ids),
    readPart('topic', ids),
    newSessionParts(),
  ]);
  const intake = planMailIntake(
    answers,
    coacheeId,
    {
      sessions,
      started: (id) => firstStartAt(timers.get(id) ?? []) !== null,
      partsOf: (id) => ({
        plan: plans.get(id) ?? [],
        homework: homework.get(id) ?? [],
        review: reviews.get(id) ?? null,
        topic: topics.get(id) ?? EMPTY_TOPIC,
      }),
      planSessionId: preview.planSessionId,
    },
    now,
    parts,
  );
  if (!intake.same) await writeSessions(() => intake.change);
  return { sessionId: intake.sessionId, same: intake.same };
}
