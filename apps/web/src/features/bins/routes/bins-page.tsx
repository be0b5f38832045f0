import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useChannelAccounts } from '@/features/accounts/api/accounts.hooks';
import { useMe } from '@/features/auth/api/auth.hooks';
import { usePageTitle } from '@/lib/use-page-title';
import { useSetSkuBins, useSkuBins } from '../api/bins.hooks';
import { parseBins } from '../lib/parse-bins';

/** `/settings/bins`: where each SKU sits in the warehouse, per account; the pick list is printed in bin order. */
export function BinsPage() {
  usePageTitle('Bins');
  const accounts = useChannelAccounts();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = accounts.data?.channelAccounts ?? [];
  const accountId = chosen ?? list[0]?.id ?? null;
  return (
    <div className="bins-page" data-testid="bins-page">
      <p>
        <Link to="/settings/accounts">← Channel accounts</Link>
      </p>
      <h1>Bins</h1>
      <p className="muted">
        Where each SKU sits in your warehouse. The pick list is printed in bin order, so a picker walks the shelves
        once.
      </p>
      {accounts.isPending ? (
        <Loading label="Loading accounts…" />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : list.length === 0 ? (
        <p className="empty">
          No channel account yet. <Link to="/settings/accounts">Add one</Link> first.
        </p>
      ) : (
        <>
          <label className="field">
            <span>Account</span>
            <select value={accountId ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="bins-account">
              {list.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          {accountId && <AccountBins key={accountId} accountId={accountId} />}
        </>
      )}
    </div>
  );
}

function AccountBins({ accountId }: { accountId: string }) {
  const me = useMe();
  const canEdit = me.data?.me.role !== 'VIEWER';
  const [after, setAfter] = useState<string[]>([]);
  const bins = useSkuBins(accountId, after.at(-1) ?? null);
  const save = useSetSkuBins(accountId);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const parsed = parseBins(text);
    if ('error' in parsed) {
      setProblem(parsed.error);
      return;
    }
    setProblem(null);
    save.mutate(parsed.rows, {
      onSuccess: (data) => {
        const { set, removed } = data.setSkuBins;
        setText('');
        setSaved(
          [
            set.length && `${set.length} ${set.length === 1 ? 'bin' : 'bins'} saved`,
            removed.length && `${removed.length} removed`,
          ]
            .filter(Boolean)
            .join(', ') || 'Nothing changed',
        );
      },
    });
  };
  const remove = (sku: string) => save.mutate([{ sku, bin: '' }], { onSuccess: () => setSaved(`${sku}: bin removed`) });

  return (
    <>
      {canEdit && (
        <form className="panel bins-form" onSubmit={submit} data-testid="bins-form">
          <label className="field">
            <span>Set bins: one “SKU, bin” per line (paste from a spreadsheet; an empty bin removes it)</span>
            <textarea
              rows={5}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={'MUG-BLUE, A-03\nTEA-GREEN, B-12'}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'bins-problem' : undefined}
              data-testid="bins-input"
            />
          </label>
          {problem && (
            <p className="field-error" id="bins-problem" role="alert" data-testid="bins-problem">
              {problem}
            </p>
          )}
          {save.isError && <ErrorState title="The bins were not saved" error={save.error} />}
          <button type="submit" disabled={save.isPending} data-testid="bins-save">
            {save.isPending ? 'Saving…' : 'Save bins'}
          </button>
          {saved && (
            <span className="muted" role="status" data-testid="bins-saved">
              {saved}
            </span>
          )}
        </form>
      )}
      {bins.isPending ? (
        <Loading label="Loading bins…" />
      ) : bins.isError ? (
        <ErrorState error={bins.error} onRetry={() => void bins.refetch()} />
      ) : bins.data.skuBins.totalCount === 0 ? (
        <p className="empty" data-testid="bins-empty">
          No bins yet: the pick list lists SKUs by SKU until you set some.
        </p>
      ) : (
        <>
          <p className="muted">
            {bins.data.skuBins.totalCount} {bins.data.skuBins.totalCount === 1 ? 'SKU has' : 'SKUs have'} a bin.
          </p>
          <table className="grid compact" data-testid="bins-table">
            <thead>
              <tr>
                <th>SKU</th>
                <th>Bin</th>
                {canEdit && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {bins.data.skuBins.edges.map(({ node }) => (
                <tr key={node.sku} data-testid="bin-row" data-sku={node.sku}>
                  <td className="mono">{node.sku}</td>
                  <td>{node.bin}</td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => remove(node.sku)}
                        disabled={save.isPending}
                        aria-label={`Remove the bin of ${node.sku}`}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            {after.length > 0 && (
              <button type="button" onClick={() => setAfter(after.slice(0, -1))}>
                ← Previous
              </button>
            )}
            {bins.data.skuBins.pageInfo.hasNextPage && (
              <button type="button" onClick={() => setAfter([...after, bins.data.skuBins.pageInfo.endCursor!])}>
                Next →
              </button>
            )}
          </div>
        </>
      )}
    </>
  );
}
