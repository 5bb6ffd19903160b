/**
 * What can go wrong between this browser and the sync server, in kinds the
 * status line can put in words, and which of them are worth retrying.
 * Pure: no browser calls.
 */

/** A kind of problem with the server or the data on it. */
export type SyncFault =
  /** No answer: offline, wrong address, or the server is down. */
  | 'unreachable'
  /** The server did not answer in time. */
  | 'timeout'
  /** 401: wrong user name or app password. */
  | 'auth'
  /** 403: the account may not write to that folder. */
  | 'forbidden'
  /** 404: the folder is gone (it is made again). */
  | 'notFound'
  /** 409: a folder on the way is missing, or the server refused the change. */
  | 'conflict'
  /** 412: the server's copy changed under the request. */
  | 'precondition'
  /** 423: the file or folder is locked by another program. */
  | 'locked'
  /** 500 and other 5xx: the server failed. */
  | 'server'
  /** 507: the server is full. */
  | 'full'
  /** Any other answer the server should not give. */
  | 'unexpected'
  /** The browser has not been allowed to reach the server. */
  | 'noAccess'
  /** The passphrase does not open the data on the server. */
  | 'wrongPassphrase'
  /** A file on the server was altered, cut short or replayed; it was refused. */
  | 'altered'
  /** A file another computer wrote is missing on the server (deleted, held back by a restore, or its log cut short). */
  | 'missing'
  /** Computers' data is on the server but its key file is gone: starting here would make a key that opens none of it. */
  | 'keyMissing'
  /** The address is not a web address of a folder. */
  | 'badAddress'
  /** http:// to another computer: the password would travel in the clear. */
  | 'insecure'
  /** The passphrase is too weak to guard files anyone holding them may try passphrases against. */
  | 'weakPassphrase'
  /** This browser lost the key and app password (its site data was cleared): start sync again. */
  | 'signedOut'
  /** Another computer made a new key (the passphrase changed, or a computer removed): the passphrase is asked for. */
  | 'keyChanged'
  /** Another computer removed this one from sync: it cannot read new data until the passphrase is entered again. */
  | 'removed';

/** The fault an HTTP status means (for a status that is not a success). */
export function faultOfStatus(status: number): SyncFault {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 412) return 'precondition';
  if (status === 423) return 'locked';
  if (status === 507) return 'full';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'server';
  return 'unexpected';
}

/** Whether trying again soon may help without the person doing anything. */
export function isTransient(fault: SyncFault): boolean {
  return fault === 'unreachable' || fault === 'timeout' || fault === 'server' || fault === 'locked' || fault === 'precondition';
}

/** Wait before the next try of a failed sync (ms): 30 s, doubling, at most 30 minutes. */
export function backoffMs(failures: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, failures - 1));
}
