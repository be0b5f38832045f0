import { useState } from 'react';
import { channelLabel } from '@order-hub/rules';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import type { ShipFromAccountView } from '../api/labels.graphql';
import { useSetShipFrom, useShipFromAddresses } from '../api/labels.hooks';
import { addressLines } from './address-check';
import { ADDRESS_FIELDS, addressFormValues, parseAddress, type AddressField } from '../lib/address-form';

/** Where each account's parcels leave from: labels are rated and printed with it. */
export function ShipFromAddresses({ canEdit }: { canEdit: boolean }) {
  const accounts = useShipFromAddresses();
  return (
    <section className="label-ship-from" data-testid="ship-from">
      <h2>Ship-from address per account</h2>
      {accounts.isPending ? (
        <Loading label="Loading accounts…" />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <ul className="label-ship-from-list">
          {accounts.data.channelAccounts.map((account) => (
            <ShipFromAccount key={account.id} account={account} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ShipFromAccount({ account, canEdit }: { account: ShipFromAccountView; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState(() => addressFormValues(account.shipFrom));
  const [errors, setErrors] = useState<Partial<Record<AddressField, string>>>({});
  const save = useSetShipFrom();
  return (
    <li data-testid="ship-from-account" data-account-id={account.id}>
      <h3>
        {account.name} <span className="muted">· {channelLabel(account.channel)}</span>
      </h3>
      {!editing && (
        <>
          {account.shipFrom ? (
            <address data-testid="ship-from-address">
              {addressLines({ line3: null, ...account.shipFrom }).map((line) => (
                <span key={line}>
                  {line}
                  <br />
                </span>
              ))}
            </address>
          ) : (
            <p className="notice warn" data-testid="ship-from-missing">
              No ship-from address: labels cannot be bought for this account until one is set.
            </p>
          )}
          {canEdit && (
            <button
              type="button"
              onClick={() => {
                setValues(addressFormValues(account.shipFrom));
                setEditing(true);
              }}
              data-testid="ship-from-edit"
            >
              {account.shipFrom ? 'Change' : 'Set address'}
            </button>
          )}
        </>
      )}
      {editing && (
        <form
          data-testid="ship-from-form"
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = parseAddress(values);
            if (!parsed.ok) return setErrors(parsed.errors);
            setErrors({});
            save.mutate({ accountId: account.id, address: parsed.address }, { onSuccess: () => setEditing(false) });
          }}
        >
          <div className="form-grid">
            {ADDRESS_FIELDS.map(([field, label]) => (
              <label className="field" key={field}>
                <span>{label}</span>
                <input
                  value={values[field]}
                  autoComplete="off"
                  onChange={(e) => setValues((current) => ({ ...current, [field]: e.target.value }))}
                  aria-invalid={errors[field] ? true : undefined}
                  data-testid={`ship-from-${field}`}
                />
                {errors[field] && (
                  <span className="field-error" role="alert" data-testid={`ship-from-${field}-error`}>
                    {errors[field]}
                  </span>
                )}
              </label>
            ))}
          </div>
          {save.isError && <ErrorState title="Address not saved" error={save.error} />}
          <div className="dialog-actions">
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={save.isPending} data-testid="ship-from-save">
              {save.isPending ? 'Saving…' : 'Save address'}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
