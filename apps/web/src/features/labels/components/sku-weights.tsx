import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useShipFromAddresses, useSetSkuWeights, useSkuWeights } from '../api/labels.hooks';
import { parseSkuWeights } from '../lib/parse-sku-weights';

/** What one unit of each SKU weighs, per account: a preset's parcel weighs its box plus its units. */
export function SkuWeights({ canEdit }: { canEdit: boolean }) {
  const accounts = useShipFromAddresses();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = accounts.data?.channelAccounts ?? [];
  const accountId = chosen ?? list[0]?.id ?? null;
  return (
    <section className="label-sku-weights" data-testid="sku-weights">
      <h2>SKU weights</h2>
      {list.length > 0 && (
        <label className="field">
          <span>Account</span>
          <select value={accountId ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="sku-weights-account">
            {list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {accountId && <AccountSkuWeights key={accountId} accountId={accountId} canEdit={canEdit} />}
    </section>
  );
}

function AccountSkuWeights({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const weights = useSkuWeights(accountId);
  const save = useSetSkuWeights(accountId);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const rows = weights.data?.skuWeights ?? [];
  return (
    <>
      {weights.isPending ? (
        <Loading label="Loading weights…" />
      ) : weights.isError ? (
        <ErrorState error={weights.error} onRetry={() => void weights.refetch()} />
      ) : rows.length === 0 ? (
        <p className="empty">No SKU weights yet: labels are rated for the weight typed in the ship dialog.</p>
      ) : (
        <div className="table-scroll">
          <table className="grid compact">
            <thead>
              <tr>
                <th>SKU</th>
                <th className="num">Weight (oz)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.sku} data-testid="sku-weight-row" data-sku={row.sku}>
                  <td className="mono">{row.sku}</td>
                  <td className="num">{row.weightOz}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(null);
            const parsed = parseSkuWeights(text);
            if ('error' in parsed) return setProblem(parsed.error);
            setProblem(null);
            save.mutate(parsed.rows, {
              onSuccess: ({ setSkuWeights }) => {
                setText('');
                setSaved(
                  `${setSkuWeights.set.length} weight${setSkuWeights.set.length === 1 ? '' : 's'} saved` +
                    (setSkuWeights.removed.length > 0 ? `, ${setSkuWeights.removed.length} removed` : ''),
                );
              },
            });
          }}
        >
          <label className="field">
            <span>One “SKU, weight in oz” per line (an empty weight removes it)</span>
            <textarea value={text} onChange={(e) => setText(e.target.value)} data-testid="sku-weights-input" />
          </label>
          {problem && (
            <p className="field-error" role="alert" data-testid="sku-weights-problem">
              {problem}
            </p>
          )}
          {saved && (
            <p role="status" data-testid="sku-weights-saved">
              {saved}
            </p>
          )}
          {save.isError && <ErrorState title="Weights not saved" error={save.error} />}
          <button type="submit" className="primary" disabled={save.isPending} data-testid="sku-weights-save">
            {save.isPending ? 'Saving…' : 'Save weights'}
          </button>
        </form>
      )}
    </>
  );
}
