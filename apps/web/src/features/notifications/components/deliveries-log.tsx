import { formatZonedDateTime } from '@/lib/format';
import type { NotificationDeliveryView } from '../lib/notification-views';
import { deliveryKindWords, deliveryStatusWords, deliveryTone, targetWords } from '../lib/notification-words';

interface DeliveriesLogProps {
  deliveries: readonly NotificationDeliveryView[];
  /** Rule id → its name and zone. */
  rules: ReadonlyMap<string, { name: string; timeZone: string }>;
}

/** What was sent to whom and how it went: status in words, the last error the target gave, never a raw code alone. */
export function DeliveriesLog({ deliveries, rules }: DeliveriesLogProps) {
  return (
    <div className="table-scroll">
      <table className="grid stack-table" data-testid="deliveries">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Rule</th>
            <th scope="col">To</th>
            <th scope="col">What</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => {
            const rule = rules.get(delivery.ruleId);
            return (
              <tr key={delivery.id} data-testid="delivery" data-status={delivery.status}>
                <td data-label="When">{formatZonedDateTime(delivery.createdAt, rule?.timeZone)}</td>
                <td data-label="Rule">{delivery.ruleName ?? rule?.name ?? 'A removed rule'}</td>
                <td data-label="To" className="wrap">
                  {targetWords(delivery)}
                </td>
                <td data-label="What" className="wrap">
                  {deliveryKindWords(delivery)}
                  {delivery.summary && <span className="message-excerpt">{delivery.summary}</span>}
                </td>
                <td data-label="Status" className="wrap" data-testid="delivery-status">
                  <span className={`message-clock message-clock-${deliveryTone(delivery.status)}`}>
                    {deliveryStatusWords(delivery, rule?.timeZone)}
                  </span>
                  {delivery.lastError && (
                    <span className="message-excerpt" data-testid="delivery-error">
                      {delivery.lastError}
                      {delivery.responseStatus ? ` (the server answered ${delivery.responseStatus})` : ''}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
