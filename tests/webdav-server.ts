/**
 * A real WebDAV server for the tests: Debian's rclone (`rclone serve webdav`)
 * on 127.0.0.1, serving a temporary folder, with Basic auth. `npm test`
 * installs rclone as it installs the browsers (scripts/ensure-browsers.mjs).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RCLONE = process.env.RCLONE_PATH ?? '/usr/bin/rclone';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface WebDavServer {
  /** The root URL, ending in `/`. */
  url: string;
  origin: string;
  user: string;
  password: string;
  /** The folder it serves. */
  dir: string;
  /** Start (again) on the same port and folder. */
  start(): Promise<void>;
  /** Stop answering (the folder stays). */
  stop(): Promise<void>;
  /** Stop and remove the folder. */
  dispose(): Promise<void>;
}

/** Start rclone's WebDAV server on a free port over a new temporary folder. */
export async function startWebDav(): Promise<WebDavServer> {
  if (!existsSync(RCLONE)) {
    throw new Error(`The sync tests need a real WebDAV server: install Debian's rclone (apt-get install rclone) or set RCLONE_PATH.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'sidecoach-dav-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const user = 'coach';
  const password = 'app-password-1';
  let child: ChildProcess | null = null;
  const server: WebDavServer = {
    url: `${origin}/`,
    origin,
    user,
    password,
    dir,
    async start() {
      if (child) return;
      child = spawn(RCLONE, ['serve', 'webdav', '--addr', `127.0.0.1:${port}`, '--user', user, '--pass', password, dir], {
        stdio: 'ignore',
      });
      const started = Date.now();
      for (;;) {
        try {
          const r = await fetch(origin, { method: 'OPTIONS' });
          await r.body?.cancel();
          return;
        } catch {
          if (Date.now() - started > 15_000) throw new Error('rclone serve webdav did not start');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    async dispose() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** A pass-through in front of the server that can be stopped, or made to stop after a number of requests. */
export interface CuttableProxy {
  url: string;
  origin: string;
  /** Stop answering (connections refused) until `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Let `count` more requests through, then stop as if the server went down mid-sync. */
  stopAfter(count: number): void;
  /** Requests seen (method and path), for the test's own checks. */
  seen: string[];
  /** Bytes of the answers' bodies passed back (what the computers downloaded). */
  received: { bytes: number };
  close(): Promise<void>;
}

/** Start a pass-through to `target` on another free port of 127.0.0.1. */
export async function startProxy(target: WebDavServer): Promise<CuttableProxy> {
  const { createServer: createHttpServer, request } = await import('node:http');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const targetPort = Number(new URL(target.origin).port);
  let budget = Number.POSITIVE_INFINITY;
  const seen: string[] = [];
  const received = { bytes: 0 };
  const server = createHttpServer((req, res) => {
    if (budget <= 0) {
      req.socket.destroy();
      return;
    }
    budget--;
    seen.push(`${req.method} ${req.url}`);
    // Headers go on unchanged (Host too: WebDAV's MOVE checks its Destination against it).
    const forward = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.on('data', (chunk: Buffer) => {
        received.bytes += chunk.length;
      });
      answer.pipe(res);
    });
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
    if (budget <= 0) res.on('finish', () => void proxy.stop());
  });
  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const proxy: CuttableProxy = {
    url: `${origin}/`,
    origin,
    seen,
    received,
    async stop() {
      budget = 0;
      server.closeAllConnections();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      budget = Number.POSITIVE_INFINITY;
      if (!server.listening) await listen();
    },
    stopAfter(count: number) {
      budget = count;
    },
    async close() {
      await proxy.stop().catch(() => undefined);
    },
  };
  await listen();
  return proxy;
}
