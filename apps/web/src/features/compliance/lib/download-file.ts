// Downloads with the session cookie, fetched then saved as a blob so a refusal shows beside the button instead of
// replacing the page.
import { GraphQLRequestError } from '@/lib/graphql-client';
import { queryClient } from '@/lib/api';
import { SESSION_QUERY_KEY } from '@/lib/session-query-key';

/** The file name from `Content-Disposition: attachment; filename="report.csv"`, else the fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

export async function downloadWithSession(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (response.status === 401) {
    void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    throw new GraphQLRequestError('Your session has ended: sign in again.', 'UNAUTHENTICATED');
  }
  if (!response.ok) {
    const detail = (await response.text()).slice(0, 300);
    throw new GraphQLRequestError(
      `The download failed: ${response.status} ${response.statusText} ${detail}`.trim(),
      `HTTP_${response.status}`,
    );
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
