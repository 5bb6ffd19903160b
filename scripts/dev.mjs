#!/usr/bin/env node
/**
 * `npm run dev`: WXT's dev server with a browser that has the extension loaded.
 * The browser needs a display; on a machine without one (a server, CI) say so
 * in one line instead of the browser runner's raw connection error.
 */
import { spawn } from 'node:child_process';

const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (headless) {
  console.error(
    'npm run dev needs a display to open the browser: run it as `xvfb-run -a npm run dev`, or `npm run build` and load .output/chrome-mv3 by hand (see README).',
  );
  process.exit(1);
}
const child = spawn('npx', ['wxt', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
