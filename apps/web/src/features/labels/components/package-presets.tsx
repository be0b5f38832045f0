import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { ConfirmAction } from '@/components/confirm-action';
import type { PackagePresetView } from '../api/labels.graphql';
import { useDeletePackagePreset, usePackagePresets, useSavePackagePreset } from '../api/labels.hooks';
import { formatParcel } from '../lib/label-format';
import {
  parsePreset,
  PRESET_MEASURES,
  presetFormValues,
  type PresetField,
  type PresetFormValues,
} from '../lib/preset-form';

/** The boxes labels are bought for: one per SKU set, and the default for everything else. */
export function PackagePresets({ canEdit }: { canEdit: boolean }) {
  const presets = usePackagePresets();
  const [editing, setEditing] = useState<PackagePresetView | 'new' | null>(null);
  const remove = useDeletePackagePreset();
  const list = presets.data?.packagePresets ?? [];

  return (
    <section className="label-presets" data-testid="package-presets">
      <h2>Package presets</h2>
      <p className="muted">
        A label is rated for the preset naming one of the order’s SKUs, else the default. Its weight is the box weight
        plus each SKU’s weight from the catalog times the quantity, when every SKU has one.
      </p>
      {presets.isPending ? (
        <Loading label="Loading presets…" />
      ) : presets.isError ? (
        <ErrorState error={presets.error} onRetry={() => void presets.refetch()} />
      ) : list.length === 0 ? (
        <p className="empty" data-testid="package-presets-empty">
          No presets yet: labels are rated for the package typed in the ship dialog.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="grid compact">
            <thead>
              <tr>
                <th>Name</th>
                <th>Box</th>
                <th>SKUs</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {list.map((preset) => (
                <tr key={preset.id} data-testid="package-preset" data-preset-id={preset.id}>
                  <td>
                    {preset.name}
                    {preset.isDefault && <span className="badge label-mark"> Default</span>}
                  </td>
                  <td>{formatParcel({ ...preset, weightOz: preset.boxWeightOz })}</td>
                  <td className="mono">{preset.skus.join(', ') || '—'}</td>
                  <td>
                    {canEdit && (
                      <div className="row-actions">
                        <button type="button" onClick={() => setEditing(preset)} data-testid="package-preset-edit">
                          Edit
                        </button>
                        <ConfirmAction
                          label="Delete"
                          question={`Delete the preset “${preset.name}”?`}
                          confirmLabel="Delete preset"
                          pending={remove.isPending}
                          error={remove.error}
                          onCancel={() => remove.reset()}
                          onConfirm={(done) => remove.mutate(preset.id, { onSuccess: done })}
                          testId="package-preset-delete"
                        />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit &&
        (editing ? (
          <PresetForm
            key={editing === 'new' ? 'new' : editing.id}
            preset={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : (
          <button type="button" onClick={() => setEditing('new')} data-testid="package-preset-add">
            Add preset
          </button>
        ))}
    </section>
  );
}

function PresetForm({ preset, onDone }: { preset: PackagePresetView | null; onDone: () => void }) {
  const [values, setValues] = useState<PresetFormValues>(() => presetFormValues(preset));
  const [errors, setErrors] = useState<Partial<Record<PresetField, string>>>({});
  const save = useSavePackagePreset();
  const set = (patch: Partial<PresetFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const error = (field: PresetField) =>
    errors[field] && (
      <span className="field-error" role="alert" data-testid={`preset-${field}-error`}>
        {errors[field]}
      </span>
    );
  return (
    <form
      className="label-preset-form"
      data-testid="package-preset-form"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parsePreset(values);
        if (!parsed.ok) return setErrors(parsed.errors);
        setErrors({});
        save.mutate({ ...(preset && { id: preset.id }), ...parsed.preset }, { onSuccess: onDone });
      }}
    >
      <div className="form-grid">
        <label className="field">
          <span>Name</span>
          <input value={values.name} onChange={(e) => set({ name: e.target.value })} data-testid="preset-name" />
          {error('name')}
        </label>
        {PRESET_MEASURES.map(([field, label]) => (
          <label className="field" key={field}>
            <span>{label}</span>
            <input
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              value={values[field]}
              onChange={(e) => set({ [field]: e.target.value })}
              data-testid={`preset-${field}`}
            />
            {error(field)}
          </label>
        ))}
        <label className="field">
          <span>SKUs that ship in it</span>
          <textarea value={values.skus} onChange={(e) => set({ skus: e.target.value })} data-testid="preset-skus" />
        </label>
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={values.isDefault}
            onChange={(e) => set({ isDefault: e.target.checked })}
            data-testid="preset-isDefault"
          />
          <span>Default for orders no preset names</span>
        </label>
      </div>
      {save.isError && <ErrorState title="Preset not saved" error={save.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={save.isPending} data-testid="preset-save">
          {save.isPending ? 'Saving…' : 'Save preset'}
        </button>
      </div>
    </form>
  );
}
