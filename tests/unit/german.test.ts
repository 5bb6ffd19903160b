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

  it('guess no pronoun for a coachee or a coach: no "sein" for theirs, no "sie oder er"', () => {
    // In a message about a coachee or a coach, "sein…" is theirs, and guesses a man ("er"/"ihn" are left out:
    // they are also the plan, the export, the browser). "sie oder er" guesses there are two to choose from.
    const aboutPerson = entries.filter(({ message }) => /Coachee|Coach\b/.test(message));
    const guessed = aboutPerson.filter(({ message }) => /\b(sein|seine|seinen|seinem|seiner|seines)\b/.test(message));
    expect(guessed).toEqual([]);
    expect(entries.filter(({ message }) => /\b(sie|er) oder (er|sie|ihn)\b|\bsie zurückgehalten\b/.test(message))).toEqual([]);
  });

  it('say one word for the panel and one for the call: "Panel", "Call"', () => {
    // Not "Sitzungsleiste", "Seitenleiste" or "Leiste" (the toolbar, "Symbolleiste", is another thing), not "Anruf".
    const other = entries.filter(({ message }) => /(?<!Symbol)leiste|\bLeiste|Anruf/i.test(message.replace(/Symbolleiste/g, '')));
    expect(other).toEqual([]);
  });
});
