/**
 * Which sessions an export covers (the one scope rule, shared by the options
 * page's export and backup and the print view), and the scope as a URL hash.
 */
import { type IndexEntry, sessionTime } from './history/session-index';

export type ExportScope = { kind: 'all' } | { kind: 'coachee'; coacheeId: string } | { kind: 'session'; sessionId: string };

/**
 * The scope a choice means: all sessions, a coachee's (`coacheeId`, or the first
 * coachee while none is chosen) or one session (`sessionId`, or the newest).
 */
export function chosenScope(
  kind: ExportScope['kind'],
  chosen: { coacheeId: string; sessionId: string },
  fallback: { coacheeId?: string; sessionId?: string },
): ExportScope {
  if (kind === 'coachee') return { kind, coacheeId: chosen.coacheeId || fallback.coacheeId || '' };
  if (kind === 'session') return { kind, sessionId: chosen.sessionId || fallback.sessionId || '' };
  return { kind: 'all' };
}

/** The index entries of the sessions in a scope, in the order of their time (oldest first). */
export function entriesIn(entries: Iterable<IndexEntry>, scope: ExportScope): IndexEntry[] {
  return [...entries]
    .filter((e) =>
      scope.kind === 'coachee' ? e.coacheeId === scope.coacheeId : scope.kind === 'session' ? e.id === scope.sessionId : true,
    )
    .sort((a, b) => sessionTime(a) - sessionTime(b));
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
