/**
 * When a session is dated: a held session by its clock's first start; one not
 * yet held by the day it is for (`on`, as the coachee's pre-work card named
 * it), else by when it was made. The history, the coachee's page, the export
 * and the print view all date sessions by this one rule.
 * Pure: no browser calls.
 */

/** Noon on a calendar day (YYYY-MM-DD) in the local zone: a time whose local date is that day wherever it is read. */
export function noonOf(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12).getTime();
  return Number.isFinite(at) ? at : null;
}

/** The time a session is dated by: its first start, else noon on the day it is for, else its creation. */
export function sessionAt(startedAt: number | null, on: string | null | undefined, createdAt: number): number {
  if (startedAt !== null) return startedAt;
  return (on ? noonOf(on) : null) ?? createdAt;
}
