/**
 * Which sessions an export covers, and how they are laid out (pure helpers
 * shared by the options page and the print view).
 */
import type { Phase } from './agenda';
import type { DataSet, SessionRecord } from './backup';
import type { MarkdownContext, MarkdownLabels } from './export-markdown';

export type ExportScope = { kind: 'all' } | { kind: 'coachee'; coacheeId: string } | { kind: 'session'; sessionId: string };

/** The sessions in a scope, oldest first. */
export function sessionsIn(data: DataSet, scope: ExportScope): SessionRecord[] {
  const all = [...data.sessions].sort((a, b) => a.meta.createdAt - b.meta.createdAt);
  if (scope.kind === 'coachee') return all.filter((s) => s.meta.coacheeId === scope.coacheeId);
  if (scope.kind === 'session') return all.filter((s) => s.meta.id === scope.sessionId);
  return all;
}

/** The coachee's display name ("Me" for the unnamed self). */
export function coacheeName(data: DataSet, coacheeId: string, selfName: string): string {
  return data.coachees.find((c) => c.id === coacheeId)?.name || selfName;
}

/** A scope as URL hash text (for the print view) and back. */
export function scopeToHash(scope: ExportScope): string {
  return scope.kind === 'all'
    ? 'all'
    : scope.kind === 'coachee'
      ? `coachee=${encodeURIComponent(scope.coacheeId)}`
      : `session=${encodeURIComponent(scope.sessionId)}`;
}
export function scopeFromHash(hash: string): ExportScope {
  const text = hash.replace(/^#/, '');
  const [kind, value] = text.split('=');
  if (kind === 'coachee' && value) return { kind: 'coachee', coacheeId: decodeURIComponent(value) };
  if (kind === 'session' && value) return { kind: 'session', sessionId: decodeURIComponent(value) };
  return { kind: 'all' };
}
