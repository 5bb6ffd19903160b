/**
 * One of our plain mails as a phone's mail app shows it: 390 px wide (an
 * iPhone's width in CSS pixels), the app's own wrapping of each one-line
 * paragraph, the subject above. Used by `screenshot.mjs` (with the mail the
 * extension made), or alone:
 *   node scripts/mail-phone.mjs <mail.txt> <out.png> ["subject"]
 * The mail's text is set as text (textContent), never as HTML.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; font: 17px/1.35 -apple-system, system-ui, "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; }
  header { padding: 14px 16px 10px; border-bottom: 1px solid #ddd; }
  h1 { font-size: 20px; margin: 0 0 6px; font-weight: 600; }
  .from { color: #555; font-size: 15px; }
  pre { margin: 0; padding: 14px 16px 24px; font: inherit; white-space: pre-wrap; overflow-wrap: anywhere; }
</style></head><body><header><h1></h1><div class="from"></div></header><pre></pre></body></html>`;

/** Screenshot `mail` ({ subject, body }) as a phone shows it, into `path`; `context` is a Playwright browser context. */
export async function renderMailOnPhone(context, mail, path, from = 'Maria Coach') {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.setContent(PAGE);
  await page.evaluate(
    ({ subject, body, from }) => {
      document.querySelector('h1').textContent = subject;
      document.querySelector('.from').textContent = from;
      document.querySelector('pre').textContent = body;
    },
    { ...mail, from },
  );
  await page.screenshot({ path, fullPage: true });
  await page.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, out, subject = ''] = process.argv.slice(2);
  if (!file || !out) {
    console.error('usage: node scripts/mail-phone.mjs <mail.txt> <out.png> ["subject"]');
    process.exit(2);
  }
  const context = await launchChromium(mkdtempSync(join(tmpdir(), 'sidecoach-phone-')));
  await renderMailOnPhone(context, { subject, body: readFileSync(file, 'utf8') }, out);
  await context.close();
}
