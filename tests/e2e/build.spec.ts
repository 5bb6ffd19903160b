import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILDS = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv2' } as const;
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** URLs that may appear in the bundles: XML namespaces, error-message links, and the match patterns. None is fetched. */
const ALLOWED_URLS = [
  /^http:\/\/www\.w3\.org\//,
  /^https:\/\/(github\.com\/wxt-dev\/wxt\/issues|wxt\.dev\/guide)\//,
  /^https:\/\/meet\.google\.com\/\*$/,
  /^https:\/\/\*\.zoom\.(us|com)\/\*$/,
];

describe('the production builds', () => {
  it('Chrome asks only for the permissions the features use, and hosts only Meet and Zoom', () => {
    const m = manifest(BUILDS.chrome);
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications', 'offscreen', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(m.host_permissions).toEqual(['https://meet.google.com/*', 'https://*.zoom.us/*', 'https://*.zoom.com/*']);
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(m.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort()).toEqual([
      'https://*.zoom.com/*',
      'https://*.zoom.us/*',
      'https://meet.google.com/*',
    ]);
    expect(Object.keys(m.commands).sort()).toEqual(['next-phase', 'open-panel', 'toggle-clock']);
  });

  it('Firefox has its sidebar (closed at install), its id, and declares that no data is collected', () => {
    const m = manifest(BUILDS.firefox);
    expect(m.manifest_version).toBe(2);
    expect([...m.permissions].sort()).toEqual([
      'alarms',
      'https://*.zoom.com/*',
      'https://*.zoom.us/*',
      'https://meet.google.com/*',
      'notifications',
      'storage',
      'unlimitedStorage',
    ]);
    expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    expect(m.browser_specific_settings.gecko).toMatchObject({
      id: 'sidecoach@sidecoach.app',
      data_collection_permissions: { required: ['none'] },
    });
    expect(Object.keys(m.commands).sort()).toEqual(['_execute_sidebar_action', 'next-phase', 'toggle-clock']);
  });

  it.each(Object.entries(BUILDS))(
    '%s: the side panel carries its styles inline, so its static first view paints without waiting for a file',
    (_name, dir) => {
      const html = readFileSync(join(dir, 'sidepanel.html'), 'utf8');
      expect(html).not.toMatch(/<link[^>]+stylesheet/);
      const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
      // The whole shared stylesheet: the clock bar and the dark theme among it.
      expect(style).toContain('.clockbar');
      expect(style).toMatch(/prefers-color-scheme:\s*dark|\.dark|data-theme/);
      expect(html).toContain('<main class="panel" aria-busy="true">');
    },
  );

  it.each(Object.entries(BUILDS))(
    '%s: sync asks for its one server at run time: any host is optional only, none granted at install',
    (name, dir) => {
      const m = manifest(dir);
      const optional = name === 'firefox' ? m.optional_permissions : m.optional_host_permissions;
      // The sync server: https anywhere, http only on this computer (utils/domain/sync/checks.ts).
      expect(optional).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
      expect(name === 'firefox' ? m.optional_host_permissions : m.optional_permissions).toBeUndefined();
    },
  );

  it.each(Object.entries(BUILDS))('%s: no <all_urls>, no remote code, no unsafe-eval in the CSP', (_name, dir) => {
    // The optional hosts (the sync server, asked for at run time) are checked above; everything else here.
    const { optional_host_permissions: _h, optional_permissions: _p, ...granted } = manifest(dir);
    const text = JSON.stringify(granted);
    expect(text).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\//);
    expect(text).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    const m = manifest(dir);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });

  it.each(Object.entries(BUILDS))('%s: no eval, new Function, network call or remote script in any output file', (_name, dir) => {
    const findings: string[] = [];
    for (const file of files(dir).filter((f) => /\.(js|html)$/.test(f))) {
      const code = readFileSync(file, 'utf8');
      // The one network call: the background's WebDAV client, to the coach's own server, only while sync is on
      // (utils/platform/sync/webdav.ts; the sync e2e spec checks where its requests go). No page makes any.
      const isBackground = /(^|\/)background(-[0-9a-f]+)?\.js$/.test(file); // named for its content (wxt.config.ts)
      for (const pattern of [
        /\beval\s*\(/,
        /new\s+Function\s*\(/,
        /\bimportScripts\s*\(/,
        ...(isBackground ? [] : [/\bfetch\s*\(/]),
        /XMLHttpRequest/,
        /new\s+WebSocket/,
        /sendBeacon/,
        /<script[^>]+src=["']https?:/,
      ]) {
        if (pattern.test(code)) findings.push(`${file}: ${pattern}`);
      }
      for (const url of code.match(/https?:\/\/[^"'`\s)\\]+/g) ?? []) {
        if (!ALLOWED_URLS.some((ok) => ok.test(url))) findings.push(`${file}: ${url}`);
      }
    }
    expect(findings).toEqual([]);
  });
});
