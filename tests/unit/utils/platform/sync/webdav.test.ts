// @vitest-environment node
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, faultOfStatus, isTransient } from '../../../../../utils/domain/sync/faults';
import { createDavClient, DavError, parseListing } from '../../../../../utils/platform/sync/webdav';
import { freePort, startWebDav, type WebDavServer } from '../../../../webdav-server';

async function faultOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DavError) return e.fault;
    throw e;
  }
  return 'none';
}

// A real server process: starting it and its first answers take time on a loaded machine.
describe('WebDAV client against a real server (rclone)', { timeout: 30_000 }, () => {
  let dav: WebDavServer;
  beforeAll(async () => {
    dav = await startWebDav();
  }, 30_000);
  afterAll(async () => {
    await dav?.dispose();
  });
  const client = (password = dav.password) =>
    createDavClient({ url: dav.url, user: dav.user, password, retryDelays: [], timeoutMs: 5_000 });

  it('makes folders, writes each file once through a temporary name, lists and reads them', async () => {
    const c = client();
    await c.mkcol('dev1/');
    await c.mkcol('dev1/'); // already there: fine
    expect(await c.create('dev1/c1', new Uint8Array([4, 5, 6, 7]))).toBe('created');
    // Written once: a second file under the name is refused, and what is there stays.
    expect(await c.create('dev1/c1', new Uint8Array([1, 2, 3]))).toBe('exists');
    expect(await c.list('dev1/')).toEqual([{ name: 'c1', folder: false, size: 4, modified: expect.any(Number) }]);
    expect((await c.list()).filter((e) => e.folder).map((e) => e.name)).toContain('dev1');
    expect([...((await c.get('dev1/c1')) ?? [])]).toEqual([4, 5, 6, 7]);
    expect(await c.get('dev1/none')).toBeNull();
    expect(await readdir(join(dav.dir, 'dev1'))).toEqual(['c1']); // no temporary file left
    await c.remove('dev1/c1');
    await c.remove('dev1/c1');
    expect(await c.list('dev1/')).toEqual([]);
  });

  it('says 401 is a wrong user name or app password', async () => {
    expect(await faultOf(client('wrong').list())).toBe('auth');
  });

  it('says 404 when the folder is gone', async () => {
    expect(await faultOf(client().list('gone/'))).toBe('notFound');
  });

  it('says unreachable when the server is stopped, and works again once it is back', async () => {
    await dav.stop();
    expect(await faultOf(client().list())).toBe('unreachable');
    await dav.start();
    expect(await client().list()).toBeInstanceOf(Array);
  });

  it('leaves the server file as it was when an upload fails', async () => {
    const c = client();
    await c.mkcol('dev2/');
    await c.create('dev2/c1', new Uint8Array([9]));
    expect(await faultOf(client('wrong').create('dev2/c2', new Uint8Array([1, 1, 1])))).toBe('auth');
    expect(await readdir(join(dav.dir, 'dev2'))).toEqual(['c1']);
    expect([...(await readFile(join(dav.dir, 'dev2/c1')))]).toEqual([9]);
  });
});

describe('WebDAV client: every fault status, from a real HTTP server', () => {
  let server: Server;
  let url: string;
  let status = 200;
  let calls = 0;
  beforeAll(async () => {
    const port = await freePort();
    server = createServer((req, res) => {
      calls++;
      if (req.url?.startsWith('/hang')) return; // never answers
      res.statusCode = status;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${port}/`;
  });
  afterAll(() => {
    server?.closeAllConnections();
    server?.close();
  });

  const cases: [number, string, boolean][] = [
    [401, 'auth', false],
    [403, 'forbidden', false],
    [404, 'notFound', false],
    [409, 'conflict', false],
    [412, 'precondition', true],
    [423, 'locked', true],
    [500, 'server', true],
    [503, 'server', true],
    [507, 'full', false],
    [418, 'unexpected', false],
  ];
  for (const [code, fault, retried] of cases) {
    it(`maps ${code} to ${fault}${retried ? ', tried again' : ', not tried again'}`, async () => {
      status = code;
      calls = 0;
      const c = createDavClient({ url, user: 'u', password: 'p', retryDelays: [10, 10] });
      expect(await faultOf(c.list())).toBe(fault);
      expect(calls).toBe(retried ? 3 : 1);
      expect(faultOfStatus(code)).toBe(fault);
      expect(isTransient(faultOfStatus(code))).toBe(retried);
    });
  }

  it('says timeout when the server does not answer in time', async () => {
    const c = createDavClient({ url: `${url}hang/`, user: 'u', password: 'p', timeoutMs: 200, retryDelays: [] });
    expect(await faultOf(c.get('x'))).toBe('timeout');
  });

  it('waits longer after each failed sync, up to half an hour', () => {
    expect([1, 2, 3, 10, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 1_800_000, 1_800_000]);
  });
});

describe('PROPFIND answers of other servers', () => {
  it('reads a Nextcloud-style answer with d: prefixes and encoded names', async () => {
    const xml = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns">
      <d:response><d:href>/remote.php/dav/files/ann/Sidecoach%20sync/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
      <d:response><d:href>/remote.php/dav/files/ann/Sidecoach%20sync/ab12/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
      <d:response><d:href>https://cloud.example/remote.php/dav/files/ann/Sidecoach%20sync/key.json</d:href><d:propstat><d:prop><d:resourcetype/><d:getcontentlength>321</d:getcontentlength></d:prop></d:propstat></d:response>
    </d:multistatus>`;
    expect(parseListing(xml, '/remote.php/dav/files/ann/Sidecoach%20sync/')).toEqual([
      { name: 'ab12', folder: true, size: 0 },
      { name: 'key.json', folder: false, size: 321 },
    ]);
  });
  it('finds nothing in an answer that is not a listing', () => {
    expect(parseListing('<html>Login</html>', '/')).toEqual([]);
  });
});
