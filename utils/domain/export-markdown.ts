/**
 * Sessions as Markdown a person would paste into a document.
 * Pure: labels and formatting come from the caller.
 */
import type { Phase } from './agenda';
import type { SessionRecord } from './backup';
import { fold } from './text';
import { timerView } from './timer';
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
  rootCause: string;
  feedback: string;
  nextSession: string;
  checkIn: string;
  none: string;
}

export interface MarkdownContext {
  coacheeName: string;
  defaultAgenda: Phase[];
  labels: MarkdownLabels;
  formatDate: (epochMs: number) => string;
  now: number;
}

/** Indent continuation lines so multi-line text stays inside its list item. */
const indent = (text: string) => text.trim().replace(/\n/g, '\n  ');
const minutes = (ms: number) => Math.round(ms / 60_000);

/** One session as Markdown. User text is kept as typed. */
export function sessionMarkdown(session: SessionRecord, ctx: MarkdownContext): string {
  const { labels: l } = ctx;
  const out: string[] = [];
  const started = firstStartAt(session.timer) ?? session.meta.createdAt;
  out.push(`# ${l.title(ctx.formatDate(started), ctx.coacheeName)}`, '');

  out.push(`## ${l.prework}`, '');
  out.push(`**${l.topic}:** ${session.topic.title.trim() || l.none}`, '');
  if (session.topic.difficulty.trim()) out.push(`**${l.difficulty}:**`, '', session.topic.difficulty.trim(), '');
  if (session.topic.outcome.trim()) out.push(`**${l.outcome}:**`, '', session.topic.outcome.trim(), '');

  const agenda = session.agenda ?? ctx.defaultAgenda;
  const view = timerView(session.timer, agenda, ctx.now);
  out.push(`## ${l.agenda}`, '', `| ${l.phase} | ${l.planned} | ${l.actual} |`, '| --- | ---: | ---: |');
  for (const p of view.phases)
    out.push(`| ${p.title.replace(/\|/g, '\\|')} | ${l.minutes(minutes(p.plannedMs))} | ${l.minutes(minutes(p.actualMs))} |`);
  out.push(`| **${l.total}** | **${l.minutes(minutes(view.sessionMs))}** | **${l.minutes(minutes(view.sessionElapsedMs))}** |`, '');

  out.push(`## ${l.notes}`, '', session.notes.trim() || l.none, '');

  out.push(`## ${l.plan}`, '');
  if (session.plan.length === 0) out.push(l.none);
  for (const step of session.plan) out.push(`- [${step.done ? 'x' : ' '}] ${indent(step.text)}`);
  out.push('');

  const weekly = session.homework.reduce((sum, a) => sum + a.minutesPerWeek, 0);
  out.push(`## ${l.homework(weekly)}`, '');
  if (session.homework.length === 0) out.push(l.none);
  for (const a of session.homework)
    out.push(`- ${a.kind === 'exercise' ? l.exercise : l.reading}: ${indent(a.title)} (${l.perWeek(a.minutesPerWeek)})`);
  out.push('');

  if (session.review) {
    out.push(`## ${l.review}`, '');
    for (const item of session.review.items) {
      out.push(`- ${indent(item.text)}: ${l.status[item.status]}`);
      if (item.heldBack.trim()) out.push(`  - ${l.heldBack}: ${indent(item.heldBack)}`);
      if (item.dreading.trim()) out.push(`  - ${l.dreading}: ${indent(item.dreading)}`);
    }
    if (session.review.rootCause.trim()) out.push('', `**${l.rootCause}:** ${session.review.rootCause.trim()}`);
    out.push('');
  }

  if (session.wrapUp.feedback.trim() || session.wrapUp.nextSessionAt !== null || session.wrapUp.checkInNote.trim()) {
    out.push(`## ${l.feedback}`, '');
    if (session.wrapUp.feedback.trim()) out.push(session.wrapUp.feedback.trim(), '');
    if (session.wrapUp.nextSessionAt !== null) out.push(`**${l.nextSession}:** ${ctx.formatDate(session.wrapUp.nextSessionAt)}`, '');
    if (session.wrapUp.checkInNote.trim()) out.push(`**${l.checkIn}:** ${session.wrapUp.checkInNote.trim()}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Several sessions, oldest first, separated by rules. */
export function sessionsMarkdown(sessions: readonly SessionRecord[], ctxFor: (s: SessionRecord) => MarkdownContext): string {
  return [...sessions]
    .sort((a, b) => a.meta.createdAt - b.meta.createdAt)
    .map((s) => sessionMarkdown(s, ctxFor(s)))
    .join('\n---\n\n');
}

/** A file name with the date and the coachee, safe on every system. */
export function exportFileName(kind: string, date: Date, coachee: string | null, extension: string): string {
  const day = date.toISOString().slice(0, 10);
  const who = coachee
    ? `-${fold(coachee)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40)}`
    : '';
  return `sidecoach-${kind}-${day}${who || ''}.${extension}`;
}
