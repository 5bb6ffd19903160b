/**
 * Starting the next session of a coachee (a platform adapter).
 */
import type { SessionMeta } from '../domain/model';
import { ensureActiveSession, SELF_COACHEE_ID } from './sessions';
import { activeSessionIdStore, agendaStore, readChecked, sessionsStore, settingsStore, templatesStore, topicStore } from './storage';

/**
 * Start a new session for the active session's coachee. The previous session
 * stays as it is; its topic is copied forward only when asked.
 */
export async function startNewSession(options: { carryTopic: boolean }, now = Date.now()): Promise<string> {
  const previousId = await ensureActiveSession(now);
  const sessions = (await readChecked(sessionsStore)).value;
  const previous = sessions.find((s) => s.id === previousId);
  const coacheeId = previous?.coacheeId ?? SELF_COACHEE_ID;
  const session: SessionMeta = { id: `${coacheeId}-${now.toString(36)}`, coacheeId, createdAt: now };
  if (options.carryTopic) {
    const topic = (await readChecked(topicStore(previousId))).value;
    await topicStore(session.id).item.setValue({ ...topic, updatedAt: now });
  }
  // New sessions follow the template chosen in the settings (the built-in hour by default).
  const [settings, templates] = await Promise.all([readChecked(settingsStore), readChecked(templatesStore)]);
  const chosen = templates.value.find((tpl) => tpl.id === settings.value.defaultTemplateId);
  if (chosen) await agendaStore(session.id).item.setValue(chosen.phases);
  await sessionsStore.item.setValue([...sessions, session]);
  await activeSessionIdStore.item.setValue(session.id);
  return session.id;
}
