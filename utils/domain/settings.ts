/**
 * User settings and their defaults. Pure: no browser calls.
 */
import * as v from 'valibot';

export const SettingsSchema = v.object({
  alerts: v.object({
    /** A short chime at phase ends and five minutes before the hour ends. */
    sound: v.boolean(),
    /** A system notification at the same moments. */
    notification: v.boolean(),
    /** Minutes left in the phase on the toolbar button. */
    badge: v.boolean(),
  }),
  theme: v.picklist(['system', 'light', 'dark']),
  /** A notification about two weeks after a session, inviting a one-line progress note (off by default). */
  checkIn: v.optional(v.boolean(), false),
  /** The template new sessions follow (the built-in hour unless chosen). */
  defaultTemplateId: v.optional(v.pipe(v.string(), v.maxLength(100)), 'method-hour'),
  /** A notification two days before the next session's date, to write the pre-work (on by default). */
  preworkReminder: v.optional(v.boolean(), true),
  /** The panel shows only the clock bar and the notes. */
  compactPanel: v.optional(v.boolean(), false),
  /** Who this person is here (asked once on the welcome page or in the popup; absent until chosen, never guessed). */
  role: v.optional(v.picklist(['coach', 'coachee', 'both'])),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
/** Coach, coachee, or both (a coach who also has a coach). */
export type Role = NonNullable<Settings['role']>;
/** The roles in the order they are offered. */
export const ROLES: readonly Role[] = ['coach', 'coachee', 'both'];

export const DEFAULT_SETTINGS: Settings = {
  alerts: { sound: true, notification: true, badge: true },
  theme: 'system',
  checkIn: false,
  defaultTemplateId: 'method-hour',
  compactPanel: false,
  preworkReminder: true,
};

/**
 * Which small items are mirrored to the browser's sync storage (settings and templates; never sessions or notes).
 * Off until the person turns it on: the browser's sync carries data through Google's or Mozilla's servers, and
 * Sidecoach promises that nothing leaves the browser unless the person chooses so.
 */
export const SyncPrefsSchema = v.object({
  settings: v.boolean(),
  templates: v.boolean(),
});
export type SyncPrefs = v.InferOutput<typeof SyncPrefsSchema>;
export const DEFAULT_SYNC_PREFS: SyncPrefs = { settings: false, templates: false };
