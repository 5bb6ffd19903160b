import { describe, expect, it } from 'vitest';
import { callPlatform, pickCallTab } from '../../../../utils/domain/call-urls';

describe('callPlatform', () => {
  // Each URL with its answer and where its shape was seen (DETECTION.md, "Which URLs are calls").
  it.each<[string, 'meet' | 'zoom' | null, string]>([
    // Meet meeting pages and their neighbours
    ['https://meet.google.com/abc-defg-hij', 'meet', 'Vexa-ai/vexa issue #343 (constructed_meeting_url)'],
    ['https://meet.google.com/abc-defg-hij?authuser=1', 'meet', 'vivek-nexus/transcriptonic issue #63 (a call at ?authuser=1)'],
    ['https://meet.google.com/abc-defg-hij/', 'meet', 'a trailing slash, as typed'],
    ['https://meet.google.com/abc-defg-hij?arjcm=1&pplid=115', 'meet', 'Payme-Works/meeboter docs/plans (reconnect adds arjcm/pplid)'],
    ['https://meet.google.com/_meet/abc-defg-hij', 'meet', 'ShingZhanho/auto-gmeet.js'],
    ['https://meet.google.com/_meet/abc-defg-hij?authuser=0', 'meet', 'ShingZhanho/auto-gmeet.js'],
    ['https://meet.google.com/', null, 'Meet landing page'],
    ['https://meet.google.com/landing', null, 'Meet landing page'],
    ['https://meet.google.com/lookup/abcdef', null, 'Meet lookup redirect, not a meeting'],
    ['https://meet.google.com/new', null, 'Meet "new meeting" launcher'],
    ['https://meet.google.com/_meet/', null, 'no meeting code'],
    ['https://meet.google.com/_meet/lookup/abc', null, 'no meeting code'],
    ['https://meet.google.com.evil.example/abc-defg-hij', null, 'look-alike host'],
    ['https://evil.example/meet.google.com/abc-defg-hij', null, 'look-alike path'],
    ['http://meet.google.com/abc-defg-hij', null, 'not https'],
    // Zoom web-client meeting pages
    [
      'https://app.zoom.us/wc/1234567890/join?fromPWA=1',
      'zoom',
      'vivek-nexus/transcriptonic extension/rules.json (/j/ → /wc/<n>/join?fromPWA=1)',
    ],
    ['https://us02web.zoom.us/wc/1234567890/join', 'zoom', 'vivek-nexus/transcriptonic extension/rules.json (any subdomain)'],
    ['https://app.zoom.us/wc/85173157171/join?pwd=secret', 'zoom', 'Vexa-ai/vexa core/meetings/modules/join/src/zoom/join.test.ts'],
    ['https://app.zoom.us/wc/79642156509/start?fromPWA=1&pwd=x', 'zoom', 'Meeting-BaaS/meet-teams-bot src/urlParser/zoomUrlParser.test.ts'],
    ['https://company.zoom.us/wc/987654321/start', 'zoom', 'vivek-nexus/transcriptonic extension/rules.json (/s/ → /wc/<n>/start)'],
    ['https://app.zoom.us/wc/79642156509/', 'zoom', 'Meeting-BaaS/meet-teams-bot src/urlParser/zoomUrlParser.test.ts'],
    ['https://zoom.us/wc/join/1234567890', 'zoom', 'screenappai/meeting-bot src/bots/ZoomBot.ts (/j/ → /wc/join/<n>)'],
    ['https://app.zoom.us/wc/join/1234567890?pwd=x', 'zoom', 'basecamp/omarchy bin/omarchy-webapp-handler-zoom (zoommtg:// links)'],
    ['https://us05web.zoom.us/wc/join/84335626851?pwd=x', 'zoom', 'Vexa-ai/vexa clients/extension/src/meeting.ts (/wc/join/<id>)'],
    ['https://app.zoom.com/wc/1234567890/join', 'zoom', 'attendee-labs/attendee (zoom.com links since 2026-05)'],
    ['https://zoom.com/wc/1234567890/join?fromPWA=1', 'zoom', 'attendee-labs/attendee (zoom.com links since 2026-05)'],
    // Zoom's web app (Zoom Workplace): the same /wc/ prefix, no meeting
    ['https://app.zoom.us/wc/home', null, 'Zoom web app home: basecamp/omarchy bin/omarchy-webapp-handler-zoom'],
    ['https://app.zoom.us/wc/home?from=pwa', null, 'Zoom web app home'],
    ['https://app.zoom.us/wc/team-chat', null, 'Zoom web app: chat (a word, not a meeting number)'],
    ['https://app.zoom.us/wc/contacts', null, 'Zoom web app: contacts'],
    ['https://app.zoom.us/wc/settings', null, 'Zoom web app: settings'],
    ['https://app.zoom.us/wc/recordings', null, 'Zoom web app: recordings'],
    ['https://app.zoom.com/wc/scheduler', null, 'Zoom web app: scheduler, on zoom.com'],
    ['https://app.zoom.us/wc/', null, 'no meeting number'],
    ['https://app.zoom.us/wc/join/', null, 'no meeting number'],
    ['https://app.zoom.us/wc/12/join', null, 'too short for a meeting number (9–11 digits: Vexa-ai/vexa clients/extension/src/meeting.ts)'],
    // Zoom launchers, landing and end pages
    ['https://zoom.us/j/1234567890', null, 'launcher (transcriptonic rules.json rewrites it)'],
    ['https://us02web.zoom.us/j/1234567890?pwd=x', null, 'launcher'],
    ['https://zoom.us/s/1234567890', null, 'host launcher (transcriptonic rules.json)'],
    ['https://app.zoom.com/j/1234567890', null, 'launcher on zoom.com'],
    ['https://events.zoom.us/e/abc', null, 'Zoom Events launcher (Vexa-ai/vexa zoom/join.ts)'],
    ['https://zoom.us/', null, 'landing page'],
    ['https://app.zoom.us/postattendee?mn=1234567890', null, 'post-meeting page (attendee-labs/attendee zoom_web_chromedriver_payload.js)'],
    // Look-alike hosts
    ['https://notzoom.us/wc/1234567890/join', null, 'look-alike host'],
    ['https://zoom.us.evil.com/wc/1234567890/join', null, 'look-alike host'],
    ['https://zoom.com.evil.example/wc/1234567890/join', null, 'look-alike host'],
    ['https://notzoom.com/wc/1234567890/join', null, 'look-alike host'],
    ['https://evilzoom.com/wc/1234567890/join', null, 'look-alike host'],
    ['http://zoom.us/wc/1234567890/join', null, 'not https'],
  ])('%s → %s (%s)', (url, expected) => {
    expect(callPlatform(url)).toBe(expected);
  });

  it.each(['chrome://extensions/', 'not a url', '', undefined])('does not treat %s as a call', (url) => {
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
        { id: 3, url: 'https://zoom.us/wc/1234567890/join', lastAccessed: 7 },
      ])?.id,
    ).toBe(3);
  });
  it('finds none when no tab is a call, the Zoom web app included', () => {
    expect(
      pickCallTab([
        { id: 1, url: 'https://meet.google.com/', active: true },
        { id: 2, url: 'https://app.zoom.us/wc/home', lastAccessed: 9 },
      ]),
    ).toBeUndefined();
  });
});
