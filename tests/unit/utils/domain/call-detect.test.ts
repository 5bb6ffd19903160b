import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CALL_CUES,
  CALL_GRACE_MS,
  CALL_LOST_MS,
  type CallPhase,
  type CallWatch,
  NO_CALL,
  nextWatch,
  readCallPage,
} from '../../../../utils/domain/call-detect';

const MEET = 'https://meet.google.com/abc-defg-hij';
const MEET_ALT = 'https://meet.google.com/_meet/abc-defg-hij';
const ZOOM = 'https://app.zoom.us/wc/1234567890/join?fromPWA=1';
const ZOOM_COM = 'https://app.zoom.com/wc/1234567890/join';

function fixture(name: string): Document {
  const html = readFileSync(resolve('tests/fixtures/calls', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Zoom's page with the meeting's document inside iframe#webclient, as the browser would give it to the top frame. */
function zoomPwa(inner: string): Document {
  const top = fixture('zoom-pwa.html');
  const frame = top.querySelector('iframe#webclient');
  if (!frame) throw new Error('no iframe in zoom-pwa.html');
  Object.defineProperty(frame, 'contentDocument', { value: fixture(inner) });
  return top;
}

/** Call one of a fixture script's functions (the fixture's in-place transitions). */
function act(win: Record<string, () => void>, name: string): void {
  const fn = win[name];
  if (!fn) throw new Error(`the fixture has no ${name}()`);
  fn();
}

describe('reading a call page, one fixture per state', () => {
  it.each<[string, () => Document, string, CallPhase]>([
    ['Meet green room (effects preview only)', () => fixture('meet-lobby.html'), MEET, 'waiting'],
    ['Meet asking to join (leave button + effects tile)', () => fixture('meet-asking-to-join.html'), MEET, 'waiting'],
    ['Meet in call, Japanese, 2024+ icons', () => fixture('meet-in-call.html'), MEET, 'inCall'],
    ['Meet in call at /_meet/', () => fixture('meet-in-call.html'), MEET_ALT, 'inCall'],
    ['Meet left or call-ended screen', () => fixture('meet-ended.html'), MEET, 'ended'],
    ['Meet removed / ended for everyone', () => fixture('meet-removed.html'), MEET, 'ended'],
    ["Meet can't-join screen", () => fixture('meet-cant-join.html'), MEET_ALT, 'ended'],
    ['Meet reconnecting: no cue at all, no end', () => fixture('meet-reconnecting.html'), MEET, 'other'],
    ['Meet recording and take-notes dialogs over the call', () => fixture('meet-recording-notice.html'), MEET, 'inCall'],
    ['Meet green room, already in the call elsewhere', () => fixture('meet-switch-here.html'), MEET, 'waiting'],
    [
      'Meet asking to join since mid-2026: a way home beside the leave button',
      () => fixture('meet-asking-return-home.html'),
      MEET,
      'waiting',
    ],
    ['Meet green room, "ask to join anyway" (2026-08)', () => fixture('meet-ask-anyway.html'), MEET_ALT, 'waiting'],
    ['Zoom classic join form', () => fixture('zoom-join.html'), ZOOM, 'waiting'],
    ['Zoom waiting room with footer', () => fixture('zoom-waiting-room.html'), ZOOM, 'waiting'],
    ['Zoom meeting in the top document', () => fixture('zoom-meeting.html'), ZOOM, 'inCall'],
    ['Zoom meeting inside iframe#webclient', () => zoomPwa('zoom-meeting.html'), ZOOM, 'inCall'],
    ['Zoom meeting inside the iframe on zoom.com', () => zoomPwa('zoom-meeting.html'), ZOOM_COM, 'inCall'],
    ['Zoom waiting room inside the iframe', () => zoomPwa('zoom-waiting-room.html'), ZOOM, 'waiting'],
    ['Zoom ended-by-host dialog over the speaker view', () => fixture('zoom-ended-by-host.html'), ZOOM, 'ended'],
    ['Zoom ended dialog inside the iframe', () => zoomPwa('zoom-ended-by-host.html'), ZOOM, 'ended'],
    ['Zoom gallery view', () => zoomPwa('zoom-gallery.html'), ZOOM, 'inCall'],
    ['Zoom removed dialog over the gallery', () => zoomPwa('zoom-removed.html'), ZOOM_COM, 'ended'],
    ['Zoom recording notice over the meeting, no video', () => zoomPwa('zoom-recording-notice.html'), ZOOM, 'inCall'],
    ['Zoom made host: Leave became End', () => fixture('zoom-host-promoted.html'), ZOOM, 'inCall'],
    ['Zoom invalid-link page (3.001)', () => zoomPwa('zoom-invalid-link.html'), ZOOM, 'ended'],
    ['Zoom PWA shell before the iframe loads', () => fixture('zoom-pwa.html'), ZOOM, 'other'],
  ])('%s → %s', (_, doc, url, phase) => {
    expect(readCallPage(doc(), url)?.phase).toBe(phase);
  });

  it('takes the self-preview for what it is, in the lobby and in the call', () => {
    const doc = fixture('meet-in-call.html');
    for (const el of doc.querySelectorAll('[data-self-name], .google-symbols')) {
      if (el.textContent?.trim() !== 'visual_effects') el.removeAttribute('data-self-name');
    }
    for (const icon of doc.querySelectorAll('.google-symbols')) if (icon.textContent?.trim() === 'closed_caption_off') icon.remove();
    expect(readCallPage(doc, MEET)?.cue).toBe('meet participant tile (not the effects preview)');
    for (const tile of doc.querySelectorAll('[data-participant-id]')) if (!tile.querySelector('.google-symbols')) tile.remove();
    expect(readCallPage(doc, MEET)?.phase).toBe('waiting');
  });

  it('takes no Zoom web-app page for a call page, and reads the meeting the web app opens in place', () => {
    const home = 'https://app.zoom.us/wc/home';
    expect(readCallPage(zoomPwa('zoom-meeting.html'), home)).toBeNull();
    const page = fixture('zoom-web-app.html');
    expect(readCallPage(page, home)).toBeNull();
    let url = home;
    const history = { pushState: (_s: unknown, _t: string, path: string) => (url = new URL(path, url).href) };
    const win = {} as Record<string, (inner?: string) => void>;
    new Function('window', 'document', 'history', page.querySelector('script')?.textContent ?? '')(win, page, history);
    win.openMeeting?.('zoom-meeting.html');
    const frame = page.querySelector('iframe#webclient');
    if (!frame) throw new Error('openMeeting() made no iframe#webclient');
    Object.defineProperty(frame, 'contentDocument', { value: fixture('zoom-meeting.html') });
    expect(url).toBe('https://app.zoom.us/wc/1234567890/join?fromPWA=1');
    expect(readCallPage(page, url)?.phase).toBe('inCall');
  });

  it('reads single-page transitions in place: green room → call → left', () => {
    const page = fixture('meet-lobby.html');
    // DOMParser does not run the fixture's scripts: run them against the parsed page.
    const win = {} as Record<string, () => void>;
    new Function('window', 'document', page.querySelector('script')?.textContent ?? '')(win, page);
    expect(readCallPage(page, MEET)?.phase).toBe('waiting');
    act(win, 'join');
    expect(readCallPage(page, MEET)?.phase).toBe('inCall');
    act(win, 'leave');
    expect(readCallPage(page, MEET)?.phase).toBe('ended');
  });

  it('reads call → reconnecting → call, and call → recording notice → call, in place', () => {
    const page = fixture('meet-in-call.html');
    const win = {} as Record<string, () => void>;
    const history = { replaceState: () => undefined };
    new Function('window', 'document', 'history', 'location', page.querySelector('script')?.textContent ?? '')(win, page, history, {
      pathname: '/abc-defg-hij',
    });
    act(win, 'dropOut');
    expect(readCallPage(page, MEET)?.phase).toBe('other');
    act(win, 'reconnect');
    expect(readCallPage(page, `${MEET}?arjcm=1&pplid=115`)?.phase).toBe('inCall');
    act(win, 'recordingNotice');
    expect(readCallPage(page, MEET)?.phase).toBe('inCall');
    act(win, 'dismissNotice');
    act(win, 'endCall');
    expect(readCallPage(page, MEET)?.phase).toBe('ended');
  });

  it('notices the Zoom end dialog over the gallery view, not only over the speaker view', () => {
    const page = fixture('zoom-gallery.html');
    const win = {} as Record<string, () => void>;
    new Function('window', 'document', page.querySelector('script')?.textContent ?? '')(win, page);
    expect(readCallPage(page, ZOOM)?.phase).toBe('inCall');
    act(win, 'endByHost');
    expect(readCallPage(page, ZOOM)?.phase).toBe('ended');
  });

  it('reads Zoom meeting → recording notice over it, video hidden → dismissed, in place: in the call throughout', () => {
    const page = fixture('zoom-meeting.html');
    const win = {} as Record<string, () => void>;
    new Function('window', 'document', page.querySelector('script')?.textContent ?? '')(win, page);
    page.querySelector('.single-main-container__video-frame')?.remove();
    act(win, 'recordingNotice');
    expect(readCallPage(page, ZOOM)?.phase).toBe('inCall');
    act(win, 'dismissNotice');
    expect(readCallPage(page, ZOOM)?.phase).toBe('inCall');
    act(win, 'endByHost');
    expect(readCallPage(page, ZOOM)?.phase).toBe('ended');
  });

  it('takes no modal during the meeting for the end, video or not', () => {
    const zoom = fixture('zoom-meeting.html');
    zoom.body.insertAdjacentHTML('beforeend', '<div class="zm-modal"><div class="zm-modal-body-title">x</div></div>');
    expect(readCallPage(zoom, ZOOM)?.phase).toBe('inCall');
    zoom.querySelector('.single-main-container__video-frame')?.remove();
    expect(readCallPage(zoom, ZOOM)?.phase).toBe('inCall');
  });

  it('does not take an end screen element for the end while the call page is still there', () => {
    const meet = fixture('meet-in-call.html');
    meet.body.insertAdjacentHTML('beforeend', '<p class="roSPhc">x</p><div data-startup-code="217"></div>');
    expect(readCallPage(meet, MEET)?.phase).toBe('inCall');
    const zoom = fixture('zoom-meeting.html');
    zoom.body.insertAdjacentHTML('beforeend', '<p>(3,001)</p>');
    expect(readCallPage(zoom, ZOOM)?.phase).toBe('inCall');
    const empty = fixture('meet-cant-join.html');
    empty.querySelector('[data-startup-code]')?.setAttribute('data-startup-code', '');
    expect(readCallPage(empty, MEET)?.phase).toBe('other');
  });

  it('never reads a page off a call URL, whatever it holds', () => {
    expect(readCallPage(fixture('meet-in-call.html'), 'https://meet.google.com/')).toBeNull();
    expect(readCallPage(fixture('zoom-meeting.html'), 'https://zoom.us/j/123')).toBeNull();
    expect(readCallPage(fixture('meet-in-call.html'), 'https://meet.google.com.evil.example/abc-defg-hij')).toBeNull();
    expect(readCallPage(fixture('zoom-meeting.html'), 'https://zoom.com.evil.example/wc/1/join')).toBeNull();
  });

  it('has a fixture for every cue, and every fixture cites where its shape was documented', () => {
    const files = readdirSync(resolve('tests/fixtures/calls')).filter((f) => f.endsWith('.html'));
    const seen = new Set<string | null>();
    for (const f of files) {
      const url = f.startsWith('meet') ? MEET : ZOOM;
      seen.add(readCallPage(fixture(f), url)?.cue ?? null);
      if (f === 'zoom-pwa.html')
        for (const inner of ['zoom-meeting.html', 'zoom-ended-by-host.html', 'zoom-invalid-link.html'])
          seen.add(readCallPage(zoomPwa(inner), url)?.cue ?? null);
      expect({ f, cites: /Shape: [\w-]+\/[\w-]+/.test(readFileSync(resolve('tests/fixtures/calls', f), 'utf8')) }).toEqual({
        f,
        cites: true,
      });
    }
    // The captions icon, the own tile and the leave button are each met in a fixture once the stronger cues are taken away.
    const captionsOnly = fixture('meet-in-call.html');
    for (const el of captionsOnly.querySelectorAll('[data-participant-id], [data-self-name]')) el.remove();
    seen.add(readCallPage(captionsOnly, MEET)?.cue ?? null);
    const selfOnly = fixture('meet-in-call.html');
    selfOnly.querySelector('[data-self-name]')?.removeAttribute('data-participant-id');
    for (const el of selfOnly.querySelectorAll('[data-participant-id]')) el.remove();
    seen.add(readCallPage(selfOnly, MEET)?.cue ?? null);
    const tilesOnly = fixture('meet-in-call.html');
    tilesOnly.querySelector('[data-self-name]')?.removeAttribute('data-self-name');
    for (const icon of tilesOnly.querySelectorAll('.google-symbols')) if (icon.textContent?.trim() === 'closed_caption_off') icon.remove();
    seen.add(readCallPage(tilesOnly, MEET)?.cue ?? null);
    const videoOnly = fixture('zoom-meeting.html');
    videoOnly.querySelector('#audioOptionMenu')?.remove();
    seen.add(readCallPage(videoOnly, ZOOM)?.cue ?? null);
    const returnHomeOnly = fixture('meet-ended.html');
    returnHomeOnly.querySelector('[data-call-ended]')?.removeAttribute('data-call-ended');
    seen.add(readCallPage(returnHomeOnly, MEET)?.cue ?? null);
    const leaveOnly = fixture('meet-asking-to-join.html');
    leaveOnly.querySelector('[data-participant-id]')?.remove();
    seen.add(readCallPage(leaveOnly, MEET)?.cue ?? null);
    for (const cue of CALL_CUES) expect(seen).toContain(cue.name);
    // Each cue carries its source right above it: `/** Source: owner/repo : file (date) */`.
    const code = readFileSync(resolve('utils/domain/call-detect.ts'), 'utf8');
    const cited = [
      ...code.matchAll(
        /\/\*\* Source: [\w-]+\/[\w.-]+[^*]*\b20\d\d\b[^*]*\*\/\s*\{\s*platform: '\w+',\s*phase: '\w+',\s*name: (['"])(.+?)\1,/g,
      ),
    ].map((m) => m[2]);
    expect(cited).toEqual(CALL_CUES.map((cue) => cue.name));
  });

  it('uses no English label as a cue, except the Zoom end dialogs\u2019 fixed names (DETECTION.md)', () => {
    const labelled = CALL_CUES.filter((cue) => /aria-label|title=|alt=|:has-text|:contains/i.test(cue.selector)).map((c) => c.name);
    expect(labelled).toEqual(['zoom ended-by-host or removed dialog']);
    for (const cue of CALL_CUES) if (cue.text) expect(cue.text.source).not.toMatch(/[a-z]{3}/i);
  });
});

describe('the watch: grace period, unsure, and the long absence', () => {
  const run = (looks: [CallPhase, number][], from: CallWatch = NO_CALL) => looks.reduce((w, [phase, t]) => nextWatch(w, phase, t), from);

  it('starts the call at the first in-call look and ends it at once on an end screen', () => {
    const started = nextWatch(NO_CALL, 'inCall', 1000);
    expect(started).toEqual({ report: 'inCall', lastSeenAt: 1000 });
    expect(nextWatch(started, 'ended', 3000).report).toBe('ended');
  });

  it('keeps the call through a short gap in its cues (a hidden footer, a re-rendered bar)', () => {
    let watch = run([
      ['inCall', 0],
      ['waiting', 2000],
      ['other', CALL_GRACE_MS - 1],
    ]);
    expect(watch.report).toBe('inCall');
    watch = nextWatch(watch, 'inCall', CALL_GRACE_MS + 1000);
    expect(watch.report).toBe('inCall');
  });

  it('is unsure, not ended, when the cues stay gone past the grace period (a 30-second reconnect), and back in the call after', () => {
    const looks: [CallPhase, number][] = [['inCall', 0]];
    for (let t = 2000; t <= 30_000; t += 2000) looks.push(['other', t]);
    const during = run(looks);
    expect(during).toEqual({ report: 'unsure', lastSeenAt: 0 });
    expect(nextWatch(during, 'inCall', 32_000).report).toBe('inCall');
  });

  it('ends the call only after the long absence, or on an end screen while unsure', () => {
    const unsure = run([
      ['inCall', 0],
      ['other', CALL_GRACE_MS],
    ]);
    expect(unsure.report).toBe('unsure');
    expect(nextWatch(unsure, 'waiting', CALL_LOST_MS - 1).report).toBe('unsure');
    expect(nextWatch(unsure, 'waiting', CALL_LOST_MS).report).toBe('ended');
    expect(nextWatch(unsure, 'ended', CALL_GRACE_MS + 2000).report).toBe('ended');
    expect(CALL_LOST_MS).toBeGreaterThan(55_000);
  });

  it('never starts a call from the lobby, however long it lasts', () => {
    let watch = NO_CALL;
    for (let t = 0; t < 200_000; t += 2000) watch = nextWatch(watch, 'waiting', t);
    expect(watch.report).toBe('none');
  });
});
