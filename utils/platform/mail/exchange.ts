/**
 * The coachee by plain mail (a platform adapter): makes the *Ask for the
 * pre-work* and *plan* mails from what is stored, reads a pasted reply into a
 * preview (once; writing nothing), and writes the confirmed answers exactly
 * where a card's would go. Loaded on demand by the pages.
 */
import { weekKey } from '../../domain/homework';
import { planMailIntake } from '../../domain/intake-change';
import { askMail, type PlainMail, planMail, stepLineText } from '../../domain/mail/compose';
import { type MailAnswers, type PlanTarget, resolveRef } from '../../domain/mail/intake';
import type { MailLanguage } from '../../domain/mail/questions';
import { type MailReading, type ReadMail, readMailReply, withAskedSteps } from '../../domain/mail/reader';
import { type Coachee, EMPTY_TOPIC, type SessionMeta, type WrapUp } from '../../domain/model';
import { dayOfInstant, instantOf, knownZone } from '../../domain/session-date';
import { firstStartAt } from '../../domain/timer-log';
import type { TimerEvent } from '../../domain/timer-schema';
import { identityStore } from '../card-exchange';
import { localZone } from '../dates';
import { readPart } from '../session-repo';
import { newSessionParts, writeSessions } from '../session-writer';
import { coacheesStore, partStore, readChecked, sessionsStore } from '../storage';

/**
 * A coachee's mail language: the one the coach picked for them, else English.
 * Never the coach's browser language: a coachee's mails do not change language
 * when the coach's browser does.
 */
export function mailLanguageOf(coachee: Pick<Coachee, 'language'> | undefined): MailLanguage {
  return coachee?.language ?? 'en';
}

const locale = (language: MailLanguage) => (language === 'de' ? 'de-DE' : 'en-GB');
const day = (language: MailLanguage, at: number) => new Intl.DateTimeFormat(locale(language), { dateStyle: 'long' }).format(at);
/**
 * The next session as the coach picked it: a day without a time stays a day
 * (the instant kept beside it is noon, for order only, and must not read as
 * "at 12:00"); a picked time is shown in the zone it was picked in.
 * Older data has only the instant, and older versions stored only days.
 */
function nextSessionText(language: MailLanguage, wrapUp: Pick<WrapUp, 'next' | 'nextSessionAt'>): string | null {
  const here = localZone();
  const next = wrapUp.next ?? (wrapUp.nextSessionAt === null ? null : dayOfInstant(wrapUp.nextSessionAt, here));
  if (!next) return null;
  if (!next.time) {
    const [y, m, d] = next.day.split('-').map(Number);
    const at = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
    return new Intl.DateTimeFormat(locale(language), { dateStyle: 'full', timeZone: 'UTC' }).format(at);
  }
  const zone = next.zone && knownZone(next.zone) ? next.zone : here;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(instantOf(next, here));
}
/** The Monday of the plan's first week, written out (week 1 of the homework). */
function mondayOf(language: MailLanguage, planAt: number): string {
  const [y, m, d] = weekKey(planAt).split('-').map(Number);
  const at = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  return new Intl.DateTimeFormat(locale(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(at);
}

/** When a plan was made: its session's first start, else when the session was made. */
const planAtOf = (session: SessionMeta, timer: readonly TimerEvent[]) => firstStartAt(timer) ?? session.createdAt;

/** The name the coach signs with (the name on their cards, asked once and kept). */
async function coachName(): Promise<string> {
  return (await readChecked(identityStore)).value?.name ?? '';
}

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
    ? {
        sessionId: planSession.id,
        plan: plans.get(planSession.id) ?? [],
        homework: homework.get(planSession.id) ?? [],
        at: planAtOf(planSession, timers.get(planSession.id) ?? []),
      }
    : null;
  return { sessions, upcoming, target };
}

/**
 * *Ask for the pre-work* for a coachee: the mail in their language, with the upcoming date and the last plan,
 * signed with `name` (as typed, maybe not yet saved) or else the kept one.
 */
export async function makeAskMail(
  coacheeId: string,
  now = Date.now(),
  name?: string,
): Promise<{ mail: PlainMail; language: MailLanguage }> {
  const coachee = (await readChecked(coacheesStore)).value.find((c) => c.id === coacheeId);
  const language = mailLanguageOf(coachee);
  const { target } = await coacheeSessions(coacheeId);
  let date: string | null = null;
  // The upcoming session's date is the one the last plan set (its wrap-up's next date).
  if (target) {
    const wrapUp = (await readChecked(partStore('wrapUp', target.sessionId))).value;
    const next = wrapUp.nextSessionAt;
    if (next !== null && next > now - 86_400_000) date = nextSessionText(language, wrapUp);
  }
  const plan = target ? { sessionId: target.sessionId, steps: target.plan, homework: target.homework } : null;
  const weekOne = target?.at != null ? mondayOf(language, target.at) : null;
  const mail = askMail({
    language,
    coacheeName: coachee?.name ?? '',
    coachName: name ?? (await coachName()),
    coacheeId,
    date,
    plan,
    weekOne,
  });
  return { mail, language };
}

/** *The plan by mail* for a session: its steps to mark, homework with minutes a week, the next date, the feedback; signed as `makeAskMail`. */
export async function makePlanMail(sessionId: string, name?: string): Promise<{ mail: PlainMail; language: MailLanguage }> {
  const meta = (await readChecked(sessionsStore)).value.find((s) => s.id === sessionId);
  const coachee = (await readChecked(coacheesStore)).value.find((c) => c.id === meta?.coacheeId);
  const language = mailLanguageOf(coachee);
  const [plan, homework, wrapUp, timer] = await Promise.all([
    readChecked(partStore('plan', sessionId)),
    readChecked(partStore('homework', sessionId)),
    readChecked(partStore('wrapUp', sessionId)),
    readChecked(partStore('timer', sessionId)),
  ]);
  const planAt = meta ? planAtOf(meta, timer.value) : null;
  const mail = planMail({
    language,
    coacheeName: coachee?.name ?? '',
    coachName: name ?? (await coachName()),
    sessionId,
    plan: { steps: plan.value, homework: homework.value },
    date: planAt === null ? null : day(language, planAt),
    weekOne: planAt === null ? null : mondayOf(language, planAt),
    next: nextSessionText(language, wrapUp.value),
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
  /** When the plan the reply is about was made (week 1 of its homework), when known. */
  planAt: number | null;
}

/** Read a pasted reply (or a dropped .eml/.txt) into a preview, in one reading; writes nothing. */
export async function previewMail(text: string): Promise<{ ok: true; preview: MailPreview } | Extract<ReadMail, { ok: false }>> {
  const read = readMailReply(text);
  if (!read.ok) return read;
  const [coachees, sessions] = await Promise.all([readChecked(coacheesStore), readChecked(sessionsStore)]);
  const { coacheeId, planSessionId } = resolveRef(read.reading.ref, coachees.value, sessions.value);
  let reading = read.reading;
  let planAt: number | null = null;
  const planSession = planSessionId ? sessions.value.find((s) => s.id === planSessionId) : undefined;
  if (planSession) {
    // The steps we asked about, so a mark typed beside a step's text is told from it.
    const [plan, timer] = await Promise.all([
      readChecked(partStore('plan', planSession.id)),
      readChecked(partStore('timer', planSession.id)),
    ]);
    reading = withAskedSteps(reading, { steps: plan.value.map((s) => stepLineText(s.text)) });
    planAt = planAtOf(planSession, timer.value);
  }
  const kind = reading.ref?.kind ?? (reading.title || reading.difficulty || reading.outcome ? 'ask' : 'plan');
  return { ok: true, preview: { reading, kind, coachees: coachees.value, coacheeId, planSessionId, planAt } };
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
      planAt: (id) => {
        const session = sessions.find((s) => s.id === id);
        return session ? planAtOf(session, timers.get(id) ?? []) : null;
      },
    },
    now,
    parts,
  );
  if (!intake.same) await writeSessions(() => intake.change);
  return { sessionId: intake.sessionId, same: intake.same };
}
