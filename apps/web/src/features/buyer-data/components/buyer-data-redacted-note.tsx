import { formatZonedDateTime } from '@/lib/format';

interface BuyerDataRedactedNoteProps {
  /** Order.buyerDataRedactedAt; nothing is shown while the buyer's details are kept. */
  redactedAt: string | null | undefined;
  /** Order.buyerDataRetentionDays. */
  retentionDays: number;
  /** The order's channel as the api names it (AMAZON, WALMART). */
  channel: string;
  /** The account's IANA zone, as the rest of the order page. */
  timeZone?: string;
}

const channelInWords = (channel: string) => channel.charAt(0) + channel.slice(1).toLowerCase();

/** "Buyer details removed on Dec 3, 09:05 CST (Amazon orders keep them 30 days after delivery)." */
export function BuyerDataRedactedNote({ redactedAt, retentionDays, channel, timeZone }: BuyerDataRedactedNoteProps) {
  if (!redactedAt) return null;
  return (
    <p className="notice" data-testid="buyer-data-redacted">
      Buyer details removed on {formatZonedDateTime(redactedAt, timeZone)} ({channelInWords(channel)} orders keep them{' '}
      {retentionDays} days after delivery). City, state, ZIP3, dates and tracking remain.
    </p>
  );
}
