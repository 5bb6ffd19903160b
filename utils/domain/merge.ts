/**
 * The default three-way merge of stored values when two pages edit the same
 * item at once (or an edit lands before the page has read the stored value).
 * Pure: no browser calls.
 *
 * - Lists of records with an `id` (plan steps, homework, templates, sessions):
 *   merged by id. Records this page added or changed since the base win;
 *   records it removed stay removed; everything else comes from the other page,
 *   including what the other page added.
 * - Plain records (settings): field by field, each field this page changed wins.
 * - Anything else: this page's value wins.
 */
import { sameJson } from './json';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasIds = (x: unknown): x is { id: string }[] => Array.isArray(x) && x.every((item) => isRecord(item) && typeof item.id === 'string');

export function mergeValues<T>(base: T, local: T, remote: T): T {
  if (sameJson(local, base)) return remote;
  if (sameJson(remote, base)) return local;
  if (hasIds(base) && hasIds(local) && hasIds(remote)) return mergeById(base, local, remote) as T;
  if (isRecord(base) && isRecord(local) && isRecord(remote)) {
    const merged: Record<string, unknown> = { ...remote };
    for (const key of new Set([...Object.keys(local), ...Object.keys(base)])) {
      if (!sameJson(local[key], base[key])) {
        if (key in local) merged[key] = mergeValues(base[key], local[key], remote[key]);
        else delete merged[key];
      }
    }
    return merged as T;
  }
  return local;
}

function mergeById(base: { id: string }[], local: { id: string }[], remote: { id: string }[]): { id: string }[] {
  const baseById = new Map(base.map((x) => [x.id, x]));
  const localById = new Map(local.map((x) => [x.id, x]));
  const result: { id: string }[] = [];
  for (const item of remote) {
    const mine = localById.get(item.id);
    const was = baseById.get(item.id);
    if (was && !mine) continue; // removed here
    result.push(mine && !sameJson(mine, was) ? mine : item);
  }
  // Added here (not in the base, not already in the other page's list), in this page's order.
  const inResult = new Set(result.map((x) => x.id));
  for (const item of local) if (!baseById.has(item.id) && !inResult.has(item.id)) result.push(item);
  return result;
}
