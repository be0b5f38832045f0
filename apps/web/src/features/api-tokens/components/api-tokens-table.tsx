import { ConfirmAction } from '@/components/confirm-action';
import { RelativeTime } from '@/components/relative-time';
import { formatDateTime, isPast } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import type { ApiTokenRow } from '../api/api-tokens.graphql';
import { useRevokeApiToken } from '../api/api-tokens.hooks';

export function ApiTokensTable({ tokens }: { tokens: readonly ApiTokenRow[] }) {
  const now = useNow(60_000);
  return (
    <div className="table-scroll">
      <table className="grid stack-table" data-testid="api-tokens-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Acts for</th>
            <th scope="col">Prefix</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} data-testid="token-row" data-name={token.name}>
              <td data-label="Name">{token.name}</td>
              <td data-label="Role">{token.role}</td>
              <td data-label="Acts for" data-testid="token-acts-for">
                {token.user ? token.user.email : <span className="muted">integration</span>}
              </td>
              <td data-label="Prefix">
                <code>{token.prefix}…</code>
              </td>
              <td data-label="Created">{formatDateTime(token.createdAt)}</td>
              <td data-label="Expires">
                {token.expiresAt ? formatDateTime(token.expiresAt) : <span className="muted">never</span>}
              </td>
              <td data-label="Last used">
                <RelativeTime at={token.lastUsedAt} now={now} empty="never" />
              </td>
              <td data-label="State" data-testid="token-state">
                <TokenState token={token} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TokenState({ token, now }: { token: ApiTokenRow; now: number }) {
  const revoke = useRevokeApiToken();
  if (token.revokedAt) return <span className="muted">revoked {formatDateTime(token.revokedAt)}</span>;
  if (isPast(token.expiresAt, now)) return <span className="muted">expired</span>;
  return (
    <ConfirmAction
      label="Revoke"
      question={
        <>
          Revoke <strong>{token.name}</strong>? Whatever uses it is refused from now on.
        </>
      }
      confirmLabel="Revoke token"
      pending={revoke.isPending}
      error={revoke.error}
      onCancel={() => revoke.reset()}
      onConfirm={(done) => revoke.mutate(token.id, { onSuccess: done })}
      testId="token-revoke"
    />
  );
}
