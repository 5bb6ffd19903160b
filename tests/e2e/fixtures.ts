import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** A fixture page's HTML from tests/fixtures/calls. */
export function callFixture(name: string): string {
  return readFileSync(resolve('tests/fixtures/calls', name), 'utf8');
}

/**
 * Serve Meet, Zoom and example.com from local fixtures (no network). The query
 * `?fixture=NAME` picks the page; Meet and Zoom default to their lobby pages.
 */
export async function routeCallSites(context: BrowserContext): Promise<void> {
  await context.route(/^https:\/\/(meet\.google\.com|[a-z0-9.-]*zoom\.(us|com)|example\.com)\//, async (route) => {
    const url = new URL(route.request().url());
    const zoom = /zoom\.(us|com)$/.test(url.hostname);
    const name = url.searchParams.get('fixture') ?? (zoom ? 'zoom-join.html' : 'meet-lobby.html');
    const body = url.hostname === 'example.com' ? '<!doctype html><title>Example</title><p>Not a call.</p>' : callFixture(name);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}
