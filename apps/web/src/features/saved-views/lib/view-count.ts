/** A saved view's count in words: exact counts in full, estimates rounded to three figures ("about 12,300"). */
export function formatViewCount({ count, exact }: { count: number; exact: boolean }): string {
  if (exact) return count.toLocaleString('en-US');
  const step = count < 1000 ? 1 : 10 ** (Math.floor(Math.log10(count)) - 2);
  return `about ${(Math.round(count / step) * step).toLocaleString('en-US')}`;
}
