import { Link } from 'react-router';

/** An address that names no order: said in words, with the way back; nothing to retry. */
export function OrderNotFound({ what }: { what: string }) {
  return (
    <div className="empty" role="status" data-testid="order-not-found">
      <h1>No such order</h1>
      <p>There is no order {what}. It may have been mistyped, or belong to an account you no longer connect.</p>
      <Link to="/" data-testid="order-not-found-inbox">
        Back to the inbox
      </Link>
    </div>
  );
}
