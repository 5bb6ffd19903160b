/**
 * Sessions as Markdown a person would paste into a document.
 * Pure: labels and formatting come from the caller.
 */
import type { Phase } from './agenda';
import type { SessionRecord } from './backup';
import type { SessionDate } from './session-date';
import { sessionAt } from './session-day';
import { sessionMinutes } from './session-figures';
import { SELF_COACHEE_ID } from './session-list';
import { fold, isoDate } from './text';
import { firstStartAt } from './timer-log';

/** Every heading and phrase of the export, in the user's language. */
export interface MarkdownLabels {
  title: (date: string, coachee: string) => string;
  prework: string;
  topic: string;
  difficulty: string;
  outcome: string;
  agenda: string;
  phase: string;
  planned: string;
  actual: string;
  total: string;
  minutes: (n: number) => string;
  notes: string;
  plan: string;
  homework: (minutesPerWeek: number) => string;
  exercise: string;
  reading: string;
  perWeek: (n: number) => string;
  review: string;
  status: Record<'done' | 'partly' | 'not', string>;
  heldBack: string;
  dreading: string;
  /** The coach's note on a step, and the coachee's own words on it: whose words each is. */
  coachHeldBack: string;
  coachDreading: string;
  coacheeHeldBack: string;
  coacheeDreading: string;
  rootCause: string;
  feedback: string;
  nextSession: string;
  checkIn: string;
  none: string;
  /** Minutes logged in the week of Monday `week` (ISO date). */
  loggedWeek: (week: string, minutes: number) => string;
  /** What the coachee said of a step, as theirs. */
  coacheeMark: (mark: string) => string;
}

export interface MarkdownContext {
  coacheeName: string;
  defaultAgenda: Phase[];
  labels: MarkdownLabels;
  formatDate: (epochMs: number) => string;
  /** The next date as it was picked (a day, or a time in its zone); without it the stored instant is shown. */
  formatSessionDate?: (date: SessionDate) => string;
  /** A day (ISO `YYYY-MM-DD`) in prose, as `formatDate` writes days; without it the ISO day is shown. */
  formatDay?: (isoDay: string) => string;
  now: number;
}

/** One piece of a session's document: what both the Markdown export and the print view lay out. */
export type DocBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** A labelled value: on one line, or (block) with the text in a paragraph of its own. */
  | { kind: 'field'; label: string; text: string; block?: boolean }
  | { kind: 'text'; text: string }
  /** A table; `total` is a last, bold row (the agenda's sums). */
  | { kind: 'table'; head: string[]; rows: string[][]; total?: string[] }
  | { kind: 'list'; items: DocListItem[] };

export interface DocListItem {
  text: string;
  /** A checklist item's state; absent for a plain item. */
  checked?: boolean;
  /** Lines under the item. */
  sub?: string[];
}

/**
 * One session as a document model, every user text trimmed once here. Headings
 * and phrases come from `ctx.labels`, user text is kept as typed.
 */
export function sessionDocument(session: SessionRecord, ctx: MarkdownContext): DocBlock[] {
  const { labels: l } = ctx;
  const doc: DocBlock[] = [];
  // Held: its first start; not yet held: the day it is for (as the export's file names and front matter date it).
  const started = sessionAt(firstStartAt(session.timer), session.meta.on, session.meta.createdAt);
  const { topic, wrapUp, review } = session;
  doc.push({ kind: 'heading', level: 1, text: l.title(ctx.formatDate(started), ctx.coacheeName) });

  doc.push({ kind: 'heading', level: 2, text: l.prework }, { kind: 'field', label: l.topic, text: topic.title.trim() || l.none });
  if (topic.difficulty.trim()) doc.push({ kind: 'field', label: l.difficulty, text: topic.difficulty.trim(), block: true });
  if (topic.outcome.trim()) doc.push({ kind: 'field', label: l.outcome, text: topic.outcome.trim(), block: true });

  // Recorded times only (a forgotten clock is ended by the auto-end rule), from the one source of session figures.
  const m = sessionMinutes(session.timer, session.agenda ?? ctx.defaultAgenda, ctx.now);
  doc.push(
    { kind: 'heading', level: 2, text: l.agenda },
    {
      kind: 'table',
      head: [l.phase, l.planned, l.actual],
      rows: m.phases.map((p) => [p.title, l.minutes(p.planned), l.minutes(p.taken)]),
      total: [l.total, l.minutes(m.planned), l.minutes(m.taken)],
    },
  );

  doc.push({ kind: 'heading', level: 2, text: l.notes }, { kind: 'text', text: session.notes.trim() || l.none });

  doc.push({ kind: 'heading', level: 2, text: l.plan });
  doc.push(
    session.plan.length === 0
      ? { kind: 'text', text: l.none }
      : {
          kind: 'list',
          items: session.plan.map((step) => ({
            text: step.partly && !step.done ? `${step.text.trim()} (${l.status.partly})` : step.text.trim(),
            checked: step.done,
          })),
        },
  );

  const weekly = session.homework.reduce((sum, a) => sum + a.minutesPerWeek, 0);
  doc.push({ kind: 'heading', level: 2, text: l.homework(weekly) });
  doc.push(
    session.homework.length === 0
      ? { kind: 'text', text: l.none }
      : {
          kind: 'list',
          items: session.homework.map((a) => ({
            text: `${a.kind === 'exercise' ? l.exercise : l.reading}: ${a.title.trim()} (${l.perWeek(a.minutesPerWeek)})`,
            sub: Object.entries(a.logged)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([week, n]) => l.loggedWeek(ctx.formatDay ? ctx.formatDay(week) : week, n)),
          })),
        },
  );

  if (review) {
    const own = session.meta.coacheeId === SELF_COACHEE_ID;
    doc.push({ kind: 'heading', level: 2, text: l.review });
    doc.push({
      kind: 'list',
      items: review.items.map((item) => ({
        text: `${item.text.trim()}: ${l.status[item.status]}`,
        sub: [
          ...(item.coachee ? [l.coacheeMark(l.status[item.coachee.mark])] : []),
          ...(item.coachee?.heldBack.trim() ? [`${l.coacheeHeldBack}: ${item.coachee.heldBack.trim()}`] : []),
          ...(item.coachee?.dreading.trim() ? [`${l.coacheeDreading}: ${item.coachee.dreading.trim()}`] : []),
          // The coach's own note, said to be theirs; in one's own sessions the answers are simply one's own.
          ...(item.heldBack.trim() ? [`${own ? l.heldBack : l.coachHeldBack}: ${item.heldBack.trim()}`] : []),
          ...(item.dreading.trim() ? [`${own ? l.dreading : l.coachDreading}: ${item.dreading.trim()}`] : []),
        ],
      })),
    });
    if (review.rootCause.trim()) doc.push({ kind: 'field', label: l.rootCause, text: review.rootCause.trim() });
  }

  if (wrapUp.feedback.trim() || wrapUp.nextSessionAt !== null || wrapUp.checkInNote.trim()) {
    doc.push({ kind: 'heading', level: 2, text: l.feedback });
    if (wrapUp.feedback.trim()) doc.push({ kind: 'text', text: wrapUp.feedback.trim() });
    if (wrapUp.nextSessionAt !== null || wrapUp.next)
      doc.push({
        kind: 'field',
        label: l.nextSession,
        text: wrapUp.next && ctx.formatSessionDate ? ctx.formatSessionDate(wrapUp.next) : ctx.formatDate(wrapUp.nextSessionAt ?? 0),
      });
    if (wrapUp.checkInNote.trim()) doc.push({ kind: 'field', label: l.checkIn, text: wrapUp.checkInNote.trim() });
  }
  return doc;
}

/**
 * User text as Markdown that keeps the document's shape: a line that would open
 * a heading (`# …`) or underline the line above into one (`---`, `===`) is
 * escaped, so a typed `#` or `---` never starts a section or a front matter.
 * Everything else (lists, emphasis) stays as typed.
 */
export function userMarkdown(text: string): string {
  // `#tag` (no space) is a tag in notes tools, not a heading: it stays.
  return text.replace(/^( {0,3})(#{1,6}(?=[ \t]|$)|[-=]+[ \t]*$)/gm, '$1\\$2');
}
/** Indent continuation lines so multi-line text stays inside its list item. */
const indent = (text: string) => userMarkdown(text).replace(/\n/g, '\n  ');
/** A table cell: one line, its pipes escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/**
 * A document model as Markdown; `shift` moves every heading down that many
 * levels (a session inside a file of many is a level-2 section).
 */
export function documentMarkdown(doc: readonly DocBlock[], shift = 0): string {
  const out: string[] = [];
  for (const block of doc) {
    switch (block.kind) {
      case 'heading':
        out.push(`${'#'.repeat(Math.min(6, block.level + shift))} ${block.text}`, '');
        break;
      case 'field':
        if (block.block) out.push(`**${block.label}:**`, '', userMarkdown(block.text), '');
        else out.push(`**${block.label}:** ${userMarkdown(block.text)}`, '');
        break;
      case 'text':
        out.push(userMarkdown(block.text), '');
        break;
      case 'table':
        out.push(`| ${block.head.join(' | ')} |`, `| --- |${' ---: |'.repeat(block.head.length - 1)}`);
        for (const row of block.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
        if (block.total) out.push(`| ${block.total.map((c) => `**${cell(c)}**`).join(' | ')} |`);
        out.push('');
        break;
      case 'list':
        for (const item of block.items) {
          out.push(`- ${item.checked === undefined ? '' : `[${item.checked ? 'x' : ' '}] `}${indent(item.text)}`);
          for (const line of item.sub ?? []) out.push(`  - ${indent(line)}`);
        }
        out.push('');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** One session as Markdown. User text is kept as typed. */
export function sessionMarkdown(session: SessionRecord, ctx: MarkdownContext): string {
  return documentMarkdown(sessionDocument(session, ctx));
}

/** A file name with the date (the coach's own calendar day, not UTC's) and the coachee, safe on every system. */
export function exportFileName(kind: string, date: Date, coachee: string | null, extension: string): string {
  const day = isoDate(date);
  const who = coachee
    ? `-${fold(coachee)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40)}`
    : '';
  return `sidecoach-${kind}-${day}${who || ''}.${extension}`;
}
