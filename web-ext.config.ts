import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

/**
 * `npm run dev` opens a browser with the extension loaded. Where Debian's
 * Chromium and Firefox ESR are installed they are used; as root Chromium needs
 * --no-sandbox. The Meet test page opens so the panel has a call tab to sit beside.
 */
const isRoot = process.getuid?.() === 0;
const binaries: Record<string, string> = {};
if (existsSync('/usr/bin/chromium')) binaries.chrome = '/usr/bin/chromium';
if (existsSync('/usr/bin/firefox-esr')) binaries.firefox = '/usr/bin/firefox-esr';

export default defineWebExtConfig({
  binaries,
  chromiumArgs: isRoot ? ['--no-sandbox', '--disable-gpu'] : [],
  startUrls: ['https://meet.google.com/'],
});
