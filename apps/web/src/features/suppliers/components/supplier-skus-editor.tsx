import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { useSetSupplierSkus, useSupplierAccounts } from '../api/suppliers.hooks';
import { checkSkuRows, rowsFromText, type SkuRow } from '../lib/sku-rows';

interface SupplierSkusEditorProps {
  supplierId: string;
  skus: readonly { sku: string; accountId?: string | null }[];
  /** Absent for a role that may not change them: the list is read-only. */
  editable: boolean;
}

/** The SKUs the supplier ships (each for any account or one): an order whose every line maps here is "for" it. */
export function SupplierSkusEditor({ supplierId, skus, editable }: SupplierSkusEditorProps) {
  const accounts = useSupplierAccounts();
  const accountName = (id: string | null | undefined) =>
    id ? (accounts.data?.find((a) => a.id === id)?.name ?? 'an account no longer connected') : 'Any account';
  const [editing, setEditing] = useState<SkuRow[] | null>(null);
  const [paste, setPaste] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useSetSupplierSkus();

  if (!editing) {
    return (
      <section className="panel" data-testid="supplier-skus" aria-labelledby="skus-title">
        <div className="panel-head">
          <h2 id="skus-title">SKUs ({skus.length})</h2>
          {editable && (
            <button
              type="button"
              onClick={() => setEditing(skus.map((s) => ({ sku: s.sku, accountId: s.accountId ?? '' })))}
              data-testid="skus-edit"
            >
              Edit SKUs
            </button>
          )}
        </div>
        {skus.length === 0 ? (
          <p className="empty">No SKUs: no order goes to this supplier yet.</p>
        ) : (
          <ul className="sku-list" data-testid="sku-list">
            {skus.map((s) => (
              <li key={`${s.sku}|${s.accountId ?? ''}`} data-testid="sku-item">
                <span className="mono">{s.sku}</span> <span className="muted">({accountName(s.accountId)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  const update = (index: number, patch: Partial<SkuRow>) =>
    setEditing((rows) => rows!.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const submit = () => {
    const checked = checkSkuRows(editing);
    setError(checked.error);
    if (!checked.skus) return;
    save.mutate({ supplierId, skus: checked.skus }, { onSuccess: () => setEditing(null) });
  };

  return (
    <section className="panel" data-testid="supplier-skus" aria-labelledby="skus-title">
      <h2 id="skus-title">SKUs</h2>
      <div className="table-scroll">
        <table className="grid compact">
          <thead>
            <tr>
              <th>SKU</th>
              <th>Account</th>
              <th>
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {editing.map((row, index) => (
              <tr key={index} data-testid="sku-row">
                <td>
                  <input
                    className="mono"
                    value={row.sku}
                    aria-label={`SKU on row ${index + 1}`}
                    onChange={(event) => update(index, { sku: event.target.value })}
                    data-testid="sku-input"
                  />
                </td>
                <td>
                  <select
                    value={row.accountId}
                    aria-label={`Account for row ${index + 1}`}
                    onChange={(event) => update(index, { accountId: event.target.value })}
                    data-testid="sku-account"
                  >
                    <option value="">Any account</option>
                    {(accounts.data ?? []).map((account) => (
                      <option key={account.id} value={account.id}>
                        {account.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={`Remove ${row.sku || `row ${index + 1}`}`}
                    onClick={() => setEditing((rows) => rows!.filter((_, i) => i !== index))}
                    data-testid="sku-remove"
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sku-tools">
        <button
          type="button"
          onClick={() => setEditing((rows) => [...rows!, { sku: '', accountId: '' }])}
          data-testid="sku-add"
        >
          Add a SKU
        </button>
        <label className="field">
          <span>Or paste SKUs (one per line or separated by commas)</span>
          <textarea rows={2} value={paste} onChange={(event) => setPaste(event.target.value)} data-testid="sku-paste" />
        </label>
        <button
          type="button"
          disabled={paste.trim() === ''}
          onClick={() => {
            setEditing((rows) => [...rows!.filter((r) => r.sku.trim() !== ''), ...rowsFromText(paste)]);
            setPaste('');
          }}
          data-testid="sku-paste-add"
        >
          Add pasted SKUs
        </button>
      </div>
      {error && (
        <p className="violation block" role="alert" data-testid="sku-error">
          {error}
        </p>
      )}
      {save.isError && <ErrorState title="SKUs not saved" error={save.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={() => setEditing(null)}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={save.isPending} onClick={submit} data-testid="skus-save">
          {save.isPending ? 'Saving…' : 'Save SKUs'}
        </button>
      </div>
    </section>
  );
}
