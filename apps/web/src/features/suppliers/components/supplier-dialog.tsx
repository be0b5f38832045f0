import type { PurchaseOrderFormat, PurchaseOrderMethod } from '@order-hub/types';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import type { SupplierView } from '../api/supplier-views';
import { useSaveSupplier } from '../api/suppliers.hooks';
import {
  checkSupplierForm,
  emptySupplierForm,
  PO_FORMAT_WORDS,
  PO_METHOD_WORDS,
  supplierFormOf,
  type SupplierFormValues,
} from '../lib/supplier-form';

interface SupplierDialogProps {
  /** Null: a new supplier. */
  supplier: SupplierView | null;
  onClose: () => void;
  onDone: (supplier: SupplierView) => void;
}

type Errors = Partial<Record<keyof SupplierFormValues, string>>;

/** Adds or edits a supplier: contact, where purchase orders go and how, who it mails from, and its clock. */
export function SupplierDialog({ supplier, onClose, onDone }: SupplierDialogProps) {
  const [values, setValues] = useState<SupplierFormValues>(() =>
    supplier ? supplierFormOf(supplier) : emptySupplierForm(),
  );
  const [errors, setErrors] = useState<Errors>({});
  const save = useSaveSupplier();
  const set = (patch: Partial<SupplierFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSupplierForm(values);
    setErrors(checked.errors ?? {});
    if (!checked.input) return;
    save.mutate({ id: supplier?.id ?? null, input: checked.input }, { onSuccess: (saved) => onDone(saved) });
  };

  const text = (key: keyof SupplierFormValues, label: string, extra: { type?: string; inputMode?: 'numeric' } = {}) => (
    <Field name={key} label={label} error={errors[key]}>
      <input
        type={extra.type ?? 'text'}
        inputMode={extra.inputMode}
        value={values[key] as string}
        aria-invalid={Boolean(errors[key])}
        aria-describedby={errors[key] ? `supplier-${key}-error` : undefined}
        onChange={(event) => set({ [key]: event.target.value })}
        data-testid={`supplier-${key}`}
      />
    </Field>
  );

  return (
    <Dialog title={supplier ? `Edit ${supplier.name}` : 'Add a supplier'} testId="supplier-dialog" onClose={onClose}>
      <form onSubmit={submit} noValidate className="supplier-form">
        <div className="form-grid">
          {text('name', 'Name')}
          {text('contactName', 'Contact (optional)')}
          {text('email', 'E-mail for purchase orders', { type: 'email' })}
          {text('phone', 'Phone (optional)', { type: 'tel' })}
          {text('leadTimeBusinessDays', 'Lead time (business days)', { inputMode: 'numeric' })}
          {text('trackingDeadlineHours', 'Tracking due, hours before ship-by', { inputMode: 'numeric' })}
        </div>
        <Field
          name="senderAddresses"
          label="It sends tracking from (addresses or @domains, one per line)"
          error={errors.senderAddresses}
        >
          <textarea
            rows={3}
            value={values.senderAddresses}
            aria-invalid={Boolean(errors.senderAddresses)}
            aria-describedby={errors.senderAddresses ? 'supplier-senderAddresses-error' : undefined}
            onChange={(event) => set({ senderAddresses: event.target.value })}
            data-testid="supplier-senderAddresses"
          />
        </Field>
        <div className="form-grid">
          <label className="field">
            <span>Purchase orders go</span>
            <select
              value={values.poMethod}
              onChange={(event) => set({ poMethod: event.target.value as PurchaseOrderMethod })}
              data-testid="supplier-poMethod"
            >
              {Object.entries(PO_METHOD_WORDS).map(([code, words]) => (
                <option key={code} value={code}>
                  {words}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Attached as</span>
            <select
              value={values.poFormat}
              disabled={values.poMethod !== 'EMAIL'}
              onChange={(event) => set({ poFormat: event.target.value as PurchaseOrderFormat })}
              data-testid="supplier-poFormat"
            >
              {Object.entries(PO_FORMAT_WORDS).map(([code, words]) => (
                <option key={code} value={code}>
                  {words}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={values.active}
            onChange={(event) => set({ active: event.target.checked })}
            data-testid="supplier-active"
          />{' '}
          Active (orders for its SKUs go to it)
        </label>
        {save.isError && <ErrorState title="Not saved" error={save.error} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={save.isPending} data-testid="supplier-save">
            {save.isPending ? 'Saving…' : supplier ? 'Save' : 'Add supplier'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function Field({ name, label, error, children }: { name: string; label: string; error?: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      {error && (
        <small id={`supplier-${name}-error`} className="violation block" data-testid={`supplier-${name}-error`}>
          {error}
        </small>
      )}
    </label>
  );
}
