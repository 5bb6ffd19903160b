/**
 * The coachee with nothing installed: the coach asks for the pre-work by mail
 * (the text read from the clipboard and from the mailto: link), replies built
 * from that text in two mail programs' quoting styles are pasted under *Take
 * in a card or a reply*, read into an editable preview, corrected and taken
 * in; the same for the plan by mail (minutes by the week); a lazy reply with
 * labels instead of markers; a text that is no reply changes nothing; the
 * language of a coachee's mails kept across a change of the browser's language.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { extensionPerTest, launchExtension, pasteClipboard } from './chromium';
import { addCoachee, openFold } from './pages';
import { copyPlanMail, gmailInline, outlookTop, PASTE, readReply, writePlan } from './replies';
import { everything, settled } from './storage';

describe('the coachee by plain mail', () => {
  const coach = extensionPerTest({ role: 'coach' });

  it('asks for the pre-work, reads two replies back with a preview, takes the corrected answers in; the plan by mail logs a step and minutes in two weeks; a non-reply changes nothing', async () => {
    // The coach adds Anna (the coach's popup) and opens the panel.
    await addCoachee(await coach.openPage('popup.html'), 'Anna');
    const panel = await coach.openPage('sidepanel.html');

    // Ask for the pre-work: copy the mail, and read the mailto: link.
    await openFold(panel, 'Ask for the pre-work');
    await panel.getByRole('combobox', { name: 'Language of the mails to Anna' }).waitFor();
    const copy = panel.getByRole('button', { name: 'Copy the mail' });
    await expect.poll(() => copy.isEnabled(), { timeout: 5000 }).toBe(true);
    await copy.click();
    await panel.getByText('The mail is on the clipboard', { exact: false }).waitFor();
    const mail = await pasteClipboard(coach);
    expect(mail).toContain('Hi Anna,');
    expect(mail).toContain('[1] Topic: the hardest work problem of the past 2 to 4 weeks');
    const href = (await panel.getByRole('link', { name: 'Open in my mail program' }).getAttribute('href')) ?? '';
    expect(href).toMatch(/^mailto:\?subject=Pre-work/);
    expect(decodeURIComponent(href.split('&body=')[1] ?? '')).toBe(mail);
    await expectAccessible(panel, 'ask for the pre-work');

    // Reply 1, Outlook top-posted: the preview shows each answer; cancelled.
    await readReply(panel, outlookTop(mail, '1. Release keeps slipping\n2. Telling the client\n3. A first sentence'));
    await expect.poll(() => panel.getByLabel('Topic', { exact: true }).inputValue(), { timeout: 5000 }).toBe('Release keeps slipping');
    expect(await panel.getByLabel(/^Hardest in the past/).inputValue()).toBe('Telling the client');
    expect(await panel.getByLabel(/^What would make this hour worth it/).inputValue()).toBe('A first sentence');
    await expectAccessible(panel, 'the mail reply preview');
    // The reference in the quoted mail names Anna.
    expect(await panel.getByRole('combobox', { name: 'Whose reply is it?' }).locator('option:checked').textContent()).toBe('Anna');
    await panel.getByRole('button', { name: 'Cancel' }).click();

    // Reply 2, Gmail inline: the coach corrects one answer and takes it in; the panel shows the topic.
    const inline = gmailInline(mail, { '1': 'The release keeps slipping', '2': 'Saying no to Sam', '3': 'A scirpt for the talk' });
    await readReply(panel, `${inline}\n\n-- \nAnna Berg\nSent from my iPhone`);
    const outcome = panel.getByLabel(/^What would make this hour worth it/);
    await expect.poll(() => outcome.inputValue(), { timeout: 5000 }).toBe('A scirpt for the talk');
    expect(await panel.getByLabel('Topic', { exact: true }).inputValue()).toBe('The release keeps slipping');
    expect(await panel.getByLabel(/^Hardest in the past/).inputValue()).toBe('Saying no to Sam');
    expect(await panel.getByRole('combobox', { name: 'Whose reply is it?' }).locator('option:checked').textContent()).toBe('Anna');
    await outcome.fill('A script for the talk');
    await panel.getByRole('button', { name: 'Take it in', exact: true }).click();
    await panel.getByText('The answers are taken in.').waitFor();
    await panel.getByTestId('panel-topic').getByText('The release keeps slipping').waitFor();
    const topic = await panel.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      return Object.entries(all).find(([k, v]) => k.startsWith('topic.') && (v as { title?: string }).title)?.[1];
    });
    expect(topic).toMatchObject({ title: 'The release keeps slipping', difficulty: 'Saying no to Sam', outcome: 'A script for the talk' });

    // The plan by mail: one step and one exercise; the reply marks the step done and logs 20 minutes.
    await writePlan(panel, ['Talk to Sam about the release date']);
    const planMail = await copyPlanMail(coach, panel, 'Anna', '[3.1] Exercise: Journaling (30 min a week)');
    expect(planMail).toContain('[1.1] [ ] Talk to Sam about the release date');
    expect(planMail).toContain('Week 1 of the homework is the week of');

    await readReply(panel, gmailInline(planMail, { '1.1': 'Done!', '3.1': '20 min the first week, 15 the second' }));
    const mark = panel.getByRole('combobox', { name: /^Step 1: Talk to Sam/ });
    await expect.poll(() => mark.inputValue(), { timeout: 5000 }).toBe('done');
    expect(await panel.getByLabel(/^Minutes in week 1 \(from .+\): Exercise: Journaling/).inputValue()).toBe('20');
    expect(await panel.getByLabel(/^Minutes in week 2 \(from .+\): Exercise: Journaling/).inputValue()).toBe('15');
    await panel.getByRole('button', { name: 'Take it in', exact: true }).click();
    // As a card would: the panel moves to Anna's next session (made for the reply), whose review opens with her mark.
    await openFold(panel, 'How did the last plan go?');
    await panel.getByRole('group', { name: 'Talk to Sam about the release date' }).getByText('Anna’s own mark: Done').waitFor();
    const ticked = await panel.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      return Object.entries(all).some(
        ([k, v]) => k.startsWith('plan.') && Array.isArray(v) && v.some((s: { text: string; done: boolean }) => s.done),
      );
    });
    expect(ticked).toBe(true);
    const logged = await panel.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      const homework = Object.entries(all).find(([k, v]) => k.startsWith('homework.') && Array.isArray(v) && v.length)?.[1] as {
        logged: Record<string, number>;
      }[];
      return Object.values(homework[0]?.logged ?? {});
    });
    // Two weeks, from the plan's week on (not the week of taking in twice).
    expect(logged).toEqual([20, 15]);

    // A text that is no reply: a clear message, and storage byte for byte unchanged.
    await openFold(panel, 'Take in a card');
    const before = await settled(panel);
    await readReply(panel, 'Hi Maria,\n\nsee you on Thursday!\n\nAnna');
    await panel
      .getByRole('alert')
      .getByText('This is neither a Sidecoach card nor a reply to a Sidecoach mail', { exact: false })
      .waitFor();
    // The point: a write wrongly started by the refused text would have landed by now.
    await panel.waitForTimeout(800);
    expect(JSON.stringify(await everything(panel))).toBe(before);
  });
  it('reads a saved .eml dropped on the paste field, and takes nothing in before the coach says whose reply it is', async () => {
    const panel = await coach.openPage('sidepanel.html');
    await openFold(panel, 'Take in a card');
    const eml = [
      'MIME-Version: 1.0',
      'From: Anna Berg <anna@example.org>',
      'Subject: Re: Pre-work',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '1. Der Release verschiebt sich st=C3=A4ndig',
      '2. Nein sagen zu Sam',
      '',
      'Von meinem iPhone gesendet',
    ].join('\r\n');
    const drop = await panel.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'reply.eml', { type: 'message/rfc822' }));
      return data;
    }, eml);
    const before = await settled(panel);
    await panel.getByLabel(PASTE).dispatchEvent('drop', { dataTransfer: drop });
    const title = panel.getByLabel('Topic', { exact: true });
    await expect.poll(() => title.inputValue(), { timeout: 5000 }).toBe('Der Release verschiebt sich ständig');
    expect(await panel.getByLabel(/^Hardest in the past/).inputValue()).toBe('Nein sagen zu Sam');
    expect(await panel.getByRole('combobox', { name: 'Whose reply is it?' }).inputValue()).toBe('');
    await panel.getByRole('button', { name: 'Take it in', exact: true }).click();
    await panel.getByRole('alert').getByText('Choose whose reply it is first.').waitFor();
    expect(JSON.stringify(await everything(panel))).toBe(before);
  });

  it('takes in a lazy reply from the panel: no markers, "Topic: / Hardest: / Hope:" above the quote, and promises only what changes', async () => {
    await addCoachee(await coach.openPage('popup.html'), 'Jonas Becker');
    const panel = await coach.openPage('sidepanel.html');

    // The mail, as the coach sends it: asked for the name to sign with once, greeting by first name.
    await openFold(panel, 'Ask for the pre-work');
    const ask = panel.locator('.ask-prework');
    await ask.getByLabel('Your name, as your coachee knows you').fill('Maria Coach');
    const body = ask.getByRole('textbox', { name: /^The mail: Pre-work/ });
    await ask.locator('summary', { hasText: 'The mail: Pre-work' }).click();
    await expect.poll(() => body.inputValue(), { timeout: 5000 }).toContain('Thank you!\nMaria Coach\n');
    const mail = await body.inputValue();
    expect(mail).toMatch(/^Hi Jonas,\n/);

    // The reply, typed on a phone above the quote.
    const reply = [
      'Topic: my team lead ignores my proposals',
      'Hardest: last Tuesday’s meeting',
      'Hope: a plan to get heard',
      '',
      'Sent from my iPhone',
      '',
      'On 30 Nov 2026, at 10:12, Maria Coach <maria@coach.example> wrote:',
      '',
      ...mail.split('\n').map((l) => (l ? `> ${l}` : '>')),
    ].join('\n');
    await openFold(panel, 'Take in a card or a reply');
    await readReply(panel, reply);
    const title = panel.getByLabel('Topic', { exact: true });
    await expect.poll(() => title.inputValue(), { timeout: 5000 }).toBe('my team lead ignores my proposals');
    expect(await panel.getByLabel(/^Hardest in the past/).inputValue()).toBe('last Tuesday’s meeting');
    expect(await panel.getByLabel(/^What would make this hour worth it/).inputValue()).toBe('a plan to get heard');
    const preview = panel.locator('fieldset.mail-preview');
    await preview.getByText('Taken in, the topic goes into Jonas Becker’s upcoming session', { exact: false }).waitFor();
    // No plan yet: nothing is promised about one.
    expect(await preview.textContent()).not.toMatch(/plan|minutes/i);
    const take = panel.getByRole('button', { name: 'Take it in', exact: true });
    expect(await take.isEnabled()).toBe(true);
    await expectAccessible(panel, 'a lazy reply’s preview');
    await take.click();
    await panel.getByText('The answers are taken in.').waitFor();
    await panel.getByTestId('panel-topic').getByText('my team lead ignores my proposals').waitFor();
  });

  it('keeps a coachee’s mail language with the coachee across a change of the browser’s language', async () => {
    await addCoachee(await coach.openPage('popup.html'), 'Anna');
    const dir = coach.userDataDir;
    await coach.close(true);

    // The same profile in a German browser: Anna, never set to German, still gets English mails.
    const german = await launchExtension(dir, { lang: 'de' });
    try {
      const panel = await german.openPage('sidepanel.html');
      await openFold(panel, 'Vorbereitung per Mail erfragen');
      const picker = panel.getByRole('combobox', { name: 'Sprache der Mails an Anna' });
      await expect.poll(() => picker.inputValue(), { timeout: 5000 }).toBe('en');
      // The coach picks German for her: kept with Anna.
      await picker.selectOption('de');
      await expect
        .poll(
          () =>
            panel.evaluate(async () => {
              const { coachees } = await chrome.storage.local.get('coachees');
              return (coachees as { name: string; language?: string }[]).find((c) => c.name === 'Anna')?.language;
            }),
          { timeout: 5000 },
        )
        .toBe('de');
    } finally {
      await german.close(true);
    }

    // Back in an English browser: her mails stay German.
    const english = await launchExtension(dir, { lang: 'en-US' });
    try {
      const panel = await english.openPage('sidepanel.html');
      await openFold(panel, 'Ask for the pre-work');
      const picker = panel.getByRole('combobox', { name: 'Language of the mails to Anna' });
      await expect.poll(() => picker.inputValue(), { timeout: 5000 }).toBe('de');
      await panel.locator('summary', { hasText: 'The mail: Vorbereitung' }).click();
      await expect
        .poll(() => panel.getByRole('textbox', { name: /^The mail: / }).inputValue(), { timeout: 5000 })
        .toMatch(/^Hallo Anna,\n/);
    } finally {
      await english.close();
    }
  });
});
