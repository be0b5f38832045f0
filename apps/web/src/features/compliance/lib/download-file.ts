// Downloads behind the api's bearer token: a plain link would not carry it, so fetch, then save the blob.
import { GraphQLRequestError } from '@/lib/graphql-client';
import { signOut } from '@/lib/api';
import { tokenStore } from '@/lib/token-store';

/** The file name from `Content-Disposition: attachment; filename="report.csv"`, else the fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

export async function downloadWithToken(url: string, fallbackName: string): Promise<void> {
  const token = tokenStore.get();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status === 401) {
    signOut();
    throw new GraphQLRequestError('Your session has ended: sign in again', 'UNAUTHENTICATED');
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
