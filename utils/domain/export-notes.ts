/**
 * Sessions as notes that notes tools read (Obsidian, Logseq, a folder of
 * Markdown files): each session's Markdown opens with YAML front matter
 * (date, coachee, topic, phases planned and taken, the plan's count, tags) and
 * carries the plan as `- [ ]` / `- [x]` tasks; one file per session gets a name
 * `YYYY-MM-DD Coachee — topic.md` that every file system takes.
 * Pure: labels and formatting come from the caller.
 */
import type { SessionRecord } from './backup';
import { documentMarkdown, type MarkdownContext, sessionDocument, sessionMarkdown } from './export-markdown';
import { sessionAt } from './session-day';
import { sessionMinutes } from './session-figures';
import { fold, isoDate } from './text';
import { firstStartAt } from './timer-log';

/** A character YAML does not allow as it is (outside the printable set, YAML 1.2 §5.1), or a line break other than \n. */
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point: they are escaped
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A string as a YAML double-quoted scalar, for every text (quotes, colons, `---`,
 * `#`, line breaks, control characters, lone surrogates) stays one value and
 * cannot end the block or start another key.
 */
export function yamlString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(UNPRINTABLE, (c) => {
      const code = c.charCodeAt(0);
      // A lone surrogate is not a character: it becomes U+FFFD, the replacement character.
      return code >= 0xd800 && code <= 0xdfff ? '\\uFFFD' : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    });
  return `"${body}"`;
}

/** The day a session took place or is for: its clock's first start; not yet held, the day it is for (`on`), else when it was made. */
export function sessionDay(session: SessionRecord): number {
  return sessionAt(firstStartAt(session.timer), session.meta.on, session.meta.createdAt);
}

/** A tag notes tools accept (letters, digits, `-`, `_`, `/`), from a name; empty when nothing is left. */
function tag(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** A session's details as the lines of a YAML mapping (date, coachee, topic, phases, the plan's count). */
export function sessionFields(session: SessionRecord, ctx: MarkdownContext): string[] {
  // The recorded times, from the one source the agenda table of the same export reads.
  const m = sessionMinutes(session.timer, session.agenda ?? ctx.defaultAgenda, ctx.now);
  return [
    `date: ${isoDate(sessionDay(session))}`,
    `coachee: ${yamlString(ctx.coacheeName)}`,
    `topic: ${yamlString(session.topic.title.trim())}`,
    `started: ${firstStartAt(session.timer) === null ? 'false' : 'true'}`,
    ...(m.phases.length === 0 ? ['phases: []'] : ['phases:']),
    ...m.phases.flatMap((p) => [`  - title: ${yamlString(p.title)}`, `    planned: ${p.planned}`, `    taken: ${p.taken}`]),
    `planned_minutes: ${m.planned}`,
    `taken_minutes: ${m.taken}`,
    `plan_done: ${session.plan.filter((s) => s.done).length}`,
    `plan_total: ${session.plan.length}`,
  ];
}

/** The tags notes tools file a note under: coaching, sidecoach, and one per coachee named. */
function tagLines(coachees: readonly string[]): string[] {
  const who = [...new Set(coachees.map(tag).filter(Boolean))];
  return ['tags:', ...['coaching', 'sidecoach', ...who.map((w) => `coachee/${w}`)].map((t) => `  - ${yamlString(t)}`)];
}

/** One session's YAML front matter, between `---` lines. */
export function sessionFrontMatter(session: SessionRecord, ctx: MarkdownContext): string {
  return `${['---', ...sessionFields(session, ctx), ...tagLines([ctx.coacheeName]), '---'].join('\n')}\n`;
}

/** One session as a note: front matter, then the session's Markdown (the plan as tasks). */
export function sessionNote(session: SessionRecord, ctx: MarkdownContext): string {
  return `${sessionFrontMatter(session, ctx)}\n${sessionMarkdown(session, ctx)}`;
}

/** What a file of many sessions holds, for its one front matter. */
export interface NotesFileHead {
  /** The file's title in the reader's words (also its first heading). */
  title: string;
  /** Whose sessions: every coachee named in it, in the order first met. */
  coachees: readonly string[];
  /** When the file was written. */
  exportedAt: number;
  /** Whether the file ends with progress figures. */
  progress: boolean;
}

/**
 * The one front matter of a file of many sessions: what it holds (title, when
 * written, coachees, how many sessions from which day to which, whether
 * progress figures follow), tags, and each session's details (`sessions`, the
 * lines of `sessionFields`, oldest first) as a list. ISO dates: this is data.
 */
export function notesFileFrontMatter(head: NotesFileHead, sessions: readonly (readonly string[])[]): string {
  const dates = sessions.map((lines) => lines[0]?.replace(/^date: /, '') ?? '');
  const lines = [
    '---',
    `title: ${yamlString(head.title)}`,
    `exported: ${isoDate(head.exportedAt)}`,
    ...(head.coachees.length === 0 ? ['coachees: []'] : ['coachees:', ...head.coachees.map((c) => `  - ${yamlString(c)}`)]),
    `session_count: ${sessions.length}`,
    ...(dates.length > 0 ? [`first_session: ${dates[0]}`, `last_session: ${dates[dates.length - 1]}`] : []),
    `progress: ${head.progress}`,
    ...tagLines(head.coachees),
    ...(sessions.length === 0 ? ['sessions: []'] : ['sessions:']),
    ...sessions.flatMap((fields) => fields.map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`)),
    '---',
  ];
  return `${lines.join('\n')}\n`;
}

/** One session as a section of a file of many: its document with every heading one level down. */
export function sessionSection(session: SessionRecord, ctx: MarkdownContext): string {
  return documentMarkdown(sessionDocument(session, ctx), 1);
}

/** Characters no file system (or notes tool's links: `#^[]|`) takes, and controls and bidi marks. */
const UNSAFE_IN_NAME =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not reach a file name
  /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Longest name kept, in characters, before ` (2)` and `.md` (file systems allow 255 bytes). */
const NAME_MAX = 80;

/**
 * `YYYY-MM-DD Coachee — topic.md`, safe on Windows, macOS and Linux and in a
 * zip: no path separators or reserved characters, no leading dot, no trailing
 * dot or space, not too long; ` (2)`, ` (3)`… when a name is already in `taken`
 * (compared without case, as Windows and macOS do), which it is added to.
 */
export function sessionFileName(session: SessionRecord, coachee: string, taken: Set<string>): string {
  const clean = (text: string) => text.replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim();
  const topic = clean(session.topic.title);
  let base = `${isoDate(sessionDay(session))} ${clean(coachee)}${topic ? ` — ${topic}` : ''}`;
  base = Array.from(base)
    .slice(0, NAME_MAX)
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  let name = `${base}.md`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).md`;
  taken.add(name.toLowerCase());
  return name;
}
