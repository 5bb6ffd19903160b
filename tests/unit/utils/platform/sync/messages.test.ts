import { describe, expect, it } from 'vitest';
import { asSyncRequest } from '../../../../../utils/platform/sync/messages';

const DEV = '0123456789abcdef0123456789abcdef';

describe('the sync requests the background takes', () => {
  it('takes the computers list, a name, a new key and a re-entered passphrase in their shapes', () => {
    expect(asSyncRequest({ type: 'syncComputers' })).toEqual({ type: 'syncComputers' });
    expect(asSyncRequest({ type: 'syncName', name: 'Office desktop' })).toEqual({ type: 'syncName', name: 'Office desktop' });
    expect(asSyncRequest({ type: 'syncRekey', passphrase: 'p', remove: [DEV] })).toEqual({
      type: 'syncRekey',
      passphrase: 'p',
      remove: [DEV],
    });
    expect(asSyncRequest({ type: 'syncRekey', passphrase: 'p', remove: [] })).not.toBeNull();
    expect(asSyncRequest({ type: 'syncRejoin', passphrase: 'p' })).toEqual({ type: 'syncRejoin', passphrase: 'p' });
  });

  it('refuses them without their fields, or naming a computer by anything but its random id', () => {
    expect(asSyncRequest({ type: 'syncName' })).toBeNull();
    expect(asSyncRequest({ type: 'syncName', name: 3 })).toBeNull();
    expect(asSyncRequest({ type: 'syncRekey', passphrase: 'p' })).toBeNull();
    expect(asSyncRequest({ type: 'syncRekey', passphrase: 'p', remove: ['../key'] })).toBeNull();
    expect(asSyncRequest({ type: 'syncRekey', passphrase: 'p', remove: DEV })).toBeNull();
    expect(asSyncRequest({ type: 'syncRejoin' })).toBeNull();
  });
});
