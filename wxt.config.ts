import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * What every extension page loads at start (Preact, Signals, the polyfill,
 * valibot, WXT's storage, the stored items with their schemas, the page
 * start-up): one `core` chunk. Left to itself the bundler cuts this into a
 * file per combination of pages that share a module (the two popups, the
 * welcome), and each file costs gzip bytes against the budgets.
 */
const CORE =
  /node_modules[\\/]|rolldown[\\/]runtime|utils[\\/]domain[\\/](agenda|json|merge|model|session-parts|sessions|settings|text-merge|timer-log|timer-schema|topic)\.ts$|utils[\\/]platform[\\/](coachee-name|i18n|list-writes|sessions|storage|stored-signal|theme)\.ts$|components[\\/](shared[\\/]mountPage|hooks[\\/]useLazy|hooks[\\/]useStored)\.tsx?$/;

/** The core chunk, for the pages' ES module build only (the background and content scripts are single IIFE files). */
function coreChunk(): Plugin {
  return {
    name: 'sidecoach-core-chunk',
    outputOptions(options) {
      if (options.format === 'iife' || options.format === 'umd') return null;
      // The dynamic-import helper stays a file of its own: the toolbar's tiny popup.html needs it, and not the core.
      return {
        ...options,
        codeSplitting: {
          groups: [
            { name: 'preload-helper', test: /preload-helper/ },
            { name: 'core', test: CORE },
          ],
        },
      };
    },
  };
}

/**
 * The side panel's stylesheet, inlined into its HTML. The panel's first view is static HTML, but a stylesheet
 * link blocks the first paint until the file is fetched, and an extension page's files come through the
 * browser process: traced, the panel's CSS took ~55 ms to arrive and the first paint waited for it (the
 * module script does not block it). The other pages keep the shared file.
 */
function inlinePanelCss(): Plugin {
  return {
    name: 'sidecoach-inline-panel-css',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // (WXT moves the page to sidepanel.html after the bundle is written.)
      const html = bundle['entrypoints/sidepanel/index.html'];
      if (html?.type !== 'asset') return;
      html.source = String(html.source).replace(/<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g, (tag, file: string) => {
        const css = bundle[file];
        return css?.type === 'asset' ? `<style>${String(css.source)}</style>` : tag;
      });
    },
  };
}

/**
 * The hosts a sync server may be on: https anywhere, http only on this computer (the address check in
 * utils/domain/sync/checks.ts refuses http elsewhere, so asking for more would be access never used).
 */
const SYNC_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Sidecoach build configuration.
 *
 * Chrome gets MV3 with a side panel; Firefox gets WXT's default MV2 build with a
 * sidebar_action, because MV2 grants the Meet/Zoom host access at install time
 * (in Firefox MV3 host access is opt-in, so call detection would silently stop).
 */
export default defineConfig({
  // Every module imports what it uses; auto-imports would only hide where things come from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip for addons.mozilla.org: what `npm ci && npm run build-for-amo` needs (SOURCE-BUILD.md), not the store's pictures or docs.
  zip: { excludeSources: ['docs/**', 'store/**', 'coverage/**', 'test-results/**', 'web-ext-artifacts/**', 'scripts/bench-*.mjs'] },
  vite: () => ({
    plugins: [preact(), coreChunk(), inlinePanelCss()],
    build: {
      // Extension pages run in current Chrome and Firefox only: no module-preload
      // polyfill and no down-levelling of modern syntax.
      modulePreload: false,
      target: 'esnext',
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Zoom's web client runs on zoom.us and zoom.com (and their subdomains); `*.` covers the bare host too.
    host_permissions: ['https://meet.google.com/*', 'https://*.zoom.us/*', 'https://*.zoom.com/*'],
    // Sync with the coach's own WebDAV server: access to that one server is asked for at run time
    // (permissions.request from the click that starts syncing) and given back when syncing stops.
    ...(browser === 'firefox' ? { optional_permissions: SYNC_HOSTS } : { optional_host_permissions: SYNC_HOSTS }),
    // Changeable in chrome://extensions/shortcuts or Firefox's add-on shortcut settings.
    commands: {
      // Firefox opens its sidebar natively with this reserved command; Chrome's panel is opened by the background.
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-panel']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdOpenPanel__',
      },
      'toggle-clock': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_cmdToggleClock__' },
      'next-phase': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_cmdNextPhase__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sidecoach@sidecoach.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions needs Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // light-dark() in the stylesheet needs Chrome 123.
          minimum_chrome_version: '123',
        }),
  }),
});
