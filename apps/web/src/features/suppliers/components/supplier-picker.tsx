import { useSuppliers } from '../api/suppliers.hooks';

interface SupplierPickerProps {
  value: string;
  onChange: (supplierId: string) => void;
  disabled?: boolean;
}

/** The CSV upload's supplier: the file's rows count as that supplier's tracking (its purchase orders are marked). */
export function SupplierPicker({ value, onChange, disabled }: SupplierPickerProps) {
  const suppliers = useSuppliers();
  return (
    <label className="field">
      <span>From supplier (optional)</span>
      <select
        value={value}
        disabled={disabled || suppliers.isPending}
        onChange={(event) => onChange(event.target.value)}
        data-testid="csv-supplier-id"
      >
        <option value="">{suppliers.isError ? 'Suppliers could not be loaded' : 'Not from a supplier'}</option>
        {(suppliers.data ?? [])
          .filter((s) => s.active || s.id === value)
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
      </select>
    </label>
  );
}
