/**
 * Small text rules shared by search, file names and dates.
 * Pure: no browser calls.
 */

/** Lower-case and strip accents, so "resume" finds "Résumé". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The local calendar date of `at` as YYYY-MM-DD (what a date input and a week key use). */
export function isoDate(at: number | Date): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
