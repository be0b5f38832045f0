/** The WHATWG URL parser, global in browsers and Node; declared here because this package has neither's types. */
declare const URL: new (input: string) => { protocol: string; hostname: string; href: string };

/** Longest tracking URL the hub keeps; carriers' tracking links are far shorter. */
export const MAX_TRACKING_URL_LENGTH = 2048;

/**
 * The URL when it is an absolute http:// or https:// URL (at most 2,048 characters), normalised as a browser
 * would read it; otherwise null. Tracking URLs from channels and from users pass through this before they are
 * stored or shown, so a `javascript:`, `data:` or `vbscript:` link never reaches a page or an export.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text || text.length > MAX_TRACKING_URL_LENGTH) return null;
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url.href;
}
