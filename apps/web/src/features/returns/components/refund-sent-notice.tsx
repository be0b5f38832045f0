import { channelLabel } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import type { RefundReturnResultView } from '../api/returns.graphql';
import { useRefundOutboxEntry } from '../api/returns.hooks';
import { refundCallWords } from '../lib/outbox-words';
import { ViolationList } from '@/features/actions/components/violation-list';

interface RefundSentNoticeProps {
  channel: Channel;
  result: RefundReturnResultView;
  onDismiss: () => void;
}

/** "Refund sent to Walmart", then how its channel call goes (followed until the channel takes or refuses it). */
export function RefundSentNotice({ channel, result, onDismiss }: RefundSentNoticeProps) {
  const current = useRefundOutboxEntry(result.outbox.id);
  const entry = current.data ?? result.outbox;
  const words = refundCallWords(channel, entry);
  return (
    <div className="notice outcome" role="status" data-testid="refund-sent">
      <strong>Refund sent to {channelLabel(channel)}.</strong>{' '}
      <span
        className={`refund-call refund-call-${words.tone}`}
        data-testid="refund-sent-state"
        data-status={entry.status}
      >
        {words.text}
      </span>
      <ViolationList violations={result.warnings} testId="refund-sent-warnings" />
      <button type="button" onClick={onDismiss} data-testid="refund-sent-dismiss">
        Dismiss
      </button>
    </div>
  );
}
