// Code passed to a worker's or page's evaluate() runs inside the extension,
// where Chrome's `chrome` global exists; this gives it the same types as `browser`.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
