import { channelLabel } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { refusalWords } from '@/features/outbox/lib/outbox-format';

/** Where a refund's channel call stands, in words; the channel's own sentence when it refused. */
export function refundCallWords(
  channel: Channel,
  entry: { status: string; refusal?: string | null; lastError?: string | null; attempts: number },
): { text: string; tone: 'ok' | 'bad' | 'pending' } {
  const name = channelLabel(channel);
  switch (entry.status) {
    case 'DELIVERED':
      return { text: `${name} took the refund.`, tone: 'ok' };
    case 'DEAD':
    case 'FAILED': {
      const words = entry.refusal ?? entry.lastError;
      const sentence = words ? refusalWords(words) : 'no reason given';
      return entry.status === 'DEAD' || entry.refusal
        ? { text: `${name} refused the refund: ${sentence}`, tone: 'bad' }
        : { text: `Not sent yet (will retry): ${sentence}`, tone: 'pending' };
    }
    case 'SENDING':
      return { text: `Sending to ${name}…`, tone: 'pending' };
    default:
      if (entry.attempts === 0) return { text: `Waiting to be sent to ${name}.`, tone: 'pending' };
      return entry.lastError
        ? { text: `Not taken yet (will retry): ${refusalWords(entry.lastError)}`, tone: 'pending' }
        : { text: `Sent; waiting for ${name} to confirm.`, tone: 'pending' };
  }
}
