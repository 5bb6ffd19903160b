/**
 * A small WebDAV client over `fetch` (PROPFIND, GET, PUT, MOVE, MKCOL, DELETE
 * with Basic auth): just what sync needs, with every failure turned into a
 * `SyncFault` (a platform adapter).
 *
 * Files are written once: uploaded under a temporary name, then moved into
 * place with `Overwrite: F`, which a WebDAV server refuses (412) when the name
 * is taken. (`PUT` with `If-None-Match: *` would say the same in one request,
 * but rclone's `serve webdav` ignores it and overwrites; the move is honoured
 * by every server tried, see DESIGN §9.) A browser closed in the middle of an
 * upload leaves at most a `tmp-` file that readers ignore, never half a file
 * under its real name; its writer removes it later.
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
  /** Last modified (epoch ms), when the server says. */
  modified?: number;
}

/** The prefix of temporary upload names (ignored by readers, cleaned up by their writer). */
export const TEMP_PREFIX = 'tmp-';

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
    const modified = Date.parse(/<(?:[\w-]+:)?getlastmodified>\s*([^<]*?)\s*</.exec(response)?.[1] ?? '');
    entries.push(Number.isNaN(modified) ? { name, folder, size } : { name, folder, size, modified });
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
          '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getcontentlength/><d:getlastmodified/></d:prop></d:propfind>',
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
      try {
        return new Uint8Array(await response.arrayBuffer());
      } catch (e) {
        // The server broke off in the middle of the file (rclone does when a file it listed is gone from its disk).
        throw new DavError('unreachable', null, `GET ${path}: ${(e as Error).message}`);
      }
    },
    /**
     * Create a file only if there is none of that name: written whole under a temporary name, then moved
     * with `Overwrite: F`. 'exists' when the name was taken (the caller reads what is there); the
     * temporary file is removed either way.
     */
    async create(path: string, body: Uint8Array<ArrayBuffer>): Promise<'created' | 'exists'> {
      const slash = path.lastIndexOf('/');
      const temp = `${path.slice(0, slash + 1)}${TEMP_PREFIX}${crypto.randomUUID()}`;
      await request('PUT', temp, { body, headers: { 'Content-Type': 'application/octet-stream' } });
      let status: number;
      try {
        const moved = await request('MOVE', temp, { headers: { Destination: base + path, Overwrite: 'F' } }, (s) => s < 300 || s === 412);
        await moved.body?.cancel();
        status = moved.status;
      } catch (e) {
        await request('DELETE', temp, {}, (s) => s < 300 || s === 404).catch(() => undefined);
        throw e;
      }
      if (status === 412) {
        await request('DELETE', temp, {}, (s) => s < 300 || s === 404).catch(() => undefined);
        return 'exists';
      }
      return 'created';
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
