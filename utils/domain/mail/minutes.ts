/**
 * Homework minutes as a coachee writes them in a mail, week by week: "week 1:
 * 25 / week 2: 30", "25 min the first week, 30 the second", "1st week 25 min",
 * "erste Woche 25 Min., zweite Woche 30", "Woche 1: 25", or one figure for
 * the week with none named ("20 min", "1,5 h", "keine"). Weeks are counted
 * as the mail counts them, from the plan's first week (week 1); which dates
 * they are is the intake's business (`intake.ts`). What names no week among
 * several figures, or a week without a figure, is handed back as unplaced
 * text, never dropped.
 * Pure: no browser calls.
 */

/** Minutes in a text: "20", "20 min", "1,5 h", "1 Std", "none": the first figure, in minutes. */
export function minutesOf(text: string): number | null {
  const m = /(\d{1,5}(?:[.,]\d{1,2})?)\s*(hours?|hrs?|h|stunden?|std\.?|minutes?|minuten|mins?\.?|min\.?|m)?(?![\p{L}])/iu.exec(text);
  if (m) {
    const value = Number((m[1] ?? '').replace(',', '.'));
    const hours = /^(h|hrs?|hours?|stunden?|std)/i.test(m[2] ?? '');
    const minutes = Math.round(hours ? value * 60 : value);
    return Number.isFinite(minutes) && minutes <= 10_080 ? minutes : null;
  }
  if (/(?<![\p{L}])(none|nothing|keine|nichts|null)(?![\p{L}])/iu.test(text)) return 0;
  return null;
}

/** Minutes in one week: `week` counts from the plan's first week (1), null when the coachee named none. */
export interface WeekMinutes {
  week: number | null;
  minutes: number;
}

/** Most weeks a plan's homework is counted over (a week number above it is not taken as one). */
export const WEEKS_MAX = 12;

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  erst: 1,
  zweit: 2,
  dritt: 3,
  viert: 4,
  fünft: 5,
  sechst: 6,
  eins: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
};
const WEEK_WORD = '(?:weeks?|wk|woche|wo\\.)';
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
/** A week named in words or figures; group 1 or 2 or 3 holds its number or ordinal. */
const WEEK_REF = new RegExp(
  [
    // "week 1", "Woche 2", "wk3", "w4", "week #2", "week one", "Woche zwei"
    `${L}(?:${WEEK_WORD}|w)\\s*(?:#|nr\\.?|no\\.?)?\\s*(\\d{1,2}|one|two|three|four|five|six|eins|zwei|drei|vier|fünf|sechs)${R}`,
    // "1st week", "2. Woche", "3rd", "the 2nd" (a figure with a full stop only before "week": "I did 20." is no week)
    `${L}(\\d{1,2})(?:(?:st|nd|rd|th)(?:\\s*${WEEK_WORD})?|\\.\\s*${WEEK_WORD})${R}`,
    // "first week", "the second", "erste Woche", "in der zweiten"
    `${L}(first|second|third|fourth|fifth|sixth|(?:erst|zweit|dritt|viert|fünft|sechst)(?:e[nmrs]?)?)(?:\\s+${WEEK_WORD})?${R}`,
  ].join('|'),
  'iu',
);
const MENTIONS_WEEK = new RegExp(`${L}${WEEK_WORD}|${L}w\\s*\\d`, 'iu');

function weekNumber(m: RegExpExecArray): number | null {
  const raw = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
  if (/^\d+$/.test(raw)) return Number(raw);
  const stem = raw.replace(/e[nmrs]?$/, '');
  return ORDINALS[raw] ?? ORDINALS[stem] ?? null;
}

/** Split an answer at its separators: lines, ", ", ";", " / ", "and", "und" (a decimal comma "1,5" stays; "Woche 3 – 45" stays one). */
function segments(text: string): string[] {
  return text
    .split(/\n|;|\s\/\s|\s\|\s|,\s|\s(?:and|und|plus)\s/i)
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap(atEachWeek);
}

/** "week 1 25 week 2 30": a segment that starts with a week and names more is split before each. */
function atEachWeek(segment: string): string[] {
  const all = [...segment.matchAll(new RegExp(WEEK_REF.source, 'giu'))];
  if (all.length < 2 || all[0]?.index !== 0) return [segment];
  return all.map((m, i) => segment.slice(m.index, all[i + 1]?.index ?? segment.length).trim());
}

/** One segment read: the week it names (null: none), its minutes (null: none). */
function readSegment(segment: string, weeksMentioned: boolean): { week: number | null; minutes: number | null; named: boolean } {
  const m = WEEK_REF.exec(segment);
  // An ordinal alone ("30 the second") names a week only where the answer speaks of weeks.
  const ordinalOnly = m && !m[1] && !new RegExp(WEEK_WORD, 'iu').test(m[0]);
  const ref = m && (!ordinalOnly || weeksMentioned) ? m : null;
  const week = ref ? weekNumber(ref) : null;
  const rest = ref ? segment.slice(0, ref.index) + segment.slice(ref.index + ref[0].length) : segment;
  return { week, minutes: minutesOf(rest), named: ref !== null };
}

/**
 * The minutes an answer gives, week by week, and what of it could not be
 * placed. One figure without a week is the week the coachee means by "this
 * week" (week null); several figures need a week each.
 */
export function weekMinutesOf(answer: string): { weeks: WeekMinutes[]; unplaced: string[] } {
  const weeksMentioned = MENTIONS_WEEK.test(answer);
  const read = segments(answer).map((text) => ({ text, ...readSegment(text, weeksMentioned) }));
  const bare = read.filter((r) => !r.named && r.minutes !== null);
  const placed = new Map<number | null, number>();
  const unplaced: string[] = [];
  for (const r of read) {
    const fits = r.named ? r.week !== null && r.week >= 1 && r.week <= WEEKS_MAX : bare.length === 1;
    if (r.minutes !== null && fits) placed.set(r.week, Math.min(10_080, (placed.get(r.week) ?? 0) + r.minutes));
    else if (r.minutes !== null || r.named || /\p{L}/u.test(r.text)) unplaced.push(r.text);
  }
  const weeks = [...placed].map(([week, minutes]) => ({ week, minutes }));
  weeks.sort((a, b) => (a.week ?? 0) - (b.week ?? 0));
  return { weeks, unplaced };
}

/** Words about time: a line that speaks of weeks, minutes or hours. */
const ABOUT_TIME = new RegExp(
  `${MENTIONS_WEEK.source}|${L}(?:min(?:utes?|uten)?|mins?|hours?|hrs?|stunden?|std)${R}|\\d\\s*(?:min|h)${R}`,
  'iu',
);

/**
 * Minutes written in free words, line by line, for a plan with one homework
 * item ("25 min the first week, 30 the second"): a line about weeks or
 * minutes whose every figure has its week is taken; every other line is handed
 * back as it was.
 */
export function freeMinutesOf(text: string): { weeks: WeekMinutes[]; rest: string } {
  const weeks: WeekMinutes[] = [];
  const rest: string[] = [];
  for (const line of text.split('\n')) {
    const read = ABOUT_TIME.test(line) ? weekMinutesOf(line) : null;
    if (read && read.weeks.length > 0 && read.unplaced.length === 0) weeks.push(...read.weeks);
    else if (line.trim()) rest.push(line);
  }
  return { weeks, rest: rest.join('\n') };
}
