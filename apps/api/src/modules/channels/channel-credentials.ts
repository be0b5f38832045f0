import type { Channel } from '@order-hub/types';
import { channelDescriptor } from './channel-registry';

/** The parsed credentials, or the first problem as [field, message]. */
export function parseCredentials(
  channel: Channel,
  value: unknown,
): { ok: true; value: Record<string, string> } | { ok: false; field: string; message: string } {
  const parsed = channelDescriptor(channel).credentials.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue.path.length ? String(issue.path[0]) : '';
  const message =
    issue.code === 'unrecognized_keys'
      ? `${issue.keys.join(', ')} ${issue.keys.length > 1 ? 'are' : 'is'} not a ${channel} credential`
      : issue.message;
  return { ok: false, field, message };
}
