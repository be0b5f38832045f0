import { formatCompactJson, formatDateTime } from '../../../lib/format';
import type { OrderDetail } from '../api/orders.graphql';

export function AuditEventsTable({ events }: { events: OrderDetail['auditEvents'] }) {
  return (
    <section className="panel" data-testid="order-audit">
      <h2>Audit</h2>
      {events.length === 0 ? (
        <p className="muted">No events.</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} data-testid="audit-event">
                <td>{formatDateTime(event.occurredAt)}</td>
                <td>{event.actor}</td>
                <td>{event.action}</td>
                <td className="json">{formatCompactJson(event.before)}</td>
                <td className="json">{formatCompactJson(event.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
