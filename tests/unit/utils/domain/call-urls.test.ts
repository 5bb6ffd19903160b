import { describe, expect, it } from 'vitest';
import { callPlatform, pickCallTab } from '../../../../utils/domain/call-urls';

describe('callPlatform', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://meet.google.com/abc-defg-hij?authuser=1', 'meet'],
    ['https://meet.google.com/abc-defg-hij/', 'meet'],
    ['https://us02web.zoom.us/wc/1234567890/join', 'zoom'],
    ['https://zoom.us/wc/join/1234567890', 'zoom'],
    ['https://company.zoom.us/wc/987/start', 'zoom'],
    ['https://meet.google.com/_meet/abc-defg-hij', 'meet'],
    ['https://meet.google.com/_meet/abc-defg-hij?authuser=0', 'meet'],
    ['https://app.zoom.com/wc/1234567890/join', 'zoom'],
    ['https://zoom.com/wc/1234567890/join?fromPWA=1', 'zoom'],
    ['https://app.zoom.us/wc/1234567890/join?fromPWA=1', 'zoom'],
  ])('treats %s as a %s call', (url, platform) => {
    expect(callPlatform(url)).toBe(platform);
  });

  it.each([
    'https://meet.google.com/',
    'https://meet.google.com/landing',
    'https://meet.google.com/lookup/abcdef',
    'https://meet.google.com/new',
    'https://meet.google.com.evil.example/abc-defg-hij',
    'https://evil.example/meet.google.com/abc-defg-hij',
    'http://meet.google.com/abc-defg-hij',
    'https://zoom.us/j/1234567890',
    'https://us02web.zoom.us/j/1234567890?pwd=x',
    'https://zoom.us/',
    'https://notzoom.us/wc/123/join',
    'https://zoom.us.evil.example/wc/123/join',
    'https://zoom.com.evil.example/wc/123/join',
    'https://notzoom.com/wc/123/join',
    'https://evilzoom.com/wc/123/join',
    'https://app.zoom.com/j/1234567890',
    'https://events.zoom.us/e/abc',
    'https://meet.google.com/_meet/',
    'https://meet.google.com/_meet/lookup/abc',
    'chrome://extensions/',
    'not a url',
    undefined,
  ])('does not treat %s as a call', (url) => {
    expect(callPlatform(url)).toBeNull();
  });
});

describe('pickCallTab', () => {
  const meet = 'https://meet.google.com/abc-defg-hij';
  it('prefers the active tab when it is a call', () => {
    expect(
      pickCallTab([
        { id: 1, url: meet, lastAccessed: 9 },
        { id: 2, url: meet, active: true, lastAccessed: 1 },
      ])?.id,
    ).toBe(2);
  });
  it('otherwise takes the call tab used last, ignoring tabs that are not calls', () => {
    expect(
      pickCallTab([
        { id: 1, url: meet, lastAccessed: 5 },
        { id: 2, url: 'https://example.com/', active: true, lastAccessed: 10 },
        { id: 3, url: 'https://zoom.us/wc/1/join', lastAccessed: 7 },
      ])?.id,
    ).toBe(3);
  });
  it('finds none when no tab is a call', () => {
    expect(pickCallTab([{ id: 1, url: 'https://meet.google.com/', active: true }])).toBeUndefined();
  });
});
