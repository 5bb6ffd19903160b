import { describe, expect, it } from 'vitest';
import { recordCallReport, recordTabClosed } from '../../../../utils/platform/call-record';
import { callStateStore, readChecked } from '../../../../utils/platform/storage';

describe('recording', () => {
  it('stores reports and ends the call when its tab closes', async () => {
    await recordCallReport({ tabId: 5, platform: 'zoom', inCall: true }, 1000);
    expect((await readChecked(callStateStore)).value).toMatchObject({ inCall: true, startedAt: 1000 });
    await recordTabClosed(9, 2000);
    expect((await readChecked(callStateStore)).value?.inCall).toBe(true);
    await recordTabClosed(5, 3000);
    expect((await readChecked(callStateStore)).value).toMatchObject({ inCall: false, endedAt: 3000 });
  });
});
