import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { extensionPerTest } from './chromium';

describe('in German', () => {
  const browser = extensionPerTest({ lang: 'de' });

  it('shows the popup and the panel in German, with no WCAG violations', async () => {
    const popup = await browser.openPage('popup.html');
    await popup.getByRole('heading', { name: 'Bereite deine Sitzung vor' }).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    await popup.getByLabel('Dein Thema in einer Zeile').fill('Wie behebe ich diese Fehlermeldung in der Datenbank-Abfrage');
    await popup.getByText('Das klingt nach einer Frage mit einer sachlichen Antwort', { exact: false }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);

    const panel = await browser.openPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Sitzungsuhr' }).waitFor();
    await panel.getByRole('button', { name: 'Starten', exact: true }).click();
    await panel.getByText('Das Problem verstehen', { exact: false }).first().waitFor();
    expect(await axeViolations(panel)).toEqual([]);
  });
});
