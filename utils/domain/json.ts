/**
 * Value equality by JSON, the one comparison used for stored values.
 * Pure: no browser calls.
 */

/** Whether two JSON-shaped values are equal. Strings and numbers compare directly (no serialising a 1 MB note). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
