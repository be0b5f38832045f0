import { ErrorState } from '@/components/error-state';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import { useState } from 'react';
import { useMarkBuyerMessageAnswered, useOrderMessages } from '../api/messages.hooks';
import type { BuyerMessageView } from '../lib/message-views';
import { BuyerMessagesList } from './buyer-messages-list';
import { MailReadList } from './mail-read-list';
import { MarkAnsweredDialog } from './mark-answered-dialog';

/** The order page's Messages section: the order's buyer messages with their clocks, and the mail read about it. */
export function OrderMessages({ orderId, timeZone }: { orderId: string; timeZone: string }) {
  const messages = useOrderMessages(orderId);
  const me = useMe();
  const mayMark = actionDeniedReason(me.data?.me.role) === null;
  const mark = useMarkBuyerMessageAnswered();
  const [marking, setMarking] = useState<BuyerMessageView | null>(null);
  if (messages.isPending) return null;
  if (messages.isError) {
    return (
      <section className="panel" data-testid="order-messages">
        <h2>Messages</h2>
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      </section>
    );
  }
  const buyer = messages.data?.buyerMessages ?? [];
  const mail = messages.data?.mailMessages ?? [];
  if (buyer.length === 0 && mail.length === 0) return null;
  return (
    <section className="panel" data-testid="order-messages">
      <h2>Messages</h2>
      {buyer.length > 0 && (
        <BuyerMessagesList
          messages={buyer}
          testId="order-buyer-messages"
          onMarkAnswered={mayMark ? setMarking : undefined}
        />
      )}
      {mail.length > 0 && (
        <>
          <h3>Mail read about this order</h3>
          <MailReadList messages={mail} zoneOf={() => timeZone} testId="order-mail-read" />
        </>
      )}
      {marking && (
        <MarkAnsweredDialog
          message={marking}
          pending={mark.isPending}
          error={mark.error}
          onClose={() => {
            mark.reset();
            setMarking(null);
          }}
          onSubmit={(note) =>
            mark.mutate(
              { id: marking.id, note },
              {
                onSuccess: () => {
                  mark.reset();
                  setMarking(null);
                },
              },
            )
          }
        />
      )}
    </section>
  );
}
