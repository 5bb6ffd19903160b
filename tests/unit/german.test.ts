import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The German messages speak to one person one way: "du", and call the person coached "Coachee". */
describe('German messages', () => {
  const de: Record<string, { message: string }> = JSON.parse(readFileSync('public/_locales/de/messages.json', 'utf8'));
  const entries = Object.entries(de).map(([key, { message }]) => ({ key, message }));

  it('address the reader as "du", never as "Sie"', () => {
    // Capitalised "Sie"/"Ihr…" is the formal address in the middle of a sentence; "sie" (they, it) is written small there,
    // and a sentence is not begun with "Sie" either, so a capital one anywhere is the formal address.
    const formal = entries.filter(({ message }) => /\b(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b/.test(message));
    expect(formal).toEqual([]);
  });

  it('call the person being coached "Coachee", one word everywhere', () => {
    const other = entries.filter(({ message }) => /gecoachte Person|Klient|Mandant/i.test(message));
    expect(other).toEqual([]);
  });

  it('have "du" wherever they address the reader', () => {
    const informal = entries.filter(({ message }) => /\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b/i.test(message));
    expect(informal.length).toBeGreaterThan(20);
  });
});
