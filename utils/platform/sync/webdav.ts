/**
 * A small WebDAV client over `fetch` (PROPFIND, GET, PUT, MOVE, MKCOL, DELETE
 * with Basic auth): just what sync needs, with every failure turned into a
 * `SyncFault` (a platform adapter).
 *
 * Files are written to a temporary name and then moved into place, so a
 * browser closed in the middle of an upload leaves at most a `tmp-` file that
 * readers ignore, never half a file under its real name.
 */
import { faultOfStatus, isTransient, type SyncFault } from '../../domain/sync/faults';

/** A request to the server that failed, and how. */
export class DavError extends Error {
  constructor(
    readonly fault: SyncFault,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'DavError';
  }
}

/** Where the server is and who we are there. */
export interface DavOptions {
  /** The folder's URL, ending in `/`. */
  url: string;
  user: string;
  password: string;
  /** How long one request may take (ms). */
  timeoutMs?: number;
  /** Pauses before the second and later tries of a request that failed for a passing reason (ms). */
  retryDelays?: readonly number[];
}

/** One entry of a folder listing. */
export interface DavEntry {
  name: string;
  folder: boolean;
  size: number;
}

/** The prefix of temporary upload names (ignored by readers, cleaned up by their writer). */
const TEMP_PREFIX = 'tmp-';

/** The folder URL with exactly one trailing slash. */
export function folderUrl(url: string): string {
  return url.replace(/\/*$/, '/');
}

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The entries of a PROPFIND multistatus answer (any namespace prefix), without the folder itself. */
export function parseListing(xml: string, folderPath: string): DavEntry[] {
  const entries: DavEntry[] = [];
  const self = decodeURIComponent(folderPath).replace(/\/*$/, '');
  for (const [response] of xml.matchAll(/<(?:[\w-]+:)?response[\s>][\s\S]*?<\/(?:[\w-]+:)?response>/g)) {
    const href = /<(?:[\w-]+:)?href>\s*([^<]*?)\s*<\/(?:[\w-]+:)?href>/.exec(response)?.[1];
    if (href === undefined) continue;
    let path = decodeEntities(href);
    try {
      // Hrefs are absolute paths or whole URLs; a file: base only resolves the former.
      path = decodeURIComponent(new URL(path, 'file:///').pathname);
    } catch {
      continue;
    }
    const trimmed = path.replace(/\/*$/, '');
    if (trimmed === self) continue;
    const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
    const folder = /<(?:[\w-]+:)?collection\b/.test(response);
    const size = Number(/<(?:[\w-]+:)?getcontentlength>\s*(\d+)/.exec(response)?.[1] ?? 0);
    entries.push({ name, folder, size });
  }
  return entries;
}

/** A WebDAV client for one folder; paths are relative to it (`dev/c1`, `dev/`). */
export function createDavClient(options: DavOptions) {
  const base = folderUrl(options.url);
  const auth = basicAuth(options.user, options.password);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const delays = options.retryDelays ?? [1_000, 4_000];

  async function once(method: string, path: string, init: { body?: Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {}) {
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        body: init.body,
        headers: { Authorization: auth, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new DavError('timeout', null, `${method} ${path}: no answer in ${timeoutMs} ms`);
      throw new DavError('unreachable', null, `${method} ${path}: ${(e as Error).message}`);
    }
    return response;
  }

  /** Send a request, retrying passing faults; `ok` lists the statuses that are not failures. */
  async function request(
    method: string,
    path: string,
    init: { body?: Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {},
    ok: (status: number) => boolean = (s) => s >= 200 && s < 300,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await once(method, path, init);
        if (ok(response.status)) return response;
        await response.body?.cancel();
        throw new DavError(faultOfStatus(response.status), response.status, `${method} ${path}: HTTP ${response.status}`);
      } catch (e) {
        const fault = e instanceof DavError ? e.fault : 'unexpected';
        const delay = delays[attempt];
        if (!isTransient(fault) || delay === undefined) throw e;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  return {
    /** The folder's URL. */
    url: base,
    /** The entries of a folder; a missing folder is a `notFound` fault. */
    async list(path = ''): Promise<DavEntry[]> {
      const response = await request('PROPFIND', path, {
        headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
        body: new TextEncoder().encode(
          '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getcontentlength/></d:prop></d:propfind>',
        ),
      });
      return parseListing(await response.text(), new URL(base + path).pathname);
    },
    /** A file's bytes, or null when there is no such file. */
    async get(path: string): Promise<Uint8Array<ArrayBuffer> | null> {
      const response = await request('GET', path, {}, (s) => (s >= 200 && s < 300) || s === 404);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      return new Uint8Array(await response.arrayBuffer());
    },
    /** Write a file whole: to a temporary name first, then moved over the real one. */
    async put(path: string, body: Uint8Array<ArrayBuffer>): Promise<void> {
      const slash = path.lastIndexOf('/');
      const temp = `${path.slice(0, slash + 1)}${TEMP_PREFIX}${crypto.randomUUID()}`;
      await request('PUT', temp, { body, headers: { 'Content-Type': 'application/octet-stream' } });
      try {
        await request('MOVE', temp, { headers: { Destination: base + path, Overwrite: 'T' } });
      } catch (e) {
        await request('DELETE', temp).catch(() => undefined);
        throw e;
      }
    },
    /** Make a folder; one that is already there is fine. */
    async mkcol(path: string): Promise<void> {
      await request('MKCOL', path, {}, (s) => (s >= 200 && s < 300) || s === 405);
    },
    /** Remove a file; one already gone is fine. */
    async remove(path: string): Promise<void> {
      await request('DELETE', path, {}, (s) => (s >= 200 && s < 300) || s === 404);
    },
  };
}

/** A WebDAV client. */
export type DavClient = ReturnType<typeof createDavClient>;
