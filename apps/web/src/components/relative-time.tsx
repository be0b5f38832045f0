import { formatRelative } from '@/lib/format';

interface RelativeTimeProps {
  at: string | null | undefined;
  now: number;
  /** Shown when there is no time, e.g. "never". */
  empty?: string;
  testId?: string;
}

/** "5 min ago", with the exact instant on hover and in `dateTime` for tests and assistive tools. */
export function RelativeTime({ at, now, empty = '—', testId }: RelativeTimeProps) {
  if (!at) {
    return (
      <span className="muted" data-testid={testId}>
        {empty}
      </span>
    );
  }
  const exact = new Date(at);
  return (
    <time dateTime={at} title={`${exact.toLocaleString()} (${exact.toISOString()})`} data-testid={testId}>
      {formatRelative(at, now)}
    </time>
  );
}
