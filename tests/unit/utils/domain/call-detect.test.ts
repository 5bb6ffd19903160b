import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_CUES, CALL_GRACE_MS, type CallPhase, NO_CALL, nextWatch, readCallPage } from '../../../../utils/domain/call-detect';

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

describe('reading a call page, one fixture per state', () => {
  it.each<[string, () => Document, string, CallPhase]>([
    ['Meet green room (effects preview only)', () => fixture('meet-lobby.html'), MEET, 'waiting'],
    ['Meet asking to join (leave button + effects tile)', () => fixture('meet-asking-to-join.html'), MEET, 'waiting'],
    ['Meet in call, Japanese, 2024+ icons', () => fixture('meet-in-call.html'), MEET, 'inCall'],
    ['Meet in call at /_meet/', () => fixture('meet-in-call.html'), MEET_ALT, 'inCall'],
    ['Meet left or removed', () => fixture('meet-ended.html'), MEET, 'ended'],
    ['Zoom classic join form', () => fixture('zoom-join.html'), ZOOM, 'waiting'],
    ['Zoom waiting room with footer', () => fixture('zoom-waiting-room.html'), ZOOM, 'waiting'],
    ['Zoom meeting in the top document', () => fixture('zoom-meeting.html'), ZOOM, 'inCall'],
    ['Zoom meeting inside iframe#webclient', () => zoomPwa('zoom-meeting.html'), ZOOM, 'inCall'],
    ['Zoom meeting inside the iframe on zoom.com', () => zoomPwa('zoom-meeting.html'), ZOOM_COM, 'inCall'],
    ['Zoom waiting room inside the iframe', () => zoomPwa('zoom-waiting-room.html'), ZOOM, 'waiting'],
    ['Zoom ended-by-host modal with the footer behind it', () => fixture('zoom-ended-by-host.html'), ZOOM, 'ended'],
    ['Zoom ended modal inside the iframe', () => zoomPwa('zoom-ended-by-host.html'), ZOOM, 'ended'],
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

  it('ends the Meet call and the Zoom meeting the way the pages do it', () => {
    const meet = fixture('meet-in-call.html');
    meet.body.innerHTML = '<div data-call-ended="true"><button data-mdc-dialog-action="returnToHomePage"></button></div>';
    expect(readCallPage(meet, MEET)?.phase).toBe('ended');
    const zoom = fixture('zoom-meeting.html');
    zoom.querySelector('.single-main-container__video-frame')?.remove();
    zoom.body.insertAdjacentHTML('beforeend', '<div class="zm-modal"><div class="zm-modal-body-title">x</div></div>');
    expect(readCallPage(zoom, ZOOM)?.phase).toBe('ended');
  });

  it('does not take a modal during the meeting (video still there) for the end', () => {
    const zoom = fixture('zoom-meeting.html');
    zoom.body.insertAdjacentHTML('beforeend', '<div class="zm-modal"><div class="zm-modal-body-title">x</div></div>');
    expect(readCallPage(zoom, ZOOM)?.phase).toBe('inCall');
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
        for (const inner of ['zoom-meeting.html', 'zoom-ended-by-host.html']) seen.add(readCallPage(zoomPwa(inner), url)?.cue ?? null);
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
    const leaveOnly = fixture('meet-asking-to-join.html');
    leaveOnly.querySelector('[data-participant-id]')?.remove();
    seen.add(readCallPage(leaveOnly, MEET)?.cue ?? null);
    for (const cue of CALL_CUES) expect(seen).toContain(cue.name);
    for (const cue of CALL_CUES) expect(cue.source).toMatch(/[\w-]+\/[\w-]+/);
  });

  it('uses no English label as a cue', () => {
    for (const cue of CALL_CUES) expect(cue.selector).not.toMatch(/aria-label|title=|alt=|:has-text|:contains/i);
  });
});

describe('the grace period', () => {
  it('starts the call at the first in-call look and ends it at once on an ended marker', () => {
    const started = nextWatch(NO_CALL, 'inCall', 1000);
    expect(started).toEqual({ inCall: true, lastSeenAt: 1000 });
    expect(nextWatch(started, 'ended', 3000).inCall).toBe(false);
  });

  it('keeps the call through a short gap in its cues (a hidden footer, a re-rendered bar)', () => {
    let watch = nextWatch(NO_CALL, 'inCall', 0);
    watch = nextWatch(watch, 'waiting', 2000);
    watch = nextWatch(watch, 'other', CALL_GRACE_MS - 1);
    expect(watch.inCall).toBe(true);
    watch = nextWatch(watch, 'inCall', CALL_GRACE_MS + 1000);
    expect(watch.inCall).toBe(true);
  });

  it('ends the call when its cues stay gone past the grace period', () => {
    let watch = nextWatch(NO_CALL, 'inCall', 0);
    watch = nextWatch(watch, 'waiting', CALL_GRACE_MS);
    expect(watch.inCall).toBe(false);
  });

  it('never starts a call from the lobby, however long it lasts', () => {
    let watch = NO_CALL;
    for (let t = 0; t < 60_000; t += 2000) watch = nextWatch(watch, 'waiting', t);
    expect(watch.inCall).toBe(false);
  });
});
