/**
 * The reference line at the end of each of our mails (`Ref: SC2-A-…`): which
 * kind of mail a reply answers and hashes of the coach's ids, so the coach's
 * browser can tell whose reply it is while no id leaves in clear.
 * Pure: no browser calls.
 */
import { crc32 } from '../card-format';

/** A reply's reference. */
export interface MailRef {
  kind: 'ask' | 'plan';
  /** ask: crc32 of the coachee's id; plan: crc32 of the plan's session id. */
  target: string;
  /** ask: crc32 of the session whose plan was asked about, or null. */
  planSession: string | null;
  /** 1: mails before phones (a plan mail numbered from [4]); 2: each mail numbered from [1]. */
  version: 1 | 2;
}

/** The reference line of a mail (always the current version). */
export function refLine(ref: Omit<MailRef, 'version'>): string {
  return `Ref: SC2-${ref.kind === 'ask' ? 'A' : 'P'}-${ref.target}${ref.planSession ? `-${ref.planSession}` : ''}`;
}
const REF = /\bSC([12])-([AP])-([0-9a-f]{8})(?:-([0-9a-f]{8}))?\b/;

/** The reference of a mail found anywhere in a reply (the newest, nearest the top), or null. */
export function findMailRef(text: string): MailRef | null {
  const m = REF.exec(text);
  if (!m) return null;
  return { kind: m[2] === 'A' ? 'ask' : 'plan', target: m[3] ?? '', planSession: m[4] ?? null, version: m[1] === '1' ? 1 : 2 };
}
/** Whether a line is a reference line we wrote. */
export const isRefLine = (line: string): boolean => /^Ref:\s*SC[12]-[AP]-[0-9a-f]{8}(?:-[0-9a-f]{8})?\s*$/.test(line.trim());
/** The hash a reference carries for an id. */
export const refHash = (id: string): string => crc32(id);
