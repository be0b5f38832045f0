import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { MCF_PROVIDER_CHANNELS } from '@order-hub/rules/channels';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatZonedDateTime } from '@/lib/format';
import { usePageTitle } from '@/lib/use-page-title';
import { formatActor } from '@/lib/actor-format';
import { useChannelAccounts } from '@/features/accounts/api/accounts.hooks';
import { accountPermissions } from '@/features/accounts/lib/account-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { McfSkuMappingView } from '../api/sku-map.graphql';
import { useDeleteMcfSkuMapping, useMcfSkuMappings, useSetMcfSkuMappings } from '../api/sku-map.hooks';
import { parseSkuPaste } from '../lib/sku-paste';

/**
 * The MCF SKU map: which Amazon seller SKU Amazon ships for a Walmart SKU, per Amazon account, with the units MCF
 * can fulfil of it now. Opened from a refusal naming InvalidSKU with that SKU filled in (`?sku=…&account=…`).
 */
export function McfSkuMapPage() {
  usePageTitle('MCF SKU map');
  const [params] = useSearchParams();
  const me = useMe();
  const { canManage } = accountPermissions(me.data?.me.role);
  const accounts = useChannelAccounts();
  const amazon = (accounts.data?.channelAccounts ?? []).filter((a) => MCF_PROVIDER_CHANNELS.includes(a.channel));
  const [chosen, setChosen] = useState(params.get('account') ?? '');
  const accountId = amazon.some((a) => a.id === chosen) ? chosen : (amazon[0]?.id ?? null);
  const timeZone = amazon.find((a) => a.id === accountId)?.timeZone;
  const [search, setSearch] = useState('');
  const mappings = useMcfSkuMappings(accountId, search);

  return (
    <section className="page" data-testid="mcf-sku-map-page">
      <div className="page-head">
        <h1>MCF SKU map</h1>
      </div>
      <p className="muted">
        When a Walmart SKU is not the SKU Amazon knows, map it here: orders sent to Amazon MCF then ask for the Amazon
        SKU. Unmapped SKUs are sent as they are.
      </p>
      <div className="toolbar">
        <label className="field">
          <span>Amazon account</span>
          <select
            value={accountId ?? ''}
            onChange={(event) => setChosen(event.target.value)}
            disabled={amazon.length === 0}
            data-testid="sku-map-account"
          >
            {amazon.length === 0 && <option value="">{accounts.isPending ? 'Loading…' : 'No Amazon account'}</option>}
            {amazon.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Find a SKU</span>
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="sku-map-search"
          />
        </label>
      </div>
      {accounts.isError && <ErrorState title="Accounts unavailable" error={accounts.error} />}
      {canManage && accountId && (
        <MappingForm key={accountId} accountId={accountId} initialSku={params.get('sku') ?? ''} />
      )}
      {mappings.isPending ? (
        <Loading label="Loading the SKU map…" />
      ) : mappings.isError ? (
        <ErrorState error={mappings.error} onRetry={() => void mappings.refetch()} />
      ) : mappings.data.length === 0 ? (
        <p className="empty" data-testid="sku-map-empty">
          {search ? 'No mapping matches.' : 'No SKUs mapped yet: every Walmart SKU is sent to Amazon as it is.'}
        </p>
      ) : (
        <MappingTable rows={mappings.data} canManage={canManage} timeZone={timeZone} />
      )}
    </section>
  );
}

function MappingForm({ accountId, initialSku }: { accountId: string; initialSku: string }) {
  const save = useSetMcfSkuMappings();
  const [sellerSku, setSellerSku] = useState(initialSku);
  const [amazonSku, setAmazonSku] = useState('');
  const [paste, setPaste] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const pasted = parseSkuPaste(paste);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const rows = paste.trim() ? pasted.rows : [{ sellerSku: sellerSku.trim(), amazonSku: amazonSku.trim() }];
    save.mutate(
      rows.map((row) => ({ ...row, mcfAccountId: accountId })),
      {
        onSuccess: (data) => {
          const n = data.setMcfSkuMappings.length;
          setSaved(n === 1 ? `Saved: ${rows[0].sellerSku} → ${rows[0].amazonSku}.` : `Saved ${n} mappings.`);
          setSellerSku('');
          setAmazonSku('');
          setPaste('');
        },
      },
    );
  };
  const pasting = paste.trim().length > 0;
  const ready = pasting ? pasted.rows.length > 0 && pasted.problems.length === 0 : sellerSku.trim() && amazonSku.trim();

  return (
    <form className="panel sku-map-form" onSubmit={submit} data-testid="sku-map-form">
      <h2>Map a SKU</h2>
      <div className="form-row">
        <label className="field">
          <span>Walmart SKU</span>
          <input
            value={sellerSku}
            onChange={(event) => setSellerSku(event.target.value)}
            disabled={pasting}
            maxLength={100}
            data-testid="sku-map-seller-sku"
          />
        </label>
        <label className="field">
          <span>Amazon seller SKU</span>
          <input
            value={amazonSku}
            onChange={(event) => setAmazonSku(event.target.value)}
            disabled={pasting}
            maxLength={40}
            autoFocus={initialSku !== ''}
            data-testid="sku-map-amazon-sku"
          />
        </label>
      </div>
      <details>
        <summary>Paste many</summary>
        <label className="field">
          <span>One per line: Walmart SKU, Amazon SKU (a spreadsheet’s two columns work too)</span>
          <textarea
            rows={5}
            value={paste}
            onChange={(event) => setPaste(event.target.value)}
            data-testid="sku-map-paste"
          />
        </label>
        {pasted.problems.length > 0 && (
          <ul className="field-error" data-testid="sku-map-paste-problems">
            {pasted.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </details>
      <button type="submit" className="primary" disabled={!ready || save.isPending} data-testid="sku-map-save">
        {save.isPending ? 'Saving…' : pasting ? `Save ${pasted.rows.length} mappings` : 'Save mapping'}
      </button>
      {save.isError && <ErrorState title="Not saved" error={save.error} />}
      {saved && (
        <p className="notice" role="status" data-testid="sku-map-saved">
          {saved} Orders sent to Amazon from now on ask for the Amazon SKU; route a refused order again to resend it.
        </p>
      )}
    </form>
  );
}

function MappingTable({
  rows,
  canManage,
  timeZone,
}: {
  rows: readonly McfSkuMappingView[];
  canManage: boolean;
  timeZone: string | undefined;
}) {
  const remove = useDeleteMcfSkuMapping();
  return (
    <>
      {remove.isError && <ErrorState title="Not removed" error={remove.error} />}
      <table className="grid" data-testid="sku-map-table">
        <thead>
          <tr>
            <th>Walmart SKU</th>
            <th>Amazon seller SKU</th>
            <th>MCF stock</th>
            <th>Changed</th>
            {canManage && <th aria-label="Actions" />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="sku-map-row" data-sku={row.sellerSku}>
              <td className="mono">{row.sellerSku}</td>
              <td className="mono">{row.amazonSku}</td>
              <td
                data-testid="sku-map-stock"
                title={`Asked Amazon ${formatZonedDateTime(row.mcfStock.checkedAt, timeZone)}`}
              >
                {row.mcfStock.units !== null ? (
                  `${row.mcfStock.units} units`
                ) : (
                  <span className="bad">Stock unavailable: {row.mcfStock.unavailable}</span>
                )}
              </td>
              <td>
                {formatZonedDateTime(row.updatedAt, timeZone)} by {formatActor(row.updatedBy)}
              </td>
              {canManage && (
                <td>
                  <button
                    type="button"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(row.id)}
                    aria-label={`Remove the mapping of ${row.sellerSku}`}
                    data-testid="sku-map-delete"
                  >
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
