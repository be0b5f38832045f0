import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { AdminOnly } from '@/features/auth/components/admin-only';
import { AdminSettingsNav } from '@/layout/admin-settings-nav';
import { useApiTokens } from '../api/api-tokens.hooks';
import { ApiTokensTable } from '../components/api-tokens-table';
import { CreateTokenDialog } from '../components/create-token-dialog';
import { usePageTitle } from '@/lib/use-page-title';

/** `/settings/api-tokens` (ADMIN): bearer tokens for machines; people sign in as themselves. */
export function ApiTokensPage() {
  usePageTitle('API tokens');
  return (
    <section className="api-tokens-page" data-testid="api-tokens-page">
      <div className="page-head">
        <h1>API tokens</h1>
      </div>
      <AdminSettingsNav />
      <AdminOnly can="manage API tokens">
        <TokensPanel />
      </AdminOnly>
    </section>
  );
}

function TokensPanel() {
  const tokens = useApiTokens();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="action-bar">
        <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="token-new">
          Create a token
        </button>
        <span className="hint">For scripts and integrations calling the API with a bearer token.</span>
      </div>
      {tokens.isPending ? (
        <Loading label="Loading tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <ApiTokensTable tokens={tokens.data.apiTokens} />
      )}
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} />}
    </>
  );
}
