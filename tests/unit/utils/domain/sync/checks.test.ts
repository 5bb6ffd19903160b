import { describe, expect, it } from 'vitest';
import { addressProblem, passphraseProblem } from '../../../../../utils/domain/sync/checks';

describe('sync request checks', () => {
  it('takes https anywhere and http only on this computer', () => {
    expect(addressProblem('https://cloud.example.org/remote.php/dav/files/ann/Sidecoach/')).toBeNull();
    expect(addressProblem('http://127.0.0.1:8080/dav/')).toBeNull();
    expect(addressProblem('http://localhost/dav/')).toBeNull();
    expect(addressProblem('http://cloud.example.org/dav/')).toBe('insecure');
    expect(addressProblem('ftp://cloud.example.org/')).toBe('badAddress');
    expect(addressProblem('cloud.example.org')).toBe('badAddress');
    expect(addressProblem('https://ann:secret@cloud.example.org/')).toBe('badAddress');
  });

  it('asks for a few words: one word, a short phrase or the same word again are refused', () => {
    expect(passphraseProblem('four words we remember')).toBeNull();
    expect(passphraseProblem('river lamp october')).toBeNull();
    expect(passphraseProblem('Tr0ub4dor&3-kX9!qZp2w')).toBeNull();
    expect(passphraseProblem('password')).toBe('weakPassphrase');
    expect(passphraseProblem('my cat tom')).toBe('weakPassphrase');
    expect(passphraseProblem('coaching coaching coaching')).toBe('weakPassphrase');
    expect(passphraseProblem('aaaaaaaaaaaaaaaaaaaaaaa')).toBe('weakPassphrase');
  });
});
