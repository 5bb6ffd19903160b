/** A test of the server's details before sync starts (a platform adapter): is the folder there, and does it hold Sidecoach data. */

import { epochOfName } from './server';
import { createDavClient, DavError } from './webdav';

/** What a connection test found. */
export type ConnectionFound = 'empty' | 'sidecoach';

/** Reach the server with these details: whether the folder is there and holds Sidecoach data. Throws a DavError. */
export async function testConnection(url: string, user: string, password: string): Promise<ConnectionFound> {
  const client = createDavClient({ url, user, password, timeoutMs: 15_000, retryDelays: [] });
  try {
    const entries = await client.list('');
    return entries.some((e) => !e.folder && epochOfName(e.name) !== null) ? 'sidecoach' : 'empty';
  } catch (e) {
    if (e instanceof DavError && e.fault === 'notFound') return 'empty';
    throw e;
  }
}
