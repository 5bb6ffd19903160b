import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { CALL_LOST_MS } from '../../../../utils/domain/call-detect';
import { CALL_LOST_ALARM, onCallAlarm, recordCallReport, recordTabClosed } from '../../../../utils/platform/call-record';
import { callStateStore, readChecked } from '../../../../utils/platform/storage';

const stored = async () => (await readChecked(callStateStore)).value;

describe('recording', () => {
  it('stores reports and ends the call when its tab closes', async () => {
    await recordCallReport({ tabId: 5, platform: 'zoom', state: 'inCall' }, 1000);
    expect(await stored()).toMatchObject({ inCall: true, startedAt: 1000 });
    expect(await recordTabClosed(9, 2000)).toBe(false);
    expect((await stored())?.inCall).toBe(true);
    expect(await recordTabClosed(5, 3000)).toBe(true);
    expect(await stored()).toMatchObject({ inCall: false, endedAt: 3000 });
  });

  it('sets an alarm when the call turns unsure, and the alarm ends it if the page never came back', async () => {
    await recordCallReport({ tabId: 5, platform: 'meet', state: 'inCall' }, 1000);
    expect(await recordCallReport({ tabId: 5, platform: 'meet', state: 'unsure' }, 9000)).toBe(false);
    expect(await browser.alarms.get(CALL_LOST_ALARM)).toMatchObject({ scheduledTime: 9000 + CALL_LOST_MS });
    expect(await onCallAlarm(CALL_LOST_ALARM, 9000 + CALL_LOST_MS - 1)).toBe(false);
    expect((await stored())?.inCall).toBe(true);
    expect(await onCallAlarm('clock-tick', 9000 + CALL_LOST_MS)).toBe(false);
    expect(await onCallAlarm(CALL_LOST_ALARM, 9000 + CALL_LOST_MS)).toBe(true);
    expect(await stored()).toMatchObject({ inCall: false, startedAt: 1000, endedAt: 9000 });
  });

  it('lets a call that came back run on: the alarm then changes nothing', async () => {
    await recordCallReport({ tabId: 5, platform: 'meet', state: 'inCall' }, 1000);
    await recordCallReport({ tabId: 5, platform: 'meet', state: 'unsure' }, 9000);
    await recordCallReport({ tabId: 5, platform: 'meet', state: 'inCall' }, 39_000);
    expect(await onCallAlarm(CALL_LOST_ALARM, 9000 + CALL_LOST_MS)).toBe(false);
    expect(await stored()).toMatchObject({ inCall: true, startedAt: 1000, unsureSince: null });
  });
});
