/** The secret of an invitation or reset link: it travels in the fragment (`#…`) so no server log ever sees it. */
export function secretFromHash(hash: string): string | null {
  const secret = decodeURIComponent(hash.replace(/^#/, '')).trim();
  return secret.length > 0 ? secret : null;
}
