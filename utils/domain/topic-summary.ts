/**
 * The pre-work as plain text for the coach. Pure: no browser calls.
 */
import type { Topic } from './model';

/** Headings for the plain-text summary, in the user's language. */
export interface SummaryLabels {
  heading: string;
  topic: string;
  difficulty: string;
  outcome: string;
}

/** The pre-work as tidy plain text, for the call chat or an email; empty fields are left out. */
export function topicSummary(topic: Topic, labels: SummaryLabels): string {
  const parts = [labels.heading, '', `${labels.topic}: ${topic.title.trim()}`];
  if (topic.difficulty.trim()) parts.push('', `${labels.difficulty}:`, topic.difficulty.trim());
  if (topic.outcome.trim()) parts.push('', `${labels.outcome}:`, topic.outcome.trim());
  return parts.join('\n');
}
