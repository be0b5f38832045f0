const BASE = 'http://hub.invalid';

/**
 * Where to send the browser after signing in: a path on this hub, never another site. Anything that is not a
 * plain absolute path (`https://evil.example`, `//evil.example`, `/\evil.example`, control characters) and the
 * sign-in routes themselves (a loop) become '/'.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return '/';
  // Browsers read a backslash as a slash and drop tabs and newlines, which turns '/\t/evil' into '//evil'.
  if (value.startsWith('//') || value.includes('\\') || hasControlCharacter(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || /^\/(auth|sign-in|login)(\/|$)/.test(url.pathname)) return '/';
  return url.pathname + url.search + url.hash;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
