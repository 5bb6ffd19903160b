import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_CUES, detectCall } from '../../../../utils/domain/call-detect';

const MEET = 'https://meet.google.com/abc-defg-hij';
const ZOOM = 'https://us02web.zoom.us/wc/1234567890/join';

function fixture(name: string): Document {
  const html = readFileSync(resolve('tests/fixtures/calls', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('detectCall', () => {
  it.each([
    ['meet-in-call.html', MEET, 'meet participant tile'],
    ['meet-controls-only.html', MEET, 'meet leave-call button'],
    ['zoom-in-call.html', ZOOM, 'zoom meeting footer'],
    ['zoom-leave-only.html', ZOOM, 'zoom leave button'],
  ])('sees a call in %s (%s) by the %s cue', (file, url, cue) => {
    expect(detectCall(fixture(file), url)).toEqual({ platform: url === MEET ? 'meet' : 'zoom', inCall: true, cue });
  });

  it.each([
    ['meet-lobby.html', MEET],
    ['zoom-join.html', ZOOM],
  ])('sees no call yet in the lobby %s', (file, url) => {
    expect(detectCall(fixture(file), url)).toMatchObject({ inCall: false, cue: null });
  });

  it('sees the call end when Meet removes the tiles and controls', () => {
    const doc = fixture('meet-in-call.html');
    for (const el of doc.querySelectorAll('[data-participant-id], [jsname="CQylAd"]')) el.remove();
    expect(detectCall(doc, MEET)?.inCall).toBe(false);
  });

  it('never reports a call off a call URL, whatever the page holds', () => {
    expect(detectCall(fixture('meet-in-call.html'), 'https://meet.google.com/')).toBeNull();
    expect(detectCall(fixture('zoom-in-call.html'), 'https://zoom.us/j/123')).toBeNull();
    expect(detectCall(fixture('meet-in-call.html'), 'https://meet.google.com.evil.example/abc-defg-hij')).toBeNull();
  });

  it('has a fixture that exercises every cue', () => {
    const files = ['meet-in-call.html', 'meet-controls-only.html', 'zoom-in-call.html', 'zoom-leave-only.html'];
    const seen = new Set(files.map((f) => detectCall(fixture(f), f.startsWith('meet') ? MEET : ZOOM)?.cue));
    expect([...seen].sort()).toEqual(CALL_CUES.map((c) => c.name).sort());
  });

  it('uses no English label as a cue', () => {
    for (const cue of CALL_CUES) expect(cue.selector).not.toMatch(/aria-label|title=|alt=|:has-text|:contains/i);
  });
});
