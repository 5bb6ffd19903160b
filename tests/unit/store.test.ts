import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

/**
 * The store folder, read as each store reads it: every length limit, every
 * picture's exact size, a reason for every permission in each language, and
 * every path our documents name exists.
 */
type Listing = {
  language: string;
  name: string;
  shortDescription: string;
  amoSummary: string;
  description: string;
  singlePurpose: string;
  tileLine: string;
  permissions: Record<string, string>;
  dataUse: { collects: unknown[]; summary: string; chrome: Record<string, boolean>; firefox: { dataCollectionPermissions: string[] } };
  reviewerNotes: string;
  notAffiliated: string;
  screenshots: { file: string; caption: string }[];
  tile: string;
};
const LANGS = ['en', 'de'] as const;
const listing = (lang: string): Listing => JSON.parse(readFileSync(`store/listing.${lang}.json`, 'utf8'));
const messages = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const chars = (text: string) => [...text].length;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), `${path} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every permission and host permission the manifest asks for, in either browser. */
function manifestPermissions(): string[] {
  const manifest = config.manifest as (env: { browser: string }) => { permissions?: string[]; host_permissions?: string[] };
  return [
    ...new Set(
      ['chrome', 'firefox'].flatMap((browser) => [
        ...(manifest({ browser }).permissions ?? []),
        ...(manifest({ browser }).host_permissions ?? []),
      ]),
    ),
  ];
}

describe('store folder', () => {
  it.each(LANGS)('the %s listing keeps every store limit', (lang) => {
    const l = listing(lang);
    expect(l.language).toBe(lang);
    expect(l.name).toBe('Sidecoach');
    // Chrome Web Store: summary ≤ 132, description ≤ 16,000; AMO: summary ≤ 250; the single purpose is a short paragraph.
    expect(chars(l.shortDescription)).toBeLessThanOrEqual(132);
    expect(chars(l.amoSummary)).toBeLessThanOrEqual(250);
    expect(chars(l.description)).toBeGreaterThan(200);
    expect(chars(l.description)).toBeLessThanOrEqual(16_000);
    expect(chars(l.singlePurpose)).toBeLessThanOrEqual(1_000);
    expect(chars(l.tileLine)).toBeLessThanOrEqual(50);
    expect(l.reviewerNotes.length).toBeGreaterThan(100);
    // The manifest's description is the Chrome Web Store's summary: the same words.
    expect(messages(lang).extDescription?.message).toBe(l.shortDescription);
    expect(chars(messages(lang).extDescription?.message ?? '')).toBeLessThanOrEqual(132);
    expect(l.description).toContain(l.notAffiliated);
  });

  it.each(LANGS)('the %s listing gives a reason for every permission the manifest asks for, and for no other', (lang) => {
    const l = listing(lang);
    const asked = manifestPermissions().sort();
    expect(Object.keys(l.permissions).sort()).toEqual(asked);
    for (const p of asked) expect(chars(l.permissions[p] ?? ''), `${lang}: reason for ${p}`).toBeGreaterThan(40);
  });

  it.each(LANGS)('the %s listing answers the data-use questions as the manifest and the privacy policy do', (lang) => {
    const { dataUse } = listing(lang);
    expect(dataUse.collects).toEqual([]);
    expect(Object.entries(dataUse.chrome).filter(([k, v]) => (k.startsWith('certify') ? v !== true : v !== false))).toEqual([]);
    const firefox = config.manifest as (env: { browser: string }) => {
      browser_specific_settings?: { gecko?: { data_collection_permissions?: { required: string[] } } };
    };
    expect(firefox({ browser: 'firefox' }).browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(
      dataUse.firefox.dataCollectionPermissions,
    );
  });

  it.each(LANGS)('the %s screenshots: 3 to 5, each 1280×800, captioned, light and dark', (lang) => {
    const { screenshots } = listing(lang);
    expect(screenshots.length).toBeGreaterThanOrEqual(3);
    expect(screenshots.length).toBeLessThanOrEqual(5);
    for (const shot of screenshots) {
      expect(pngSize(`store/${shot.file}`), shot.file).toEqual({ width: 1280, height: 800 });
      expect(shot.file).toContain(`/${lang}/`);
      expect(chars(shot.caption)).toBeGreaterThan(10);
      expect(chars(shot.caption)).toBeLessThanOrEqual(200);
    }
    expect(screenshots.some((s) => s.file.includes('light'))).toBe(true);
    expect(screenshots.some((s) => s.file.includes('dark'))).toBe(true);
    // Every picture in the folder is listed (no stale file uploaded by mistake).
    expect(readdirSync(`store/screenshots/${lang}`).sort()).toEqual(screenshots.map((s) => s.file.split('/').pop()).sort());
  });

  it('the tile is 440×280', () => {
    for (const lang of LANGS) expect(pngSize(`store/${listing(lang).tile}`)).toEqual({ width: 440, height: 280 });
  });

  it('the welcome page’s pictures exist in both languages and both themes, 360×450 and modest in size', () => {
    const app = readFileSync('entrypoints/welcome/App.tsx', 'utf8');
    const names = [...app.matchAll(/image: '([a-z0-9-]+)'/g)].map((m) => m[1]);
    expect(names).toHaveLength(6);
    for (const lang of LANGS)
      for (const name of names)
        for (const path of [`public/welcome/${lang}/${name}.png`, `public/welcome/${lang}/${name}-dark.png`]) {
          expect(pngSize(path), path).toEqual({ width: 360, height: 450 });
          expect(statSync(path).size, path).toBeLessThanOrEqual(80_000);
        }
  });

  it('every path the README and the other documents name exists', () => {
    const docs = readdirSync('.').filter((f) => f.endsWith('.md'));
    expect(docs).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'PRIVACY.md', 'SOURCE-BUILD.md']));
    const missing: string[] = [];
    for (const doc of docs) {
      const text = readFileSync(doc, 'utf8');
      const named = [...text.matchAll(/`([^`\s]+)[^`]*`/g), ...text.matchAll(/\]\(([^)\s#]+)[^)]*\)/g)].map((m) => m[1] ?? '');
      for (const path of named) {
        const inRepo =
          /^(entrypoints|components|utils|tests|scripts|public|docs|store)\//.test(path) ||
          /^[\w-]+\.md$|^package(-lock)?\.json$|^[\w.-]+\.config\.ts$/.test(path);
        if (!inRepo || /[<>…*]/.test(path)) continue;
        if (!existsSync(path)) missing.push(`${doc}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
