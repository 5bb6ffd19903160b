import { describe, it } from 'vitest';
import { extensionPerTest } from './chromium';
import { openFold, optionsSection } from './pages';

describe('agenda templates in Chromium', () => {
  const browser = extensionPerTest({ role: 'coach' });

  it('refuses an invalid template with clear messages, saves a valid one, and the panel can follow it', async () => {
    const options = await browser.openPage('options.html');
    await optionsSection(options, 'Templates');
    await options.getByRole('button', { name: 'New template' }).click();
    await options.getByRole('group', { name: 'Phase 1', exact: true }).getByLabel('Minutes').fill('0');
    await options.getByRole('button', { name: 'Save template' }).click();
    const alert = options.getByRole('alert');
    await alert.getByText('Give the template a name.').waitFor();
    await alert.getByText('Phase 1: minutes must be a whole number from 1 to 240.').waitFor();

    await options.getByLabel('Template name').fill('Half hour check-in');
    await options.getByRole('group', { name: 'Phase 1', exact: true }).getByLabel('Minutes').fill('10');
    await options.getByRole('button', { name: 'Remove phase 3' }).click();
    await options.getByRole('group', { name: 'Phase 2', exact: true }).getByLabel('Minutes').fill('20');
    await options.getByText('30 minutes in all').waitFor();
    await options.getByRole('button', { name: 'Save template' }).click();
    await options.getByText('Template saved.').waitFor();
    await options.getByRole('region', { name: 'Agenda templates' }).getByText('Half hour check-in', { exact: true }).waitFor();

    const panel = await browser.openPage('sidepanel.html');
    await openFold(panel, 'Phases');
    await panel.getByLabel('Agenda for this session').selectOption({ label: 'Half hour check-in' });
    await panel.getByText('planned 10 min', { exact: false }).waitFor();
    await panel
      .getByRole('timer', { name: /session/i })
      .getByText('30:00')
      .waitFor();
  });
});
