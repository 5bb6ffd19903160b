import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type ExtensionBrowser, pasteClipboard } from './chromium';
import { openFold } from './pages';

/** The paste field's label in the panel's inbox. */
export const PASTE = 'Paste a card or your coachee’s reply to a mail (the whole message is fine)';
/** The button that reads a pasted reply into its preview. */
export const READ = 'Show what it brings';

/** Gmail's inline reply: the mail quoted with "> ", an answer typed under each question. */
export function gmailInline(mail: string, answers: Record<string, string>): string {
  const out = ['On Mon, Nov 30, 2026 at 10:12 AM Maria Coach <maria@coach.example> wrote:', ''];
  for (const line of mail.split('\n')) {
    out.push(line ? `> ${line}` : '>');
    const key = /^\[(\d(?:\.\d+)?)\]/.exec(line)?.[1];
    if (key && answers[key]) out.push('', answers[key], '');
  }
  return out.join('\n');
}

/** Outlook's top-posted reply: numbered answers above the original, which sits unquoted under its headers. */
export const outlookTop = (mail: string, answers: string): string =>
  `${answers}\n\nAnna\n\nFrom: Maria Coach <maria@coach.example>\nSent: Monday, November 30, 2026 10:12 AM\nTo: Anna Berg <anna@example.org>\nSubject: Pre-work\n\n${mail}`;

/** Paste a text into the panel's inbox and ask for its preview. */
export async function readReply(panel: Page, text: string): Promise<void> {
  await openFold(panel, 'Take in a card');
  await panel.getByLabel(PASTE).fill(text);
  await panel.getByRole('button', { name: READ }).click();
}

/** In the panel: write the month's plan, these steps and 30 minutes a week of journaling. */
export async function writePlan(panel: Page, steps: string[]): Promise<void> {
  await openFold(panel, 'Plan for the month');
  for (const step of steps) {
    await panel.getByLabel('New step').fill(step);
    await panel.getByRole('button', { name: 'Add step' }).click();
  }
  await panel.getByLabel('Exercise or reading').fill('Journaling');
  await panel.getByLabel('Minutes a week').fill('30');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
}

/**
 * Copy the plan as a plain mail to `coachee`, once its text shows every line in `shows`, and return what the
 * clipboard holds. The mail is made from what is stored: wait for each part the test wrote (steps and homework
 * are stored apart), or the copy may be taken before the last one lands.
 */
export async function copyPlanMail(browser: ExtensionBrowser, panel: Page, coachee: string, shows: string | string[]): Promise<string> {
  const send = panel.getByRole('region', { name: `Send the plan to ${coachee}` });
  await send.locator('summary', { hasText: 'Or as a plain mail' }).click();
  await send.locator('summary', { hasText: 'The mail: Your plan from our session on' }).click();
  const planBody = send.getByRole('textbox', { name: /^The mail: / });
  for (const line of typeof shows === 'string' ? [shows] : shows) {
    await expect.poll(() => planBody.inputValue(), { timeout: 5000 }).toContain(line);
  }
  await send.getByRole('button', { name: 'Copy the mail' }).click();
  await send.getByText('The mail is on the clipboard', { exact: false }).waitFor();
  return pasteClipboard(browser);
}
