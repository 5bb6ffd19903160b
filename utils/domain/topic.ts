/**
 * Pre-work topic rules. Pure: no browser calls.
 */
import type { Topic } from './model';

const FIELDS = ['title', 'difficulty', 'outcome'] as const;

/**
 * Merge two pages' edits of one topic field by field: a field this page changed
 * since `base` keeps this page's text, every other field takes the other page's.
 * So the popup editing the title and the panel editing the outcome at once both win.
 */
export function mergeTopic(base: Topic, local: Topic, remote: Topic): Topic {
  const merged: Topic = { ...remote, updatedAt: Math.max(local.updatedAt, remote.updatedAt) };
  for (const field of FIELDS) {
    if (local[field] !== base[field]) merged[field] = local[field];
  }
  return merged;
}
