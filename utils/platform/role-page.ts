/**
 * Which popup page a person's role opens (a platform adapter: localStorage).
 * Kept tiny: the popup's first script imports it on every click of the toolbar button.
 */
import type { Role } from '../domain/settings';

/** The page of each view; the coach's and the coachee's popups are separate pages, so neither loads the other's code. */
export const ROLE_PAGES = { coach: 'popup-coach.html', coachee: 'popup-coachee.html' } as const;
export type PopupView = keyof typeof ROLE_PAGES;

/** Where a person with both roles last looked (per browser; a convenience, not data). */
const VIEW_KEY = 'sidecoach.popupView';

/** The view a role opens: for both, the one last shown (the coach's at first). */
export function viewFor(role: Role): PopupView {
  if (role !== 'both') return role;
  return localStorage.getItem(VIEW_KEY) === 'coachee' ? 'coachee' : 'coach';
}

/** Remember the view a person with both roles chose. */
export function rememberView(view: PopupView): void {
  localStorage.setItem(VIEW_KEY, view);
}
