/** What the popup knows at start-up, handed to the coach's and the coachee's popup alike. */
export interface RolePopupProps<Id extends string | null = string> {
  /** The active session (the coach's popup may have none yet). */
  sessionId: Id;
  /** The session whose month plan is under way, if any. */
  planSessionId?: string | null;
  /** The call tab of this window, if there is one. */
  callTab?: { id?: number; active?: boolean };
}
